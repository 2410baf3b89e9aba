import type { ColumnSpec } from "./tables/types";

/** Where a table sits and which column holds which header, as read from the sheet (users may reorder columns). */
export interface TableLayout {
  table: string;
  sheet: string;
  headers: string[];
  /** Zero-based sheet row of the header row; body row r is on sheet row headerRow + 1 + r. */
  headerRow: number;
  /** Zero-based sheet column of the table's first column. */
  firstColumn: number;
  /** Body rows. */
  rowCount: number;
}

export interface QueuedLayout {
  table: Excel.Table;
  /** Call after context.sync(). */
  read(): TableLayout;
}

/** Queues the loads that describe a table; the table must exist (ItemNotFound otherwise). */
export function queueLayout(context: Excel.RequestContext, tableName: string, sheet: string): QueuedLayout {
  const table = context.workbook.tables.getItem(tableName);
  const header = table.getHeaderRowRange().load("values,rowIndex,columnIndex");
  const body = table.getRange().load("rowCount");
  return {
    table,
    read: () => ({
      table: tableName,
      sheet,
      headers: (header.values[0] ?? []).map((value) => String(value).trim()),
      headerRow: header.rowIndex,
      firstColumn: header.columnIndex,
      rowCount: body.rowCount - 1,
    }),
  };
}

export function positionOf(layout: TableLayout, header: string): number {
  const wanted = header.trim().toLowerCase();
  return layout.headers.findIndex((h) => h.toLowerCase() === wanted);
}

/** Positions of the spec's columns in the sheet's table (-1 where a column is missing). */
export function columnPositions(layout: TableLayout, columns: readonly ColumnSpec[]): number[] {
  return columns.map((column) => positionOf(layout, column.header));
}

export function sheetRowNumber(layout: TableLayout, bodyRow: number): number {
  return layout.headerRow + 2 + bodyRow;
}

/** Contiguous runs of positions, so a row is written with as few ranges as possible. */
export function contiguousRuns(positions: number[]): { start: number; length: number; indexes: number[] }[] {
  const order = positions.map((position, index) => ({ position, index })).filter((p) => p.position >= 0);
  order.sort((a, b) => a.position - b.position);
  const runs: { start: number; length: number; indexes: number[] }[] = [];
  for (const { position, index } of order) {
    const last = runs[runs.length - 1];
    if (last && last.start + last.length === position) {
      last.length++;
      last.indexes.push(index);
    } else runs.push({ start: position, length: 1, indexes: [index] });
  }
  return runs;
}
