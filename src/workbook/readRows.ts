import type { RecordKind } from "../domain/ids";
import { duplicateIdIssue } from "./duplicateIds";
import { TextTable } from "../domain/textTable";
import { forEachPaced, noPause, type Pause } from "../domain/yielding";
import { parseRow } from "./records";
import { readPaged } from "./pagedRead";
import { columnsRead } from "./readRegister";
import type { DataIssue, TableRows } from "./registerApi";
import { syncOrWithoutExtra } from "./payload";
import {
  columnPositions,
  positionOf,
  queueLayout,
  sheetRowNumber,
  type QueuedLayout,
  type TableLayout,
} from "./tableLayout";
import { RECORD_TABLES } from "./tables";

const A1_ROWS = /^\$?[A-Z]{0,3}\$?(\d+)(?::\$?[A-Z]{0,3}\$?(\d+))?$/i;
const A1_COLUMNS = /^\$?([A-Z]{1,3})\$?\d*(?::\$?([A-Z]{1,3})\$?\d*)?$/i;

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Zero-based sheet rows and columns an A1 address (no sheet name) covers; undefined when it is not one. */
export function addressSpan(
  address: string,
): { firstRow: number; lastRow: number; firstColumn?: number; lastColumn?: number } | undefined {
  const local = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const rows = A1_ROWS.exec(local.trim());
  if (!rows) return undefined;
  const firstRow = Number(rows[1]) - 1;
  const lastRow = Number(rows[2] ?? rows[1]) - 1;
  const columns = A1_COLUMNS.exec(local.trim());
  if (!columns) return { firstRow, lastRow };
  const firstColumn = columnNumber(columns[1]);
  return { firstRow, lastRow, firstColumn, lastColumn: columnNumber(columns[2] ?? columns[1]) };
}

/** A change to up to this many rows is read in the request that reads the table's layout: one round trip. */
export const ROWS_READ_WITH_LAYOUT = 50;

/**
 * Reads the records in the body rows of a record table that an address on its sheet covers (the address an
 * onChanged event gives), or every body row when no address is given. Rows are parsed exactly as a load
 * parses them, so a record read here equals the record a full load would give. A change to a few rows is one
 * request (the rows read with the layout; rows too long for one response are read after, as below); more
 * rows are read in pages within Excel's response limit (pagedRead), never a whole table at once.
 */
export async function readTableRows(
  context: Excel.RequestContext,
  kind: RecordKind,
  address?: string,
  pause: Pause = noPause,
): Promise<TableRows> {
  const spec = RECORD_TABLES[kind];
  const span = address === undefined ? undefined : addressSpan(address);
  if (address !== undefined && !span)
    throw new Error(`"${address}" is not an address on the ${spec.sheet} sheet.`);
  const queued = await syncOrWithoutExtra(
    context,
    (withRows) => queueRead(context, spec.table, spec.sheet, withRows ? span : undefined),
    span !== undefined && span.lastRow - span.firstRow + 1 <= ROWS_READ_WITH_LAYOUT,
  );
  const layout = queued.layout.read();
  const positions = columnPositions(layout, spec.columns);
  const idPosition = positions[spec.columns.findIndex((column) => column.field === "id")];
  let first = 0;
  let last = layout.rowCount - 1;
  let touchesIdColumn = true;
  if (span) {
    first = Math.max(first, span.firstRow - layout.headerRow - 1);
    last = Math.min(last, span.lastRow - layout.headerRow - 1);
    if (span.firstColumn !== undefined && span.lastColumn !== undefined) {
      const idColumn = layout.firstColumn + idPosition;
      touchesIdColumn = span.firstColumn <= idColumn && idColumn <= span.lastColumn;
    }
  }
  const rows: (Record<string, unknown> | undefined)[] = [];
  const issues: DataIssue[] = [];
  // every body row read (no address, or one that covers them all): read as a load reads them, repeated IDs too
  const coversTable = first === 0 && last === layout.rowCount - 1;
  // made at the table's size: a Map growing to a million IDs copies itself in one stretch (pauses of 100 ms)
  const firstRowOf = coversTable ? new TextTable(layout.rowCount) : undefined;
  const takePage = (from: number, page: unknown[][]) =>
    forEachPaced(page, pause, (row, index) => {
      const bodyRow = from + index;
      const parsed = parseRow(spec, layout, positions, row, bodyRow);
      issues.push(...parsed.issues);
      const id = parsed.record && String(parsed.record.id);
      const earlier = id === undefined ? undefined : firstRowOf?.get(id);
      if (id !== undefined && earlier !== undefined) {
        issues.push(duplicateIdIssue(spec, layout, idPosition, id, bodyRow, earlier));
        rows.push(undefined);
        return;
      }
      if (id !== undefined) firstRowOf?.set(id, bodyRow);
      rows.push(parsed.record);
    });
  if (first <= last) {
    const read = readWithLayout(queued.rows, layout, first, last);
    if (read) await takePage(first, read);
    else
      await readPaged(
        context,
        [{ layout, firstRow: first, rowCount: last - first + 1, columnCount: columnsRead(spec, positions) }],
        (_span, from, page) => takePage(from, page),
      );
  }
  return {
    kind,
    rowCount: layout.rowCount,
    firstBodyRow: first,
    firstSheetRow: sheetRowNumber(layout, first),
    rows,
    issues,
    touchesIdColumn,
    coversTable,
  };
}

/**
 * Queues the table's layout and, given a change's span, those rows of the table's body: the sheet rows the
 * change covers, intersected with the body (a null object when the change is outside it).
 */
function queueRead(
  context: Excel.RequestContext,
  table: string,
  sheet: string,
  span: { firstRow: number; lastRow: number } | undefined,
): { layout: QueuedLayout; rows?: Excel.Range } {
  const layout = queueLayout(context, table, sheet);
  if (!span) return { layout };
  const sheetRows = layout.table.worksheet
    .getRangeByIndexes(span.firstRow, 0, span.lastRow - span.firstRow + 1, 1)
    .getEntireRow();
  const rows = layout.table.getDataBodyRange().getIntersectionOrNullObject(sheetRows).load("values,rowIndex");
  return { layout, rows };
}

/** The body rows first..last as read with the layout, when that read covered exactly them. */
function readWithLayout(
  rows: Excel.Range | undefined,
  layout: TableLayout,
  first: number,
  last: number,
): unknown[][] | undefined {
  if (!rows || rows.isNullObject) return undefined;
  const covers = rows.rowIndex === layout.headerRow + 1 + first && rows.values.length === last - first + 1;
  return covers ? (rows.values as unknown[][]) : undefined;
}

/**
 * Response bytes of a page of the ID column. Decoding a page is on the add-in's thread, in one stretch, and a
 * page of the usual 4 MB (about 200,000 IDs, every one a string kept) took 120–330 ms on this project's
 * machine. Nothing waits for the ID column (it follows a sort, or a delete the rows' order cannot tell), so it
 * comes in smaller pages, for a few more requests.
 */
const ID_PAGE_BYTES = 1_000_000;

/**
 * The ID in each body row of a record table, trimmed as locating a record reads it ("" for a row without one),
 * read in pages of that one column, each page's IDs given to `onPage` (awaited before the next); undefined when
 * the table has no ID column.
 */
export async function readTableIds(
  context: Excel.RequestContext,
  kind: RecordKind,
  onPage: (ids: readonly string[]) => void | Promise<void>,
): Promise<{ rowCount: number; firstSheetRow: number } | undefined> {
  const spec = RECORD_TABLES[kind];
  const queued = queueLayout(context, spec.table, spec.sheet);
  await context.sync();
  const layout = queued.read();
  const idAt = positionOf(layout, spec.idHeader);
  if (idAt < 0) return undefined;
  await readPaged(
    context,
    [{ layout, firstRow: 0, rowCount: layout.rowCount, firstColumn: idAt, columnCount: 1 }],
    (_span, _firstRow, rows) => onPage(rows.map((row) => idText(row[0]))),
    { bytes: ID_PAGE_BYTES },
  );
  return { rowCount: layout.rowCount, firstSheetRow: sheetRowNumber(layout, 0) };
}

/**
 * The IDs in a few body rows of a record table, the rows chosen once the table's layout is read: `rowsToRead` is
 * given the zero-based sheet row of its header and its body rows now. Two small requests whatever the table's
 * size. Undefined when the table has no ID column or `rowsToRead` gives no rows.
 */
export async function readIdsAt(
  context: Excel.RequestContext,
  kind: RecordKind,
  rowsToRead: (table: { headerRow: number; rowCount: number }) => readonly number[] | undefined,
): Promise<{ rowCount: number; ids: string[] } | undefined> {
  const spec = RECORD_TABLES[kind];
  const queued = queueLayout(context, spec.table, spec.sheet);
  await context.sync();
  const layout = queued.read();
  const idAt = positionOf(layout, spec.idHeader);
  const rows = idAt < 0 ? undefined : rowsToRead(layout);
  if (!rows || rows.length === 0) return undefined;
  const body = queued.table.getDataBodyRange();
  const cells = rows.map((row) => body.getCell(row, idAt).load("values"));
  await context.sync();
  return { rowCount: layout.rowCount, ids: cells.map((cell) => idText(cell.values[0][0])) };
}

/** A cell's ID as locating a record reads it: trimmed, "" for a blank cell. */
const idText = (cell: unknown): string => String(cell ?? "").trim();
