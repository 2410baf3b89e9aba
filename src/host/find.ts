import { type Rect, lastColumn, lastRow } from "./addresses";
import { displayText } from "./displayText";
import { errors } from "./errors";
import type { SheetModel } from "./model";

/**
 * Range.find / findOrNullObject (ExcelApi 1.9). Each choice and its source is listed in README.md ("Find").
 * Matches a cell's value as text (strings as they are, numbers and booleans as displayed), with Excel's find
 * wildcards: `*` any run of characters, `?` one character, `~` before either (or before `~`) for the character
 * itself.
 */
export interface FindCriteria {
  completeMatch?: boolean;
  matchCase?: boolean;
  searchDirection?: "Forward" | "Backwards" | Excel.SearchDirection;
}

function matcher(text: string, criteria: FindCriteria): (cell: string) => boolean {
  let pattern = "";
  let wildcards = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "~" && i + 1 < text.length && "*?~".includes(text[i + 1])) {
      pattern += `\\${text[++i]}`;
    } else if (ch === "*") {
      pattern += "[\\s\\S]*";
      wildcards = true;
    } else if (ch === "?") {
      pattern += "[\\s\\S]";
      wildcards = true;
    } else pattern += ch.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
  }
  const complete = criteria.completeMatch === true;
  const matchCase = criteria.matchCase === true;
  if (!wildcards && complete) {
    const literal = text.replace(/~([*?~])/g, "$1");
    if (matchCase) return (cell) => cell === literal;
    const lower = literal.toLowerCase();
    return (cell) => cell.length === literal.length && cell.toLowerCase() === lower;
  }
  const regex = new RegExp(complete ? `^${pattern}$` : pattern, matchCase ? "" : "i");
  return (cell) => regex.test(cell);
}

/**
 * The first cell of `area` matching `text`, or null. A single-cell area searches the whole sheet starting
 * after that cell and wrapping round, as the docs say; a larger area is searched in row order starting after
 * its top-left cell, so the top-left cell is looked at last (the stricter reading; VBA's Range.Find does so).
 */
export function findCell(
  sheet: SheetModel,
  area: Rect,
  text: string,
  criteria: FindCriteria = {},
): Rect | null {
  if (typeof text !== "string" || text === "")
    throw errors.invalidArgument("Range.find", "The text to find is empty.");
  const matches = matcher(text, criteria);
  const backwards = criteria.searchDirection === "Backwards";
  let region = area;
  if (area.rowCount === 1 && area.columnCount === 1) {
    const used = sheet.cells.usedRect(true);
    if (!used) return null;
    region = {
      row: Math.min(used.row, area.row),
      column: Math.min(used.column, area.column),
      rowCount: Math.max(lastRow(used), area.row) - Math.min(used.row, area.row) + 1,
      columnCount: Math.max(lastColumn(used), area.column) - Math.min(used.column, area.column) + 1,
    };
  }
  const width = region.columnCount;
  const total = region.rowCount * width;
  const start = (area.row - region.row) * width + (area.column - region.column);
  const { cells } = sheet;
  for (let step = 1; step <= total; step++) {
    const index = (((backwards ? start - step : start + step) % total) + total) % total;
    const row = region.row + Math.floor(index / width);
    const column = region.column + (index % width);
    const value = cells.value(row, column);
    if (value === "") continue;
    const shown = typeof value === "string" ? value : displayText(value, cells.format(row, column));
    if (matches(shown)) return { row, column, rowCount: 1, columnCount: 1 };
  }
  return null;
}
