import type { Rect } from "../addresses";
import type { SheetModel } from "../model";

/**
 * What a formula computes with, and Excel's conversions between kinds (Microsoft Learn, "Calculation
 * operators and precedence in Excel" and "How Excel compares values"): a scalar is a number, text, a
 * logical, blank or an error; arrays are rows of scalars; a reference is an area of a sheet, read when a
 * function needs its values.
 */

export class ExcelError {
  constructor(
    readonly code: string,
    /** Why, for the cell's error message (engine.cellError). */
    readonly message = "",
  ) {}
}

export const isError = (value: unknown): value is ExcelError => value instanceof ExcelError;

/** A cell's value in a formula: null is a blank cell (or an omitted argument). */
export type Scalar = number | string | boolean | null | ExcelError;
export type Grid = Scalar[][];

export class Reference {
  constructor(
    readonly sheet: SheetModel,
    readonly rect: Rect,
  ) {}
}

export type Value = Scalar | Grid | Reference;

export const isGrid = (value: Value): value is Grid => Array.isArray(value);

export const error = (code: string, message = ""): ExcelError => new ExcelError(code, message);
export const VALUE = (message = "") => error("#VALUE!", message);
export const NA = (message = "") => error("#N/A", message);
export const REF = (message = "") => error("#REF!", message);
export const DIV0 = () => error("#DIV/0!", "Division by zero.");
export const NUM = (message = "") => error("#NUM!", message);

const NUMERIC_TEXT = /^[-+]?(\d{1,3}(,\d{3})+|\d*)(\.\d*)?(e[-+]?\d+)?%?$/i;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

/** A number written as text, as Excel converts it in arithmetic ("1,234.5", "50%", "2026-01-31"). */
export function numberFromText(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === "" || !/\d/.test(trimmed)) {
    return undefined;
  }
  if (NUMERIC_TEXT.test(trimmed)) {
    const percent = trimmed.endsWith("%");
    const n = Number(trimmed.replace(/,/g, "").replace(/%$/, ""));
    if (Number.isNaN(n)) return undefined;
    return percent ? n / 100 : n;
  }
  const date = ISO_DATE.exec(trimmed);
  if (date) {
    const [year, month, day] = [Number(date[1]), Number(date[2]), Number(date[3])];
    const utc = Date.UTC(year, month - 1, day);
    const back = new Date(utc);
    if (back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) return undefined;
    return Math.round((utc - Date.UTC(1899, 11, 30)) / 86_400_000);
  }
  return undefined;
}

/** A scalar as a number for arithmetic: logicals are 1/0, blank is 0, numeric text converts, other text is #VALUE!. */
export function toNumber(value: Scalar): number | ExcelError {
  if (typeof value === "number") return value;
  if (value === null) return 0;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value instanceof ExcelError) return value;
  const n = numberFromText(value);
  return n === undefined ? VALUE(`"${value}" is not a number.`) : n;
}

/** A number as Excel's General format writes it in text (up to 15 significant digits). */
export function numberText(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  const text = Number(n.toPrecision(15)).toString();
  return text.replace(/e\+?/, "E+").replace("E+-", "E-");
}

export function toText(value: Scalar): string | ExcelError {
  if (value instanceof ExcelError) return value;
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number") return numberText(value);
  return value;
}

export function toBoolean(value: Scalar): boolean | ExcelError {
  if (value instanceof ExcelError) return value;
  if (value === null) return false;
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return value !== 0;
  const upper = value.trim().toUpperCase();
  if (upper === "TRUE") return true;
  if (upper === "FALSE") return false;
  return VALUE(`"${value}" is not TRUE or FALSE.`);
}

/** Excel's order between kinds: numbers, then text, then logicals. */
const rank = (value: number | string | boolean): number =>
  typeof value === "number" ? 0 : typeof value === "string" ? 1 : 2;

/**
 * Compares two scalars as Excel's comparison operators do: a blank takes the other side's kind (0, "" or
 * FALSE), text compares without case, and different kinds order numbers < text < logicals.
 */
export function compare(a: Scalar, b: Scalar): number {
  const left = a === null ? blankLike(b) : a;
  const right = b === null ? blankLike(a) : b;
  if (left instanceof ExcelError || right instanceof ExcelError) return 0;
  if (rank(left) !== rank(right)) return rank(left) - rank(right);
  if (typeof left === "string") {
    const x = left.toLowerCase();
    const y = (right as string).toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  }
  const x = Number(left);
  const y = Number(right);
  return x < y ? -1 : x > y ? 1 : 0;
}

function blankLike(other: Scalar): number | string | boolean {
  if (typeof other === "string") return "";
  if (typeof other === "boolean") return false;
  return 0;
}

/** The value at (row, column) of a grid, broadcasting single rows and columns as Excel does; #N/A outside. */
export function at(grid: Grid, row: number, column: number): Scalar {
  const r = grid.length === 1 ? 0 : row;
  const line = grid[r];
  if (!line) return NA();
  const c = line.length === 1 ? 0 : column;
  return c < line.length ? line[c] : NA();
}

/** A scalar or grid as a grid. */
export const asGrid = (value: Scalar | Grid): Grid => (Array.isArray(value) ? value : [[value]]);

export function gridSize(grid: Grid): { rows: number; columns: number } {
  return { rows: grid.length, columns: grid[0]?.length ?? 0 };
}
