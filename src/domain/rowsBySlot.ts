import { OrdinalCounts } from "./ordinalCounts";

/**
 * A load's rows put into their owners' lists (a licence's installations, or its allocations) after the pass
 * that finds each row's owner: counted during that pass, then each list made at its exact size and filled in
 * the rows' order. Grown a row at a time instead, each list copied itself whenever it filled, and again to its
 * exact length at the end; at 100,000 licences that was a large share of building the index (bench/README.md).
 */
export class RowsBySlot<R> {
  /** Per row: its owner's ordinal, or -1 for a row with no owner. */
  private readonly ordinals: Int32Array;
  /** Rows per owner while the pass runs; then, as the lists are filled, how many each list holds. */
  private readonly counts = new OrdinalCounts();
  /** By ordinal, from the first makeList on. */
  private lists: R[][] | undefined;

  constructor(rowCount: number) {
    this.ordinals = new Int32Array(rowCount).fill(-1);
  }

  /** The owner of the row `row` places in (an ordinal from 0), during the pass over the rows. */
  note(row: number, ordinal: number): void {
    this.ordinals[row] = ordinal;
    this.counts.increment(ordinal);
  }

  /**
   * An owner's list once the pass is over: its present list when no row came for it, else a list at the exact
   * size that starts with the present list's rows.
   */
  makeList(ordinal: number, present: R[]): R[] {
    const count = this.counts.get(ordinal);
    if (count === 0) return present;
    const list = new Array<R>(present.length + count);
    for (let i = 0; i < present.length; i++) list[i] = present[i];
    (this.lists ??= [])[ordinal] = list;
    this.counts.set(ordinal, present.length);
    return list;
  }

  /** Puts the row into its owner's list (after makeList for every owner), in the rows' order. */
  fill(record: R, row: number): void {
    const ordinal = this.ordinals[row];
    if (ordinal < 0 || !this.lists) return;
    this.lists[ordinal][this.counts.increment(ordinal)] = record;
  }
}
