import {
  MAX_COLUMNS,
  type Rect,
  columnLetters,
  contains,
  formatRect,
  intersect,
  isWholeColumns,
  lastColumn,
  lastRow,
  rect,
} from "./addresses";
import { errors } from "./errors";
import {
  type FormulaEvaluator,
  type FormulaTableInfo,
  type FormulaWorkbookView,
  defaultFormulaValue,
} from "./formulas";
import { type CellValue, parseInput } from "./inputParsing";
import { type SheetModel, type TableModel, bodyRect, headerRect } from "./model";
import { checkProtection } from "./protection";
import { RangeAttributes } from "./rangeAttributes";
import { GENERAL, SheetStore } from "./sheetStore";

/** A change made by a sync or by typing, for events. */
export interface ChangeRecord {
  sheetId: string;
  tableId?: string;
  rect: Rect;
  changeType:
    | "RangeEdited"
    | "RowInserted"
    | "RowDeleted"
    | "ColumnInserted"
    | "ColumnDeleted"
    | "CellInserted"
    | "CellDeleted";
  /** Number formats, styles or widths only: Excel raises onChanged (RangeEdited) and onFormatChanged. */
  formatOnly?: boolean;
  /** For a value written to one cell: before and after, as Excel's ChangedEventDetail (ExcelApi 1.9). */
  details?: CellChangeDetail;
  /** Rows a sort moved (sort.ts): Excel raises the worksheet's onRowSorted for them, not onChanged. */
  sorted?: boolean;
}

export type CellChangeDetail = Pick<
  Excel.ChangedEventDetail,
  "valueBefore" | "valueAfter" | "valueTypeBefore" | "valueTypeAfter"
>;

/** Excel's valueType of a cell value ("Empty", "Double", "Boolean", "Error" or "String"). */
export function valueTypeOf(value: CellValue): Excel.RangeValueType {
  if (value === "") return "Empty" as Excel.RangeValueType;
  if (typeof value === "number") return "Double" as Excel.RangeValueType;
  if (typeof value === "boolean") return "Boolean" as Excel.RangeValueType;
  return (
    /^#(NAME\?|VALUE!|REF!|DIV\/0!|N\/A|NUM!|NULL!|SPILL!|CALC!|BUSY!)$/.test(value) ? "Error" : "String"
  ) as Excel.RangeValueType;
}

/** How the calculation engine follows the workbook (see calc/README.md). */
export interface CalculationHooks {
  /** A formula was written into a cell: the value to show until it is calculated, or undefined if not ours. */
  formulaWritten(sheet: SheetModel, row: number, column: number, formula: string): CellValue | undefined;
  changed(change: ChangeRecord): void;
  /** The area a formula cell's array result fills now (anchor included), when it spills into other cells. */
  spillArea(sheet: SheetModel, row: number, column: number): Rect | undefined;
}

export type GridInput = unknown[][] | unknown;

/** Excel's cell limits ("Excel specifications and limits", Microsoft Support). */
export const MAX_CELL_TEXT = 32_767;
export const MAX_FORMULA_TEXT = 8_192;
export type WriteKind = "values" | "formulas" | "numberFormat";

/** Input for one cell of a write: a scalar input is applied to every cell. */
function inputAt(input: GridInput, r: number, c: number): unknown {
  return Array.isArray(input) ? (input[r] as unknown[])[c] : input;
}

/** The shared state of one workbook: sheets, tables, and the writes every session's syncs apply. */
export class WorkbookState {
  readonly sheets: SheetModel[] = [];
  readonly tables: TableModel[] = [];
  /** Changes not yet turned into events; drained after every sync and every typed entry. */
  changes: ChangeRecord[] = [];
  /** Set by anything that changed the workbook (formats included), so onAnyChange listeners run. */
  dirty = false;
  private evaluator?: FormulaEvaluator;
  /** The calculation engine (calc/engine.ts), when attached: told of every formula written and every change. */
  calculation?: CalculationHooks;
  private nextSheet = 1;
  private nextTable = 1;

  /**
   * A separate copy of the sheets and tables (a co-author's own copy, see coauthoring.ts). Pending changes,
   * the formula evaluator and the calculation engine are not copied.
   */
  clone(): WorkbookState {
    const copy = new WorkbookState();
    for (const sheet of this.sheets)
      copy.sheets.push({ ...sheet, cells: sheet.cells.clone(), attributes: sheet.attributes.clone() });
    for (const table of this.tables) copy.tables.push(structuredClone(table));
    copy.nextSheet = this.nextSheet;
    copy.nextTable = this.nextTable;
    return copy;
  }

  // ---- sheets -------------------------------------------------------------------------------------

  sheetByName(name: string): SheetModel | undefined {
    const wanted = name.toLowerCase();
    return this.sheets.find((sheet) => sheet.name.toLowerCase() === wanted);
  }

  sheetById(id: string): SheetModel | undefined {
    return this.sheets.find((sheet) => sheet.id === id);
  }

  requireSheet(id: string): SheetModel {
    const sheet = this.sheetById(id);
    if (!sheet) throw errors.itemNotFound("Worksheet");
    return sheet;
  }

  addSheet(name?: string): SheetModel {
    let chosen = name;
    if (chosen === undefined || chosen === "") {
      let n = this.sheets.length + 1;
      while (this.sheetByName(`Sheet${n}`)) n++;
      chosen = `Sheet${n}`;
    }
    if (chosen.length > 31 || /[:\\/?*[\]]/.test(chosen))
      throw errors.invalidArgument("WorksheetCollection.add", "The worksheet name is invalid.");
    if (this.sheetByName(chosen)) throw errors.itemAlreadyExists("WorksheetCollection.add");
    const id = `{00000000-000${this.nextSheet++}-0000-0000-000000000000}`;
    const sheet: SheetModel = {
      id,
      name: chosen,
      cells: new SheetStore(),
      attributes: new RangeAttributes(),
      visibility: "Visible",
    };
    this.sheets.push(sheet);
    this.dirty = true;
    return sheet;
  }

  renameSheet(sheet: SheetModel, name: string): void {
    const other = this.sheetByName(name);
    if (other && other !== sheet) throw errors.itemAlreadyExists("Worksheet.name");
    sheet.name = name;
    this.dirty = true;
  }

  deleteSheet(sheet: SheetModel): void {
    if (this.sheets.filter((s) => s.visibility === "Visible").length <= 1 && sheet.visibility === "Visible")
      throw errors.invalidOperation(
        "Worksheet.delete",
        "A workbook must contain at least one visible worksheet.",
      );
    for (const table of this.tablesOn(sheet.id)) this.tables.splice(this.tables.indexOf(table), 1);
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    this.dirty = true;
  }

  // ---- tables -------------------------------------------------------------------------------------

  tableByName(name: string): TableModel | undefined {
    const wanted = name.toLowerCase();
    return this.tables.find((table) => table.name.toLowerCase() === wanted);
  }

  tableById(id: string): TableModel | undefined {
    return this.tables.find((table) => table.id === id);
  }

  requireTable(id: string): TableModel {
    const table = this.tableById(id);
    if (!table) throw errors.itemNotFound("Table");
    return table;
  }

  tablesOn(sheetId: string): TableModel[] {
    return this.tables.filter((table) => table.sheetId === sheetId);
  }

  tableAtCell(sheetId: string, row: number, column: number): TableModel | undefined {
    const cell = rect(row, column);
    return this.tablesOn(sheetId).find((table) => contains(table.rect, cell));
  }

  /**
   * Tables.add: with headers the first row names the columns (blank names become "ColumnN"); without, a
   * header row is inserted above the data. A header-only range gets one blank body row, as in Excel.
   */
  addTable(sheet: SheetModel, area: Rect, hasHeaders: boolean): TableModel {
    checkProtection(sheet, "structure", area, "TableCollection.add");
    if (isWholeColumns(area) || area.columnCount >= MAX_COLUMNS)
      throw errors.invalidArgument("TableCollection.add", "The table range is too large.");
    for (const other of this.tablesOn(sheet.id))
      if (intersect(other.rect, area))
        throw errors.invalidOperation("TableCollection.add", "A table can't overlap another table.");
    const cells = sheet.cells;
    let tableRect = area;
    if (!hasHeaders) {
      cells.shiftRows(area.row, 1, area.column, lastColumn(area));
      sheet.attributes.shiftRows(area.row, 1, area.column, lastColumn(area));
      tableRect = { ...area, rowCount: area.rowCount + 1 };
    }
    if (tableRect.rowCount === 1) tableRect = { ...tableRect, rowCount: 2 };
    const names: string[] = [];
    for (let i = 0; i < tableRect.columnCount; i++) {
      const raw = hasHeaders ? cells.value(tableRect.row, tableRect.column + i) : "";
      names.push(uniqueName(raw === "" ? `Column${i + 1}` : String(raw), names));
    }
    let n = this.nextTable;
    while (this.tableByName(`Table${n}`)) n++;
    const table: TableModel = {
      id: String(this.nextTable++),
      name: `Table${n}`,
      sheetId: sheet.id,
      rect: tableRect,
      showHeaders: true,
      showTotals: false,
      style: "TableStyleMedium2",
      showBandedRows: true,
      showBandedColumns: false,
      showFilterButton: true,
      highlightFirstColumn: false,
      highlightLastColumn: false,
      columns: names.map((name, i) => ({ id: i + 1, name })),
      nextColumnId: names.length + 1,
    };
    names.forEach((name, i) => cells.setCell(tableRect.row, tableRect.column + i, name));
    this.tables.push(table);
    this.detectCalculatedColumns(sheet, table, bodyRect(table));
    this.record({ sheetId: sheet.id, tableId: table.id, rect: tableRect, changeType: "RangeEdited" });
    return table;
  }

  renameTable(table: TableModel, name: string): void {
    checkProtection(this.requireSheet(table.sheetId), "structure", table.rect, "Table.name");
    if (
      !/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name) ||
      /^[A-Za-z]{1,3}\d+$/.test(name) ||
      /^[RC]$/i.test(name)
    )
      throw errors.invalidArgument("Table.name", "The table name is invalid.");
    const other = this.tableByName(name);
    if (other && other !== table) throw errors.itemAlreadyExists("Table.name");
    table.name = name;
    this.dirty = true;
  }

  deleteTable(table: TableModel, keepContents: boolean): void {
    const sheet = this.requireSheet(table.sheetId);
    checkProtection(sheet, "structure", table.rect, keepContents ? "Table.convertToRange" : "Table.delete");
    if (!keepContents) {
      for (let r = table.rect.row; r <= lastRow(table.rect); r++)
        for (let c = table.rect.column; c <= lastColumn(table.rect); c++) sheet.cells.clearContents(r, c);
      sheet.attributes.clearStyles(table.rect);
      this.record({ sheetId: sheet.id, rect: table.rect, changeType: "RangeEdited" });
    }
    this.tables.splice(this.tables.indexOf(table), 1);
    this.dirty = true;
  }

  /** Header cells hold the column names; keep them in step after a write to a header row. */
  private syncHeaderNames(sheet: SheetModel, table: TableModel): void {
    const header = headerRect(table);
    if (!header) return;
    const names: string[] = [];
    table.columns.forEach((column, i) => {
      const raw = sheet.cells.value(header.row, header.column + i);
      const name = uniqueName(raw === "" ? `Column${i + 1}` : String(raw), names);
      names.push(name);
      column.name = name;
      sheet.cells.setCell(header.row, header.column + i, name);
    });
  }

  // ---- writes -------------------------------------------------------------------------------------

  record(change: ChangeRecord): void {
    this.changes.push(change);
    this.dirty = true;
    if (!change.formatOnly) this.calculation?.changed(change);
  }

  /** A format-only change of an area and of the tables it touches (values unchanged, nothing recalculates). */
  recordFormat(sheet: SheetModel, area: Rect): void {
    this.record({ sheetId: sheet.id, rect: area, changeType: "RangeEdited", formatOnly: true });
    for (const table of this.tablesOn(sheet.id)) {
      const touched = intersect(table.rect, area);
      if (touched)
        this.record({
          sheetId: sheet.id,
          tableId: table.id,
          rect: touched,
          changeType: "RangeEdited",
          formatOnly: true,
        });
    }
  }

  /**
   * Applies a values / formulas / numberFormat write to a range, as Excel does: input parsing per cell,
   * table auto-expansion for writes that reach below a table, calculated columns filling new rows, header
   * renames, and change records for events.
   */
  write(sheet: SheetModel, area: Rect, kind: WriteKind, input: GridInput, where: string): void {
    if (Array.isArray(input)) {
      const rows = input as unknown[];
      if (
        rows.length !== area.rowCount ||
        rows.some((row) => !Array.isArray(row) || row.length !== area.columnCount)
      )
        throw errors.dimensionMismatch(where);
    }
    if (kind === "numberFormat") {
      checkProtection(sheet, "formatCells", area, where);
      this.writeFormats(sheet, area, input);
      return;
    }
    checkProtection(sheet, "edit", area, where);
    checkCellLimits(sheet, area, input, where);
    const cells = sheet.cells;
    const single = area.rowCount === 1 && area.columnCount === 1;
    const before = single ? cells.value(area.row, area.column) : undefined;
    const growing = this.growthFor(sheet, area, input);
    if (growing.length > 0) checkProtection(sheet, "structure", area, `${where} (the table would grow)`);
    const grid = Array.isArray(input) ? (input as unknown[][]) : undefined;
    for (let i = 0; i < area.rowCount; i++) {
      const r = area.row + i;
      const rowInput = grid ? grid[i] : undefined;
      for (let j = 0; j < area.columnCount; j++) {
        const c = area.column + j;
        const parsed = parseInput(rowInput ? rowInput[j] : input, cells.format(r, c));
        switch (parsed.kind) {
          case "skip":
            break;
          case "clear":
            cells.clearContents(r, c);
            break;
          case "value":
            cells.setCell(r, c, parsed.value);
            if (parsed.impliedFormat && cells.format(r, c) === GENERAL)
              cells.setFormat(r, c, parsed.impliedFormat);
            break;
          case "formula":
            cells.setCell(r, c, this.evaluate(sheet, r, c, parsed.formula), parsed.formula);
            break;
        }
      }
    }
    for (const { table, newLast } of growing) this.grow(sheet, table, newLast);
    const after = single ? cells.value(area.row, area.column) : undefined;
    const details =
      before !== undefined && after !== undefined
        ? {
            valueBefore: before,
            valueAfter: after,
            valueTypeBefore: valueTypeOf(before),
            valueTypeAfter: valueTypeOf(after),
          }
        : undefined;
    this.record({
      sheetId: sheet.id,
      rect: area,
      changeType: "RangeEdited",
      ...(details ? { details } : {}),
    });
    for (const table of this.tablesOn(sheet.id)) {
      const touched = intersect(table.rect, area);
      if (!touched) continue;
      const header = headerRect(table);
      if (header && intersect(header, area)) this.syncHeaderNames(sheet, table);
      const body = intersect(bodyRect(table), area);
      if (body) this.detectCalculatedColumns(sheet, table, body);
      const grown = growing.some((g) => g.table === table);
      if (!grown)
        this.record({
          sheetId: sheet.id,
          tableId: table.id,
          rect: touched,
          changeType: "RangeEdited",
          ...(details ? { details } : {}),
        });
    }
  }

  private writeFormats(sheet: SheetModel, area: Rect, input: GridInput): void {
    if (isWholeColumns(area) && !Array.isArray(input)) {
      for (let c = area.column; c <= lastColumn(area); c++) sheet.cells.setColumnFormat(c, String(input));
    } else {
      for (let i = 0; i < area.rowCount; i++)
        for (let j = 0; j < area.columnCount; j++) {
          const format = inputAt(input, i, j);
          if (format === null || format === undefined) continue;
          sheet.cells.setFormat(area.row + i, area.column + j, String(format));
        }
    }
    this.recordFormat(sheet, area);
  }

  /**
   * Tables a write extends: it overlaps a table's columns, starts inside the body or on the row directly
   * below it, reaches below the last row, and puts something into the rows below (an all-blank write does
   * not make Excel expand a table). Tables with a total row do not auto-expand.
   */
  private growthFor(
    sheet: SheetModel,
    area: Rect,
    input: GridInput,
  ): { table: TableModel; newLast: number }[] {
    const out: { table: TableModel; newLast: number }[] = [];
    for (const table of this.tablesOn(sheet.id)) {
      const body = bodyRect(table);
      const last = lastRow(table.rect);
      if (table.showTotals) continue;
      if (area.column > lastColumn(table.rect) || lastColumn(area) < table.rect.column) continue;
      if (area.row < body.row || area.row > last + 1 || lastRow(area) <= last) continue;
      let newLast = last;
      for (let i = area.rowCount - 1; i >= 0 && area.row + i > last; i--) {
        let filled = false;
        for (let j = 0; j < area.columnCount && !filled; j++) {
          const value = inputAt(input, i, j);
          filled = value !== null && value !== undefined && value !== "";
        }
        if (filled) {
          newLast = area.row + i;
          break;
        }
      }
      if (newLast > last) out.push({ table, newLast });
    }
    return out;
  }

  /** Extends a table down to `newLast`: formats, validation and calculated-column formulas follow. */
  grow(sheet: SheetModel, table: TableModel, newLast: number): void {
    const oldLast = lastRow(table.rect);
    if (newLast <= oldLast) return;
    const c0 = table.rect.column;
    const c1 = lastColumn(table.rect);
    for (let r = oldLast + 1; r <= newLast; r++) sheet.cells.copyFormats(oldLast, r, c0, c1, true);
    sheet.attributes.extendDown(oldLast, newLast, c0, c1);
    table.rect = { ...table.rect, rowCount: newLast - table.rect.row + 1 };
    table.columns.forEach((column, i) => {
      if (column.calculatedFormula === undefined) return;
      for (let r = oldLast + 1; r <= newLast; r++)
        if (sheet.cells.isEmpty(r, c0 + i))
          sheet.cells.setCell(
            r,
            c0 + i,
            this.evaluate(sheet, r, c0 + i, column.calculatedFormula),
            column.calculatedFormula,
          );
    });
    this.record({
      sheetId: sheet.id,
      tableId: table.id,
      rect: rect(oldLast + 1, c0, newLast - oldLast, c1 - c0 + 1),
      changeType: "RowInserted",
    });
  }

  /**
   * Calculated columns: a column becomes one when a write leaves every body cell with the same formula, or
   * when a formula is written into a column whose other body cells are empty (Excel fills the column, its
   * default AutoCorrect behaviour). Overwriting the whole column with anything else ends it.
   */
  detectCalculatedColumns(sheet: SheetModel, table: TableModel, written: Rect): void {
    const body = bodyRect(table);
    const cells = sheet.cells;
    for (let c = written.column; c <= lastColumn(written); c++) {
      const column = table.columns[c - table.rect.column];
      let shared: string | undefined = cells.formula(written.row, c);
      for (let r = written.row + 1; r <= lastRow(written) && shared !== undefined; r++)
        if (cells.formula(r, c) !== shared) shared = undefined;
      const wholeColumn = written.row === body.row && written.rowCount === body.rowCount;
      if (wholeColumn) {
        column.calculatedFormula = shared;
        continue;
      }
      if (shared === undefined || column.calculatedFormula === shared) continue;
      let othersEmpty = true;
      for (let r = body.row; r <= lastRow(body) && othersEmpty; r++)
        if ((r < written.row || r > lastRow(written)) && !cells.isEmpty(r, c)) othersEmpty = false;
      if (!othersEmpty) continue;
      for (let r = body.row; r <= lastRow(body); r++)
        if (r < written.row || r > lastRow(written))
          cells.setCell(r, c, this.evaluate(sheet, r, c, shared), shared);
      column.calculatedFormula = shared;
    }
  }

  /** Range.clear: contents, formats or both. */
  clear(sheet: SheetModel, area: Rect, applyTo: string): void {
    const contents = applyTo === "All" || applyTo === "Contents";
    const formats = applyTo === "All" || applyTo === "Formats";
    if (contents) checkProtection(sheet, "edit", area, "Range.clear");
    if (formats) checkProtection(sheet, "formatCells", area, "Range.clear");
    const usedRows = Math.min(lastRow(area), sheet.cells.lastRowIndex());
    for (let r = area.row; r <= usedRows; r++)
      for (let c = area.column; c <= lastColumn(area); c++) {
        if (contents) sheet.cells.clearContents(r, c);
        if (formats) sheet.cells.setFormat(r, c, undefined);
      }
    if (formats) {
      sheet.attributes.clearStyles(area);
      sheet.attributes.clearConditionalFormats(area);
      this.recordFormat(sheet, area);
    }
    if (contents) {
      for (const table of this.tablesOn(sheet.id)) {
        const header = headerRect(table);
        if (header && intersect(header, area)) this.syncHeaderNames(sheet, table);
        const touched = intersect(table.rect, area);
        if (touched)
          this.record({ sheetId: sheet.id, tableId: table.id, rect: touched, changeType: "RangeEdited" });
      }
      this.record({ sheetId: sheet.id, rect: area, changeType: "RangeEdited" });
    }
    this.dirty = true;
  }

  // ---- formulas -----------------------------------------------------------------------------------

  setEvaluator(evaluator: FormulaEvaluator | undefined): void {
    this.evaluator = evaluator;
    this.recalculate();
  }

  hasEvaluator(): boolean {
    return this.evaluator !== undefined;
  }

  evaluate(sheet: SheetModel, row: number, column: number, formula: string): CellValue {
    const pending = this.calculation?.formulaWritten(sheet, row, column, formula);
    if (pending !== undefined) return pending;
    if (this.evaluator) {
      const cell = { sheet: sheet.name, row, column, address: `${columnLetters(column)}${row + 1}` };
      try {
        const value = this.evaluator(formula, cell, this.view);
        if (value !== undefined) return value;
      } catch {
        return "#VALUE!";
      }
    }
    return defaultFormulaValue(formula);
  }

  /** Re-evaluates every formula cell (in sheet, row, column order; no dependency tracking). */
  recalculate(): void {
    for (const sheet of this.sheets)
      for (const [r, c, formula] of sheet.cells.formulaCells())
        sheet.cells.setCell(r, c, this.evaluate(sheet, r, c, formula), formula);
    this.dirty = true;
  }

  private tableInfo(table: TableModel): FormulaTableInfo & { sheet: string } {
    const body = bodyRect(table);
    return {
      name: table.name,
      sheet: this.requireSheet(table.sheetId).name,
      columns: table.columns.map((column) => column.name),
      firstBodyRow: body.row,
      bodyRowCount: body.rowCount,
      firstColumn: table.rect.column,
    };
  }

  readonly view: FormulaWorkbookView = {
    value: (sheetName, row, column) => this.sheetByName(sheetName)?.cells.value(row, column) ?? "",
    tableAt: (sheetName, row, column) => {
      const sheet = this.sheetByName(sheetName);
      const table = sheet && this.tableAtCell(sheet.id, row, column);
      return table && this.tableInfo(table);
    },
    table: (name) => {
      const table = this.tableByName(name);
      return table && this.tableInfo(table);
    },
  };

  describe(area: Rect): string {
    return formatRect(area);
  }
}

/** Excel keeps table column names unique: "Name", "Name2", ... (case-insensitive). */
export function uniqueName(wanted: string, taken: string[]): string {
  const lower = new Set(taken.map((name) => name.toLowerCase()));
  if (!lower.has(wanted.toLowerCase())) return wanted;
  let n = 2;
  while (lower.has(`${wanted}${n}`.toLowerCase())) n++;
  return `${wanted}${n}`;
}

/**
 * A cell holds at most 32,767 characters and a formula at most 8,192 ("Excel specifications and limits"). Excel
 * does not document what the API does with longer input; the host refuses the whole write (InvalidArgument)
 * rather than keep part of someone's text.
 */
function checkCellLimits(sheet: SheetModel, area: Rect, input: GridInput, where: string): void {
  const check = (value: unknown, r: number, c: number) => {
    if (typeof value !== "string" || value.length <= MAX_FORMULA_TEXT) return;
    const parsed = parseInput(value, sheet.cells.format(area.row + r, area.column + c));
    const formula = parsed.kind === "formula";
    const limit = formula ? MAX_FORMULA_TEXT : MAX_CELL_TEXT;
    const length = formula ? parsed.formula.length : value.length;
    if (length > limit)
      throw errors.invalidArgument(
        where,
        `The argument is invalid or missing or has an incorrect format. (${formula ? "a formula" : "a cell"} holds at most ${limit.toLocaleString("en-GB")} characters; ${columnLetters(area.column + c)}${area.row + r + 1} would hold ${length.toLocaleString("en-GB")})`,
      );
  };
  if (!Array.isArray(input)) {
    check(input, 0, 0);
    return;
  }
  const rows = input as unknown[][];
  for (let r = 0; r < rows.length; r++) for (let c = 0; c < rows[r].length; c++) check(rows[r][c], r, c);
}
