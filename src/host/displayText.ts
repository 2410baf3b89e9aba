import type { CellValue } from "./inputParsing";

/**
 * Range.text: a value as a cell displays it under its number format. Covers the formats the register uses
 * (General, "@", "0", "0.00", "#,##0", "#,##0.00", "0%", "0.0%", date patterns with yyyy/mm/dd); other formats fall
 * back to General. Column width (####) is not simulated.
 */

const EPOCH = Date.UTC(1899, 11, 30);

function general(value: number): string {
  if (Number.isInteger(value)) return String(value);
  const text = String(Number(value.toPrecision(10)));
  return text.length > 11 ? value.toExponential(5).replace("e+", "E+").replace("e-", "E-") : text;
}

function fixed(value: number, decimals: number, grouped: boolean): string {
  return value.toLocaleString("en-US", {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
    useGrouping: grouped,
  });
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
  const core = percent ? format.slice(0, -1) : format;
  const decimals = /\.(0+)/.exec(core)?.[1].length ?? 0;
  const grouped = core.includes(",");
  if (/^[#0,]*(\.0+)?$/.test(core))
    return fixed(percent ? value * 100 : value, decimals, grouped) + (percent ? "%" : "");
  return general(value);
}
