import { excelSerialToIsoDate, isValidIsoDate, isoDateToExcelSerial } from "../domain/dates";
import { referenceId } from "../domain/references";
import type { ColumnSpec } from "./tables/types";

/** A value as Excel holds it in a cell (what Range.values reads and writes). */
export type CellValue = string | number | boolean;

/** A cell with nothing in it, as Range.values reads it (undefined: a row shorter than its table). */
export const isBlankCell = (value: unknown): boolean => value === "" || value === undefined;

export function columnLetter(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/** "B12" from zero-based sheet row and column indexes. */
export function cellAddress(rowIndex: number, columnIndex: number): string {
  return `${columnLetter(columnIndex)}${rowIndex + 1}`;
}

const MONTH = "(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*";
/** Text Excel would turn into a number, date, time, percentage or boolean if the cell were not Text-formatted. */
const CONVERTIBLE = [
  /^\s*[-+]?\(?[£$€¥]?\s*[\d.,]+\s*(e[-+]?\d+)?\)?\s*%?\s*$/i,
  /^\s*(true|false)\s*$/i,
  /^\s*\d{1,4}\s*[-/.]\s*\d{1,2}([-/.]\s*\d{1,4})?/,
  /^\s*\d{1,2}:\d{2}/,
  new RegExp(`^\\s*\\d{1,2}[\\s-]+${MONTH}`, "i"),
  new RegExp(`^\\s*${MONTH}[\\s-]+\\d`, "i"),
  /^\s*#[A-Z/0]+[!?]?$/i,
];

/**
 * Whether text needs Excel's apostrophe prefix to stay literal: anything Excel would read as a formula
 * (=, +, -, @), control characters, a leading apostrophe of the user's own, or text it would convert.
 * Text columns are also formatted "@"; the prefix is belt and braces for cells whose format was changed.
 * Excel drops the apostrophe when storing, so reading gives back exactly the original text.
 */
export function needsLiteralPrefix(text: string): boolean {
  if (/^[=+\-@'\t\r\n]/.test(text)) return true;
  return CONVERTIBLE.some((pattern) => pattern.test(text));
}

export function literalText(text: string): string {
  return text !== "" && needsLiteralPrefix(text) ? `'${text}` : text;
}

/** Whether a cell holds a formula: its formula text is not simply its value (text such as "=x" reads the same). */
export function isFormulaCell(value: unknown, formula: unknown): formula is string {
  return typeof formula === "string" && formula.startsWith("=") && formula !== value;
}

/**
 * What to write to give a cell back exactly what it held (read as values and formulas): its formula if it had
 * one; text always with Excel's apostrophe prefix, so it stays text whatever it looks like and whatever the
 * cell's format; numbers and booleans as they are.
 */
export function heldCell(value: unknown, formula: unknown): CellValue {
  if (isFormulaCell(value, formula)) return formula;
  if (typeof value === "number" || typeof value === "boolean") return value;
  const text = String(value ?? "");
  return text === "" ? "" : `'${text}`;
}

/** What a cell holds after a value is written to it: Excel drops the apostrophe that keeps text literal. */
export function storedValue(written: CellValue): CellValue {
  return typeof written === "string" && written.startsWith("'") ? written.slice(1) : written;
}

/** The cell value to write for a field value; undefined and null clear the cell. */
export function toCell(column: ColumnSpec, value: unknown): CellValue {
  if (value === undefined || value === null || value === "") return "";
  switch (column.type) {
    case "date":
      return typeof value === "string" && isValidIsoDate(value)
        ? isoDateToExcelSerial(value)
        : literalText(String(value));
    case "boolean":
      return typeof value === "boolean" ? value : literalText(String(value));
    case "wholeNumber":
    case "amount":
      return typeof value === "number" ? value : literalText(String(value));
    default:
      return literalText(String(value));
  }
}

const NUMERIC_TEXT = /^\s*[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?\s*$/i;
const ISO_DATE_PREFIX = /^\s*(\d{4}-\d{2}-\d{2})(?:[T ][\d:.]+Z?)?\s*$/;

/**
 * The field value a cell holds, before schema validation: blank is undefined, date serials become ISO dates,
 * numeric or TRUE/FALSE text in number or boolean columns is accepted; anything else is passed on as it is
 * so the schema can say what is wrong with it.
 */
export function fromCell(column: ColumnSpec, raw: unknown): unknown {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw === "string" && raw.trim() === "") return undefined;
  switch (column.type) {
    case "date":
      if (typeof raw === "number" && Number.isFinite(raw)) return excelSerialToIsoDate(raw);
      if (typeof raw === "string") {
        const match = ISO_DATE_PREFIX.exec(raw);
        return match ? match[1] : raw;
      }
      return raw;
    case "boolean":
      if (typeof raw === "string" && /^\s*(true|false)\s*$/i.test(raw))
        return raw.trim().toUpperCase() === "TRUE";
      return raw;
    case "wholeNumber":
    case "amount":
      if (typeof raw === "string" && NUMERIC_TEXT.test(raw)) return Number(raw);
      return raw;
    case "timestamp":
      if (typeof raw === "number") return new Date(Date.UTC(1899, 11, 30) + raw * 86_400_000).toISOString();
      return String(raw);
    case "reference":
      // a dropdown entry, "Adobe Acrobat Pro [SW-1]", links by the ID in its brackets
      if (typeof raw === "string") return referenceId(raw);
      if (typeof raw === "number" || typeof raw === "boolean") return String(raw).toUpperCase();
      return raw;
    default:
      if (typeof raw === "number" || typeof raw === "boolean") return String(raw).toUpperCase();
      return raw;
  }
}
