import type { IsoDate } from "./dates";
import { KeyCounter, matchKey } from "./keys";
import type { AllocationRule } from "./lists";

/** An allocation counts from its Allocated On date until its Revoked On date (revoked that day means gone). */
export function isAllocationActive(
  allocation: { allocatedOn?: IsoDate; revokedOn?: IsoDate },
  asOf: IsoDate,
): boolean {
  if (allocation.allocatedOn !== undefined && allocation.allocatedOn > asOf) return false;
  return allocation.revokedOn === undefined || allocation.revokedOn > asOf;
}

/**
 * Running counts of what is linked to one licence, kept so that a single added or removed installation or
 * allocation updates them in constant time. Distinct devices and users cost a hash lookup per row, so a
 * tally made for an allocation rule only keeps the one its rule counts (all when no rule is given).
 */
export class UsageTally {
  /** Distinct devices among linked installations. */
  readonly devices = new KeyCounter();
  /** Distinct users among linked installations and active allocations. */
  readonly users = new KeyCounter();
  installations = 0;
  activeAllocations = 0;
  private readonly countsDevices: boolean;
  private readonly countsUsers: boolean;

  constructor(readonly rule?: AllocationRule) {
    this.countsDevices = rule === undefined || rule === "Device-based" || rule === "Site";
    this.countsUsers = rule === undefined || rule === "User-based";
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
  tally: UsageTally,
  peakConcurrentUse?: number,
): UsedQuantity {
  if (tally.rule !== undefined && tally.rule !== rule) {
    throw new Error(`A tally kept for ${tally.rule} licences cannot count a ${rule} licence.`);
  }
  switch (rule) {
    case "Device-based":
    case "Site":
      return { used: tally.devices.size };
    case "User-based":
      return { used: tally.users.size };
    case "Concurrent":
    case "Floating":
      if (peakConcurrentUse !== undefined) return { used: peakConcurrentUse };
      if (tally.activeAllocations === 0 && tally.installations > 0) {
        return {
          used: 0,
          reviewReason: `${rule} licence with ${tally.installations} installation(s) but no usage figure: record the Peak Concurrent Use or allocate it.`,
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
  const tally = new UsageTally(rule);
  for (const installation of installations) tally.changeInstallation(installation, 1);
  for (const allocation of allocations)
    tally.changeAllocation(allocation, isAllocationActive(allocation, asOf), 1);
  return usedQuantity(rule, tally, peakConcurrentUse);
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
