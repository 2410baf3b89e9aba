import type { CellValue } from "./inputParsing";

/**
 * Range.text: a value as a cell displays it under its number format. Covers the formats the register uses
 * (General, "@", "0", "0.00", "#,##0", "#,##0.00", "0%", "0.0##%", date patterns with yyyy/mm/dd) and, after the
 * point, any run of "0" then "#"; other formats fall back to General. Column width (####) is not simulated.
 */

const EPOCH = Date.UTC(1899, 11, 30);

function general(value: number): string {
  if (Number.isInteger(value)) return String(value);
  const text = String(Number(value.toPrecision(10)));
  return text.length > 11 ? value.toExponential(5).replace("e+", "E+").replace("e-", "E-") : text;
}

/**
 * A number under a format of digit placeholders (README, "Displayed text"): rounded to as many decimals as there
 * are placeholders after the point; a "0" there always shows a digit, a "#" only a digit that is not a trailing
 * zero. Before the point each "0" is a digit always shown ("00" shows 5 as "05"); with only "#" there, a number
 * below 1 starts with the point (".5", and 0 under "#" shows nothing). The point stays even when no digit follows
 * it ("0.#" shows 80 as "80.").
 */
function placeholders(
  value: number,
  format: { integer: string; point: boolean; shown: number; optional: number },
): string {
  const text = numberFormatter(format).format(value);
  const withPoint = format.point && !text.includes(".") ? `${text}.` : text;
  return format.integer.includes("0") ? withPoint : withPoint.replace(/^(-?)0(?=\.|$)/, "$1");
}

/**
 * The formatter for a placeholder format, made once: toLocaleString with options builds a new formatter on every
 * call, which made drawing a sheet of figures (the playground's grid at 100,000 licences) take tens of ms.
 */
const formatters = new Map<string, Intl.NumberFormat>();

function numberFormatter(format: { integer: string; shown: number; optional: number }): Intl.NumberFormat {
  const key = `${format.integer}|${format.shown}|${format.optional}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat("en-US", {
      minimumIntegerDigits: Math.max(1, format.integer.replace(/[^0]/g, "").length),
      minimumFractionDigits: format.shown,
      maximumFractionDigits: format.shown + format.optional,
      useGrouping: format.integer.includes(","),
    });
    formatters.set(key, formatter);
  }
  return formatter;
}

function date(serial: number, format: string): string {
  const d = new Date(EPOCH + Math.round(serial * 86_400_000));
  const pad = (n: number, width = 2) => String(n).padStart(width, "0");
  return format
    .replace(/yyyy/gi, String(d.getUTCFullYear()))
    .replace(/yy/gi, pad(d.getUTCFullYear() % 100))
    .replace(/mm/gi, pad(d.getUTCMonth() + 1))
    .replace(/(?<![a-z])m(?![a-z])/gi, String(d.getUTCMonth() + 1))
    .replace(/dd/gi, pad(d.getUTCDate()))
    .replace(/(?<![a-z])d(?![a-z])/gi, String(d.getUTCDate()));
}

export function displayText(value: CellValue, numberFormat: string): string {
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  const format = numberFormat
    .split(";")[0]
    .replace(/\[[^\]]*\]/g, "")
    .replace(/"[^"]*"/g, "")
    .trim();
  if (format === "@" || format === "" || /^general$/i.test(format)) return general(value);
  if (/[yd]/i.test(format) || /^m+[/-]/i.test(format)) return date(value, format);
  const percent = format.endsWith("%");
  const parts = /^([#0,]*)(?:(\.)(0*)(#*))?$/.exec(percent ? format.slice(0, -1) : format);
  if (!parts) return general(value);
  const [, integer, point, shown = "", optional = ""] = parts;
  const text = placeholders(percent ? value * 100 : value, {
    integer,
    point: point !== undefined,
    shown: shown.length,
    optional: optional.length,
  });
  return percent ? `${text}%` : text;
}
