import { excelSerialToIsoDate } from "../domain/dates";

/** How the playground grid shows a cell value, approximating Excel's rendering of the common formats. */
export function displayCell(value: unknown, numberFormat: string | undefined): string {
  if (value === null || value === undefined || value === "") return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number") {
    if (numberFormat && /y/i.test(numberFormat) && /d/i.test(numberFormat))
      return excelSerialToIsoDate(value);
    if (numberFormat?.endsWith("%")) {
      const decimals = /\.(0+)%$/.exec(numberFormat)?.[1].length ?? 0;
      return `${(value * 100).toFixed(decimals)}%`;
    }
    if (numberFormat && numberFormat.includes("0.00")) {
      return value.toLocaleString("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    }
    return Number.isInteger(value) ? String(value) : String(Math.round(value * 1e6) / 1e6);
  }
  return String(value);
}

export function columnLetter(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

export const cellAddress = (row: number, column: number) => `${columnLetter(column)}${row + 1}`;
