import type { CellValue } from "../inputParsing";
import type { ActiveInvocation, CellResult } from "./invocations";
import { ExcelError, type Grid, NUM, Reference, type Scalar, type Value, isGrid } from "./values";
import { readReference } from "./expressionReferences";
import { isErrorValue } from "./references";

/**
 * Custom-function calls inside a larger formula (=LICENSE.USED(A2)+1, =IFERROR(LICENSE.X(...),"")): each
 * call in the formula is its own invocation, as in Excel. A streaming or asynchronous call is kept while it
 * is given the same arguments, and each result it delivers re-evaluates the formula around it; a plain call
 * is made again on each evaluation.
 */
export interface CallSite {
  active?: ActiveInvocation;
  /** The arguments the running call was given (JSON), to keep it when they are the same. */
  key?: string;
  /** The call's latest result; undefined while it has none yet (the cell shows #BUSY!). */
  result?: CellResult;
  /** A stream or a promise: kept while the arguments stay the same. */
  lasting: boolean;
  /** Seen in the current evaluation (calls on a branch not taken are cancelled). */
  visited: boolean;
}

/** An argument as Excel passes it to a custom function, or the error that stops the call. */
export function customArgument(value: Value, emptyCell: null | 0 | ""): unknown {
  if (value instanceof ExcelError) return value;
  if (value instanceof Reference) {
    const cells = readReference(value);
    const error = firstError(cells);
    if (error) return error;
    if (cells.length === 1 && cells[0].length === 1) return cells[0][0] ?? emptyCell;
    return cells.map((row) => row.map((cell) => cell ?? emptyCell));
  }
  if (isGrid(value)) {
    const error = firstError(value);
    return error ?? value.map((row) => row.map((cell) => cell ?? emptyCell));
  }
  return value;
}

function firstError(cells: Grid): ExcelError | undefined {
  for (const row of cells) for (const cell of row) if (cell instanceof ExcelError) return cell;
  return undefined;
}

/** A custom function's result as a formula value. */
export function resultValue(result: CellResult): Value {
  if (result.kind === "error") return new ExcelError(result.code, result.message);
  if (result.kind === "array") return result.rows.map((row) => row.map(cellScalar));
  return cellScalar(result.value);
}

const cellScalar = (value: CellValue): Scalar => (isErrorValue(value) ? new ExcelError(value) : value);

/** A formula's final value as what its cell shows: blanks show 0, arrays spill, one-cell arrays are values. */
export function formulaResult(value: Value, read: (reference: Reference) => Grid): CellResult {
  if (value instanceof Reference) value = read(value);
  if (isGrid(value)) {
    if (value.length === 0 || (value[0]?.length ?? 0) === 0)
      return { kind: "error", code: "#CALC!", message: "The result is an empty array." };
    if (value.length === 1 && value[0].length === 1) return formulaResult(value[0][0], read);
    return { kind: "array", rows: value.map((row) => row.map(shown)) };
  }
  if (value instanceof ExcelError) return { kind: "error", code: value.code, message: value.message };
  const cell = shown(value);
  return typeof cell === "string" && cell === "#NUM!"
    ? { kind: "error", code: "#NUM!", message: "The result is not a finite number." }
    : { kind: "value", value: cell };
}

function shown(value: Scalar): CellValue {
  if (value === null) return 0;
  if (value instanceof ExcelError) return value.code;
  if (typeof value === "number" && !Number.isFinite(value)) return NUM().code;
  return value;
}
