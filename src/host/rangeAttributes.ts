import { type Rect, contains, intersect, lastColumn, lastRow, rect, subtract } from "./addresses";

/**
 * What a worksheet knows about areas rather than cells: styles, data validation, conditional formats,
 * column widths, row heights, frozen panes, protection and charts. Kept as rectangles so formatting a
 * 200,000-row column costs one record; stored plainly so tests can inspect them.
 */

export interface CellStyle {
  fillColor?: string;
  fontBold?: boolean;
  fontItalic?: boolean;
  fontColor?: string;
  fontName?: string;
  fontSize?: number;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrapText?: boolean;
  locked?: boolean;
}

export interface ValidationSettings {
  rule?: Excel.DataValidationRule;
  errorAlert?: Excel.DataValidationErrorAlert;
  prompt?: Excel.DataValidationPrompt;
  ignoreBlanks?: boolean;
}

export interface ConditionalFormatRecord {
  id: string;
  rect: Rect;
  /** Excel.ConditionalFormatType, e.g. "ContainsText", "Custom", "CellValue". */
  type: string;
  /** The rule as set: textComparison { operator, text }, custom { formula }, cellValue { formula1, formula2?, operator }. */
  rule?: unknown;
  format: { fillColor?: string; fontColor?: string; fontBold?: boolean; fontItalic?: boolean };
  stopIfTrue?: boolean;
  priority: number;
}

export interface ChartRecord {
  id: string;
  name: string;
  type: string;
  source: Rect;
  seriesBy: string;
  title?: string;
  position?: { startCell: string; endCell?: string };
}

export interface Rectangular<T> {
  rect: Rect;
  data: T;
}

/** Applies `patch` over `rect` in a list of rectangle records, splitting records that straddle its edge. */
export function patchRecords<T>(
  records: Rectangular<T>[],
  target: Rect,
  patch: (old: T | undefined) => T | undefined,
  createWhereMissing: boolean,
): Rectangular<T>[] {
  const out: Rectangular<T>[] = [];
  const covered: Rect[] = [];
  for (const record of records) {
    const cut = intersect(record.rect, target);
    if (!cut) {
      out.push(record);
      continue;
    }
    for (const piece of subtract(record.rect, target)) out.push({ rect: piece, data: record.data });
    const data = patch(record.data);
    if (data !== undefined) out.push({ rect: cut, data });
    covered.push(cut);
  }
  if (createWhereMissing) {
    let gaps = [target];
    for (const done of covered) gaps = gaps.flatMap((gap) => subtract(gap, done));
    const data = patch(undefined);
    if (data !== undefined) for (const gap of gaps) out.push({ rect: gap, data });
  }
  return out;
}

/**
 * Where a rectangle ends up after rows [at, at - count) are deleted (count < 0) or count rows are inserted
 * at `at`, within columns [c0, c1]. Rectangles only partly inside those columns are left where they are.
 */
export function shiftRectRows(r: Rect, at: number, count: number, c0: number, c1: number): Rect | undefined {
  if (r.column < c0 || lastColumn(r) > c1) return r;
  if (count > 0) {
    if (r.row >= at) return { ...r, row: r.row + count };
    if (lastRow(r) >= at) return { ...r, rowCount: r.rowCount + count };
    return r;
  }
  const n = -count;
  const gone = intersect(r, rect(at, r.column, n, r.columnCount));
  if (r.row >= at + n) return { ...r, row: r.row - n };
  if (!gone) return r;
  const rowCount = r.rowCount - gone.rowCount;
  return rowCount <= 0 ? undefined : { ...r, row: Math.min(r.row, at), rowCount };
}

export class RangeAttributes {
  styles: Rectangular<CellStyle>[] = [];
  validations: Rectangular<ValidationSettings>[] = [];
  conditionalFormats: ConditionalFormatRecord[] = [];
  columnWidths = new Map<number, number>();
  /** Columns hidden with Range.columnHidden (by column index). */
  hiddenColumns = new Set<number>();
  rowHeights = new Map<number, number>();
  frozen = { rows: 0, columns: 0 };
  protection: { protected: boolean; options?: Excel.WorksheetProtectionOptions } = { protected: false };
  charts: ChartRecord[] = [];

  /** A separate copy (plain data throughout). */
  clone(): RangeAttributes {
    return Object.assign(new RangeAttributes(), structuredClone({ ...this }));
  }

  setStyle(target: Rect, style: CellStyle): void {
    this.styles.push({ rect: target, data: style });
    if (this.styles.length > 256) this.compactStyles();
  }

  /** The style of the range's top-left cell (Excel reports null for mixed ranges; the host does not). */
  styleAt(target: Rect): CellStyle {
    const style: CellStyle = {};
    const cell = rect(target.row, target.column);
    for (const record of this.styles) if (contains(record.rect, cell)) Object.assign(style, record.data);
    return style;
  }

  clearStyles(target: Rect): void {
    this.styles = patchRecords(this.styles, target, () => undefined, false);
  }

  /** Drops style records wholly hidden by later ones, so repeated formatting does not pile up. */
  private compactStyles(): void {
    const kept: Rectangular<CellStyle>[] = [];
    for (let i = 0; i < this.styles.length; i++) {
      const record = this.styles[i];
      const keys = Object.keys(record.data);
      const hidden = this.styles
        .slice(i + 1)
        .some((later) => contains(later.rect, record.rect) && keys.every((key) => key in later.data));
      if (!hidden) kept.push(record);
    }
    this.styles = kept;
  }

  patchValidation(target: Rect, patch: ValidationSettings, createWhereMissing: boolean): void {
    this.validations = patchRecords(
      this.validations,
      target,
      (old) => ({ ...(old ?? {}), ...patch }),
      createWhereMissing,
    );
  }

  clearValidation(target: Rect): void {
    this.validations = patchRecords(this.validations, target, () => undefined, false);
  }

  validationAt(target: Rect): ValidationSettings | undefined {
    return this.validations.find((record) => intersect(record.rect, target))?.data;
  }

  conditionalFormatsIn(target: Rect): ConditionalFormatRecord[] {
    return this.conditionalFormats.filter((record) => intersect(record.rect, target));
  }

  clearConditionalFormats(target: Rect): void {
    const out: ConditionalFormatRecord[] = [];
    for (const record of this.conditionalFormats) {
      for (const piece of subtract(record.rect, target)) out.push({ ...record, rect: piece });
    }
    this.conditionalFormats = out;
  }

  /** Keeps every area-attribute in step with rows deleted or inserted in columns [c0, c1]. */
  shiftRows(at: number, count: number, c0: number, c1: number): void {
    const move = <T extends { rect: Rect }>(records: T[]): T[] =>
      records.flatMap((record) => {
        const moved = shiftRectRows(record.rect, at, count, c0, c1);
        return moved ? [{ ...record, rect: moved }] : [];
      });
    this.styles = move(this.styles);
    this.validations = move(this.validations);
    this.conditionalFormats = move(this.conditionalFormats);
  }

  /**
   * A table grew from `oldLast` to `newLast` over columns [c0, c1]: attributes that reached the table's last
   * row within those columns reach the new last row too (Excel carries validation and formatting down).
   */
  extendDown(oldLast: number, newLast: number, c0: number, c1: number): void {
    const extend = <T extends { rect: Rect }>(records: T[]): T[] =>
      records.map((record) =>
        lastRow(record.rect) === oldLast && record.rect.column >= c0 && lastColumn(record.rect) <= c1
          ? { ...record, rect: { ...record.rect, rowCount: newLast - record.rect.row + 1 } }
          : record,
      );
    this.styles = extend(this.styles);
    this.validations = extend(this.validations);
    this.conditionalFormats = extend(this.conditionalFormats);
  }
}
