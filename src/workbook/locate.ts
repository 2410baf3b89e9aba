import { forEachPaced, yieldEvery } from "../domain/yielding";
import { readBodyRows, readPaged } from "./pagedRead";
import { syncOrWithoutExtra } from "./payload";
import { columnPositions, positionOf, queueLayout, type QueuedLayout, type TableLayout } from "./tableLayout";
import type { RecordTableSpec } from "./tables/types";

/**
 * Finding records' rows by ID without reading whole columns. For a few IDs, one small request whatever the
 * table's size: Range.find on the ID column (ExcelApi 1.9), and the ID cell of the row where the record was
 * last seen (the register remembers it), which also covers rows find can miss (a cell with stray spaces).
 * Only IDs neither finds, in an Excel without find, or more than MOST_FINDS IDs at once, read the ID column
 * alone in pages. Either way the body row is a lead: the caller reads that row and checks its ID.
 *
 * For a few IDs the last-seen rows are read whole in the same request, and readLocatedRows hands them over:
 * a save of one record then costs one round trip less on Excel on the web, where every sync is one.
 */

/** Up to this many IDs are looked up one find each; more read the ID column (finds scan it once each). */
export const MOST_FINDS = 50;
/** Up to this many IDs, the rows they were last seen in are read whole with the lookup (see readLocatedRows). */
export const MOST_ROWS_READ_WITH_LOOKUP = 10;

export interface Located {
  table: Excel.Table;
  layout: TableLayout;
  /** Position in the table of each spec column (-1 when missing). */
  positions: number[];
  idAt: number;
  versionAt: number;
  /** Body row of each ID found (its first row when copies exist); IDs not found are absent. */
  rowOf: Map<string, number>;
  /** Cells of body rows in rowOf, read whole in the lookup's own request (see readLocatedRows). */
  cellsRead: Map<number, unknown[]>;
  /** The look-up was one request (no page of the ID column read after it), so its layout is that recent. */
  oneRequest: boolean;
}

export interface LocateOptions {
  /** Whether Range.find can be used (ExcelApi 1.9). */
  find: boolean;
  /** Where each record was last seen (body row), to check first. */
  lastSeen?: (id: string) => number | undefined;
}

/** Excel's find treats * ? and ~ as wildcards; `~` makes the next one literal. */
export function escapeFind(text: string): string {
  return text.replace(/[*?~]/g, "~$&");
}

export async function locate(
  context: Excel.RequestContext,
  spec: RecordTableSpec,
  ids: readonly string[],
  options: LocateOptions,
): Promise<Located> {
  const wanted = [...new Set(ids.filter((id) => id.trim() !== ""))];
  const few = wanted.length <= MOST_FINDS;
  // rows holding very long text can take the answer past Excel's limit: the IDs are then looked up alone
  const lookup = await syncOrWithoutExtra(
    context,
    (wholeRows) => queueLookup(context, spec, wanted, options, wholeRows),
    wanted.length <= MOST_ROWS_READ_WITH_LOOKUP,
  );
  const { queued, leads } = lookup;
  const layout = queued.read();
  const positions = columnPositions(layout, spec.columns);
  const idAt = positionOf(layout, spec.idHeader);
  const rowOf = new Map<string, number>();
  const cellsRead = new Map<number, unknown[]>();
  for (const { id, found, row, cells } of leads) {
    const seen =
      row !== undefined && row < layout.rowCount ? seenRow(cells, lookup.wholeRows, idAt) : undefined;
    const seenHolds = seen !== undefined && String(seen.id ?? "").trim() === id;
    if (found && !found.isNullObject) rowOf.set(id, found.rowIndex - layout.headerRow - 1);
    else if (seenHolds) rowOf.set(id, row!);
    if (seenHolds && seen.whole && rowOf.get(id) === row) cellsRead.set(row!, seen.whole);
  }
  const unresolved = new Set(wanted.filter((id) => !rowOf.has(id)));
  const readIdColumn = idAt >= 0 && unresolved.size > 0 && !(few && options.find);
  if (readIdColumn) {
    // a page of a million-row ID column is a few hundred thousand IDs: looked through a slice at a time
    const pause = yieldEvery();
    await readPaged(
      context,
      [{ layout, firstRow: 0, rowCount: layout.rowCount, firstColumn: idAt, columnCount: 1 }],
      (_span, firstRow, rows) =>
        forEachPaced(rows, pause, (row, index) => {
          const id = String(row[0] ?? "").trim();
          if (unresolved.has(id) && !rowOf.has(id)) rowOf.set(id, firstRow + index);
        }),
    );
  }
  return {
    table: queued.table,
    layout,
    positions,
    idAt,
    versionAt: positionOf(layout, spec.rowVersionHeader),
    rowOf,
    cellsRead,
    oneRequest: !readIdColumn,
  };
}

interface Lookup {
  queued: QueuedLayout;
  leads: { id: string; found?: Excel.Range; row?: number; cells?: Excel.Range }[];
  wholeRows: boolean;
}

/**
 * Queues the table's layout and, for a few IDs, a find each and the row each was last seen in: the ID cell
 * alone, or (wholeRows) the table's whole body row, or a null object when that row is past the table's end.
 */
function queueLookup(
  context: Excel.RequestContext,
  spec: RecordTableSpec,
  wanted: readonly string[],
  options: LocateOptions,
  wholeRows: boolean,
): Lookup {
  const queued = queueLayout(context, spec.table, spec.sheet);
  if (wanted.length > MOST_FINDS) return { queued, leads: [], wholeRows: false };
  const idColumn = queued.table.columns.getItem(spec.idHeader);
  const body = queued.table.getDataBodyRange();
  const leads = wanted.map((id) => {
    const row = options.lastSeen?.(id);
    const idCell = row === undefined ? undefined : idColumn.getDataBodyRange().getCell(row, 0);
    return {
      id,
      found: options.find
        ? idColumn
            .getRange()
            .findOrNullObject(escapeFind(id), { completeMatch: true, matchCase: true })
            .load("rowIndex")
        : undefined,
      row,
      cells: !idCell
        ? undefined
        : wholeRows
          ? idCell.getEntireRow().getIntersectionOrNullObject(body).load("values")
          : idCell.load("values"),
    };
  });
  return { queued, leads, wholeRows };
}

/** What a last-seen row's read gave: its ID cell, and all its cells when the whole row was read. */
function seenRow(
  cells: Excel.Range | undefined,
  wholeRows: boolean,
  idAt: number,
): { id: unknown; whole?: unknown[] } | undefined {
  if (!cells || cells.isNullObject) return undefined;
  const values = cells.values[0] ?? [];
  return wholeRows ? { id: idAt >= 0 ? values[idAt] : undefined, whole: values } : { id: values[0] };
}

/**
 * The cells of located body rows: those read with the lookup as they were read, the rest read now (in pages,
 * no request at all when every row was read with the lookup).
 */
export async function readLocatedRows(
  context: Excel.RequestContext,
  located: Located,
  rows: Iterable<number>,
): Promise<Map<number, unknown[]>> {
  const cells = new Map<number, unknown[]>();
  const unread: number[] = [];
  for (const row of rows) {
    const read = located.cellsRead.get(row);
    if (read) cells.set(row, read);
    else unread.push(row);
  }
  if (unread.length > 0)
    for (const [row, values] of await readBodyRows(context, located.layout, unread)) cells.set(row, values);
  return cells;
}

/** Row Version as stored; blank (a row typed in by hand) counts as 0, anything unreadable as -1. */
export function versionOf(value: unknown): number {
  if (typeof value === "number") return value;
  const parsed = Number(String(value ?? "").trim() || "0");
  return Number.isFinite(parsed) ? parsed : -1;
}
