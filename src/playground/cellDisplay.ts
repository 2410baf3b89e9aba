import { displayText } from "../host/displayText";

/**
 * How the playground grid shows a cell: as the in-memory Excel's Range.text does, so the grid, the host and
 * the tests that read Range.text agree (81.25% under "0.0##%", 0.7900 under "0.0000").
 */
export function displayCell(value: unknown, numberFormat: string | undefined): string {
  if (value === null || value === undefined || value === "") return "";
  if (typeof value === "number" || typeof value === "boolean")
    return displayText(value, numberFormat ?? "General");
  return String(value);
}

export function columnLetter(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

export const cellAddress = (row: number, column: number) => `${columnLetter(column)}${row + 1}`;
