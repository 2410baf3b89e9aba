import type { IsoDate } from "./dates";
import { DistinctKeys, KeyCounter, matchKey } from "./keys";
import type { AllocationRule } from "./lists";
import { LICENCE_LABELS as L } from "./labels";
import { counted } from "./wording";

/** An allocation counts from its Allocated On date until its Revoked On date (revoked that day means gone). */
export function isAllocationActive(
  allocation: { allocatedOn?: IsoDate; revokedOn?: IsoDate },
  asOf: IsoDate,
): boolean {
  if (allocation.allocatedOn !== undefined && allocation.allocatedOn > asOf) return false;
  return allocation.revokedOn === undefined || allocation.revokedOn > asOf;
}

/**
 * Where an allocation stands on a date, by the same dates that decide whether it counts: an Allocated On still
 * ahead has not started (it is not revoked), one past its Revoked On is revoked, any other is active.
 */
export function allocationState(
  allocation: { allocatedOn?: IsoDate; revokedOn?: IsoDate },
  asOf: IsoDate,
): "Active" | "Not started" | "Revoked" {
  if (isAllocationActive(allocation, asOf)) return "Active";
  return allocation.allocatedOn !== undefined && allocation.allocatedOn > asOf ? "Not started" : "Revoked";
}

/** What a licence's used quantity is counted from: its linked rows, reduced to counts. */
export interface UsageCounts {
  /** The allocation rule the counts were made for (all measures are counted when undefined). */
  readonly rule?: AllocationRule;
  readonly installations: number;
  readonly activeAllocations: number;
  /** Distinct devices among linked installations. */
  readonly distinctDevices: number;
  /** Distinct users among linked installations and active allocations. */
  readonly distinctUsers: number;
}

/** Distinct devices and users cost a hash lookup per row, so only what the rule counts is kept (all with no rule). */
export const countsDevices = (rule?: AllocationRule): boolean =>
  rule === undefined || rule === "Device-based" || rule === "Site";
export const countsUsers = (rule?: AllocationRule): boolean => rule === undefined || rule === "User-based";

/**
 * Running counts of what is linked to one licence, kept so that a single added or removed installation or
 * allocation updates them in constant time.
 */
export class UsageTally implements UsageCounts {
  /** Distinct devices among linked installations. */
  private readonly devices = new KeyCounter();
  /** Distinct users among linked installations and active allocations. */
  private readonly users = new KeyCounter();
  installations = 0;
  activeAllocations = 0;
  private readonly countsDevices: boolean;
  private readonly countsUsers: boolean;

  constructor(readonly rule?: AllocationRule) {
    this.countsDevices = countsDevices(rule);
    this.countsUsers = countsUsers(rule);
  }

  get distinctDevices(): number {
    return this.devices.size;
  }

  get distinctUsers(): number {
    return this.users.size;
  }

  changeInstallation(installation: { device: string; user?: string }, delta: 1 | -1): void {
    this.installations += delta;
    if (this.countsDevices) {
      const device = matchKey(installation.device);
      if (device !== "") this.devices.change(device, delta);
    }
    if (this.countsUsers && installation.user !== undefined) {
      const user = matchKey(installation.user);
      if (user !== "") this.users.change(user, delta);
    }
  }

  /** Only active allocations count; pass the activity computed for the tally's as-of date. */
  changeAllocation(allocation: { user: string }, active: boolean, delta: 1 | -1): void {
    if (!active) return;
    this.activeAllocations += delta;
    if (this.countsUsers) {
      const user = matchKey(allocation.user);
      if (user !== "") this.users.change(user, delta);
    }
  }
}

/**
 * The same counts as a UsageTally fed every row, without keeping the keys: a register's hundred thousand
 * licences then hold four numbers each instead of two maps. `distinct` is reused between calls (it is cleared).
 */
export function countUsage(
  rule: AllocationRule | undefined,
  installations: readonly { device: string; user?: string }[],
  allocations: readonly { user: string; allocatedOn?: IsoDate; revokedOn?: IsoDate }[],
  asOf: IsoDate,
  distinct: DistinctKeys = new DistinctKeys(),
): UsageCounts {
  let activeAllocations = 0;
  for (const allocation of allocations) if (isAllocationActive(allocation, asOf)) activeAllocations++;
  let distinctDevices = 0;
  if (countsDevices(rule)) {
    distinct.clear();
    for (const { device } of installations) distinct.addText(device);
    distinctDevices = distinct.size;
  }
  let distinctUsers = 0;
  if (countsUsers(rule)) {
    distinct.clear();
    for (const { user } of installations) if (user !== undefined) distinct.addText(user);
    for (const allocation of allocations) {
      if (isAllocationActive(allocation, asOf)) distinct.addText(allocation.user);
    }
    distinctUsers = distinct.size;
  }
  distinct.clear();
  return { rule, installations: installations.length, activeAllocations, distinctDevices, distinctUsers };
}

export interface UsedQuantity {
  used: number;
  /** Set when the figure cannot be trusted and needs a person to look at it. */
  reviewReason?: string;
}

/**
 * Used quantity by allocation rule: devices for Device-based and Site, users for User-based, and for
 * Concurrent and Floating the recorded peak when there is one, else the active allocations. A concurrent
 * licence with installations but neither figure counts 0 and needs review, since its use is unknown.
 */
export function usedQuantity(
  rule: AllocationRule,
  tally: UsageCounts,
  peakConcurrentUse?: number,
): UsedQuantity {
  if (tally.rule !== undefined && tally.rule !== rule) {
    throw new Error(`A tally kept for ${tally.rule} licences cannot count a ${rule} licence.`);
  }
  switch (rule) {
    case "Device-based":
    case "Site":
      return { used: tally.distinctDevices };
    case "User-based":
      return { used: tally.distinctUsers };
    case "Concurrent":
    case "Floating":
      if (peakConcurrentUse !== undefined) return { used: peakConcurrentUse };
      if (tally.activeAllocations === 0 && tally.installations > 0) {
        return {
          used: 0,
          reviewReason: `${rule} licence with ${counted(tally.installations, "installation")} but no usage figure: record the ${L.peakConcurrentUse} or allocate it.`,
        };
      }
      return { used: tally.activeAllocations };
  }
}

/** Used quantity of a licence from its linked records, for callers that do not keep a tally. */
export function countUsed(
  rule: AllocationRule,
  installations: Iterable<{ device: string; user?: string }>,
  allocations: Iterable<{ user: string; allocatedOn?: IsoDate; revokedOn?: IsoDate }>,
  asOf: IsoDate,
  peakConcurrentUse?: number,
): UsedQuantity {
  const counts = countUsage(rule, Array.from(installations), Array.from(allocations), asOf);
  return usedQuantity(rule, counts, peakConcurrentUse);
}

/** How many cells name the licence (trimmed, case-insensitive); a blank licence ID matches nothing. */
export function countLinkedRows(licenceId: string, licenceIds: readonly string[]): number {
  const wanted = matchKey(licenceId);
  if (wanted === "") return 0;
  let count = 0;
  for (const id of licenceIds) if (matchKey(id) === wanted) count++;
  return count;
}

/** How many distinct non-blank keys (devices or users) stand on the rows that name the licence. */
export function countDistinctKeys(
  licenceId: string,
  licenceIds: readonly string[],
  keys: readonly string[],
): number {
  const wanted = matchKey(licenceId);
  if (wanted === "") return 0;
  const distinct = new Set<string>();
  for (let row = 0; row < licenceIds.length; row++) {
    if (matchKey(licenceIds[row]) !== wanted) continue;
    const key = matchKey(keys[row] ?? "");
    if (key !== "") distinct.add(key);
  }
  return distinct.size;
}
