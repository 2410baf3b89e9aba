/**
 * What Excel's changes to a record table's rows did to its records, told from as few cells as the change
 * allows: the rows the change names, a few ID cells, or the ID column, never the whole table unless nothing less
 * can tell. It keeps, per table, how many body rows there are and which record each holds (RowOrder), as the
 * register's own saves and the changes it applies move them. The live register applies what it is told.
 */
import type { RecordKind } from "../domain/ids";
import { forEachPaced, yieldEvery, type Pause } from "../domain/yielding";
import type { DataIssue, Register, RegisterChange, RegisterData, TableRows } from "../workbook/registerApi";
import { addressSpan } from "../workbook/readRows";
import { RECORD_KINDS, RECORD_TABLES } from "../workbook/tables";
import { probesHold, RowOrder, type DeletionCheck, type RowId } from "./rowOrder";
import {
  issueMovedTo,
  issuesAfterRowsMoved,
  issuesReplaced,
  recordsDeleted,
  recordsInPlace,
  recordsReplaced,
} from "./rowsInPlace";

type Row = Record<string, unknown>;

/** What a change did: records to put and IDs to drop, and the data issues after it (undefined: unchanged). */
export interface RowsChange {
  put: Row[];
  drop: string[];
  issues?: DataIssue[];
}

/** What the rows are told against: the records the register holds of the table, and every data issue. */
export interface Held {
  has(id: string): boolean;
  keys(): Iterable<string>;
  readonly issues: readonly DataIssue[];
}

export class TableRowsFollower {
  /**
   * Each table's body rows as last known (from the load, reads, and this register's own adds and deletes): rows
   * Excel reports inserted or deleted are applied on their own only when the count agrees, since one event can
   * cover several changes (its address bounds them all).
   */
  private readonly counts = new Map<RecordKind, number>();
  private readonly orders = new Map<RecordKind, RowOrder>();

  constructor(
    private readonly register: Register,
    private readonly sliceMs: number,
  ) {}

  /** A load's rows, for every table it read (or of one table, `only`). */
  loaded(data: RegisterData, only?: RecordKind): void {
    for (const kind of only ? [only] : RECORD_KINDS) {
      const count = data.rowCounts?.[kind];
      const rowIds = data.rowIds?.[kind];
      this.forget(kind);
      if (count !== undefined) this.counts.set(kind, count);
      if (count !== undefined && rowIds) this.orders.set(kind, new RowOrder(rowIds));
    }
  }

  /** A whole table read again: its rows are the order now, taken a slice at a time (a million at 100k). */
  async readWhole(read: TableRows): Promise<void> {
    const ids = new Array<RowId>(read.rows.length);
    await forEachPaced(read.rows, yieldEvery(this.sliceMs), (row, index) => {
      ids[index] = row && String(row.id);
    });
    this.counts.set(read.kind, read.rowCount);
    this.orders.set(read.kind, new RowOrder(ids));
  }

  /**
   * This register's own saves add a row for each record new to the table, and its deletes take one away; a bulk
   * save's records (44,015 when every unlinked installation is linked at 100k) are looked at a slice at a time.
   */
  async ownChange(kind: RecordKind, change: RegisterChange, held: Held, pause: Pause): Promise<void> {
    const before = this.counts.get(kind);
    if (before === undefined) return;
    // a co-author's change that replaced this register's saves (rows of theirs came with it) is counted afresh
    if (change.excel) {
      this.forget(kind);
      return;
    }
    const order = this.orders.get(kind);
    const added: string[] = [];
    await forEachPaced(change.saved ?? [], pause, (record) => {
      const id = String((record as Row).id);
      if (!held.has(id)) added.push(id);
    });
    const removed = (change.removedIds ?? []).filter((id) => held.has(id));
    for (const id of removed) order?.removeId(id);
    // a save writes a record new to the table below its last row
    order?.append(added);
    this.counts.set(kind, before + added.length - removed.length);
  }

  /**
   * Rows an Excel change edited or inserted, read again: `told` when they tell all the change did
   * (recordsInPlace), else the whole table has to be read again, and `whole` is the read when it was every row.
   */
  async inPlace(
    kind: RecordKind,
    excel: NonNullable<RegisterChange["excel"]>,
    held: Held,
  ): Promise<{ told?: RowsChange; whole?: TableRows }> {
    const read = await this.register.readRows!(kind, excel.address, yieldEvery(this.sliceMs));
    const told = await this.tellInPlace(kind, excel, held, read);
    return told ? { told } : read.coversTable ? { whole: read } : {};
  }

  private async tellInPlace(
    kind: RecordKind,
    excel: NonNullable<RegisterChange["excel"]>,
    held: Held,
    read: TableRows,
  ): Promise<RowsChange | undefined> {
    const inserted = excel.changeType === "RowInserted";
    const before = this.counts.get(kind);
    // an edit leaves the rows as many as they were, and rows inserted are exactly the rows read
    const countAgrees = inserted
      ? before !== undefined && read.rowCount - before === read.rows.length
      : before === undefined || read.rowCount === before;
    if (!countAgrees) return undefined;
    const put = await recordsInPlace(read, inserted, (id) => held.has(id), yieldEvery(this.sliceMs));
    const replaced = put
      ? { put, drop: [] }
      : excel.changeType === "RangeEdited"
        ? await this.replaced(kind, read, held)
        : undefined;
    if (!replaced) return undefined;
    const sheet = RECORD_TABLES[kind].sheet;
    let issues: DataIssue[] | undefined;
    if (inserted) {
      const moved = issuesAfterRowsMoved(held.issues, sheet, read.firstSheetRow, read.rows.length);
      if (!moved) return undefined;
      if (read.issues.length > 0 || moved.some((issue, i) => issue !== held.issues[i]))
        issues = [...moved, ...read.issues];
    } else {
      const last = read.firstSheetRow + read.rows.length - 1;
      issues = issuesReplaced(held.issues, sheet, read.issues, read.firstSheetRow, last);
    }
    this.counts.set(kind, read.rowCount);
    this.orders.get(kind)?.splice(read.firstBodyRow, inserted ? 0 : read.rows.length, rowIdsOf(read.rows));
    return { ...replaced, ...(issues ? { issues } : {}) };
  }

  /**
   * An edit that wrote over IDs, or made a record's row unreadable, told from the IDs its rows held before (the
   * row order), confirmed by reading rows beside them and across the table (recordsReplaced).
   */
  private async replaced(
    kind: RecordKind,
    read: TableRows,
    held: Held,
  ): Promise<{ put: Row[]; drop: string[] } | undefined> {
    // an edit of every row (a sort may be one) leaves no row to confirm the order by
    if (read.coversTable) return undefined;
    const order = this.orders.get(kind);
    await order?.workOut(yieldEvery(this.sliceMs));
    const check = order?.editCheck(read.firstBodyRow, read.rows.length);
    if (!check?.probes.length || !this.register.readIdsAt || namesHeldRecord(kind, held)) return undefined;
    const replaced = await recordsReplaced(read, check.held, (id) => held.has(id), yieldEvery(this.sliceMs));
    if (!replaced) return undefined;
    const probed = await this.register.readIdsAt(kind, ({ rowCount }) =>
      rowCount === read.rowCount ? check.probes.map((probe) => probe.row) : undefined,
    );
    return probed && probesHold(check.probes, probed.ids) ? replaced : undefined;
  }

  /**
   * Rows a sort moved (`address`): they hold what they held, in another order. When they are more cells than the
   * ID column (a sort of the whole Installations table at 100,000 licences is twelve times as many), the ID
   * column alone is read, each page checked as it arrives (RowOrder.sortCheck), and gives the order if it holds
   * the same rows; a data issue moves with its row, found by the ID the row shows. Undefined when the rows moved
   * are to be read instead, or the IDs cannot tell: the order is not known, or a row with an issue shows no ID of
   * its own (none, one a record holds, or one another such row shows).
   */
  async sorted(kind: RecordKind, address: string, held: Held): Promise<RowsChange | undefined> {
    const order = this.orders.get(kind);
    const { sheet, columns } = RECORD_TABLES[kind];
    const span = addressSpan(address);
    const rowCount = this.counts.get(kind);
    const idColumnSmaller =
      span && rowCount !== undefined && (span.lastRow - span.firstRow + 1) * columns.length > rowCount;
    const unreadable = rowsByShownId(held.issues.filter((issue) => issue.sheet === sheet));
    if (!idColumnSmaller || !order || !unreadable || !this.register.readIds || namesHeldRecord(kind, held))
      return undefined;
    const pause = yieldEvery(this.sliceMs);
    await order.workOut(pause);
    const check = await order.sortCheck(new Set(unreadable.keys()), pause);
    const read = check && (await this.register.readIds(kind, (ids) => check.page(ids, pause)));
    const sorted = read && check.result();
    if (!sorted) return undefined;
    const issues: DataIssue[] = [];
    for (const issue of held.issues) {
      const row =
        issue.sheet === sheet ? read.firstSheetRow + sorted.unreadableRows.get(issue.recordId!)! : issue.row;
      const at = issue.row === row ? issue : issueMovedTo(issue, row);
      if (!at) return undefined;
      issues.push(at);
    }
    this.orders.set(kind, new RowOrder(sorted.order));
    const same = issues.every((issue, i) => issue === held.issues[i]);
    return { put: [], drop: [], ...(same ? {} : { issues }) };
  }

  /**
   * Rows deleted: told from the order of the rows, confirmed by reading a few of them (byRowOrder), else from the
   * ID column alone, read again (recordsDeleted: at 100,000 licences a twelfth of the Installations table's
   * cells). Undefined when the whole table has to be read again.
   */
  async deleted(kind: RecordKind, address: string, held: Held): Promise<RowsChange | undefined> {
    const span = addressSpan(address);
    if (!span || namesHeldRecord(kind, held)) return undefined;
    const count = span.lastRow - span.firstRow + 1;
    const drop =
      (await this.byRowOrder(kind, span.firstRow, count, held)) ?? (await this.byIdColumn(kind, count, held));
    const sheet = RECORD_TABLES[kind].sheet;
    const issues = issuesAfterRowsMoved(held.issues, sheet, span.firstRow + 1, -count);
    if (!drop || !issues) return undefined;
    const same = issues.length === held.issues.length && issues.every((issue, i) => issue === held.issues[i]);
    return { put: [], drop, ...(same ? {} : { issues }) };
  }

  /**
   * The records on the rows deleted from zero-based sheet row `firstRow`, as the row order says, when the rows
   * read next to them and across the table hold the IDs it predicts; undefined when the order cannot tell.
   */
  private async byRowOrder(
    kind: RecordKind,
    firstRow: number,
    count: number,
    held: Held,
  ): Promise<string[] | undefined> {
    const order = this.orders.get(kind);
    const before = this.counts.get(kind);
    if (!order || before === undefined || !this.register.readIdsAt) return undefined;
    await order.workOut(yieldEvery(this.sliceMs));
    let check: DeletionCheck | undefined;
    let at = 0;
    const read = await this.register.readIdsAt(kind, ({ headerRow, rowCount }) => {
      at = firstRow - headerRow - 1;
      check = rowCount === before - count ? order.deletionCheck(at, count) : undefined;
      return check?.rowsAfter === rowCount ? check.probes.map((probe) => probe.row) : undefined;
    });
    if (!read || !check || !probesHold(check.probes, read.ids)) return undefined;
    order.splice(at, count, []);
    this.counts.set(kind, read.rowCount);
    return check.taken.filter((id) => held.has(id));
  }

  /** The records in no row of the ID column read again (recordsDeleted); the row order is then that column. */
  private async byIdColumn(kind: RecordKind, count: number, held: Held): Promise<string[] | undefined> {
    if (!this.register.readIds) return undefined;
    const ids: string[] = [];
    const read = await this.register.readIds(kind, (page) => {
      for (const id of page) ids.push(id);
    });
    if (!read || this.counts.get(kind) !== ids.length + count) return undefined;
    const gone = await recordsDeleted(ids, count, held.keys(), yieldEvery(this.sliceMs));
    if (!gone) return undefined;
    this.counts.set(kind, ids.length);
    // a row that shows an ID but is not read as a record (a data issue) holds no record
    this.orders.set(kind, new RowOrder(ids.map((id) => (held.has(id) ? id : undefined))));
    return gone;
  }

  private forget(kind: RecordKind): void {
    this.counts.delete(kind);
    this.orders.delete(kind);
  }
}

/**
 * Whether a data issue on the table's sheet names a record the register holds: a row that is not that record
 * (unreadable, or a second row with its ID), so which row counts after a delete depends on what was deleted.
 */
function namesHeldRecord(kind: RecordKind, held: Held): boolean {
  const sheet = RECORD_TABLES[kind].sheet;
  return held.issues.some(
    (issue) => issue.sheet === sheet && issue.recordId !== undefined && held.has(issue.recordId),
  );
}

/**
 * The sheet row of each row with data issues, by the ID it shows; undefined when a row shows none, or two rows
 * show the same one.
 */
function rowsByShownId(issues: readonly DataIssue[]): Map<string, number> | undefined {
  const rows = new Map<string, number>();
  for (const { recordId, row } of issues) {
    if (recordId === undefined || recordId === "" || (rows.get(recordId) ?? row) !== row) return undefined;
    rows.set(recordId, row);
  }
  return rows;
}

/** The ID of each row read, undefined where it holds no record. */
const rowIdsOf = (rows: readonly (Row | undefined)[]) => rows.map((row) => row && String(row.id));
