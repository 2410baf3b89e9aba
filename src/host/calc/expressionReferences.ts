import { type Rect, formatRect, lastRow, rect } from "../addresses";
import { type SheetModel, type TableModel, bodyRect, headerRect, totalsRect } from "../model";
import type { WorkbookState } from "../workbookState";
import type { Expr } from "./expressionParser";
import { type ColumnIndex, type FormulaPosition, type Precedent, isErrorValue } from "./references";
import { ExcelError, type Grid, REF, Reference, type Scalar } from "./values";

/**
 * Where an expression's references point, what the formula therefore depends on (so an edit re-runs it),
 * and reading the cells. A spill reference (A13#) covers what its anchor spills now; the formula depends on
 * the anchor, which marks its readers whenever it spills anew.
 */

type ReferenceExpr = Extract<Expr, { kind: "ref" | "structured" | "name" }>;

export interface ReferenceContext {
  state: WorkbookState;
  at: FormulaPosition;
  columns: ColumnIndex;
  /** The area a formula cell spills into now (anchor included), if it spills. */
  spillArea(sheetId: string, row: number, column: number): Rect | undefined;
}

export function resolveReference(expr: ReferenceExpr, context: ReferenceContext): Reference | ExcelError {
  if (expr.kind === "name") {
    // a table's name alone is its body; the host has no other defined names
    const table = context.state.tableByName(expr.name);
    const sheet = table && context.state.sheetById(table.sheetId);
    if (!table || !sheet)
      return new ExcelError("#NAME?", `${expr.name} is not a name this workbook defines.`);
    return new Reference(sheet, bodyRect(table));
  }
  if (expr.kind === "ref") {
    const sheet = expr.sheet === undefined ? context.at.sheet : context.state.sheetByName(expr.sheet);
    if (!sheet) return REF(`There is no worksheet named ${expr.sheet}.`);
    if (!expr.spill) return new Reference(sheet, expr.rect);
    const area = context.spillArea(sheet.id, expr.rect.row, expr.rect.column);
    if (!area) {
      const shown = sheet.cells.value(expr.rect.row, expr.rect.column);
      return REF(
        `${formatRect(expr.rect)}# refers to what ${formatRect(expr.rect)} spills, and it spills nothing${shown === "" ? "" : ` (it shows ${String(shown)})`}.`,
      );
    }
    return new Reference(sheet, area);
  }
  const located = structuredArea(expr, context);
  return located instanceof ExcelError ? located : new Reference(located.sheet, located.rect);
}

function structuredArea(
  expr: Extract<Expr, { kind: "structured" }>,
  { state, at, columns }: ReferenceContext,
): { sheet: SheetModel; rect: Rect; table: TableModel; columnIds: number[] } | ExcelError {
  const table = expr.table
    ? state.tableByName(expr.table)
    : columns.tableAt(state, at.sheet.id, at.row, at.column);
  if (!table)
    return REF(
      expr.table
        ? `${expr.text}: there is no table named ${expr.table}.`
        : `${expr.text}: the formula is not in a table.`,
    );
  const sheet = state.sheetById(table.sheetId);
  if (!sheet) return REF(`${expr.text}: the table's sheet is gone.`);
  let first = 0;
  let last = table.columns.length - 1;
  if (expr.first !== undefined) {
    const a = columns.of(table, expr.first);
    const b = columns.of(table, expr.last ?? expr.first);
    if (a === undefined || b === undefined)
      return REF(
        `${expr.text}: table ${table.name} has no column named ${a === undefined ? expr.first : expr.last}.`,
      );
    [first, last] = [Math.min(a, b), Math.max(a, b)];
  }
  const body = bodyRect(table);
  let rows: Rect | undefined;
  switch (expr.area) {
    case "data":
      rows = body;
      break;
    case "all":
      rows = table.rect;
      break;
    case "headers":
      rows = headerRect(table);
      break;
    case "totals":
      rows = totalsRect(table);
      break;
    case "thisRow":
      if (table.sheetId !== at.sheet.id || at.row < body.row || at.row > lastRow(body))
        return new ExcelError(
          "#VALUE!",
          `${expr.text}: row ${at.row + 1} is not a row of table ${table.name}.`,
        );
      rows = rect(at.row, body.column, 1, body.columnCount);
      break;
  }
  if (!rows) return REF(`${expr.text}: table ${table.name} has no such row.`);
  return {
    sheet,
    table,
    rect: rect(rows.row, table.rect.column + first, rows.rowCount, last - first + 1),
    columnIds: table.columns.slice(first, last + 1).map((column) => column.id),
  };
}

/** What an expression reads, found from the formula itself (both branches of an IF count). */
export function expressionPrecedents(expr: Expr, context: ReferenceContext): Precedent[] {
  const out: Precedent[] = [];
  const visit = (e: Expr): void => {
    switch (e.kind) {
      case "ref": {
        const sheet = e.sheet === undefined ? context.at.sheet : context.state.sheetByName(e.sheet);
        if (!sheet) return;
        if (e.spill || (e.rect.rowCount === 1 && e.rect.columnCount === 1))
          out.push({ kind: "cell", sheetId: sheet.id, row: e.rect.row, column: e.rect.column });
        else out.push({ kind: "range", sheetId: sheet.id, rect: e.rect });
        return;
      }
      case "structured": {
        const located = structuredArea(e, context);
        if (located instanceof ExcelError) return;
        if (e.area === "data")
          for (const columnId of located.columnIds)
            out.push({ kind: "tableColumn", tableId: located.table.id, columnId });
        else if (located.rect.rowCount === 1 && located.rect.columnCount === 1)
          out.push({
            kind: "cell",
            sheetId: located.sheet.id,
            row: located.rect.row,
            column: located.rect.column,
          });
        else out.push({ kind: "range", sheetId: located.sheet.id, rect: located.rect });
        return;
      }
      case "name": {
        const table = context.state.tableByName(e.name);
        if (table)
          for (const column of table.columns)
            out.push({ kind: "tableColumn", tableId: table.id, columnId: column.id });
        return;
      }
      case "call":
        if (e.name === "TODAY") out.push({ kind: "today" });
        e.args.forEach(visit);
        return;
      case "unary":
      case "percent":
        visit(e.operand);
        return;
      case "binary":
        visit(e.left);
        visit(e.right);
        return;
      default:
        return;
    }
  };
  visit(expr);
  return out;
}

/** A reference's cells as formula values: blank cells are null, error values are errors. */
export function readReference(reference: Reference): Grid {
  const { sheet, rect: area } = reference;
  const cells = sheet.cells;
  const out: Grid = [];
  for (let r = area.row; r < area.row + area.rowCount; r++) {
    const row = new Array<Scalar>(area.columnCount);
    for (let c = 0; c < area.columnCount; c++) {
      const value = cells.value(r, area.column + c);
      row[c] = value === "" ? null : isErrorValue(value) ? new ExcelError(value) : value;
    }
    out.push(row);
  }
  return out;
}
