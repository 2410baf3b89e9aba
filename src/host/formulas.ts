import type { CellValue } from "./inputParsing";

/**
 * The extension point for formula evaluation. The host does not evaluate formulas itself: a formula cell's
 * value is what Excel shows for a function it does not know ("#NAME?"), except for constants such as
 * "=+1", "=-2.5", "=\"text\"" or "=TRUE". Install an evaluator with `workbook.setFormulaEvaluator(...)` to
 * compute LICENSE.* custom functions; return undefined to fall back to the default.
 */

export interface FormulaCell {
  sheet: string;
  /** Zero-based. */
  row: number;
  column: number;
  /** "B2", without the sheet name. */
  address: string;
}

export interface FormulaTableInfo {
  name: string;
  columns: string[];
  /** Zero-based sheet row of the first body row. */
  firstBodyRow: number;
  bodyRowCount: number;
  /** Zero-based sheet column of the first column. */
  firstColumn: number;
}

/** Read-only view of the workbook for an evaluator (current values, formulas not re-run). */
export interface FormulaWorkbookView {
  value(sheet: string, row: number, column: number): CellValue;
  /** The table a cell is in, for structured references such as [@[Licence ID]]. */
  tableAt(sheet: string, row: number, column: number): FormulaTableInfo | undefined;
  table(name: string): (FormulaTableInfo & { sheet: string }) | undefined;
}

export type FormulaEvaluator = (
  formula: string,
  cell: FormulaCell,
  workbook: FormulaWorkbookView,
) => CellValue | undefined;

export const UNKNOWN_FUNCTION = "#NAME?";

/** What the host shows for a formula when no evaluator answers: constants are evaluated, anything else is #NAME?. */
export function defaultFormulaValue(formula: string): CellValue {
  const body = formula.replace(/^=/, "").trim();
  if (/^[-+]*\s*(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?$/i.test(body)) {
    const signs = /^[-+\s]*/.exec(body)?.[0] ?? "";
    const magnitude = Number(body.slice(signs.length));
    return (signs.match(/-/g) ?? []).length % 2 === 1 ? -magnitude : magnitude;
  }
  const text = /^"((?:[^"]|"")*)"$/.exec(body);
  if (text) return text[1].replace(/""/g, '"');
  if (/^(TRUE|FALSE)$/i.test(body)) return body.toUpperCase() === "TRUE";
  return UNKNOWN_FUNCTION;
}
