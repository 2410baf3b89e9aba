/**
 * Which record each body row of a table holds, kept as rows come and go, so that rows deleted tell which
 * records went without reading the table's ID column again. Excel names the rows a delete took, never what they
 * held: at 100,000 licences the Installations table's ID column is a million cells, read in seconds.
 *
 * The same order tells which records an edit of IDs (or one that left a row unreadable) took away.
 *
 * The order is a belief, not a fact: a change Excel did not report (or reported so that its rows could not be
 * told) leaves it wrong. So a delete or an edit is applied from it only when a few rows read after it hold the
 * IDs it predicts (deletionCheck, editCheck); otherwise the live register reads the ID column or the table.
 */
import { TextTable } from "../domain/textTable";
import { forEachPaced, noPause, type Pause } from "../domain/yielding";

/** The ID a body row holds, or undefined for a blank row or one that is not read as a record. */
export type RowId = string | undefined;

type PendingChange = { at: number; remove: number; ids: readonly RowId[] } | { removeId: string };

/** Changes kept before the order is worked out; past this, the order is given up (the ID column tells again). */
const MOST_PENDING = 1_000;

/** Rows read besides those next to the delete, spread over the table: a sort Excel did not report shows there. */
const SPREAD_PROBES = 6;

/** Works out the order as a load found it, giving the thread back when `pause` says so. */
export type BuildOrder = (pause: Pause) => Promise<RowId[]>;

export class RowOrder {
  private ids: RowId[] | undefined;
  private readonly pending: PendingChange[] = [];
  private build: BuildOrder | undefined;
  /**
   * An own delete named a record no single row held, or more changes came than are kept before the order is
   * worked out: nothing here can say which rows hold what.
   */
  private lost = false;

  /**
   * The order `ids`, or the order a load found, given by `build` when it is first needed (workOut): a load at
   * 100,000 licences would otherwise hold a second list of a million IDs that most sessions never read.
   */
  constructor(source: BuildOrder | RowId[]) {
    if (Array.isArray(source)) this.ids = source;
    else this.build = source;
  }

  /**
   * Works the order out from the load and the changes since, the first time it is needed, in slices (a million
   * rows at 100,000 licences). The checks below can tell nothing until it has.
   */
  async workOut(pause: Pause = noPause): Promise<void> {
    const build = this.build;
    if (this.ids || !build) return;
    this.build = undefined;
    const ids = await build(pause);
    for (const change of this.pending) {
      if ("removeId" in change) this.lost ||= !removeOnly(ids, change.removeId);
      else spliceInto(ids, Math.min(change.at, ids.length), change.remove, change.ids);
    }
    this.pending.length = 0;
    this.ids = ids;
  }

  /** Rows `remove` rows from body row `at` are replaced by rows holding `ids` (inserted rows, or rows read). */
  splice(at: number, remove: number, ids: readonly RowId[]): void {
    if (this.ids) spliceInto(this.ids, at, remove, ids);
    else this.keep({ at, remove, ids });
  }

  /** Rows added below the table's last row. */
  append(ids: readonly RowId[]): void {
    if (this.ids) spliceInto(this.ids, this.ids.length, 0, ids);
    else this.keep({ at: Infinity, remove: 0, ids });
  }

  /** The row holding this ID was deleted (the register's own delete, which says which record, not which row). */
  removeId(id: string): void {
    if (this.ids) this.lost ||= !removeOnly(this.ids, id);
    else this.keep({ removeId: id });
  }

  /**
   * What a delete of `count` body rows from `at` took, if this order is right: the IDs of the records those rows
   * held, and the rows to read to confirm it (body rows after the delete, with the ID each should hold now).
   * Undefined when the order cannot tell: the rows are not all in it, or an ID taken is on a row kept too.
   */
  deletionCheck(at: number, count: number): DeletionCheck | undefined {
    const ids = this.ids;
    if (!ids || this.lost || at < 0 || count < 1 || at + count > ids.length) return undefined;
    const taken = ids.slice(at, at + count).filter((id): id is string => id !== undefined);
    const takenSet = new Set(taken);
    if (takenSet.size !== taken.length) return undefined;
    const kept = ids.length - count;
    for (let row = 0; row < ids.length; row++) {
      if ((row < at || row >= at + count) && takenSet.has(ids[row]!)) return undefined;
    }
    const probes = probesOf([at - 1, at, at + 1], kept, (row) => ids[row < at ? row : row + count]);
    return { taken, probes, rowsAfter: kept };
  }

  /**
   * What `count` body rows from `at` held before an edit wrote over them (their IDs included), if this order is
   * right, and the rows to read to confirm it: rows beside them and across the table, which the edit left as
   * they were. Undefined when the order cannot tell (the rows are not all in it).
   */
  editCheck(at: number, count: number): EditCheck | undefined {
    const ids = this.ids;
    if (!ids || this.lost || at < 0 || count < 1 || at + count > ids.length) return undefined;
    const outside = (row: number) => (row < at || row >= at + count ? ids[row] : undefined);
    return { held: ids.slice(at, at + count), probes: probesOf([at - 1, at + count], ids.length, outside) };
  }

  /**
   * A check that the ID column, read again page by page, holds this order's rows in another order, as a sort
   * leaves them (SortCheck). Undefined when the order is not known. Its IDs go into a table made at their size,
   * a slice at a time (a million rows at 100,000 licences).
   */
  async sortCheck(unreadable: ReadonlySet<string>, pause: Pause = noPause): Promise<SortCheck | undefined> {
    const ids = this.ids;
    if (!ids || this.lost) return undefined;
    const rowOf = new TextTable(ids.length);
    let blanks = 0;
    let repeated = false;
    await forEachPaced(ids, pause, (id, row) => {
      if (id === undefined) blanks++;
      else if (rowOf.setIfAbsent(id, row) !== undefined) repeated = true;
    });
    return repeated ? undefined : new SortCheck(ids, rowOf, blanks - unreadable.size, unreadable);
  }

  private keep(change: PendingChange): void {
    if (this.pending.length < MOST_PENDING) this.pending.push(change);
    else this.lost = true;
  }
}

export interface Probe {
  /** Body row, after the change. */
  row: number;
  /** The ID it holds if the order is right. */
  id: string;
}

export interface DeletionCheck {
  /** IDs of the records on the rows deleted. */
  taken: string[];
  probes: Probe[];
  /** Body rows the table has after the delete. */
  rowsAfter: number;
}

export interface EditCheck {
  /** The ID each row edited held before (undefined for a blank or unreadable row). */
  held: RowId[];
  probes: Probe[];
}

/** Whether the rows read hold the IDs the check predicts: every probe read, and the same text. */
export function probesHold(probes: readonly Probe[], read: readonly string[]): boolean {
  return probes.length > 0 && probes.every((probe, i) => read[i] === probe.id);
}

/**
 * The rows to read to confirm an order: `beside` (the rows next to a change) and rows spread over the table's
 * `rowCount` rows, each with the ID `expected` says it holds; rows it knows nothing of (blank, unreadable, or
 * changed) are left out.
 */
function probesOf(beside: number[], rowCount: number, expected: (row: number) => RowId): Probe[] {
  const rows = new Set(beside);
  for (let probe = 1; probe <= SPREAD_PROBES; probe++)
    rows.add(Math.floor((probe * rowCount) / (SPREAD_PROBES + 1)));
  const probes: Probe[] = [];
  for (const row of rows) {
    const id = row >= 0 && row < rowCount ? expected(row) : undefined;
    if (id !== undefined) probes.push({ row, id });
  }
  return probes;
}

function spliceInto(ids: RowId[], at: number, remove: number, inserted: readonly RowId[]): void {
  // Array.prototype.splice takes the new items as arguments: a paste of many rows would pass the stack's limit
  if (inserted.length < 10_000) {
    ids.splice(at, remove, ...inserted);
    return;
  }
  const after = ids.slice(at + remove);
  ids.length = at;
  for (const id of inserted) ids.push(id);
  for (const id of after) ids.push(id);
}

/** Removes the one row holding `id`; false (nothing removed) when no row or more than one holds it. */
function removeOnly(ids: RowId[], id: string): boolean {
  const first = ids.indexOf(id);
  if (first < 0 || ids.indexOf(id, first + 1) >= 0) return false;
  ids.splice(first, 1);
  return true;
}

/**
 * Whether the ID column read again ("" where blank), given a page at a time, holds an order's rows in another
 * order, as a sort leaves them: each ID the order holds on one row, each row that is not a record (undefined in
 * the order) either blank there or one of the `unreadable` rows, known by the ID it shows (IDs of no record, each
 * on one row). Any other difference (an ID typed over, a row added or taken) and it gives nothing.
 * The order it gives is made of the old order's own ID strings: the column's, a million at 100,000 licences, are
 * garbage once their page is checked, instead of a second copy of every ID kept.
 */
export class SortCheck {
  private readonly found: Uint8Array;
  private readonly sorted: RowId[];
  private rows = 0;
  private readonly unreadableRows = new Map<string, number>();
  private same = true;

  constructor(
    private readonly ids: readonly RowId[],
    private readonly rowOf: TextTable,
    private blanksLeft: number,
    private readonly unreadable: ReadonlySet<string>,
  ) {
    this.found = new Uint8Array(ids.length);
    this.sorted = new Array<RowId>(ids.length);
  }

  /** The next rows of the column, checked a slice at a time. */
  async page(column: readonly string[], pause: Pause = noPause): Promise<void> {
    if (!this.same || this.rows + column.length > this.ids.length) {
      this.same = false;
      return;
    }
    await forEachPaced(column, pause, (id) => {
      if (this.same) this.sorted[this.rows] = this.placed(id, this.rows);
      this.rows++;
    });
  }

  private placed(id: string, row: number): RowId {
    if (id === "") {
      this.blanksLeft--;
      return undefined;
    }
    if (this.unreadable.has(id)) {
      if (this.unreadableRows.has(id)) this.same = false;
      this.unreadableRows.set(id, row);
      return undefined;
    }
    const was = this.rowOf.get(id);
    if (was === undefined || this.found[was] === 1) {
      this.same = false;
      return undefined;
    }
    this.found[was] = 1;
    return this.ids[was];
  }

  /**
   * Once every page is in: the rows' order now, and the row each unreadable row is on now, by its ID; undefined
   * when the column is not the same rows.
   */
  result(): { order: RowId[]; unreadableRows: Map<string, number> } | undefined {
    const whole =
      this.same &&
      this.rows === this.ids.length &&
      this.blanksLeft === 0 &&
      this.unreadableRows.size === this.unreadable.size;
    return whole ? { order: this.sorted, unreadableRows: this.unreadableRows } : undefined;
  }
}
