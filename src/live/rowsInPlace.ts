/**
 * Whether the rows an Excel change names, read again, tell the live register all the change did, so it can apply
 * them instead of reading the whole table again (at 100,000 licences the Installations table is a million rows,
 * read in 10 to 16 seconds). Pure: the live register reads and applies.
 */
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
 */
export function recordsInPlace(
  read: TableRows,
  inserted: boolean,
  isKnown: (id: string) => boolean,
): Row[] | undefined {
  if (read.rows.length === 0 || (!inserted && read.touchesIdColumn)) return undefined;
  const records: Row[] = [];
  const ids = new Set<string>();
  for (const row of read.rows) {
    if (!row) continue;
    const id = String(row.id);
    if (ids.has(id) || (inserted && isKnown(id))) return undefined;
    ids.add(id);
    records.push(row);
  }
  const unreadable = read.issues.some(
    (issue) => issue.recordId !== undefined && !ids.has(issue.recordId) && isKnown(issue.recordId),
  );
  return unreadable ? undefined : records;
}

/**
 * The data issues after `count` rows were inserted on `sheet` at sheet row `at`: those on that sheet at or below
 * it move down with their rows. Undefined when an issue's address does not end in its row (it cannot be moved).
 */
export function issuesMovedDown(
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
    const column = /^([A-Z]+)\d+$/.exec(issue.address);
    if (!column || !issue.address.endsWith(String(issue.row))) return undefined;
    const row = issue.row + count;
    moved.push({ ...issue, row, address: `${column[1]}${row}` });
  }
  return moved;
}
