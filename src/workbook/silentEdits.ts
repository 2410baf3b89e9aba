import type { ExcelRun } from "./excel";
import { columnLetter } from "./cells";

/**
 * Edits Excel raises no event for. Excel on the web raises no onChanged when a person picks a value from a
 * data-validation dropdown (office-js #3888, #4066; reported on Windows too, #420), and the register has
 * dropdowns on most columns. So the rows under the selection are watched: their values are read when the
 * selection lands in a watched table, read again when the selection moves on and every `recheckMs` while it
 * stays, and any cell that changed without an onChanged event is reported as if Excel had reported it.
 *
 * Cost: one small request per selection change and per tick, at most `maxRows` rows (a taller selection is
 * watched over its first rows only). Cells an onChanged event reported since the last read are not reported
 * again, and rows that moved (rows inserted or deleted) only take a new reading.
 */

export interface WatchedTable<K> {
  key: K;
  table: string;
  sheet: string;
}

/** Zero-based sheet rows and columns of a rectangle. */
export interface Span {
  firstRow: number;
  lastRow: number;
  firstColumn: number;
  lastColumn: number;
}

const EDGE = /^\$?([A-Z]{0,3})\$?(\d{0,7})$/i;

function columnIndex(letters: string): number {
  let n = 0;
  for (const letter of letters.toUpperCase()) n = n * 26 + letter.charCodeAt(0) - 64;
  return n - 1;
}

/**
 * The rectangle of an A1 address as Excel writes one in events and range addresses ("C5", "C5:F9", "C:C",
 * "5:9", with or without the sheet): whole columns run over every row, whole rows over every column.
 */
export function spanOf(address: string): Span | undefined {
  const local = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const [a, b = a] = local.trim().split(":");
  const first = EDGE.exec(a);
  const last = EDGE.exec(b);
  if (!first || !last || (first[1] === "" && first[2] === "") || (last[1] === "" && last[2] === ""))
    return undefined;
  return {
    firstRow: first[2] === "" ? 0 : Number(first[2]) - 1,
    lastRow: last[2] === "" ? Number.MAX_SAFE_INTEGER : Number(last[2]) - 1,
    firstColumn: first[1] === "" ? 0 : columnIndex(first[1]),
    lastColumn: last[1] === "" ? Number.MAX_SAFE_INTEGER : columnIndex(last[1]),
  };
}

export const spanContains = (outer: Span, inner: Span): boolean =>
  outer.firstRow <= inner.firstRow &&
  outer.lastRow >= inner.lastRow &&
  outer.firstColumn <= inner.firstColumn &&
  outer.lastColumn >= inner.lastColumn;

interface Watch<K> extends Span {
  key: K;
  table: string;
  sheet: string;
  /** The cells as last read. */
  values: unknown[][];
  /** When the read that gave `values` was asked for: events heard since may describe changes it missed. */
  readAsked: number;
}

/** An onChanged event heard on a watched table: its cells (all of them when rows moved) and when. */
interface Report {
  table: string;
  span: Span | "moved";
  heard: number;
}

export interface SilentEditOptions<K> {
  run: ExcelRun;
  tables: readonly WatchedTable<K>[];
  /** A change Excel raised no event for: the table's key and the local address of the rows that changed. */
  onSilentEdit: (key: K, address: string) => void;
  reportError: (error: unknown) => void;
  recheckMs: number;
  /** How long a changed cell waits for an onChanged event before it counts as one Excel raised none for. */
  graceMs: number;
  maxRows: number;
}

/** Events are kept at least this long, so a watch being set up still hears of the ones that came meanwhile. */
const REPORT_MEMORY_MS = 10_000;

const STRUCTURAL = new Set([
  "RowInserted",
  "RowDeleted",
  "ColumnInserted",
  "ColumnDeleted",
  "CellInserted",
  "CellDeleted",
]);

const inside = (cell: { row: number; column: number }, span: Span) =>
  cell.row >= span.firstRow &&
  cell.row <= span.lastRow &&
  cell.column >= span.firstColumn &&
  cell.column <= span.lastColumn;

function localAddress(span: Span): string {
  return `${columnLetter(span.firstColumn)}${span.firstRow + 1}:${columnLetter(span.lastColumn)}${span.lastRow + 1}`;
}

export class SilentEditWatch<K> {
  private watches: Watch<K>[] = [];
  /** Events heard since the oldest watched read was asked for (they may arrive before or after that read). */
  private reports: Report[] = [];
  private timer: ReturnType<typeof setInterval> | undefined;
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly options: SilentEditOptions<K>) {}

  /** The person selected something else: check the rows under the old selection, then watch the new one. */
  selectionChanged(): void {
    this.enqueue(() => this.follow());
  }

  /** An onChanged event on a watched table: those cells are known to have changed, or rows have moved. */
  reported(table: string, address: string, changeType: string): void {
    const span = spanOf(address);
    const now = Date.now();
    const oldest = Math.min(now - REPORT_MEMORY_MS, ...this.watches.map((watch) => watch.readAsked));
    this.reports = this.reports.filter((report) => report.heard >= oldest);
    this.reports.push({ table, span: STRUCTURAL.has(changeType) || !span ? "moved" : span, heard: now });
  }

  /** One check at a time; a check that fails (a sheet deleted under the watch) ends the watch. */
  private enqueue(work: () => Promise<void>): void {
    this.queue = this.queue.then(work).catch((error: unknown) => {
      this.watches = [];
      this.setTimer(false);
      this.options.reportError(error);
    });
  }

  private setTimer(on: boolean): void {
    if (on && this.timer === undefined) {
      this.timer = setInterval(() => this.enqueue(() => this.check()), this.options.recheckMs);
      // In Node (tests, the benchmark) a watch left running must not keep the process alive.
      (this.timer as { unref?: () => void }).unref?.();
    }
    if (!on && this.timer !== undefined) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
  }

  /** One tick: the watched rows again. */
  private async check(): Promise<void> {
    if (this.watches.length === 0) return;
    await this.options.run(async (context) => {
      const asked = Date.now();
      const reads = this.queueReads(context);
      await context.sync();
      this.compare(reads, asked);
    });
  }

  private async follow(): Promise<void> {
    await this.options.run(async (context) => {
      const asked = Date.now();
      const selected = context.workbook.getSelectedRange().load("address");
      const reads = this.queueReads(context);
      await context.sync();
      this.compare(reads, asked);
      this.watches = [];
      const sheet = selected.address.includes("!")
        ? selected.address.slice(0, selected.address.lastIndexOf("!"))
        : "";
      const span = spanOf(selected.address);
      const tables = this.options.tables.filter((t) => sameSheet(t.sheet, sheet));
      if (!span || tables.length === 0) {
        this.setTimer(false);
        return;
      }
      const lastRow = Math.min(span.lastRow, span.firstRow + this.options.maxRows - 1);
      const rows = context.workbook.worksheets
        .getItem(tables[0].sheet)
        .getRange(`${span.firstRow + 1}:${lastRow + 1}`);
      const found = tables.map((table) => ({
        table,
        range: context.workbook.tables
          .getItemOrNullObject(table.table)
          .getDataBodyRange()
          .getIntersectionOrNullObject(rows)
          .load("values,rowIndex,columnIndex,rowCount,columnCount"),
      }));
      await context.sync();
      for (const { table, range } of found) {
        if (range.isNullObject) continue;
        this.watches.push({
          ...table,
          firstRow: range.rowIndex,
          lastRow: range.rowIndex + range.rowCount - 1,
          firstColumn: range.columnIndex,
          lastColumn: range.columnIndex + range.columnCount - 1,
          values: range.values,
          readAsked: asked,
        });
      }
      this.setTimer(this.watches.length > 0);
    });
  }

  private queueReads(context: Excel.RequestContext): { watch: Watch<K>; range: Excel.Range }[] {
    return this.watches.map((watch) => ({
      watch,
      range: context.workbook.worksheets.getItem(watch.sheet).getRange(localAddress(watch)).load("values"),
    }));
  }

  /** Reports rows whose cells differ from the baseline without an event having said so; takes the new baseline. */
  /**
   * Cells that differ from the last reading. An event may still be on its way for them (Excel delivers events
   * asynchronously, and a reading can overtake them), so they are reported only if, `graceMs` later, no event
   * has covered them. The new reading becomes the baseline at once.
   */
  private compare(reads: { watch: Watch<K>; range: Excel.Range }[], asked: number): void {
    for (const { watch, range } of reads) {
      const before = watch.values;
      const now = range.values;
      const since = watch.readAsked;
      const changed: { row: number; column: number }[] = [];
      for (let r = 0; r < now.length; r++)
        for (let c = 0; c < now[r].length; c++)
          if (!Object.is(now[r][c], before[r]?.[c]))
            changed.push({ row: watch.firstRow + r, column: watch.firstColumn + c });
      watch.values = now;
      watch.readAsked = asked;
      if (changed.length === 0) continue;
      const timer = setTimeout(() => this.reportUnheard(watch, changed, since), this.options.graceMs);
      (timer as { unref?: () => void }).unref?.();
    }
  }

  private reportUnheard(watch: Watch<K>, changed: { row: number; column: number }[], since: number): void {
    const heard = this.reports.filter((r) => r.table === watch.table && r.heard >= since);
    if (heard.some((r) => r.span === "moved")) return;
    const unheard = changed.filter((cell) => !heard.some((r) => r.span !== "moved" && inside(cell, r.span)));
    if (unheard.length === 0) return;
    const rows = unheard.map((cell) => cell.row);
    this.options.onSilentEdit(
      watch.key,
      localAddress({
        firstRow: Math.min(...rows),
        lastRow: Math.max(...rows),
        firstColumn: watch.firstColumn,
        lastColumn: watch.lastColumn,
      }),
    );
  }
}

function sameSheet(a: string, b: string): boolean {
  const unquote = (name: string) =>
    name
      .replace(/^'(.*)'$/, "$1")
      .replace(/''/g, "'")
      .toLowerCase();
  return unquote(a) === unquote(b);
}
