import type { IsoDate } from "./dates";
import { DistinctKeysByOwner } from "./distinctKeysByOwner";
import type { AllocationRule } from "./lists";
import { OrdinalCounts } from "./ordinalCounts";
import type { Allocation, Installation } from "./schemas";
import { countsDevices, countsUsers, isAllocationActive, type UsageCounts } from "./usage";

const DEVICES = 1;
const USERS = 2;

/**
 * Every licence's usage counts, made as a load's passes reach each installation and allocation in the rows'
 * order, where they were made licence by licence, reading every row a second time (bench/README.md). The
 * same counts as countUsage from a licence's rows; a row's owner is its licence's ordinal in the index.
 */
export class LoadTallies {
  /** By ordinal: what the licence's rule counts (DEVICES, USERS); 0 where there is no licence. */
  private readonly counted: Uint8Array;
  private readonly devices: DistinctKeysByOwner;
  private readonly users: DistinctKeysByOwner;
  private readonly active = new OrdinalCounts();

  /** `rules`: by ordinal, the rule of the licence with that ID, undefined where there is none. */
  constructor(
    rules: readonly (AllocationRule | undefined)[],
    private readonly installations: readonly Installation[],
    private readonly allocations: readonly Allocation[],
    private readonly asOf: IsoDate,
  ) {
    this.counted = Uint8Array.from(
      rules,
      (rule) => (rule && countsDevices(rule) ? DEVICES : 0) | (rule && countsUsers(rule) ? USERS : 0),
    );
    const share = (mask: number) => this.counted.filter((flags) => flags & mask).length / (rules.length || 1);
    this.devices = new DistinctKeysByOwner(
      installations.length * share(DEVICES),
      (row) => installations[row].device,
    );
    this.users = new DistinctKeysByOwner((installations.length + allocations.length) * share(USERS), (row) =>
      this.userAt(row),
    );
  }

  installation(ordinal: number, installation: Installation, row: number): void {
    const counted = ordinal < this.counted.length ? this.counted[ordinal] : 0;
    if (counted & DEVICES) this.devices.add(ordinal, installation.device, row);
    if (counted & USERS && installation.user !== undefined) this.users.add(ordinal, installation.user, row);
  }

  allocation(ordinal: number, allocation: Allocation, row: number): void {
    if (!isAllocationActive(allocation, this.asOf)) return;
    this.active.increment(ordinal);
    const counted = ordinal < this.counted.length ? this.counted[ordinal] : 0;
    if (counted & USERS) this.users.add(ordinal, allocation.user, this.installations.length + row);
  }

  /** The counts of the licence with this ordinal, whose rule is `rule` and which has `installations` rows. */
  countsOf(ordinal: number, rule: AllocationRule, installations: number): UsageCounts {
    return {
      rule,
      installations,
      activeAllocations: this.active.get(ordinal),
      distinctDevices: countsDevices(rule) ? this.devices.countOf(ordinal) : 0,
      distinctUsers: countsUsers(rule) ? this.users.countOf(ordinal) : 0,
    };
  }

  /** Users are counted from installations (rows from 0) and allocations (rows after the installations). */
  private userAt(row: number): string {
    const { installations, allocations } = this;
    return row < installations.length
      ? (installations[row].user ?? "")
      : allocations[row - installations.length].user;
  }
}
