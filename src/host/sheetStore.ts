import { MAX_COLUMNS, MAX_ROWS, type Rect, rect } from "./addresses";
import { CellColumn } from "./cellColumn";
import type { CellValue } from "./inputParsing";

/**
 * The cells of one worksheet. Values and formulas are stored by column, each column its rows in typed arrays
 * (cellColumn.ts), so a table of a million rows is a dozen columns rather than a million row objects or millions
 * of strings (a smaller heap for the browser playground, and next to nothing for the garbage collector to mark).
 * Number formats are stored by row, as lists that many rows share. Range-level attributes (styles, data
 * validation, conditional formats) are kept as rectangles elsewhere (see rangeAttributes.ts).
 */

export const GENERAL = "General";

/**
 * Format lists shared by several rows: a table's new rows take the formats of its last row, so a table of a
 * million rows needs a handful of lists, not a million. A shared list is copied before it is changed, and
 * rows that shared one list before a change share one changed list after it.
 */
type Formats = (string | undefined)[];
const sharedFormats = new WeakSet<Formats>();

function share(formats: Formats): Formats {
  sharedFormats.add(formats);
  return formats;
}

/** Whether every format in the list lies within columns [c0, c1] (true for no list). */
function formatsWithin(formats: Formats | undefined, c0: number, c1: number): boolean {
  return !formats || formats.every((format, c) => format === undefined || (c >= c0 && c <= c1));
}

/** Rows of a gap in the formats that are filled with blanks rather than left as a hole (see put). */
const MAX_GAP_FILLED = 65_536;

/**
 * Writes `value` at `row`. A blank past the end is written only where it keeps the array dense; a value far past
 * the end leaves a hole, and one a short way past it fills the gap with blanks first, because V8 keeps an array
 * written far past its end in a slower, larger form (a dictionary).
 */
function put<T>(places: (T | undefined)[], row: number, value: T | undefined): void {
  if (row < places.length) places[row] = value;
  else if (value !== undefined || row === places.length) {
    if (row - places.length <= MAX_GAP_FILLED) while (places.length < row) places.push(undefined);
    places[row] = value;
  }
}

/** Inserts `count` empty places at `at` (no spread of a large array into splice's arguments). */
function insertEmpty(array: unknown[], at: number, count: number): void {
  if (at >= array.length) return;
  const length = array.length;
  array.length = length + count;
  array.copyWithin(at + count, at, length);
  array.fill(undefined, at, at + count);
}

/** Deletes (count < 0) or inserts (count > 0) places at `at`. */
function shift(array: unknown[] | undefined, at: number, count: number): void {
  if (!array || at >= array.length) return;
  if (count < 0) array.splice(at, -count);
  else insertEmpty(array, at, count);
}

/** The first and last places that hold something, or undefined. */
function filledSpan(cells: readonly unknown[]): [number, number] | undefined {
  let first = 0;
  while (first < cells.length && cells[first] === undefined) first++;
  if (first === cells.length) return undefined;
  let last = cells.length - 1;
  while (cells[last] === undefined) last--;
  return [first, last];
}

function grow(used: Rect | null, r: number, c: number): Rect {
  if (!used) return rect(r, c);
  if (r >= used.row && r < used.row + used.rowCount && c >= used.column && c < used.column + used.columnCount)
    return used;
  const r0 = Math.min(used.row, r);
  const c0 = Math.min(used.column, c);
  const r1 = Math.max(used.row + used.rowCount - 1, r);
  const c1 = Math.max(used.column + used.columnCount - 1, c);
  return rect(r0, c0, r1 - r0 + 1, c1 - c0 + 1);
}

export class SheetStore {
  /** By column, then row. */
  private values: (CellColumn | undefined)[] = [];
  /** By column, then row; only columns that have held a formula have an array. */
  private formulas: (CellColumn<string> | undefined)[] = [];
  /** By row: the row's own number formats by column, a list often shared with other rows. */
  private formats: (Formats | undefined)[] = [];
  /** Number formats given to whole columns ("A:A"), used where a cell has none of its own. */
  private columnFormats = new Map<number, string>();
  private usedCache: { values?: Rect | null; all?: Rect | null } = {};

  /** A separate copy (a co-author's own copy of the workbook, see coauthoring.ts). */
  clone(): SheetStore {
    const copy = new SheetStore();
    copy.values = this.values.map((column) => column?.clone());
    copy.formulas = this.formulas.map((column) => column?.clone());
    copy.formats = this.formats.map((formats) => formats && share(formats));
    copy.columnFormats = new Map(this.columnFormats);
    return copy;
  }

  value(r: number, c: number): CellValue {
    return this.values[c]?.get(r) ?? "";
  }

  formula(r: number, c: number): string | undefined {
    return this.formulas[c]?.get(r);
  }

  ownFormat(r: number, c: number): string | undefined {
    return this.formats[r]?.[c];
  }

  format(r: number, c: number): string {
    return this.formats[r]?.[c] ?? this.columnFormats.get(c) ?? GENERAL;
  }

  isEmpty(r: number, c: number): boolean {
    return (this.values[c]?.get(r) ?? "") === "" && this.formulas[c]?.get(r) === undefined;
  }

  /** Stores a constant (formula undefined) or a formula with its current value. */
  setCell(r: number, c: number, value: CellValue, formula?: string): void {
    (this.values[c] ??= new CellColumn()).set(r, value === "" ? undefined : value);
    if (formula !== undefined) (this.formulas[c] ??= new CellColumn<string>()).set(r, formula);
    else this.formulas[c]?.set(r, undefined);
    if (value === "" && formula === undefined) this.usedCache = {};
    else this.growUsed(r, c);
  }

  clearContents(r: number, c: number): void {
    this.values[c]?.set(r, undefined);
    this.formulas[c]?.set(r, undefined);
    this.usedCache = {};
  }

  setFormat(r: number, c: number, numberFormat: string | undefined): void {
    if (numberFormat === undefined && !this.formats[r]) return;
    this.ownFormats(r)[c] = numberFormat;
    if (numberFormat === undefined) this.usedCache.all = undefined;
    else if (this.usedCache.all !== undefined) this.usedCache.all = grow(this.usedCache.all, r, c);
  }

  /** The row's format list, made its own (copied if shared) so that it can be changed. */
  private ownFormats(r: number): Formats {
    const formats = this.formats[r];
    if (!formats) return (this.formats[r] = []);
    if (!sharedFormats.has(formats)) return formats;
    return (this.formats[r] = formats.slice());
  }

  /** Applies the same change to many rows' formats, changing each shared list once. */
  private changeFormats(r: number, change: (formats: Formats) => void, changed: Map<Formats, Formats>): void {
    const formats = this.formats[r];
    if (!formats) return;
    if (!sharedFormats.has(formats)) return change(formats);
    let next = changed.get(formats);
    if (!next) {
      next = formats.slice();
      change(next);
      changed.set(formats, share(next));
    }
    this.formats[r] = next;
  }

  /** Keeps cached used ranges valid as cells fill (clearing invalidates them instead). */
  private growUsed(r: number, c: number): void {
    if (this.usedCache.values !== undefined) this.usedCache.values = grow(this.usedCache.values, r, c);
    if (this.usedCache.all !== undefined) this.usedCache.all = grow(this.usedCache.all, r, c);
  }

  setColumnFormat(c: number, numberFormat: string): void {
    this.columnFormats.set(c, numberFormat);
    const changed = new Map<Formats, Formats>();
    for (let r = 0; r < this.formats.length; r++) {
      if (this.formats[r]?.[c] !== undefined)
        this.changeFormats(r, (formats) => (formats[c] = undefined), changed);
    }
  }

  /** Every formula cell, row by row: [row, column, formula]. */
  *formulaCells(): Generator<[number, number, string]> {
    const columns = [...this.formulas.keys()].filter((c) => this.formulas[c]);
    const rows = Math.max(0, ...columns.map((c) => this.formulas[c]!.length));
    for (let r = 0; r < rows; r++) {
      for (const c of columns) {
        const formula = this.formulas[c]!.get(r);
        if (formula !== undefined) yield [r, c, formula];
      }
    }
  }

  /** The smallest rectangle holding every non-empty cell (and, unless valuesOnly, every formatted cell). */
  usedRect(valuesOnly: boolean): Rect | undefined {
    const key = valuesOnly ? "values" : "all";
    const cached = this.usedCache[key];
    if (cached !== undefined) return cached ?? undefined;
    let r0 = Infinity;
    let r1 = -1;
    let c0 = Infinity;
    let c1 = -1;
    const include = (rows: [number, number], columns: [number, number]) => {
      r0 = Math.min(r0, rows[0]);
      r1 = Math.max(r1, rows[1]);
      c0 = Math.min(c0, columns[0]);
      c1 = Math.max(c1, columns[1]);
    };
    for (const byColumn of [this.values, this.formulas]) {
      byColumn.forEach((cells, c) => {
        const rows = cells?.filledSpan();
        if (rows) include(rows, [c, c]);
      });
    }
    if (!valuesOnly) {
      this.formats.forEach((formats, r) => {
        const columns = formats && filledSpan(formats);
        if (columns) include([r, r], columns);
      });
    }
    const result = r1 < 0 ? null : rect(r0, c0, r1 - r0 + 1, c1 - c0 + 1);
    this.usedCache[key] = result;
    return result ?? undefined;
  }

  /** The last row that may hold anything (rows after it hold nothing). Lets reads skip empty stretches cheaply. */
  lastRowIndex(): number {
    const lengths = [this.values, this.formulas].flatMap((byColumn) =>
      byColumn.map((cells) => cells?.length ?? 0),
    );
    return Math.max(this.formats.length, ...lengths) - 1;
  }

  /**
   * Deletes (count < 0) or inserts (count > 0) rows at `at` within columns [c0, c1], moving the cells below
   * up or down, as Range.delete("Up") / Range.insert("Down") do.
   */
  shiftRows(at: number, count: number, c0: number, c1: number): void {
    this.usedCache = {};
    const lastColumn = Math.min(c1, Math.max(this.values.length, this.formulas.length) - 1);
    for (let c = c0; c <= lastColumn; c++) {
      this.values[c]?.shift(at, count);
      this.formulas[c]?.shift(at, count);
    }
    if (c0 === 0 && c1 >= MAX_COLUMNS - 1) {
      shift(this.formats, at, count);
      return;
    }
    const move = (from: number, to: number) => {
      const source = from >= 0 ? this.formats[from] : undefined;
      // a row whose formats all lie in the moved columns takes the other row's list whole (shared)
      if (formatsWithin(source, c0, c1) && formatsWithin(this.formats[to], c0, c1)) {
        if (source) this.formats[to] = share(source);
        else put(this.formats, to, undefined);
        return;
      }
      for (let c = c0; c <= c1; c++) {
        const format = source?.[c];
        if (format !== undefined || this.formats[to]?.[c] !== undefined) this.ownFormats(to)[c] = format;
      }
    };
    const end = this.formats.length - 1;
    if (count < 0) {
      for (let r = at; r <= end; r++) move(r - count, r);
    } else {
      for (let r = end; r >= at; r--) move(r, r + count);
      for (let r = at; r < at + count; r++) move(-1, r);
    }
  }

  /** Deletes (count < 0) or inserts (count > 0) columns at `at` within rows [r0, r1]. */
  shiftColumns(at: number, count: number, r0: number, r1: number): void {
    this.usedCache = {};
    for (const byColumn of [this.values, this.formulas]) shiftCells(byColumn, at, count, r0, r1);
    const last = Math.min(r1, this.formats.length - 1, MAX_ROWS - 1);
    const changed = new Map<Formats, Formats>();
    for (let r = r0; r <= last; r++) this.changeFormats(r, (formats) => shift(formats, at, count), changed);
  }

  /** Copies number formats of one row's cells onto another row (used when a table grows). */
  copyFormats(fromRow: number, toRow: number, c0: number, c1: number, onlyWhereUnset: boolean): void {
    const from = this.formats[fromRow];
    if (from && !this.formats[toRow] && formatsWithin(from, c0, c1)) {
      this.formats[toRow] = share(from);
      const columns = filledSpan(from);
      if (columns && this.usedCache.all !== undefined)
        this.usedCache.all = grow(grow(this.usedCache.all, toRow, columns[0]), toRow, columns[1]);
      return;
    }
    for (let c = c0; c <= c1; c++) {
      const format = this.ownFormat(fromRow, c);
      if (format === undefined) continue;
      if (onlyWhereUnset && this.ownFormat(toRow, c) !== undefined) continue;
      this.setFormat(toRow, c, format);
    }
  }
}

/**
 * Moves the cells of rows [r0, r1] sideways: deletes (count < 0) or inserts (count > 0) columns at `at`. Whole
 * columns move as arrays; otherwise each row's cells move one by one.
 */
function shiftCells<T extends CellValue>(
  byColumn: (CellColumn<T> | undefined)[],
  at: number,
  count: number,
  r0: number,
  r1: number,
): void {
  if (r0 === 0 && r1 >= MAX_ROWS - 1) return shift(byColumn, at, count);
  const moveColumn = (from: number, to: number) => {
    const source = byColumn[from];
    const target = byColumn[to];
    const last = Math.min(r1, Math.max(source?.length ?? 0, target?.length ?? 0) - 1);
    for (let r = r0; r <= last; r++) {
      const value = source?.get(r);
      if (value !== undefined) (byColumn[to] ??= new CellColumn<T>()).set(r, value);
      else byColumn[to]?.set(r, undefined);
    }
  };
  const end = byColumn.length - 1;
  if (count < 0) {
    for (let c = at; c <= end; c++) moveColumn(c - count, c);
  } else {
    for (let c = end; c >= at; c--) moveColumn(c, c + count);
    for (let c = at; c < at + count; c++) moveColumn(-1, c);
  }
}
