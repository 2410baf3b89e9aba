import type { Progress, SetUpReport } from "./registerApi";
import { cellAddress, columnLetter, literalText, type CellValue } from "./cells";
import { queueTableFormatting } from "./formats";
import { ReferenceNames, staleDisplayFields } from "../domain/references";
import { writeDisplayFields } from "./displayFields";
import { joinAnd } from "./messages";
import { readRegister } from "./readRegister";
import { chunkBySize, estimateRowBytes } from "./payload";
import { positionOf, queueLayout, type TableLayout } from "./tableLayout";
import { queueSettingsBody } from "./settingsBody";
import {
  ALL_TABLES,
  LISTS_SHEET,
  RECORD_KINDS,
  RECORD_TABLES,
  REGISTER_FORMAT,
  REGISTER_FORMAT_ADDRESS,
  SETTING_ROWS,
  defaultSettingValue,
  listsGrid,
  listsGridAddress,
  settingsTable,
} from "./tables";
import type { ColumnSpec, TableSpec } from "./tables/types";

interface Placement {
  row: number;
  column: number;
}

function anchorOf(spec: TableSpec): Placement {
  const match = /^([A-Z]+)(\d+)$/.exec(spec.anchor)!;
  const column = [...match[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { row: Number(match[2]) - 1, column };
}

function rangeAddress(at: Placement, rows: number, columns: number): string {
  return `${cellAddress(at.row, at.column)}:${cellAddress(at.row + rows - 1, at.column + columns - 1)}`;
}

/** The first rows a new table holds: headers, and for Settings one row per setting with its default. */
function initialRows(spec: TableSpec): CellValue[][] {
  const headers = spec.columns.map((column) => column.header);
  if (spec.table !== settingsTable.table) return [headers];
  return [
    headers,
    ...SETTING_ROWS.map((row) => [row.label, literalTextOrValue(defaultSettingValue(row.key))]),
  ];
}

function literalTextOrValue(value: string | number): CellValue {
  return typeof value === "string" ? literalText(value) : value;
}

/**
 * Creates what is missing and upgrades in place: missing sheets and tables are created, missing columns are
 * added at the end, missing settings rows appended. Nothing the user typed is moved, dropped or overwritten,
 * and columns the user added stay. A second run finds nothing to do and reports every table unchanged.
 */
export async function setUpWorkbook(
  context: Excel.RequestContext,
  onProgress?: Progress,
): Promise<SetUpReport> {
  const report: SetUpReport = { created: [], upgraded: [], repaired: [], unchanged: [] };
  const touched = new Set<string>();
  onProgress?.("Checking the workbook", 0);
  const sheets = context.workbook.worksheets.load("items/name");
  const tables = context.workbook.tables.load("items/name");
  await context.sync();
  const sheetNames = new Set(sheets.items.map((sheet) => sheet.name.toLowerCase()));
  const current = await isCurrentFormat(context, sheetNames.has(LISTS_SHEET.toLowerCase()));
  const tableNames = new Set(tables.items.map((table) => table.name.toLowerCase()));

  // Tables that are missing: on a new sheet, on an empty spot, or over rows left behind when the table was removed.
  const missing = ALL_TABLES.filter((spec) => !tableNames.has(spec.table.toLowerCase()));
  const used = new Map<string, Excel.Range>();
  const newSheets = new Set<string>();
  for (const spec of missing) {
    if (!sheetNames.has(spec.sheet.toLowerCase())) {
      context.workbook.worksheets.add(spec.sheet);
      sheetNames.add(spec.sheet.toLowerCase());
      newSheets.add(spec.sheet);
    } else if (!used.has(spec.sheet) && !newSheets.has(spec.sheet)) {
      const range = context.workbook.worksheets
        .getItem(spec.sheet)
        .getUsedRangeOrNullObject(true)
        .load("values,rowIndex,columnIndex,rowCount,columnCount");
      used.set(spec.sheet, range);
    }
  }
  await context.sync();
  const newTables = new Set<string>();
  for (const spec of missing) {
    const placed = placeTable(spec, used.get(spec.sheet));
    const sheet = context.workbook.worksheets.getItem(spec.sheet);
    if (placed.kind === "new") {
      const rows = initialRows(spec);
      sheet.getRange(rangeAddress(placed.at, rows.length, spec.columns.length)).values = rows;
      const table = sheet.tables.add(rangeAddress(placed.at, rows.length, spec.columns.length), true);
      table.name = spec.table;
      newTables.add(spec.table);
      queueNewTableFormats(table, spec, Math.max(rows.length - 1, 1));
      queueNewTableFormulas(table, spec);
    } else {
      const table = sheet.tables.add(rangeAddress(placed.at, placed.rows, placed.columns), true);
      table.name = spec.table;
    }
    if (placed.message) report.repaired.push(placed.message);
    else report.created.push(spec.title);
    touched.add(spec.table);
  }
  await context.sync();
  onProgress?.("Checking columns", 0.3);

  // Columns the spec has and the table lacks are added at the end; users' own columns stay where they are.
  const existing = ALL_TABLES.filter((spec) => !newTables.has(spec.table));
  const layouts = existing.map((spec) => ({ spec, queued: queueLayout(context, spec.table, spec.sheet) }));
  await context.sync();
  const present = new Map<string, Set<string>>();
  for (const { spec, queued } of layouts) {
    const layout = queued.read();
    const renamed = renameFormerHeaders(queued.table, spec, layout);
    if (renamed.length > 0) {
      await context.sync();
      touched.add(spec.table);
      report.upgraded.push(...renamed.map((message) => `${spec.title}: ${message}`));
    }
    const absent = spec.columns.filter((column) => positionOf(layout, column.header) < 0);
    present.set(
      spec.table,
      new Set([...layout.headers, ...absent.map((c) => c.header)].map((h) => h.toLowerCase())),
    );
    if (absent.length === 0) continue;
    for (const column of absent) queued.table.columns.add(undefined, undefined, column.header);
    queueHiddenColumns(queued.table, absent);
    await context.sync();
    await fillAddedColumns(context, spec, absent, layout.rowCount);
    touched.add(spec.table);
    const unknown = layout.headers.filter(
      (h) => h !== "" && !spec.columns.some((c) => c.header.toLowerCase() === h.toLowerCase()),
    );
    const names = joinAnd(absent.map((column) => `"${column.header}"`));
    const plural = absent.length > 1;
    if (!current) {
      report.upgraded.push(`${spec.title}: added the ${names} column${plural ? "s" : ""}.`);
    } else if (unknown.length > 0) {
      report.repaired.push(
        `${spec.title}: the ${names} column${plural ? "s were" : " was"} missing, perhaps renamed, so ${plural ? "they were" : "it was"} added back at the end. If you renamed a column, copy its values into the new one and delete the old one.`,
      );
    } else {
      report.repaired.push(
        `${spec.title}: the ${names} column${plural ? "s were" : " was"} missing, so ${plural ? "they were" : "it was"} added back at the end.`,
      );
    }
  }
  for (const spec of ALL_TABLES) {
    if (!present.has(spec.table))
      present.set(spec.table, new Set(spec.columns.map((c) => c.header.toLowerCase())));
  }
  for (const { spec, columns } of await staleFormulas(context, layouts)) {
    await fillAddedColumns(context, spec, columns, spec.rowCount);
    touched.add(spec.table);
    const names = joinAnd(columns.map((column) => `"${column.header}"`));
    report.upgraded.push(
      `${spec.title}: brought the formula${columns.length > 1 ? "s" : ""} of the ${names} column${columns.length > 1 ? "s" : ""} up to date.`,
    );
  }
  onProgress?.("Checking settings", 0.6);

  if (!newTables.has(settingsTable.table)) {
    const settingsUpgrades = await upgradeSettingRows(context);
    report.upgraded.push(...settingsUpgrades.map((message) => `${settingsTable.title}: ${message}`));
    if (settingsUpgrades.length > 0) touched.add(settingsTable.table);
  }

  const listsState = await ensureListsSheet(context, sheetNames.has(LISTS_SHEET.toLowerCase()));
  if (listsState === "created") report.created.push(`${LISTS_SHEET} sheet`);
  else if (listsState === "updated")
    report.upgraded.push(`${LISTS_SHEET} sheet: brought the dropdown lists up to date.`);

  onProgress?.("Showing names beside links", 0.7);
  for (const [title, cells] of await refreshDisplayFields(context)) {
    touched.add(RECORD_TABLES[RECORD_KINDS.find((kind) => RECORD_TABLES[kind].sheet === title)!].table);
    const message = `${title}: showed the names beside the links and in the dropdowns (${cells} cell${cells === 1 ? "" : "s"}).`;
    (current ? report.repaired : report.upgraded).push(message);
  }

  onProgress?.("Applying formats", 0.8);
  for (const spec of ALL_TABLES) queueTableFormatting(context, spec, present.get(spec.table)!);
  await context.sync();

  for (const spec of ALL_TABLES) if (!touched.has(spec.table)) report.unchanged.push(spec.title);
  if (listsState === "unchanged") report.unchanged.push(`${LISTS_SHEET} sheet`);
  onProgress?.("Done", 1);
  return report;
}

/**
 * Renames columns an older register has under a former header (the Software column that held IDs becomes
 * "Software ID"), so their values stay where they are instead of a new empty column being added. Only when
 * the new header is missing and no column of the spec uses the old one. Updates the layout's headers.
 */
function renameFormerHeaders(table: Excel.Table, spec: TableSpec, layout: TableLayout): string[] {
  const messages: string[] = [];
  for (const column of spec.columns) {
    if (!column.formerHeaders || positionOf(layout, column.header) >= 0) continue;
    for (const former of column.formerHeaders) {
      const at = positionOf(layout, former);
      const claimed = spec.columns.some((other) => other.header.toLowerCase() === former.toLowerCase());
      if (at < 0 || claimed) continue;
      table.getHeaderRowRange().getCell(0, at).values = [[column.header]];
      layout.headers[at] = column.header;
      messages.push(`renamed the "${former}" column to "${column.header}".`);
      break;
    }
  }
  return messages;
}

type Placed =
  | { kind: "new"; at: Placement; message?: string }
  | { kind: "over"; at: Placement; rows: number; columns: number; message: string };

/** Where to create a missing table without overwriting anything on its sheet (used is undefined for a new sheet). */
function placeTable(spec: TableSpec, used: Excel.Range | undefined): Placed {
  const anchor = anchorOf(spec);
  const recreated = `${spec.title}: the table was missing, so it was recreated on the ${spec.sheet} sheet.`;
  if (!used) return { kind: "new", at: anchor };
  if (used.isNullObject) return { kind: "new", at: anchor, message: recreated };
  const cell = (row: number, column: number): unknown =>
    used.values[row - used.rowIndex]?.[column - used.columnIndex] ?? "";
  const blank = (row: number, column: number) => String(cell(row, column)).trim() === "";
  // The table was removed but its rows stayed (Convert to Range, or the table deleted but not the cells).
  const first = String(cell(anchor.row, anchor.column)).trim().toLowerCase();
  if (spec.columns.some((column) => column.header.toLowerCase() === first)) {
    let columns = 0;
    while (!blank(anchor.row, anchor.column + columns)) columns++;
    let rows = 1;
    const rowBlank = (row: number) =>
      Array.from({ length: columns }, (_, c) => blank(row, anchor.column + c)).every(Boolean);
    while (anchor.row + rows < used.rowIndex + used.rowCount && !rowBlank(anchor.row + rows)) rows++;
    return {
      kind: "over",
      at: anchor,
      rows,
      columns,
      message: `${spec.title}: the table was missing, so it was recreated over the ${rows - 1} existing row${rows === 2 ? "" : "s"} on the ${spec.sheet} sheet.`,
    };
  }
  const height = spec.table === settingsTable.table ? SETTING_ROWS.length + 1 : 2;
  let free = true;
  for (let r = 0; r < height && free; r++) {
    for (let c = 0; c < spec.columns.length && free; c++) free = blank(anchor.row + r, anchor.column + c);
  }
  if (free)
    return {
      kind: "new",
      at: anchor,
      message: `${spec.title}: the table was missing, so it was recreated on the ${spec.sheet} sheet.`,
    };
  const at = { row: anchor.row, column: used.columnIndex + used.columnCount + 1 };
  return {
    kind: "new",
    at,
    message: `${spec.title}: the table was missing and the ${spec.sheet} sheet has other data at ${spec.anchor}, so a new table was created at ${cellAddress(at.row, at.column)}.`,
  };
}

/** Hides the columns that start hidden (the Licence Key): only when set-up creates them, so a person may unhide. */
function queueHiddenColumns(table: Excel.Table, columns: readonly ColumnSpec[]): void {
  for (const column of columns) {
    if (column.hiddenWhenCreated) table.columns.getItem(column.header).getRange().columnHidden = true;
  }
}

/** Number formats of a table the set-up just created: its body is one row (or one per setting). */
function queueNewTableFormats(table: Excel.Table, spec: TableSpec, bodyRows: number): void {
  queueHiddenColumns(table, spec.columns);
  spec.columns.forEach((column) => {
    const body = table.columns.getItem(column.header).getDataBodyRange();
    body.numberFormat = Array.from({ length: bodyRows }, () => [column.numberFormat]);
  });
  if (spec.table === settingsTable.table) {
    table.columns.getItem(settingsTable.columns[1].header).getDataBodyRange().numberFormat = SETTING_ROWS.map(
      (row) => [row.numberFormat],
    );
  }
}

/**
 * Writes each computed column's formula into the one empty row of a table the set-up just created. Excel makes
 * a column calculated only when a formula goes into it (a new table's empty row has none), so without this the
 * next set-up would find the formulas missing, and a row a person types below the table would have none.
 */
function queueNewTableFormulas(table: Excel.Table, spec: TableSpec): void {
  for (const column of spec.columns) {
    if (column.formula) table.columns.getItem(column.header).getDataBodyRange().formulas = [[column.formula]];
  }
}

/** Number formats for columns added to an existing table, and formulas for added computed columns, in chunks. */
async function fillAddedColumns(
  context: Excel.RequestContext,
  spec: TableSpec,
  added: ColumnSpec[],
  rowCount: number,
) {
  for (const column of added) {
    const cells = Array.from({ length: Math.max(rowCount, 1) }, (_, row) => ({
      row,
      value: column.formula ?? "",
    }));
    let first = 0;
    for (const chunk of chunkBySize(cells, (cell) => estimateRowBytes([column.numberFormat, cell.value]))) {
      const body = context.workbook.tables
        .getItem(spec.table)
        .columns.getItem(column.header)
        .getDataBodyRange();
      const range = body.getRow(first).getResizedRange(chunk.length - 1, 0);
      range.numberFormat = chunk.map(() => [column.numberFormat]);
      if (column.formula && rowCount > 0) {
        context.application.suspendApiCalculationUntilNextSync();
        range.formulas = chunk.map(() => [column.formula]);
      }
      await context.sync();
      first += chunk.length;
    }
  }
}

const sameFormula = (a: unknown, b: string) =>
  String(a).replace(/\s+/g, "").toUpperCase() === b.replace(/\s+/g, "").toUpperCase();

/**
 * Computed columns whose formula is not this version's (an older register), judged by their first row: the
 * add-in writes a computed column's formula into every row, so one row tells. Read in one sync for all tables.
 */
async function staleFormulas(
  context: Excel.RequestContext,
  layouts: { spec: TableSpec; queued: ReturnType<typeof queueLayout> }[],
): Promise<{ spec: TableSpec & { rowCount: number }; columns: ColumnSpec[] }[]> {
  const checks = layouts.flatMap(({ spec, queued }) => {
    const layout = queued.read();
    if (layout.rowCount === 0) return [];
    return spec.columns
      .filter((column) => column.formula && positionOf(layout, column.header) >= 0)
      .map((column) => ({
        spec: { ...spec, rowCount: layout.rowCount },
        column,
        cell: queued.table.columns.getItem(column.header).getDataBodyRange().getCell(0, 0).load("formulas"),
      }));
  });
  if (checks.length === 0) return [];
  await context.sync();
  const stale = new Map<string, { spec: TableSpec & { rowCount: number }; columns: ColumnSpec[] }>();
  for (const { spec, column, cell } of checks) {
    if (sameFormula(cell.formulas[0]?.[0], column.formula!)) continue;
    const entry = stale.get(spec.table) ?? { spec, columns: [] };
    entry.columns.push(column);
    stale.set(spec.table, entry);
  }
  return [...stale.values()];
}

/**
 * Brings every record's display fields (the names beside its links, its dropdown entry) into line with the
 * catalogue and the licences; the cells written per sheet. The add-in keeps them current as people edit
 * (live/liveNames); set-up catches up a register that was edited without it, and an older one.
 */
async function refreshDisplayFields(context: Excel.RequestContext): Promise<Map<string, number>> {
  const { data } = await readRegister(context);
  const names = new ReferenceNames(data.software, data.licences);
  const written = new Map<string, number>();
  for (const kind of RECORD_KINDS) {
    const spec = RECORD_TABLES[kind];
    const stale = staleDisplayFields(kind, data[kind] as unknown as Record<string, unknown>[], names);
    // set-up reads the whole register first, so one pass over each ID column finds every row
    const cells = await writeDisplayFields(context, spec, stale, { find: false });
    if (cells > 0) written.set(spec.sheet, cells);
  }
  return written;
}

/**
 * Appends any setting the Settings table lacks, with its default, and gives a Value cell still in a format an
 * earlier version set (the threshold's "0%") today's; existing values, and formats people chose, are never
 * touched. One request to read, and one more only when there is something to write.
 */
async function upgradeSettingRows(context: Excel.RequestContext): Promise<string[]> {
  const queued = queueSettingsBody(context, settingsTable);
  const formats = context.workbook.tables
    .getItem(settingsTable.table)
    .getDataBodyRange()
    .load("numberFormat");
  await context.sync();
  const settings = queued.read();
  const messages: string[] = [];
  const absent = SETTING_ROWS.filter((setting) => settings.rowOf(setting.label) < 0);
  settings.queueAppend(
    absent.map((setting) => ({
      label: setting.label,
      value: literalTextOrValue(defaultSettingValue(setting.key)),
      numberFormat: setting.numberFormat,
    })),
  );
  if (absent.length > 0) messages.push("added missing settings with their default values.");
  for (const setting of SETTING_ROWS) {
    const row = settings.rowOf(setting.label);
    if (row < 0 || settings.valueAt < 0) continue;
    const format = String(formats.numberFormat[row]?.[settings.valueAt] ?? "");
    if (!setting.formerFormats?.from.includes(format)) continue;
    settings.table.getDataBodyRange().getCell(row, settings.valueAt).numberFormat = [[setting.numberFormat]];
    messages.push(setting.formerFormats.change);
  }
  if (messages.length > 0) await context.sync();
  return messages;
}

/** Whether the workbook was last set up with this version's table layout. */
async function isCurrentFormat(context: Excel.RequestContext, hasLists: boolean): Promise<boolean> {
  if (!hasLists) return false;
  const cell = context.workbook.worksheets
    .getItem(LISTS_SHEET)
    .getRange(REGISTER_FORMAT_ADDRESS)
    .load("values");
  await context.sync();
  return cell.values[0]?.[0] === REGISTER_FORMAT;
}

/** The Lists sheet holds the dropdown sources; it belongs to the add-in, so its contents are kept current. */
async function ensureListsSheet(
  context: Excel.RequestContext,
  exists: boolean,
): Promise<"created" | "updated" | "unchanged"> {
  const grid = listsGrid();
  const address = listsGridAddress();
  if (!exists) {
    const sheet = context.workbook.worksheets.add(LISTS_SHEET);
    writeLists(sheet, address, grid);
    await context.sync();
    return "created";
  }
  const sheet = context.workbook.worksheets.getItem(LISTS_SHEET);
  const current = sheet.getRange(address).load("values");
  await context.sync();
  if (JSON.stringify(current.values) === JSON.stringify(grid)) return "unchanged";
  writeLists(sheet, address, grid);
  await context.sync();
  return "updated";
}

function writeLists(sheet: Excel.Worksheet, address: string, grid: (string | boolean | number)[][]): void {
  const range = sheet.getRange(address);
  range.numberFormat = grid.map((row) => row.map((value) => (typeof value === "string" ? "@" : "General")));
  range.values = grid;
  const header = sheet.getRange(`A1:${columnLetter(grid[0].length - 1)}1`);
  header.format.font.bold = true;
  range.format.autofitColumns();
}
