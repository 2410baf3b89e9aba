/**
 * Excel's reading of what is written into a cell, through `Range.values` or by typing: formulas, the
 * apostrophe prefix, Text-formatted cells, numbers, percentages, ISO dates and booleans.
 */

/** What a cell can hold as a value (Range.values). "" is an empty cell. */
export type CellValue = string | number | boolean;

export type ParsedInput =
  /** `null` in a values array: Office.js leaves the cell as it is. */
  | { kind: "skip" }
  | { kind: "clear" }
  | { kind: "value"; value: CellValue; impliedFormat?: string }
  | { kind: "formula"; formula: string };

const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?$/i;
const GROUPED_NUMBER = /^[-+]?\d{1,3}(,\d{3})+(\.\d*)?$/;
const PERCENT = /^([-+]?(\d+(\.\d*)?|\.\d+))\s*%$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Text after "+", "-" or "@" that Excel would take as the start of a formula rather than plain text. */
const FORMULA_LIKE = /^[\s(]*([A-Za-z_][A-Za-z0-9_.]*\s*\(|\$?[A-Za-z]{1,3}\$?\d+|[\d.(+-])/;

const EPOCH = Date.UTC(1899, 11, 30);

/** Days since 1899-12-30 (Excel's 1900 date system for dates after 1900-03-01). */
export function isoDateToSerial(year: number, month: number, day: number): number | undefined {
  const time = Date.UTC(year, month - 1, day);
  const date = new Date(time);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return undefined;
  return Math.round((time - EPOCH) / 86_400_000);
}

function parseText(text: string, numberFormat: string): ParsedInput {
  if (text === "") return { kind: "clear" };
  // The apostrophe prefix marks text as literal whatever the cell's format; Excel does not store it.
  if (text.startsWith("'"))
    return text.length === 1 ? { kind: "clear" } : { kind: "value", value: text.slice(1) };
  if (numberFormat === "@") return { kind: "value", value: text };
  const first = text[0];
  if (first === "=" && text.length > 1) return { kind: "formula", formula: text };
  const trimmed = text.trim();
  if (NUMBER.test(trimmed)) {
    // "+1" is kept as the formula "=+1" (value 1), as Excel does when "+" starts an entry.
    if (trimmed.startsWith("+")) return { kind: "formula", formula: `=${trimmed}` };
    return { kind: "value", value: Number(trimmed) };
  }
  if (GROUPED_NUMBER.test(trimmed)) return { kind: "value", value: Number(trimmed.replace(/,/g, "")) };
  const percent = PERCENT.exec(trimmed);
  if (percent) return { kind: "value", value: Number(percent[1]) / 100, impliedFormat: "0%" };
  const iso = ISO_DATE.exec(trimmed);
  if (iso) {
    const serial = isoDateToSerial(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    if (serial !== undefined) return { kind: "value", value: serial, impliedFormat: "yyyy-mm-dd" };
  }
  if (/^(true|false)$/i.test(trimmed)) return { kind: "value", value: trimmed.toUpperCase() === "TRUE" };
  if ((first === "+" || first === "-") && text.length > 1 && FORMULA_LIKE.test(text.slice(1)))
    return { kind: "formula", formula: `=${text}` };
  // "@SUM(A1)": Excel's Lotus-style formula entry; "@" followed by a name or call becomes a formula.
  if (first === "@" && text.length > 1 && /^[A-Za-z_$(]/.test(text.slice(1)))
    return { kind: "formula", formula: `=${text.slice(1)}` };
  return { kind: "value", value: text };
}

/**
 * How Excel stores one entry of a `Range.values` write (or what a person types) into a cell whose number
 * format is `numberFormat`. Strings are interpreted; numbers and booleans pass through; null leaves the cell.
 */
export function parseInput(input: unknown, numberFormat: string): ParsedInput {
  if (input === null || input === undefined) return { kind: "skip" };
  if (typeof input === "number")
    return Number.isFinite(input) ? { kind: "value", value: input } : { kind: "value", value: "#NUM!" };
  if (typeof input === "boolean") return { kind: "value", value: input };
  if (typeof input === "string") return parseText(input, numberFormat);
  if (input instanceof Date) {
    const serial = (input.getTime() - EPOCH) / 86_400_000;
    return { kind: "value", value: serial };
  }
  return { kind: "value", value: String(input) };
}
