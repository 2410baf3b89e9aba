import { type Rect, lastRow, rect } from "./addresses";
import type { RangeAttributes } from "./rangeAttributes";
import type { SheetStore } from "./sheetStore";

/** Plain data behind the proxies: sheets and tables. */

export interface SheetModel {
  id: string;
  name: string;
  cells: SheetStore;
  attributes: RangeAttributes;
  visibility: "Visible" | "Hidden" | "VeryHidden";
}

export interface TableColumnModel {
  /** Excel's column id: 1, 2, ... in creation order, never reused within a table. */
  id: number;
  name: string;
  /** The calculated-column formula new rows receive, if the column is one. */
  calculatedFormula?: string;
}

export interface TableModel {
  /** Excel's table id, as a string ("1", "2", ...). */
  id: string;
  name: string;
  sheetId: string;
  /** The whole table: header row (if shown), body, total row (if shown). */
  rect: Rect;
  showHeaders: boolean;
  showTotals: boolean;
  style: string;
  showBandedRows: boolean;
  showBandedColumns: boolean;
  showFilterButton: boolean;
  highlightFirstColumn: boolean;
  highlightLastColumn: boolean;
  columns: TableColumnModel[];
  nextColumnId: number;
}

export const headerRowIndex = (table: TableModel): number | undefined =>
  table.showHeaders ? table.rect.row : undefined;

/**
 * The body. A table always has at least one body row in Excel (a new header-only table gets one blank row),
 * so this is never empty.
 */
export function bodyRect(table: TableModel): Rect {
  const top = table.rect.row + (table.showHeaders ? 1 : 0);
  const bottom = lastRow(table.rect) - (table.showTotals ? 1 : 0);
  return rect(top, table.rect.column, bottom - top + 1, table.rect.columnCount);
}

export function headerRect(table: TableModel): Rect | undefined {
  return table.showHeaders ? rect(table.rect.row, table.rect.column, 1, table.rect.columnCount) : undefined;
}

export function totalsRect(table: TableModel): Rect | undefined {
  return table.showTotals
    ? rect(lastRow(table.rect), table.rect.column, 1, table.rect.columnCount)
    : undefined;
}
