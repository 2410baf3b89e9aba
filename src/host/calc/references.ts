import { type Rect, formatAddress, lastColumn, lastRow, rect } from "../addresses";
import type { CellValue } from "../inputParsing";
import { type SheetModel, type TableModel, bodyRect } from "../model";
import type { WorkbookState } from "../workbookState";
import type { FormulaArgument } from "./formulaParser";

/**
 * Turns a call's arguments into the values Excel passes to a custom function, and records what the
 * formula depends on. Conventions (see README.md): a one-cell reference passes the cell's value, a larger
 * one a 2-D array (rows of cells); an empty cell passes `emptyCell` (null by default); an omitted argument
 * passes null; dates are serial numbers, as the cells hold them; TODAY() is today's serial number.
 */

/** What a formula reads, so an edit re-runs only the formulas that read the edited cells. */
export type Precedent =
  | { kind: "cell"; sheetId: string; row: number; column: number }
  | { kind: "range"; sheetId: string; rect: Rect }
  /** Table[Column]: the column's body, however many rows it has when the edit happens. */
  | { kind: "tableColumn"; tableId: string; columnId: number }
  | { kind: "today" };

/** Where a reference argument points; formatted only when a function asks (Invocation.parameterAddresses). */
export type ArgumentPlace = { sheet: string; rect: Rect } | undefined;

export interface ResolvedArguments {
  values: unknown[];
  places: ArgumentPlace[];
  precedents: Precedent[];
}

/** "Sheet!A1" for reference arguments, "" for the others. */
export const parameterAddresses = (places: ArgumentPlace[]): string[] =>
  places.map((place) => (place ? formatAddress(place.sheet, place.rect) : ""));

/** An argument Excel would not pass to the function: the cell shows `code` and the function is not called. */
export interface ArgumentFailure {
  code: string;
  message: string;
  precedents: Precedent[];
}

export interface ResolveOptions {
  emptyCell: null | 0 | "";
  today: () => number;
}

/** Excel's error values. A cell holding one passes it on instead of calling the function. */
export const ERROR_VALUES = new Set([
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#BUSY!",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#UNKNOWN!",
]);

export const isErrorValue = (value: unknown): value is string =>
  typeof value === "string" && value.startsWith("#") && ERROR_VALUES.has(value);

/** Column positions by lower-cased name, per table; cleared at the start of each calculation batch. */
export class ColumnIndex {
  private readonly byTable = new Map<TableModel, Map<string, number>>();
  private readonly bySheet = new Map<string, TableModel[]>();

  clear(): void {
    this.byTable.clear();
    this.bySheet.clear();
  }

  /** The table holding a cell (the sheet's table list is read once per batch). */
  tableAt(state: WorkbookState, sheetId: string, row: number, column: number): TableModel | undefined {
    let tables = this.bySheet.get(sheetId);
    if (!tables) this.bySheet.set(sheetId, (tables = state.tablesOn(sheetId)));
    for (const table of tables) {
      const r = table.rect;
      if (row >= r.row && row <= lastRow(r) && column >= r.column && column <= lastColumn(r)) return table;
    }
    return undefined;
  }

  of(table: TableModel, name: string): number | undefined {
    let names = this.byTable.get(table);
    if (!names) {
      names = new Map(table.columns.map((column, i) => [column.name.toLowerCase(), i]));
      this.byTable.set(table, names);
    }
    return names.get(name.toLowerCase());
  }
}

export interface FormulaPosition {
  sheet: SheetModel;
  row: number;
  column: number;
}

class Failure {
  constructor(
    readonly code: string,
    readonly message: string,
  ) {}
}

export function resolveArguments(
  state: WorkbookState,
  at: FormulaPosition,
  args: FormulaArgument[],
  columns: ColumnIndex,
  options: ResolveOptions,
): ResolvedArguments | ArgumentFailure {
  const values: unknown[] = [];
  const addresses: ArgumentPlace[] = [];
  const precedents: Precedent[] = [];
  let failure: Failure | undefined;
  const fail = (code: string, message: string) => {
    failure ??= new Failure(code, message);
  };
  const read = (sheet: SheetModel, area: Rect, written: () => string) => {
    addresses.push({ sheet: sheet.name, rect: area });
    if (area.rowCount === 1 && area.columnCount === 1) {
      precedents.push({ kind: "cell", sheetId: sheet.id, row: area.row, column: area.column });
      const value = sheet.cells.value(area.row, area.column);
      if (isErrorValue(value)) fail(value, `${written()} is ${value}.`);
      values.push(value === "" ? options.emptyCell : value);
      return;
    }
    precedents.push({ kind: "range", sheetId: sheet.id, rect: area });
    values.push(readGrid(sheet, area, written, options.emptyCell, fail));
  };

  for (const arg of args) {
    switch (arg.kind) {
      case "literal":
        values.push(arg.value);
        addresses.push(undefined);
        break;
      case "missing":
        values.push(null);
        addresses.push(undefined);
        break;
      case "today":
        precedents.push({ kind: "today" });
        values.push(options.today());
        addresses.push(undefined);
        break;
      case "range": {
        const sheet = arg.sheet === undefined ? at.sheet : state.sheetByName(arg.sheet);
        if (!sheet) {
          fail("#REF!", `There is no worksheet named ${arg.sheet}.`);
          values.push(null);
          addresses.push(undefined);
        } else read(sheet, arg.rect, () => formatAddress(sheet.name, arg.rect).split("!")[1]);
        break;
      }
      case "thisRow": {
        const written = `${arg.table ?? ""}[@[${arg.column}]]`;
        const table = arg.table
          ? state.tableByName(arg.table)
          : columns.tableAt(state, at.sheet.id, at.row, at.column);
        const body = table && bodyRect(table);
        const index = table && columns.of(table, arg.column);
        if (!table || !body || table.sheetId !== at.sheet.id) {
          fail(
            "#REF!",
            `${written}: the formula is not in a table${arg.table ? ` named ${arg.table}` : ""}.`,
          );
        } else if (index === undefined) {
          fail("#REF!", `${written}: table ${table.name} has no column named ${arg.column}.`);
        } else if (at.row < body.row || at.row > lastRow(body)) {
          fail("#VALUE!", `${written}: row ${at.row + 1} is not a row of table ${table.name}.`);
        } else {
          read(at.sheet, rect(at.row, table.rect.column + index), () => written);
          break;
        }
        values.push(null);
        addresses.push(undefined);
        break;
      }
      case "column": {
        const written = `${arg.table}[${arg.column}]`;
        const table = state.tableByName(arg.table);
        const index = table && columns.of(table, arg.column);
        const sheet = table && state.sheetById(table.sheetId);
        if (!table || !sheet) fail("#REF!", `${written}: there is no table named ${arg.table}.`);
        else if (index === undefined)
          fail("#REF!", `${written}: table ${table.name} has no column named ${arg.column}.`);
        else {
          const body = bodyRect(table);
          const area = rect(body.row, table.rect.column + index, body.rowCount, 1);
          precedents.push({ kind: "tableColumn", tableId: table.id, columnId: table.columns[index].id });
          addresses.push({ sheet: sheet.name, rect: area });
          values.push(readGrid(sheet, area, () => written, options.emptyCell, fail));
          break;
        }
        values.push(null);
        addresses.push(undefined);
        break;
      }
    }
  }
  const failed = failure as Failure | undefined;
  if (failed) return { code: failed.code, message: failed.message, precedents };
  return { values, places: addresses, precedents };
}

/** A fresh 2-D array of a range's values: every invocation gets its own copy. */
function readGrid(
  sheet: SheetModel,
  area: Rect,
  written: () => string,
  emptyCell: null | 0 | "",
  fail: (code: string, message: string) => void,
): CellValue[][] | (CellValue | null)[][] {
  const grid: (CellValue | null)[][] = [];
  const cells = sheet.cells;
  const r1 = lastRow(area);
  const c1 = lastColumn(area);
  for (let r = area.row; r <= r1; r++) {
    const row = new Array<CellValue | null>(area.columnCount);
    for (let c = area.column; c <= c1; c++) {
      const value = cells.value(r, c);
      if (isErrorValue(value)) fail(value, `${written()} holds ${value}.`);
      row[c - area.column] = value === "" ? emptyCell : value;
    }
    grid.push(row);
  }
  return grid;
}

export const isFailure = (resolved: ResolvedArguments | ArgumentFailure): resolved is ArgumentFailure =>
  "code" in resolved;

/** Whether two precedent lists read the same cells (so the dependency indexes can stay as they are). */
export function samePrecedents(a: Precedent[], b: Precedent[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x.kind !== y.kind) return false;
    if (x.kind === "cell" && y.kind === "cell") {
      if (x.row !== y.row || x.column !== y.column || x.sheetId !== y.sheetId) return false;
    } else if (x.kind === "range" && y.kind === "range") {
      const p = x.rect;
      const q = y.rect;
      if (x.sheetId !== y.sheetId || p.row !== q.row || p.column !== q.column) return false;
      if (p.rowCount !== q.rowCount || p.columnCount !== q.columnCount) return false;
    } else if (x.kind === "tableColumn" && y.kind === "tableColumn") {
      if (x.tableId !== y.tableId || x.columnId !== y.columnId) return false;
    }
  }
  return true;
}
