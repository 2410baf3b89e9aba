import {
  MAX_COLUMNS,
  MAX_ROWS,
  type Rect,
  intersect,
  isWholeColumns,
  isWholeRows,
  lastColumn,
  lastRow,
  rect,
} from "./addresses";
import { errors } from "./errors";
import { checkProtection } from "./protection";
import { type SheetModel, type TableModel, bodyRect, headerRect } from "./model";
import { shiftRectRows } from "./rangeAttributes";
import { type GridInput, type WorkbookState, uniqueName } from "./workbookState";

/**
 * Structural edits: Range.delete / Range.insert, table rows and columns added or deleted. Cells move as in
 * Excel, and tables, validation and formats move with them. Moving part of a table is refused, as Excel
 * refuses it ("This operation is not allowed because it would move cells in a table on your worksheet.").
 */

const MOVES_TABLE = "This operation is not allowed because it would move cells in a table on your worksheet.";

function columnsWithin(table: TableModel, c0: number, c1: number): boolean {
  return table.rect.column >= c0 && lastColumn(table.rect) <= c1;
}

function rowsWithin(table: TableModel, r0: number, r1: number): boolean {
  return table.rect.row >= r0 && lastRow(table.rect) <= r1;
}

/** Tables a vertical shift at `at` over columns [c0, c1] would move or resize; refuses partial moves. */
function tablesMovedVertically(
  state: WorkbookState,
  sheet: SheetModel,
  at: number,
  c0: number,
  c1: number,
): TableModel[] {
  const moved: TableModel[] = [];
  const area = rect(at, c0, MAX_ROWS - at, c1 - c0 + 1);
  for (const table of state.tablesOn(sheet.id)) {
    if (!intersect(table.rect, area)) continue;
    if (!columnsWithin(table, c0, c1)) throw errors.invalidOperation("Range", MOVES_TABLE);
    moved.push(table);
  }
  return moved;
}

/** New body rows [from, from + count): formats from the row above, calculated-column formulas. */
function fillNewRows(
  state: WorkbookState,
  sheet: SheetModel,
  table: TableModel,
  from: number,
  count: number,
): void {
  const c0 = table.rect.column;
  const c1 = lastColumn(table.rect);
  const source = from - 1 >= bodyRect(table).row ? from - 1 : from + count;
  for (let r = from; r < from + count; r++) sheet.cells.copyFormats(source, r, c0, c1, true);
  table.columns.forEach((column, i) => {
    const formula = column.calculatedFormula;
    if (formula === undefined) return;
    for (let r = from; r < from + count; r++)
      sheet.cells.setCell(r, c0 + i, state.evaluate(sheet, r, c0 + i, formula), formula);
  });
}

function deleteRows(state: WorkbookState, sheet: SheetModel, area: Rect): void {
  const c0 = area.column;
  const c1 = lastColumn(area);
  const n = area.rowCount;
  const tables = tablesMovedVertically(state, sheet, area.row, c0, c1);
  for (const table of tables) {
    const header = headerRect(table);
    if (header && intersect(header, area) && !rowsWithin(table, area.row, lastRow(area)))
      throw errors.invalidOperation("Range.delete", MOVES_TABLE);
  }
  const before = new Map(tables.map((table) => [table, { ...table.rect }]));
  sheet.cells.shiftRows(area.row, -n, c0, c1);
  sheet.attributes.shiftRows(area.row, -n, c0, c1);
  for (const table of tables) {
    const old = before.get(table)!;
    const moved = shiftRectRows(old, area.row, -n, c0, c1);
    if (!moved || (table.showHeaders && moved.rowCount < 1)) {
      state.tables.splice(state.tables.indexOf(table), 1);
      continue;
    }
    table.rect = moved;
    const deleted = intersect(old, area);
    if (deleted) {
      // A table keeps at least one body row: put back a blank one if every row went.
      const bodyRows = table.rect.rowCount - (table.showHeaders ? 1 : 0) - (table.showTotals ? 1 : 0);
      if (bodyRows < 1) {
        const at = table.rect.row + (table.showHeaders ? 1 : 0);
        sheet.cells.shiftRows(at, 1, table.rect.column, lastColumn(table.rect));
        sheet.attributes.shiftRows(at, 1, table.rect.column, lastColumn(table.rect));
        table.rect = { ...table.rect, rowCount: table.rect.rowCount + 1 };
      }
      state.record({ sheetId: sheet.id, tableId: table.id, rect: deleted, changeType: "RowDeleted" });
    }
  }
  state.record({
    sheetId: sheet.id,
    rect: area,
    changeType: isWholeRows(area) ? "RowDeleted" : "CellDeleted",
  });
}

function insertRows(state: WorkbookState, sheet: SheetModel, area: Rect): void {
  const c0 = area.column;
  const c1 = lastColumn(area);
  const n = area.rowCount;
  const tables = tablesMovedVertically(state, sheet, area.row, c0, c1);
  sheet.cells.shiftRows(area.row, n, c0, c1);
  sheet.attributes.shiftRows(area.row, n, c0, c1);
  for (const table of tables) {
    const grows = table.rect.row < area.row && lastRow(table.rect) >= area.row;
    table.rect = shiftRectRows(table.rect, area.row, n, c0, c1)!;
    if (grows) {
      fillNewRows(state, sheet, table, area.row, n);
      state.record({
        sheetId: sheet.id,
        tableId: table.id,
        rect: rect(area.row, table.rect.column, n, table.rect.columnCount),
        changeType: "RowInserted",
      });
    }
  }
  state.record({
    sheetId: sheet.id,
    rect: area,
    changeType: isWholeRows(area) ? "RowInserted" : "CellInserted",
  });
}

/** Tables a horizontal shift at column `at` over rows [r0, r1] would move or resize. */
function tablesMovedHorizontally(
  state: WorkbookState,
  sheet: SheetModel,
  at: number,
  r0: number,
  r1: number,
): TableModel[] {
  const moved: TableModel[] = [];
  const area = rect(r0, at, r1 - r0 + 1, MAX_COLUMNS - at);
  for (const table of state.tablesOn(sheet.id)) {
    if (!intersect(table.rect, area)) continue;
    if (!rowsWithin(table, r0, r1)) throw errors.invalidOperation("Range", MOVES_TABLE);
    moved.push(table);
  }
  return moved;
}

function deleteColumns(state: WorkbookState, sheet: SheetModel, area: Rect): void {
  const r0 = area.row;
  const r1 = lastRow(area);
  const n = area.columnCount;
  const tables = tablesMovedHorizontally(state, sheet, area.column, r0, r1);
  sheet.cells.shiftColumns(area.column, -n, r0, r1);
  for (const table of tables) {
    const cut = intersect(table.rect, area);
    if (!cut) {
      table.rect = { ...table.rect, column: table.rect.column - n };
      continue;
    }
    if (cut.columnCount === table.rect.columnCount) {
      state.tables.splice(state.tables.indexOf(table), 1);
      continue;
    }
    const first = cut.column - table.rect.column;
    table.columns.splice(first, cut.columnCount);
    table.rect = {
      ...table.rect,
      column: Math.min(table.rect.column, area.column),
      columnCount: table.rect.columnCount - cut.columnCount,
    };
    state.record({ sheetId: sheet.id, tableId: table.id, rect: cut, changeType: "ColumnDeleted" });
  }
  state.record({
    sheetId: sheet.id,
    rect: area,
    changeType: isWholeColumns(area) ? "ColumnDeleted" : "CellDeleted",
  });
}

function insertColumns(state: WorkbookState, sheet: SheetModel, area: Rect, names?: string[]): void {
  const r0 = area.row;
  const r1 = lastRow(area);
  const n = area.columnCount;
  const tables = tablesMovedHorizontally(state, sheet, area.column, r0, r1);
  sheet.cells.shiftColumns(area.column, n, r0, r1);
  for (const table of tables) {
    if (table.rect.column >= area.column) {
      table.rect = { ...table.rect, column: table.rect.column + n };
      continue;
    }
    const index = area.column - table.rect.column;
    const taken = table.columns.map((column) => column.name);
    const added = Array.from({ length: n }, (_, i) => {
      const name = uniqueName(names?.[i] ?? `Column${table.nextColumnId}`, taken);
      taken.push(name);
      return { id: table.nextColumnId++, name };
    });
    table.columns.splice(index, 0, ...added);
    table.rect = { ...table.rect, columnCount: table.rect.columnCount + n };
    const header = headerRect(table);
    if (header) added.forEach((column, i) => sheet.cells.setCell(header.row, area.column + i, column.name));
    state.record({
      sheetId: sheet.id,
      tableId: table.id,
      rect: rect(table.rect.row, area.column, table.rect.rowCount, n),
      changeType: "ColumnInserted",
    });
  }
  state.record({
    sheetId: sheet.id,
    rect: area,
    changeType: isWholeColumns(area) ? "ColumnInserted" : "CellInserted",
  });
}

export function deleteCells(state: WorkbookState, sheet: SheetModel, area: Rect, shift: string): void {
  checkProtection(
    sheet,
    shift === "Up" && isWholeRows(area) ? "deleteRows" : "structure",
    area,
    "Range.delete",
  );
  if (shift === "Up") deleteRows(state, sheet, area);
  else if (shift === "Left") deleteColumns(state, sheet, area);
  else throw errors.invalidArgument("Range.delete", `Unknown shift direction "${shift}".`);
}

export function insertCells(state: WorkbookState, sheet: SheetModel, area: Rect, shift: string): void {
  checkProtection(
    sheet,
    shift === "Down" && isWholeRows(area) ? "insertRows" : "structure",
    area,
    "Range.insert",
  );
  if (shift === "Down") insertRows(state, sheet, area);
  else if (shift === "Right") insertColumns(state, sheet, area);
  else throw errors.invalidArgument("Range.insert", `Unknown shift direction "${shift}".`);
}

/**
 * TableRowCollection.add: inserts whole table rows (cells below the table in its columns move down) at
 * `index` or at the end, then writes the values. Returns the index of the first new row.
 */
export function addTableRows(
  state: WorkbookState,
  table: TableModel,
  index: number | null | undefined,
  values: GridInput | undefined,
): number {
  const sheet = state.requireSheet(table.sheetId);
  checkProtection(sheet, "structure", table.rect, "TableRowCollection.add");
  const body = bodyRect(table);
  const count = Array.isArray(values) ? values.length : 1;
  if (count === 0) throw errors.invalidArgument("TableRowCollection.add");
  const at = index === null || index === undefined ? lastRow(body) + 1 : body.row + index;
  if (at < body.row || at > lastRow(body) + 1)
    throw errors.invalidArgument("TableRowCollection.add", "The index is out of range.");
  const area = rect(at, table.rect.column, count, table.rect.columnCount);
  if (at > lastRow(table.rect)) {
    // Appending: move whatever is under the table down, then extend the table over the gap.
    tablesMovedVertically(state, sheet, at, area.column, lastColumn(area)).forEach((other) => {
      other.rect = shiftRectRows(other.rect, at, count, area.column, lastColumn(area))!;
    });
    sheet.cells.shiftRows(at, count, area.column, lastColumn(area));
    sheet.attributes.shiftRows(at, count, area.column, lastColumn(area));
    const oldLast = lastRow(table.rect);
    for (let r = oldLast + 1; r <= oldLast + count; r++)
      sheet.cells.copyFormats(oldLast, r, area.column, lastColumn(area), true);
    sheet.attributes.extendDown(oldLast, oldLast + count, area.column, lastColumn(area));
    table.rect = { ...table.rect, rowCount: table.rect.rowCount + count };
    fillNewRows(state, sheet, table, at, count);
    state.record({ sheetId: sheet.id, tableId: table.id, rect: area, changeType: "RowInserted" });
  } else {
    insertRows(state, sheet, area);
  }
  if (values !== undefined) state.write(sheet, area, "values", values, "TableRowCollection.add");
  return at - body.row;
}

/** Deletes `count` body rows from `index`. */
export function deleteTableRows(state: WorkbookState, table: TableModel, index: number, count: number): void {
  checkProtection(state.requireSheet(table.sheetId), "structure", table.rect, "TableRow.delete");
  const body = bodyRect(table);
  if (index < 0 || count < 1 || index + count > body.rowCount)
    throw errors.invalidArgument("TableRow.delete", "The index is out of range.");
  deleteRows(
    state,
    state.requireSheet(table.sheetId),
    rect(body.row + index, table.rect.column, count, table.rect.columnCount),
  );
}

/** TableColumnCollection.add: a new column at `index` (or at the right end), named, optionally with values. */
export function addTableColumn(
  state: WorkbookState,
  table: TableModel,
  index: number | null | undefined,
  values: GridInput | undefined,
  name: string | undefined,
): number {
  const sheet = state.requireSheet(table.sheetId);
  checkProtection(sheet, "structure", table.rect, "TableColumnCollection.add");
  const position = index === null || index === undefined ? table.rect.columnCount : index;
  if (position < 0 || position > table.rect.columnCount)
    throw errors.invalidArgument("TableColumnCollection.add", "The index is out of range.");
  if (Array.isArray(values) && values.length !== table.rect.rowCount)
    throw errors.dimensionMismatch("TableColumnCollection.add");
  const column = table.rect.column + position;
  const headerValue = Array.isArray(values) && table.showHeaders ? (values[0] as unknown[])?.[0] : undefined;
  const wanted =
    name ??
    (headerValue !== undefined && headerValue !== null && headerValue !== ""
      ? String(headerValue)
      : undefined);
  if (position === table.rect.columnCount) {
    // At the right end: cells to the right move right, then the table takes in the new column.
    const r0 = table.rect.row;
    const r1 = lastRow(table.rect);
    for (const other of tablesMovedHorizontally(state, sheet, column, r0, r1))
      if (other !== table) other.rect = { ...other.rect, column: other.rect.column + 1 };
    sheet.cells.shiftColumns(column, 1, r0, r1);
    const names = table.columns.map((c) => c.name);
    const added = {
      id: table.nextColumnId++,
      name: uniqueName(wanted ?? `Column${table.columns.length + 1}`, names),
    };
    table.columns.push(added);
    table.rect = { ...table.rect, columnCount: table.rect.columnCount + 1 };
    const header = headerRect(table);
    if (header) sheet.cells.setCell(header.row, column, added.name);
    state.record({
      sheetId: sheet.id,
      tableId: table.id,
      rect: rect(r0, column, table.rect.rowCount, 1),
      changeType: "ColumnInserted",
    });
  } else {
    insertColumns(
      state,
      sheet,
      rect(table.rect.row, column, table.rect.rowCount, 1),
      wanted === undefined ? undefined : [wanted],
    );
  }
  if (Array.isArray(values)) {
    const body = bodyRect(table);
    const bodyValues = (values as unknown[][]).slice(
      table.showHeaders ? 1 : 0,
      (table.showHeaders ? 1 : 0) + body.rowCount,
    );
    state.write(
      sheet,
      rect(body.row, column, body.rowCount, 1),
      "values",
      bodyValues,
      "TableColumnCollection.add",
    );
  }
  return position;
}
