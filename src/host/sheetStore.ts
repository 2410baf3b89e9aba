import { MAX_COLUMNS, MAX_ROWS, type Rect, rect } from "./addresses";
import type { CellValue } from "./inputParsing";

/**
 * The cells of one worksheet: values, formulas and number formats, stored as a sparse array of rows so
 * tables of hundreds of thousands of rows stay cheap to write and read. Range-level attributes (styles, data
 * validation, conditional formats) are kept as rectangles elsewhere (see rangeAttributes.ts).
 */

interface RowData {
  values: (CellValue | undefined)[];
  formulas?: (string | undefined)[];
  formats?: (string | undefined)[];
}

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

function ownFormats(data: RowData): Formats {
  const formats = data.formats;
  if (!formats) return (data.formats = []);
  if (!sharedFormats.has(formats)) return formats;
  return (data.formats = formats.slice());
}

/** Applies the same change to many rows' formats, changing each shared list once. */
function changeFormats(
  data: RowData,
  change: (formats: Formats) => void,
  changed: Map<Formats, Formats>,
): void {
  const formats = data.formats;
  if (!formats) return;
  if (!sharedFormats.has(formats)) return change(formats);
  let next = changed.get(formats);
  if (!next) {
    next = formats.slice();
    change(next);
    changed.set(formats, share(next));
  }
  data.formats = next;
}

/** Whether every format in the list lies within columns [c0, c1] (true for no list). */
function formatsWithin(formats: Formats | undefined, c0: number, c1: number): boolean {
  return !formats || formats.every((format, c) => format === undefined || (c >= c0 && c <= c1));
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
  private rows: (RowData | undefined)[] = [];
  /** Number formats given to whole columns ("A:A"), used where a cell has none of its own. */
  private columnFormats = new Map<number, string>();
  private usedCache: { values?: Rect | null; all?: Rect | null } = {};

  /** A separate copy (a co-author's own copy of the workbook, see coauthoring.ts). */
  clone(): SheetStore {
    const copy = new SheetStore();
    copy.rows = this.rows.map((data) =>
      data
        ? {
            values: data.values.slice(),
            ...(data.formulas ? { formulas: data.formulas.slice() } : {}),
            ...(data.formats ? { formats: share(data.formats) } : {}),
          }
        : undefined,
    );
    copy.columnFormats = new Map(this.columnFormats);
    return copy;
  }

  private row(r: number, create: true): RowData;
  private row(r: number, create?: false): RowData | undefined;
  private row(r: number, create = false): RowData | undefined {
    let data = this.rows[r];
    if (!data && create) {
      data = { values: [] };
      this.rows[r] = data;
    }
    return data;
  }

  value(r: number, c: number): CellValue {
    return this.rows[r]?.values[c] ?? "";
  }

  formula(r: number, c: number): string | undefined {
    return this.rows[r]?.formulas?.[c];
  }

  ownFormat(r: number, c: number): string | undefined {
    return this.rows[r]?.formats?.[c];
  }

  format(r: number, c: number): string {
    return this.rows[r]?.formats?.[c] ?? this.columnFormats.get(c) ?? GENERAL;
  }

  isEmpty(r: number, c: number): boolean {
    const data = this.rows[r];
    return !data || ((data.values[c] ?? "") === "" && data.formulas?.[c] === undefined);
  }

  /** Stores a constant (formula undefined) or a formula with its current value. */
  setCell(r: number, c: number, value: CellValue, formula?: string): void {
    const data = this.row(r, true);
    data.values[c] = value === "" ? undefined : value;
    if (formula !== undefined) (data.formulas ??= [])[c] = formula;
    else if (data.formulas) data.formulas[c] = undefined;
    if (value === "" && formula === undefined) this.usedCache = {};
    else this.growUsed(r, c);
  }

  clearContents(r: number, c: number): void {
    const data = this.rows[r];
    if (!data) return;
    data.values[c] = undefined;
    if (data.formulas) data.formulas[c] = undefined;
    this.usedCache = {};
  }

  setFormat(r: number, c: number, numberFormat: string | undefined): void {
    if (numberFormat === undefined && !this.rows[r]?.formats) return;
    ownFormats(this.row(r, true))[c] = numberFormat;
    if (numberFormat === undefined) this.usedCache.all = undefined;
    else if (this.usedCache.all !== undefined) this.usedCache.all = grow(this.usedCache.all, r, c);
  }

  /** Keeps cached used ranges valid as cells fill (clearing invalidates them instead). */
  private growUsed(r: number, c: number): void {
    if (this.usedCache.values !== undefined) this.usedCache.values = grow(this.usedCache.values, r, c);
    if (this.usedCache.all !== undefined) this.usedCache.all = grow(this.usedCache.all, r, c);
  }

  setColumnFormat(c: number, numberFormat: string): void {
    this.columnFormats.set(c, numberFormat);
    const changed = new Map<Formats, Formats>();
    for (const data of this.rows) {
      if (data?.formats?.[c] !== undefined)
        changeFormats(data, (formats) => (formats[c] = undefined), changed);
    }
  }

  /** Every formula cell: [row, column, formula]. */
  *formulaCells(): Generator<[number, number, string]> {
    for (let r = 0; r < this.rows.length; r++) {
      const formulas = this.rows[r]?.formulas;
      if (!formulas) continue;
      for (let c = 0; c < formulas.length; c++) if (formulas[c] !== undefined) yield [r, c, formulas[c]!];
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
    const rows = this.rows;
    for (let r = 0; r < rows.length; r++) {
      const data = rows[r];
      if (!data) continue;
      const lists = valuesOnly ? [data.values, data.formulas] : [data.values, data.formulas, data.formats];
      for (const cells of lists) {
        if (!cells) continue;
        let first = -1;
        for (let c = 0; c < cells.length; c++)
          if (cells[c] !== undefined) {
            first = c;
            break;
          }
        if (first < 0) continue;
        let last = first;
        for (let c = cells.length - 1; c > first; c--)
          if (cells[c] !== undefined) {
            last = c;
            break;
          }
        if (r < r0) r0 = r;
        r1 = r;
        if (first < c0) c0 = first;
        if (last > c1) c1 = last;
      }
    }
    const result = r1 < 0 ? null : rect(r0, c0, r1 - r0 + 1, c1 - c0 + 1);
    this.usedCache[key] = result;
    return result ?? undefined;
  }

  /** Rows that hold anything, in order, within [from, to]. Lets reads skip empty stretches cheaply. */
  lastRowIndex(): number {
    return this.rows.length - 1;
  }

  /**
   * Deletes (count < 0) or inserts (count > 0) rows at `at` within columns [c0, c1], moving the cells below
   * up or down, as Range.delete("Up") / Range.insert("Down") do.
   */
  shiftRows(at: number, count: number, c0: number, c1: number): void {
    this.usedCache = {};
    const fullWidth = c0 === 0 && c1 >= MAX_COLUMNS - 1;
    if (fullWidth) {
      if (count < 0) this.rows.splice(at, -count);
      else if (at < this.rows.length) this.rows.splice(at, 0, ...new Array<RowData | undefined>(count));
      return;
    }
    const end = this.rows.length - 1;
    const move = (from: number, to: number) => {
      const source = from >= 0 ? this.rows[from] : undefined;
      // a row whose formats all lie in the moved columns takes the other row's list whole (shared)
      const whole = formatsWithin(source?.formats, c0, c1) && formatsWithin(this.rows[to]?.formats, c0, c1);
      for (let c = c0; c <= c1; c++) this.moveCell(from, to, c, c, !whole);
      if (!whole) return;
      const target = this.rows[to];
      if (source?.formats) this.row(to, true).formats = share(source.formats);
      else if (target) target.formats = undefined;
    };
    if (count < 0) {
      const n = -count;
      for (let r = at; r <= end; r++) move(r + n, r);
    } else {
      for (let r = end; r >= at; r--) move(r, r + count);
      for (let r = at; r < at + count; r++) move(-1, r);
    }
  }

  /** Deletes (count < 0) or inserts (count > 0) columns at `at` within rows [r0, r1]. */
  shiftColumns(at: number, count: number, r0: number, r1: number): void {
    this.usedCache = {};
    const last = Math.min(r1, this.rows.length - 1, MAX_ROWS - 1);
    const splice = (cells: unknown[] | undefined) => {
      if (!cells || cells.length <= at) return;
      if (count < 0) cells.splice(at, -count);
      else cells.splice(at, 0, ...new Array<undefined>(count));
    };
    const changed = new Map<Formats, Formats>();
    for (let r = r0; r <= last; r++) {
      const data = this.rows[r];
      if (!data) continue;
      splice(data.values);
      splice(data.formulas);
      changeFormats(data, splice, changed);
    }
  }

  /**
   * Moves one cell's contents, and its format unless the caller moves the row's formats whole; from = -1
   * clears the destination.
   */
  private moveCell(
    fromRow: number,
    toRow: number,
    fromColumn: number,
    toColumn: number,
    withFormat: boolean,
  ): void {
    const source = fromRow >= 0 ? this.rows[fromRow] : undefined;
    const target = this.rows[toRow];
    if (!source && !target) return;
    const value = source?.values[fromColumn];
    const formula = source?.formulas?.[fromColumn];
    const format = withFormat ? source?.formats?.[fromColumn] : undefined;
    if (!target && value === undefined && formula === undefined && format === undefined) return;
    const data = this.row(toRow, true);
    data.values[toColumn] = value;
    if (formula !== undefined || data.formulas) (data.formulas ??= [])[toColumn] = formula;
    if (withFormat && (format !== undefined || data.formats)) ownFormats(data)[toColumn] = format;
  }

  /** Copies number formats of one row's cells onto another row (used when a table grows). */
  copyFormats(fromRow: number, toRow: number, c0: number, c1: number, onlyWhereUnset: boolean): void {
    const from = this.rows[fromRow]?.formats;
    if (from && !this.rows[toRow]?.formats && formatsWithin(from, c0, c1)) {
      this.row(toRow, true).formats = share(from);
      let last = from.length - 1;
      while (last >= 0 && from[last] === undefined) last--;
      if (last >= 0 && this.usedCache.all !== undefined) {
        const first = from.findIndex((format) => format !== undefined);
        this.usedCache.all = grow(grow(this.usedCache.all, toRow, first), toRow, last);
      }
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
