/**
 * Reading custom-function arguments as Excel passes them (numbers, text, booleans, date serials, null for an
 * omitted optional argument, 2-D arrays for ranges). Anything unusable becomes an Excel error whose message
 * names the argument and says why, never NaN, a JavaScript error or a silent 0.
 */
import { excelSerialToIsoDate, todayIsoDate, type IsoDate } from "../domain/dates";

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

/** An omitted optional argument: null (what Excel passes), undefined, or an empty cell. */
export function isOmitted(value: unknown): boolean {
  return value === null || value === undefined || value === "";
}

const isFiniteNumber = (value: unknown): value is number =>
  typeof value === "number" && Number.isFinite(value);

/** A count or an amount: a real number of 0 or more. Numeric text is not a number, as in Excel's own SUM. */
export function amountArg(name: string, value: unknown): number {
  if (!isFiniteNumber(value) || value < 0)
    invalid(`${name} must be a number of 0 or more; got ${shown(value)}.`);
  return value;
}

export function flagArg(name: string, value: unknown): boolean {
  if (isOmitted(value)) return false;
  if (typeof value !== "boolean") invalid(`${name} must be TRUE or FALSE; got ${shown(value)}.`);
  return value;
}

export function fractionArg(name: string, value: unknown, fallback: number): number {
  if (isOmitted(value)) return fallback;
  if (!isFiniteNumber(value) || value < 0 || value > 1) {
    invalid(`${name} must be a number from 0 to 1 (for example 0.8 for 80%); got ${shown(value)}.`);
  }
  return value;
}

export function wholeNumberArg(name: string, value: unknown, fallback: number): number {
  if (isOmitted(value)) return fallback;
  if (!isFiniteNumber(value) || value < 0 || !Number.isInteger(value)) {
    invalid(`${name} must be a whole number of 0 or more; got ${shown(value)}.`);
  }
  return value;
}

/** A number above 0 when given (a term length); undefined when omitted. */
export function positiveNumberArg(name: string, value: unknown): number | undefined {
  if (isOmitted(value)) return undefined;
  if (!isFiniteNumber(value) || value <= 0) invalid(`${name} must be a number above 0; got ${shown(value)}.`);
  return value;
}

/** A date as Excel holds it (a serial number, time of day ignored); undefined when blank or 0. */
export function dateArg(name: string, value: unknown): IsoDate | undefined {
  if (isOmitted(value) || value === 0) return undefined;
  if (!isFiniteNumber(value) || value < 0 || value > MAX_EXCEL_SERIAL) {
    invalid(`${name} must be a date (a cell formatted as a date, or DATE(2026,3,31)); got ${shown(value)}.`);
  }
  return excelSerialToIsoDate(value);
}

/** The as-of date, today where the user is when omitted (read at each call, so it is right tomorrow). */
export function asOfArg(name: string, value: unknown): IsoDate {
  return dateArg(name, value) ?? todayIsoDate();
}

export function textArg(name: string, value: unknown): string {
  if (isOmitted(value)) return "";
  if (typeof value === "string") return value;
  if (isFiniteNumber(value)) return String(value);
  return invalid(`${name} must be text; got ${shown(value)}.`);
}

/** A cell of a range read as text for matching; blanks, booleans and errors match nothing. */
export function cellText(value: unknown): string {
  if (typeof value === "string") return value;
  if (isFiniteNumber(value)) return String(value);
  return "";
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
    invalid(`${name} must be the same shape as ${otherName} (${shapeOf(other)}); got ${shapeOf(range)}.`);
  }
}
