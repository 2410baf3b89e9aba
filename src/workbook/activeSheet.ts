import { DASHBOARD_SHEET } from "./dashboard";
import { readSheetArea } from "./pagedRead";
import type { Progress } from "./registerApi";
import { ALL_TABLES, LISTS_SHEET } from "./tables";

/** The values of the sheet a person opened (or pasted) an export in, as its used range holds them. */
export interface SheetValues {
  sheet: string;
  /** The sheet row (as Excel numbers it) of values[0], so a rejected row's line is the row a person sees. */
  firstRow: number;
  values: unknown[][];
}

export type ActiveSheetRead =
  | { kind: "read"; values: SheetValues }
  | { kind: "register-sheet"; sheet: string }
  | { kind: "empty"; sheet: string };

const SNAPSHOT_SHEET = /^snapshot \d{4}-\d{2}-\d{2}/i;

/** The register's own sheets: its tables' sheets, the lists, the dashboard and the dated snapshots. */
export function isRegisterSheet(name: string): boolean {
  const own = [...ALL_TABLES.map((spec) => spec.sheet), LISTS_SHEET, DASHBOARD_SHEET];
  const wanted = name.trim().toLowerCase();
  return own.some((sheet) => sheet.toLowerCase() === wanted) || SNAPSHOT_SHEET.test(wanted);
}

/**
 * Reads the active worksheet's used range (values only: formatting alone does not make a cell used), in
 * pages within Excel on the web's response limit. A sheet of the register, or one holding a register
 * table, is not read: it is not an export.
 */
export async function readActiveSheet(
  context: Excel.RequestContext,
  onProgress?: Progress,
): Promise<ActiveSheetRead> {
  const sheet = context.workbook.worksheets.getActiveWorksheet().load("name");
  const tables = sheet.tables.load("items/name");
  const used = sheet.getUsedRangeOrNullObject(true).load("rowIndex,columnIndex,rowCount,columnCount");
  await context.sync();
  const registerTables = new Set(ALL_TABLES.map((spec) => spec.table.toLowerCase()));
  if (isRegisterSheet(sheet.name) || tables.items.some((t) => registerTables.has(t.name.toLowerCase())))
    return { kind: "register-sheet", sheet: sheet.name };
  if (used.isNullObject) return { kind: "empty", sheet: sheet.name };

  const values: unknown[][] = new Array<unknown[]>(used.rowCount);
  onProgress?.(`Reading the sheet "${sheet.name}"`, 0);
  await readSheetArea(
    context,
    {
      sheet: sheet.name,
      rowIndex: used.rowIndex,
      columnIndex: used.columnIndex,
      rowCount: used.rowCount,
      columnCount: used.columnCount,
    },
    (firstRow, rows) => {
      rows.forEach((row, index) => (values[firstRow + index] = row));
      onProgress?.(`Reading the sheet "${sheet.name}"`, (firstRow + rows.length) / used.rowCount);
    },
  );
  return { kind: "read", values: { sheet: sheet.name, firstRow: used.rowIndex + 1, values } };
}
