import {
  MAX_REQUEST_BYTES,
  MAX_RESPONSE_BYTES,
  RANGE_OPERATION_BYTES,
  isPayloadTooLarge,
  jsonBytes,
} from "./payload";
import type { TableLayout } from "./tableLayout";
import { forEachPaced, yieldEvery } from "../domain/yielding";

/**
 * Reading table bodies within Excel's response limit. A page is as many rows as fit the byte budget at the
 * bytes per row measured on the rows read so far (a guess from the column count before the first page);
 * several tables share a request while they fit. A request Excel refuses as too large is retried with every
 * block halved, and the table's estimate doubled, so one unusually long run of rows never stops a load.
 */

/**
 * Pages of a whole-register load where round trips are cheap. Office.js decodes each answer on the add-in's
 * thread in one stretch: a 3.2 MB page of installations took 65–77 ms to decode on this project's machine, and
 * with the collection after it 10 of 15 starts at 100,000 licences had a stretch over 100 ms, up to 340 ms. With
 * pages of 2 MB, 4 of 32 starts did, the worst 195 ms (bench/README.md). Half-size pages are twice the requests,
 * which on Excel on the web cross the internet: 84 requests at 100k cost 8 s more at a 100 ms round trip
 * (bench/roundTrips.ts). So they are used only where a round trip, timed on the load's two small requests, took
 * under CHEAP_ROUND_TRIP_MS: the extra requests then cost at most about 2 s at 100k, and nothing changes where
 * round trips are slow.
 */
export const SMALL_PAGE_BYTES = 2_000_000;
export const CHEAP_ROUND_TRIP_MS = 25;

/** Response bytes a load's pages may carry, given how long a small request took to come back. */
export function pageBytesFor(roundTripMs: number): number {
  return roundTripMs < CHEAP_ROUND_TRIP_MS ? SMALL_PAGE_BYTES : MAX_RESPONSE_BYTES;
}

/** Excel on the web also refuses reads of very many cells in one request; stay under it whatever the bytes. */
export const MAX_CELLS_PER_SYNC = 4_500_000;
/** Before anything is measured: a generous guess per cell (IDs, dates and short text are 10–40 bytes). */
const GUESSED_CELL_BYTES = 64;
/** Response bytes one loaded range costs besides its values (object id, property name, brackets). */
const RANGE_RESPONSE_BYTES = 200;
/** Estimates leave this much room for rows longer than those measured. */
const SAFETY = 1.25;
/** Rows measured per page to estimate bytes per row: enough for a stable average, cheap at 100,000 rows. */
const SAMPLE_ROWS = 256;

/** Body rows of one table to read: rows [firstRow, firstRow + rowCount), all columns or some. */
export interface BodySpan {
  layout: TableLayout;
  firstRow: number;
  rowCount: number;
  /** Zero-based position in the table of the first column to read; default 0 (the whole row). */
  firstColumn?: number;
  /** How many columns; default every column from firstColumn on. */
  columnCount?: number;
}

export interface PageLimits {
  /** Response bytes one request may carry (default MAX_RESPONSE_BYTES). */
  bytes?: number;
  cells?: number;
}

/**
 * What each request of a paged read returned: the span, the body row of rows[0], the rows. The next page is already
 * asked for when a handler gets a page; a handler that returns a promise (a parser giving the thread back) is
 * awaited before the next page is handed over. A handler must not queue anything on the read's context.
 */
export type PageHandler = (span: BodySpan, firstRow: number, rows: unknown[][]) => void | Promise<void>;

interface Cursor {
  /** Queues the load of rows [firstRow, firstRow + rowCount) of what the cursor reads. */
  queue: (context: Excel.RequestContext, firstRow: number, rowCount: number) => Excel.Range;
  deliver: (firstRow: number, rows: unknown[][]) => void | Promise<void>;
  next: number;
  end: number;
  columns: number;
  bytesPerRow: number;
}

interface Block {
  cursor: Cursor;
  firstRow: number;
  rowCount: number;
}

function columnsOf(span: BodySpan): number {
  const first = span.firstColumn ?? 0;
  return Math.max(1, span.columnCount ?? span.layout.headers.length - first);
}

/** Average bytes per row of a sample of the rows, as they cost in a response. */
export function measuredBytesPerRow(rows: readonly unknown[][]): number {
  if (rows.length === 0) return 0;
  const step = Math.max(1, Math.floor(rows.length / SAMPLE_ROWS));
  let bytes = 0;
  let counted = 0;
  for (let i = 0; i < rows.length; i += step) {
    bytes += jsonBytes(rows[i]) + 1;
    counted++;
  }
  return bytes / counted;
}

/**
 * Plans the blocks of one request: cursors in order, each as many rows as the remaining budget allows. Each
 * block is one range load in the request too, so reading many scattered rows also stays under the request limit.
 */
function planRequest(cursors: Cursor[], bytes: number, cells: number): Block[] {
  const blocks: Block[] = [];
  let bytesLeft = bytes;
  let cellsLeft = cells;
  let requestLeft = MAX_REQUEST_BYTES;
  for (const cursor of cursors) {
    // a cursor read to its end costs this request nothing: charging it stopped every read of more scattered
    // rows than one request can ask for after its first request, leaving the rest unread
    const remaining = cursor.end - cursor.next;
    if (remaining <= 0) continue;
    if (requestLeft < RANGE_OPERATION_BYTES) break;
    requestLeft -= RANGE_OPERATION_BYTES;
    const byBytes = Math.floor((bytesLeft - RANGE_RESPONSE_BYTES) / cursor.bytesPerRow);
    const byCells = Math.floor(cellsLeft / cursor.columns);
    let rows = Math.min(remaining, byBytes, byCells);
    if (rows < 1) {
      if (blocks.length > 0) break;
      rows = 1;
    }
    blocks.push({ cursor, firstRow: cursor.next, rowCount: rows });
    bytesLeft -= rows * cursor.bytesPerRow + RANGE_RESPONSE_BYTES;
    cellsLeft -= rows * cursor.columns;
    if (rows < remaining) break;
  }
  return blocks;
}

function bodySpanCursor(span: BodySpan, onPage: PageHandler): Cursor {
  const columns = columnsOf(span);
  return {
    queue: (context, firstRow, rowCount) =>
      context.workbook.tables
        .getItem(span.layout.table)
        .getDataBodyRange()
        .getCell(firstRow, span.firstColumn ?? 0)
        .getResizedRange(rowCount - 1, columns - 1)
        .load("values"),
    deliver: (firstRow, rows) => onPage(span, firstRow, rows),
    next: span.firstRow,
    end: span.firstRow + span.rowCount,
    columns,
    bytesPerRow: columns * GUESSED_CELL_BYTES + 2,
  };
}

/**
 * Reads the spans' rows page by page, in order, handing each page to onPage as it arrives (so a caller can
 * parse as it goes instead of holding every row of a large register at once), once the next page is asked for.
 */
export async function readPaged(
  context: Excel.RequestContext,
  spans: readonly BodySpan[],
  onPage: PageHandler,
  limits: PageLimits = {},
): Promise<void> {
  const cursors = spans.filter((span) => span.rowCount > 0).map((span) => bodySpanCursor(span, onPage));
  await readCursors(context, cursors, limits);
}

/** An area of a worksheet by zero-based indexes, as a used range gives it. */
export interface SheetArea {
  sheet: string;
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}

/**
 * Reads an area of a worksheet (not a table: a sheet an export was opened or pasted in) page by page within
 * the same limits; onPage gets the row of the area (0-based) its first row is.
 */
export async function readSheetArea(
  context: Excel.RequestContext,
  area: SheetArea,
  onPage: (firstRow: number, rows: unknown[][]) => void | Promise<void>,
  limits: PageLimits = {},
): Promise<void> {
  if (area.rowCount <= 0 || area.columnCount <= 0) return;
  const columns = area.columnCount;
  const sheet = context.workbook.worksheets.getItem(area.sheet);
  const cursor: Cursor = {
    queue: (_context, firstRow, rowCount) =>
      sheet.getRangeByIndexes(area.rowIndex + firstRow, area.columnIndex, rowCount, columns).load("values"),
    deliver: onPage,
    next: 0,
    end: area.rowCount,
    columns,
    bytesPerRow: columns * GUESSED_CELL_BYTES + 2,
  };
  await readCursors(context, [cursor], limits);
}

/** One request's blocks and the ranges Excel filled for them. */
interface Answer {
  blocks: Block[];
  ranges: Excel.Range[];
}

/**
 * Asks for the cursors' next rows, halving every block while Excel refuses the answer as too large; undefined when
 * every cursor is read to its end.
 */
async function requestNext(
  context: Excel.RequestContext,
  cursors: Cursor[],
  { bytes, cells }: Required<PageLimits>,
): Promise<Answer | undefined> {
  // a read of scattered rows (a save of 44,000 installations at 100,000 licences) queues ten thousand ranges a
  // request: about 200 ms in one stretch before it gave the thread back while queueing. Its own clock, started
  // now: one that counted the wait for the last answer would yield before the first range, and a page handler
  // that does not yield would then run to its end before the request went, with nothing read meanwhile.
  // Pausing between queueing and sync is safe because no caller runs two reads on one context at once and no
  // page handler queues anything on the read's context: other work's ranges would join this request.
  const pause = yieldEvery();
  let blocks = planRequest(cursors, bytes, cells);
  if (blocks.length === 0) {
    if (cursors.some((cursor) => cursor.next < cursor.end))
      throw new Error("A paged read stopped with rows still unread.");
    return undefined;
  }
  for (;;) {
    const ranges: Excel.Range[] = [];
    // not forEachPaced, which awaits even when it does not pause: a page's request goes before its handler runs
    for (const block of blocks) {
      const wait = pause();
      if (wait) await wait;
      ranges.push(block.cursor.queue(context, block.firstRow, block.rowCount));
    }
    try {
      await context.sync();
      return { blocks, ranges };
    } catch (error) {
      if (!isPayloadTooLarge(error) || blocks.every((block) => block.rowCount === 1)) throw error;
      for (const block of blocks) block.cursor.bytesPerRow *= 2;
      blocks = blocks.map((block) => ({ ...block, rowCount: Math.max(1, Math.floor(block.rowCount / 2)) }));
    }
  }
}

/**
 * Each answer's rows are measured and counted as read first, so the next request can be planned and sent before
 * they are handed over: Excel reads the next pages (in its own process, or across the internet on the web) while
 * the add-in parses these, instead of each waiting for the other. One request is in flight at a time.
 */
async function readCursors(
  context: Excel.RequestContext,
  cursors: Cursor[],
  limits: PageLimits,
): Promise<void> {
  const budget = { bytes: limits.bytes ?? MAX_RESPONSE_BYTES, cells: limits.cells ?? MAX_CELLS_PER_SYNC };
  // ten thousand ranges back from a read of scattered rows are as many pages: the thread is given back between them
  const pause = yieldEvery();
  let answer = await requestNext(context, cursors, budget);
  while (answer) {
    const { blocks, ranges } = answer;
    const pages: { block: Block; rows: unknown[][] }[] = [];
    // a clock of the answer's own, as the request's: one that counted the wait for it would give the thread back
    // before the next request goes; it can still pause among the thousands of blocks of a read of scattered rows
    await forEachPaced(blocks, yieldEvery(), (block, index) => {
      const rows = ranges[index].values as unknown[][];
      const measured = measuredBytesPerRow(rows);
      if (measured > 0) block.cursor.bytesPerRow = Math.max(measured * SAFETY, 2);
      block.cursor.next += block.rowCount;
      pages.push({ block, rows });
    });
    const next = requestNext(context, cursors, budget);
    // its failure is thrown where it is awaited below; a page handler failing first leaves it unawaited
    next.catch(() => undefined);
    // the request's own first steps before the handler's first stretch
    await Promise.resolve();
    for (const { block, rows } of pages) {
      await block.cursor.deliver(block.firstRow, rows);
      const wait = pause();
      if (wait) await wait;
    }
    answer = await next;
  }
}

/** The cells of some body rows of one table, in pages; consecutive rows are read as one range. */
export async function readBodyRows(
  context: Excel.RequestContext,
  layout: TableLayout,
  rows: Iterable<number>,
): Promise<Map<number, unknown[]>> {
  const spans: BodySpan[] = [];
  for (const row of [...new Set(rows)].sort((a, b) => a - b)) {
    const last = spans[spans.length - 1];
    if (last && last.firstRow + last.rowCount === row) last.rowCount++;
    else spans.push({ layout, firstRow: row, rowCount: 1 });
  }
  const cells = new Map<number, unknown[]>();
  await readPaged(context, spans, (_span, firstRow, page) =>
    page.forEach((values, index) => cells.set(firstRow + index, values)),
  );
  return cells;
}
