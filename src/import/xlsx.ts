import type { Cell, SourceRecord } from "./sourceTable";

/** A workbook's sheet as records, one per row, numbered as Excel numbers them. */
export interface SheetRecords {
  sheet: string;
  records: SourceRecord[];
}

/** A cell value as Excel or a workbook file gives it; dates become ISO dates, everything else stays. */
export function gridCell(value: unknown): Cell {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  return null;
}

/** Rows of a grid (a sheet's values) as records: row 1 of the grid is line `firstLine` (its sheet row). */
export function recordsFromGrid(values: readonly (readonly unknown[])[], firstLine = 1): SourceRecord[] {
  return values.map((row, index) => ({ line: index + firstLine, cells: row.map(gridCell) }));
}

/**
 * Every sheet of an .xlsx file. The reader (read-excel-file: MIT, maintained, built on fflate, works in the
 * browser) is loaded only now, so it stays out of the task pane's first download.
 */
export async function readXlsxSheets(bytes: Uint8Array): Promise<SheetRecords[]> {
  const { default: readXlsxFile } = await import(
    /* webpackChunkName: "xlsx-reader" */ "read-excel-file/universal"
  );
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const sheets = await readXlsxFile(buffer);
  return sheets.map(({ sheet, data }) => ({ sheet, records: recordsFromGrid(data) }));
}
