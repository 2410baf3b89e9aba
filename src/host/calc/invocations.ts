import type { CellValue } from "../inputParsing";
import { isErrorValue } from "./references";

/**
 * Calling one custom function for one cell, as Excel's JavaScript runtime does: arguments in declared order
 * with null for omitted optional ones, then the invocation object as the last argument; results, promises,
 * thrown CustomFunctions.Error and streaming setResult calls turned into what the cell shows.
 */

export type CustomFunction = (...args: unknown[]) => unknown;

/** The part of functions.json the engine reads (custom-functions-metadata's output). */
export interface FunctionMetadata {
  id: string;
  parameters?: { name: string }[];
  options?: {
    stream?: boolean;
    cancelable?: boolean;
    requiresAddress?: boolean;
    requiresParameterAddresses?: boolean;
  };
}

/** What `invocation` is for a call: CustomFunctions.StreamingInvocation plus Invocation's members. */
export interface CellInvocation {
  address: string;
  functionName: string;
  parameterAddresses: string[];
  setResult(value: unknown): void;
  onCanceled?: () => void;
}

/** What a cell shows for a result: a value, an error with its message, or an array that spills. */
export type CellResult =
  | { kind: "value"; value: CellValue }
  | { kind: "error"; code: string; message: string }
  | { kind: "array"; rows: CellValue[][] };

/** One call of a function for one cell. Cancelling it calls onCanceled once and ignores later results. */
export class ActiveInvocation {
  canceled = false;
  /** True once the call returned (or resolved) a single result: nothing more will come. */
  settled = false;
  readonly invocation: CellInvocation;

  constructor(
    address: () => string,
    functionName: string,
    parameterAddresses: () => string[],
    onResult: (r: CellResult) => void,
  ) {
    let addressText: string | undefined;
    let parameterTexts: string[] | undefined;
    // Addresses are formatted when a function reads them: most never do, and a register has many cells.
    this.invocation = {
      get address() {
        return (addressText ??= address());
      },
      get parameterAddresses() {
        return (parameterTexts ??= parameterAddresses());
      },
      functionName,
      setResult: (value: unknown) => {
        if (!this.canceled) onResult(toCellResult(value));
      },
    };
  }

  cancel(): void {
    if (this.canceled) return;
    this.canceled = true;
    try {
      this.invocation.onCanceled?.();
    } catch {
      // A failing clean-up must not stop the calculation; Excel ignores it too.
    }
  }
}

export interface CallShape {
  /** Parameters declared before the invocation parameter. */
  declared: number;
  /** The function takes `invocation` itself (declared in its signature or metadata). */
  takesInvocation: boolean;
  /** Metadata says stream: the return value is ignored and results come through setResult. */
  streaming: boolean;
  /** The parameter list is known (metadata or a readable signature), so extra arguments are an error. */
  known: boolean;
}

/**
 * Where the invocation goes. With metadata: after the declared parameters (Excel passes it to every
 * function). Without: the function's own parameter list, read from its source; a last parameter named
 * `invocation` is the invocation, and ids in `streaming` are taken to end with one.
 */
export function callShape(
  fn: CustomFunction,
  metadata?: FunctionMetadata,
  streamingIds?: ReadonlySet<string>,
  id?: string,
): CallShape {
  if (metadata?.parameters) {
    const options = metadata.options ?? {};
    return {
      declared: metadata.parameters.length,
      takesInvocation: true,
      streaming: options.stream === true,
      known: true,
    };
  }
  const names = parameterNames(fn);
  const listed = id !== undefined && streamingIds?.has(id) === true;
  if (!names) {
    return listed
      ? { declared: Math.max(0, fn.length - 1), takesInvocation: true, streaming: true, known: false }
      : { declared: fn.length, takesInvocation: false, streaming: false, known: false };
  }
  const last = names[names.length - 1];
  const takesInvocation = listed || (last !== undefined && /^_?invocation$/i.test(last));
  return {
    declared: takesInvocation ? names.length - 1 : names.length,
    takesInvocation,
    streaming: listed,
    known: true,
  };
}

const shapeCache = new WeakMap<CustomFunction, string[] | null>();

/** Parameter names from a function's source, or undefined when the list is not plain names. */
export function parameterNames(fn: CustomFunction): string[] | undefined {
  let names = shapeCache.get(fn);
  if (names === undefined) {
    names = null;
    const source = Function.prototype.toString.call(fn);
    const list = /^[^(]*\(([^)]*)\)/.exec(source) ?? /^\s*(?:async\s+)?([A-Za-z_$][\w$]*)\s*=>/.exec(source);
    if (list) {
      const parts = list[1]
        .replace(/\/\*[\s\S]*?\*\//g, "")
        .split(",")
        .map((part) => part.replace(/=[\s\S]*$/, "").trim())
        .filter((part) => part !== "");
      if (parts.every((part) => /^[A-Za-z_$][\w$]*$/.test(part))) names = parts;
    }
    shapeCache.set(fn, names);
  }
  return names ?? undefined;
}

/** The argument list for a call: given values, null for omitted ones, then the invocation where it goes. */
export function argumentList(
  values: unknown[],
  shape: CallShape,
  invocation: CellInvocation,
): unknown[] | string {
  if (values.length > shape.declared && (shape.known || shape.takesInvocation))
    return `The function takes ${shape.declared} argument${shape.declared === 1 ? "" : "s"}; the formula gives ${values.length}.`;
  const list = values.slice();
  while (list.length < shape.declared) list.push(null);
  list.push(invocation);
  return list;
}

/** Error codes a thrown or returned error shows as; anything that is not a CustomFunctions.Error is #VALUE!. */
export function errorResult(error: unknown): CellResult {
  if (error && typeof error === "object") {
    const { code, message } = error as { code?: unknown; message?: unknown };
    const text = typeof message === "string" ? message : "";
    if (typeof code === "string" && isErrorValue(code))
      return { kind: "error", code, message: text === code ? "" : text };
    return { kind: "error", code: "#VALUE!", message: text || String(error) };
  }
  return { kind: "error", code: "#VALUE!", message: String(error) };
}

const isCustomFunctionsError = (value: unknown): boolean =>
  value instanceof Error && typeof (value as { code?: unknown }).code === "string";

function cellValue(value: unknown): CellValue {
  if (value === null || value === undefined) return 0; // Excel shows null as 0 (office-js #1503, by design).
  if (typeof value === "number") return Number.isFinite(value) ? value : "#NUM!";
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (isCustomFunctionsError(value)) return (value as unknown as { code: string }).code;
  return String(value);
}

/** A function's result as the cell shows it: 1 × 1 arrays are single values, empty arrays #CALC!. */
export function toCellResult(value: unknown): CellResult {
  if (isCustomFunctionsError(value)) return errorResult(value);
  if (Array.isArray(value)) {
    const rows = value.map((row) => (Array.isArray(row) ? row : [row]));
    const width = rows.reduce((max, row) => Math.max(max, row.length), 0);
    if (rows.length === 0 || width === 0)
      return { kind: "error", code: "#CALC!", message: "The function returned an empty array." };
    // plain loops: Array.from with a map function cost most of a 10,000-row streamed grid's delivery
    const grid = rows.map((row) => {
      const cells = new Array<CellValue>(width);
      for (let i = 0; i < width; i++) cells[i] = i < row.length ? cellValue(row[i]) : "#N/A";
      return cells;
    });
    if (grid.length === 1 && width === 1) return { kind: "value", value: grid[0][0] };
    return { kind: "array", rows: grid };
  }
  return { kind: "value", value: cellValue(value) };
}

export type CallOutcome =
  /** The call returned (or threw): the cell shows this now. */
  | { kind: "now"; result: CellResult }
  /** A promise: the result is reported through onResult when it settles. */
  | { kind: "promise"; settled: Promise<void> }
  /** A streaming call: results come through invocation.setResult, any number of times. */
  | { kind: "stream" };

/** Calls the function and says how its result comes. */
export function invoke(
  fn: CustomFunction,
  args: unknown[],
  shape: CallShape,
  active: ActiveInvocation,
  onResult: (result: CellResult) => void,
): CallOutcome {
  let returned: unknown;
  try {
    returned = fn(...args);
  } catch (error) {
    active.settled = true;
    return { kind: "now", result: errorResult(error) };
  }
  if (shape.streaming || (returned === undefined && shape.takesInvocation)) return { kind: "stream" };
  if (returned && typeof (returned as PromiseLike<unknown>).then === "function") {
    const settled = Promise.resolve(returned as PromiseLike<unknown>).then(
      (value) => {
        active.settled = true;
        if (!active.canceled) onResult(toCellResult(value));
      },
      (error: unknown) => {
        active.settled = true;
        if (!active.canceled) onResult(errorResult(error));
      },
    );
    return { kind: "promise", settled };
  }
  active.settled = true;
  return { kind: "now", result: toCellResult(returned) };
}
