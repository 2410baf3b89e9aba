/**
 * Whether the rows an Excel change names, read again, tell the live register all the change did, so it can apply
 * them instead of reading the whole table again (at 100,000 licences the Installations table is a million rows,
 * read in 10 to 16 seconds). No reads here: TableRowsFollower reads, the live register applies.
 */
import { TextTable } from "../domain/textTable";
import { forEachPaced, noPause, type Pause } from "../domain/yielding";
import type { DataIssue, TableRows } from "../workbook/registerApi";

type Row = Record<string, unknown>;

/**
 * The records to put, or undefined when only a read of the whole table can tell what changed:
 * - an edit that wrote over the ID column (the ID a row had before is not known here);
 * - a row that no longer reads as a record although its ID is a record's (it may have been that record, or a
 *   copy of its ID on another row);
 * - an ID on two of the rows read, or an inserted row with an ID already in the register (which row counts
 *   depends on rows not read);
 * - a change outside the table's rows.
 * Rows inserted (`inserted`) are new, so any other row of theirs is new too; an edit that left the ID column
 * alone changed the rows it names and nothing else, so a readable row is that record, now (or newly) readable.
 * Rows are gone through a slice at a time (`pause`): a paste or a sort can name a million of them.
 */
export async function recordsInPlace(
  read: TableRows,
  inserted: boolean,
  isKnown: (id: string) => boolean,
  pause: Pause = noPause,
): Promise<Row[] | undefined> {
  if (read.rows.length === 0 || (!inserted && read.touchesIdColumn)) return undefined;
  const found = await readableOnce(read, (id) => inserted && isKnown(id), pause);
  if (!found) return undefined;
  const unreadable = read.issues.some(
    (issue) => issue.recordId !== undefined && !found.ids.has(issue.recordId) && isKnown(issue.recordId),
  );
  return unreadable ? undefined : found.rows;
}

/**
 * What an edit did to rows whose IDs before it are known (`before`, from the row order): the records to put (every
 * readable row) and the IDs to drop (records a row held before and no row read holds now: an ID typed over, or a
 * row that no longer reads as a record). Undefined when the rows read cannot tell: an ID on two of them, or an
 * ID, readable or not, that the register holds on a row not read (which row counts depends on rows not read).
 * Gone through a slice at a time (`pause`), as recordsInPlace.
 */
export async function recordsReplaced(
  read: TableRows,
  before: readonly (string | undefined)[],
  isKnown: (id: string) => boolean,
  pause: Pause = noPause,
): Promise<{ put: Row[]; drop: string[] } | undefined> {
  // made at its size, as readableOnce's
  const held = new TextTable(before.length);
  await forEachPaced(before, pause, (id, index) => {
    if (id !== undefined) held.setIfAbsent(id, index);
  });
  const elsewhere = (id: string) => isKnown(id) && !held.has(id);
  const found = await readableOnce(read, elsewhere, pause);
  if (!found || read.issues.some((issue) => issue.recordId !== undefined && elsewhere(issue.recordId)))
    return undefined;
  const drop: string[] = [];
  await forEachPaced(before, pause, (id, index) => {
    // each held ID once, at its first row
    if (id !== undefined && held.get(id) === index && !found.ids.has(id) && isKnown(id)) drop.push(id);
  });
  return { put: found.rows, drop };
}

/**
 * The readable rows read and their IDs, or undefined when an ID is on two of them or `untold` says a row's ID
 * leaves the change untold. The IDs are a table made at the rows' size: a Set growing to a million IDs copies
 * itself in one stretch.
 */
async function readableOnce(
  read: TableRows,
  untold: (id: string) => boolean,
  pause: Pause,
): Promise<{ rows: Row[]; ids: TextTable } | undefined> {
  const rows: Row[] = [];
  const ids = new TextTable(read.rows.length);
  let told = true;
  await forEachPaced(read.rows, pause, (row, index) => {
    if (!told || !row) return;
    const id = String(row.id);
    if (ids.setIfAbsent(id, index) !== undefined || untold(id)) told = false;
    rows.push(row);
  });
  return told ? { rows, ids } : undefined;
}

/**
 * The data issues after rows were inserted (`count` above 0) or deleted (below 0) on `sheet` at sheet row `at`:
 * those on rows deleted go, and those below move with their rows. Undefined when an issue's address does not end
 * in its row (it cannot be moved).
 */
export function issuesAfterRowsMoved(
  issues: readonly DataIssue[],
  sheet: string,
  at: number,
  count: number,
): DataIssue[] | undefined {
  const moved: DataIssue[] = [];
  for (const issue of issues) {
    if (issue.sheet !== sheet || issue.row < at) {
      moved.push(issue);
      continue;
    }
    if (issue.row < at - count) continue;
    const movedIssue = issueMovedTo(issue, issue.row + count);
    if (!movedIssue) return undefined;
    moved.push(movedIssue);
  }
  return moved;
}

/** The issue as it reads once its row is on sheet row `row`; undefined when its address does not end in its row. */
export function issueMovedTo(issue: DataIssue, row: number): DataIssue | undefined {
  const column = /^([A-Z]+)\d+$/.exec(issue.address);
  if (!column || !issue.address.endsWith(String(issue.row))) return undefined;
  return { ...issue, row, address: `${column[1]}${row}` };
}

/**
 * The data issues with those on `sheet`'s rows from..to (sheet rows) replaced by `fresh`, the issues of those rows
 * read again; undefined when that changes nothing.
 */
export function issuesReplaced(
  issues: readonly DataIssue[],
  sheet: string,
  fresh: readonly DataIssue[],
  from: number,
  to: number,
): DataIssue[] | undefined {
  const stale = (issue: DataIssue) => issue.sheet === sheet && issue.row >= from && issue.row <= to;
  if (fresh.length === 0 && !issues.some(stale)) return undefined;
  return [...issues.filter((issue) => !stale(issue)), ...fresh];
}

/**
 * The records that rows deleted took with them: those whose ID is in no row now (`ids`, the ID column read
 * after the deletion). Undefined when more records are gone than rows were deleted (something else changed too).
 * The caller has made sure no row holds a record's ID without being that record (an unreadable row, or a second
 * row with the ID), where which row counts now would depend on what was deleted.
 */
export async function recordsDeleted(
  ids: readonly string[],
  rowsDeleted: number,
  known: Iterable<string>,
  pause: Pause = noPause,
): Promise<string[] | undefined> {
  const present = new Set<string>();
  await forEachPaced(ids, pause, (id) => present.add(id));
  const gone: string[] = [];
  await forEachPaced(known, pause, (id) => {
    if (gone.length <= rowsDeleted && !present.has(id)) gone.push(id);
  });
  return gone.length > rowsDeleted ? undefined : gone;
}
