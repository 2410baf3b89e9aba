import { type Rect, lastColumn, lastRow, parseAddress } from "./addresses";
import { displayText } from "./displayText";
import type { SheetModel } from "./model";
import type { WorkbookState } from "./workbookState";

/**
 * The choices of a cell's list validation, as its in-cell dropdown shows them: the source's items when the
 * source is a list ("a,b,c"), or the displayed text of the non-blank cells of the range it names
 * ("=Lists!$A$2:$A$5"). Undefined when the cell has no list validation with an in-cell dropdown.
 */
export function listChoices(state: WorkbookState, sheet: SheetModel, cell: Rect): string[] | undefined {
  const list = sheet.attributes.validationAt(cell)?.rule?.list;
  if (!list || list.inCellDropDown === false) return undefined;
  const source = String(list.source ?? "").trim();
  if (!source.startsWith("="))
    return source
      .split(",")
      .map((item) => item.trim())
      .filter((item) => item !== "");
  const parsed = parseAddress(source.slice(1).replace(/\$/g, ""));
  if (!parsed) return [];
  const from = parsed.sheet === undefined ? sheet : state.sheetByName(parsed.sheet);
  if (!from) return [];
  const choices: string[] = [];
  const lastUsed = Math.min(lastRow(parsed.rect), from.cells.lastRowIndex());
  for (let r = parsed.rect.row; r <= lastUsed; r++)
    for (let c = parsed.rect.column; c <= lastColumn(parsed.rect); c++) {
      const value = from.cells.value(r, c);
      if (value !== "") choices.push(displayText(value, from.cells.format(r, c)));
    }
  return choices;
}
