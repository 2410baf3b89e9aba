/**
 * Every LICENSE function by the id Excel calls it by, for hosts where the build's generated
 * CustomFunctions.associate calls do not run (the in-memory host's calculation engine, the benchmark).
 */
import * as pure from "./functions";
import * as live from "./liveFunctions";

export const LICENSE_FUNCTIONS: ReadonlyMap<string, (...args: never[]) => unknown> = new Map<
  string,
  (...args: never[]) => unknown
>([
  ["AVAILABLE", pure.available],
  ["SHORTFALL", pure.shortfall],
  ["COMPLIANCE", pure.compliance],
  ["COUNTUSED", pure.countUsed],
  ["DAYSTOEXPIRY", pure.daysToExpiryFn],
  ["RENEWALSTATUS", pure.renewalStatusFn],
  ["ANNUALCOST", pure.annualCostFn],
  ["TRUEUP", pure.trueUp],
  ["USED", live.used],
  ["STATUS", live.status],
  ["POSITION", live.position],
  ["FIGURE", live.figure],
  ["RENEWALS", live.renewals],
]);

/** The functions that stream (their last parameter is the invocation). */
export const STREAMING_FUNCTIONS: readonly string[] = ["USED", "STATUS", "POSITION", "FIGURE", "RENEWALS"];
