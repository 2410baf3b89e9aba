import { type Rect, contains, rect } from "./addresses";
import { errors } from "./errors";
import type { CellValue } from "./inputParsing";
import { type SheetModel, type TableModel, bodyRect } from "./model";
import { checkProtection } from "./protection";
import { valueTypeOf, type WorkbookState } from "./workbookState";

export type SortOrder = "Ascending" | "Descending";

interface RowContent {
  values: CellValue[];
  formulas: (string | undefined)[];
  formats: (string | undefined)[];
}

/** Excel's ascending order of kinds: numbers, text, logical values, errors; blank cells always go last. */
const KIND_RANK: Record<string, number> = { Double: 0, String: 1, Boolean: 2, Error: 3 };
const text = new Intl.Collator("en", { sensitivity: "base" });

/** Excel's default sort order of two non-blank values (Microsoft Support, "Sort data in a range or table"). */
function compareValues(a: CellValue, b: CellValue): number {
  const kindA = KIND_RANK[valueTypeOf(a)];
  const kindB = KIND_RANK[valueTypeOf(b)];
  if (kindA !== kindB) return kindA - kindB;
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "boolean" && typeof b === "boolean") return Number(a) - Number(b);
  if (kindA === KIND_RANK.Error) return 0;
  return text.compare(String(a), String(b));
}

/** The table whose body holds the cell, and the name of the cell's column in it. */
export function tableColumnAt(
  state: WorkbookState,
  sheet: SheetModel,
  cell: Rect,
): { table: TableModel; column: string } | undefined {
  const table = state.tablesOn(sheet.id).find((t) => contains(bodyRect(t), cell));
  return table && { table, column: table.columns[cell.column - table.rect.column].name };
}

/**
 * A person sorting a table's rows by one column, as the header's "Sort A to Z" does: the body's rows move whole
 * within the table's columns (values, formulas and number formats), in a stable order, blanks last either way.
 * Formulas move as they are: right for structured references (`[@Column]`, which the register's computed
 * columns use); Excel would also adjust relative A1 references, which the host does not. Each run of rows that
 * moved is recorded as a sort; together they are the address Excel's onRowSorted gives ("only rows changed as a
 * result of the sort operation"). No onChanged is raised (see README.md). Returns whether any row moved.
 */
export function sortTableRows(
  state: WorkbookState,
  sheet: SheetModel,
  table: TableModel,
  columnName: string,
  order: SortOrder,
): boolean {
  const column = table.columns.findIndex((c) => c.name.toLowerCase() === columnName.toLowerCase());
  if (column === -1) throw errors.itemNotFound(`Table column ${columnName}`);
  const body = bodyRect(table);
  checkProtection(sheet, "sort", body, "sort");
  const { cells } = sheet;
  const rows: RowContent[] = [];
  for (let r = body.row; r < body.row + body.rowCount; r++) {
    const content: RowContent = { values: [], formulas: [], formats: [] };
    for (let c = body.column; c < body.column + body.columnCount; c++) {
      content.values.push(cells.value(r, c));
      content.formulas.push(cells.formula(r, c));
      content.formats.push(cells.ownFormat(r, c));
    }
    rows.push(content);
  }
  const direction = order === "Descending" ? -1 : 1;
  const sorted = rows
    .map((row, at) => ({ row, at }))
    .sort((a, b) => {
      const x = a.row.values[column];
      const y = b.row.values[column];
      if (x === "" || y === "") return x === y ? a.at - b.at : x === "" ? 1 : -1;
      return direction * compareValues(x, y) || a.at - b.at;
    });
  let moved = false;
  // each run of rows that moved is one area of the sort's address
  let runStart: number | undefined;
  const endRun = (end: number) => {
    if (runStart === undefined) return;
    const area = rect(body.row + runStart, body.column, end - runStart, body.columnCount);
    state.record({
      sheetId: sheet.id,
      tableId: table.id,
      rect: area,
      changeType: "RangeEdited",
      sorted: true,
    });
    runStart = undefined;
  };
  sorted.forEach(({ row, at }, to) => {
    if (at === to) return endRun(to);
    moved = true;
    runStart ??= to;
    for (let j = 0; j < body.columnCount; j++) {
      const [r, c] = [body.row + to, body.column + j];
      if (row.values[j] === "" && row.formulas[j] === undefined) cells.clearContents(r, c);
      else cells.setCell(r, c, row.values[j], row.formulas[j]);
      cells.setFormat(r, c, row.formats[j]);
    }
  });
  endRun(sorted.length);
  return moved;
}
