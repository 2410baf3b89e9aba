/**
 * Reading custom-function arguments as Excel passes them (numbers, text, booleans, date serials, 2-D arrays
 * for ranges). Anything unusable becomes an Excel error whose message names the argument and says why, never
 * NaN, a JavaScript error or a silent 0.
 *
 * Blank is 0 and 0 is blank. An omitted argument arrives as null, and so does an empty cell in Excel on the
 * web, but Excel on Windows passes an empty cell as 0 (office-js #4702, #5262), so a function cannot tell an
 * empty cell from a typed 0. Every argument therefore reads null, "" and 0 alike, and each rule below is
 * chosen so that reading is right: a blank count or amount is 0, a blank flag FALSE, a blank date, ID or key
 * nothing at all, and a blank threshold, notice period or term the default (a threshold, notice period or
 * term of 0 would mean nothing useful). The same formula then gives the same figure on every platform.
 */
import { excelSerialToIsoDate, todayIsoDate, type IsoDate } from "../domain/dates";
import { referenceId } from "../domain/references";

/** The latest date Excel can show (31/12/9999). */
const MAX_EXCEL_SERIAL = 2_958_465;

export function invalid(message: string): never {
  throw new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, message);
}

export function notAvailable(message: string): never {
  throw new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, message);
}

/** How a value reads in a message: text in quotes, a blank cell as such. */
export function shown(value: unknown): string {
  if (value === null || value === undefined) return "nothing";
  if (value === "") return "a blank cell";
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (Array.isArray(value)) return "a range";
  return String(value);
}

/**
 * A blank argument: omitted (null, undefined), an empty cell (null on the web, 0 on Windows), empty or
 * all-space text such as a formula's "", or 0.
 */
export function isBlank(value: unknown): boolean {
  return (
    value === null || value === undefined || value === 0 || (typeof value === "string" && value.trim() === "")
  );
}

const isFiniteNumber = (value: unknown): value is number =>
  typeof value === "number" && Number.isFinite(value);

/**
 * A count or an amount: a real number of 0 or more; blank is 0. Numeric text is not a number, as in Excel's
 * own SUM.
 */
export function amountArg(name: string, value: unknown): number {
  if (isBlank(value)) return 0;
  if (!isFiniteNumber(value) || value < 0)
    invalid(
      `${name} must be a number of 0 or more; got ${shown(value)}. Give a number, or a cell that holds one.`,
    );
  return value;
}

/** TRUE or FALSE; blank (an empty cell, which Windows passes as 0) is FALSE. */
export function flagArg(name: string, value: unknown): boolean {
  if (isBlank(value)) return false;
  if (typeof value !== "boolean")
    invalid(`${name} must be TRUE or FALSE; got ${shown(value)}. Give TRUE, FALSE or a cell that holds one.`);
  return value;
}

/** A share above 0 and up to 1; blank (or 0) is the default. */
export function fractionArg(name: string, value: unknown, fallback: number): number {
  if (isBlank(value)) return fallback;
  if (!isFiniteNumber(value) || value < 0 || value > 1) {
    invalid(
      `${name} must be a number above 0 and up to 1; got ${shown(value)}. Give a share such as 0.8 for 80%, or leave it blank for ${fallback}.`,
    );
  }
  return value;
}

/** A whole number of 1 or more; blank (or 0) is the default. */
export function wholeNumberArg(name: string, value: unknown, fallback: number): number {
  if (isBlank(value)) return fallback;
  if (!isFiniteNumber(value) || value < 0 || !Number.isInteger(value)) {
    invalid(
      `${name} must be a whole number of 1 or more; got ${shown(value)}. Give one, or leave it blank for ${fallback}.`,
    );
  }
  return value;
}

/** A number above 0 when given (a term length); undefined when blank (or 0). */
export function positiveNumberArg(name: string, value: unknown): number | undefined {
  if (isBlank(value)) return undefined;
  if (!isFiniteNumber(value) || value < 0)
    invalid(`${name} must be a number above 0; got ${shown(value)}. Give one, or leave it blank.`);
  return value;
}

/** A date as Excel holds it (a serial number, time of day ignored); undefined when blank (serial 0 is no date). */
export function dateArg(name: string, value: unknown): IsoDate | undefined {
  if (isBlank(value)) return undefined;
  if (!isFiniteNumber(value) || value < 0 || value > MAX_EXCEL_SERIAL) {
    invalid(
      `${name} must be a date; got ${shown(value)}. Give a cell formatted as a date, or DATE(2026,3,31).`,
    );
  }
  return excelSerialToIsoDate(value);
}

/** The as-of date, today where the user is when blank (read at each call, so it is right tomorrow). */
export function asOfArg(name: string, value: unknown): IsoDate {
  return dateArg(name, value) ?? todayIsoDate();
}

/** Text such as an ID; a number is read as its text; blank (or 0) is "". */
export function textArg(name: string, value: unknown): string {
  if (isBlank(value)) return "";
  if (typeof value === "string") return value;
  if (isFiniteNumber(value)) return String(value);
  return invalid(`${name} must be text; got ${shown(value)}. Give the text, or a cell that holds it.`);
}

/**
 * A cell of a range read as text for matching; blanks (0 on Windows), booleans and errors match nothing.
 * The register's ID, device and user columns are Text-formatted, so a key typed as 0 there is the text "0".
 */
export function cellText(value: unknown): string {
  if (typeof value === "string") return value;
  if (isFiniteNumber(value) && value !== 0) return String(value);
  return "";
}

/** A cell of a column of links (licence IDs): a dropdown entry is the ID in its brackets. */
export function cellReference(value: unknown): string {
  return referenceId(cellText(value));
}

/** A range as rows of cells; a single value is a 1 × 1 range. */
export function rangeArg(value: unknown): unknown[][] {
  if (!Array.isArray(value)) return [[value]];
  return value.map((row) => (Array.isArray(row) ? row : [row]));
}

const shapeOf = (range: unknown[][]) => {
  const columns = range[0]?.length ?? 0;
  return `${range.length} row${range.length === 1 ? "" : "s"} × ${columns} column${columns === 1 ? "" : "s"}`;
};

/** Checks that two ranges line up row for row and column for column. */
export function requireSameShape(
  name: string,
  range: unknown[][],
  otherName: string,
  other: unknown[][],
): void {
  const same = range.length === other.length && range.every((row, i) => row.length === other[i].length);
  if (!same) {
    invalid(
      `${name} must be the same shape as ${otherName} (${shapeOf(other)}); got ${shapeOf(range)}. Select ranges of the same rows and columns.`,
    );
  }
}
