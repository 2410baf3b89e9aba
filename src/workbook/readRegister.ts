import type { DataIssue, RegisterData } from "./registerApi";
import { parseRow } from "./records";
import { parseSettings } from "./settingsRows";
import { cellAddress } from "./cells";
import { columnPositions, queueLayout, sheetRowNumber, type TableLayout } from "./tableLayout";
import { RECORD_KINDS, RECORD_TABLES, exchangeRatesTable, settingsTable } from "./tables";

/** Excel refuses to read more than this many cells in one request; stay a little under it. */
export const MAX_CELLS_PER_SYNC = 4_500_000;

interface Block {
  table: string;
  firstRow: number;
  rowCount: number;
  columnCount: number;
}

/** Splits the tables' bodies into reads of at most `limit` cells per sync (whole rows; one block per table when it fits). */
export function planReads(layouts: TableLayout[], limit = MAX_CELLS_PER_SYNC): Block[][] {
  const syncs: Block[][] = [[]];
  let budget = limit;
  for (const layout of layouts) {
    const columnCount = Math.max(layout.headers.length, 1);
    let firstRow = 0;
    while (firstRow < layout.rowCount) {
      let rows = Math.min(layout.rowCount - firstRow, Math.floor(budget / columnCount));
      if (rows <= 0) {
        syncs.push([]);
        budget = limit;
        rows = Math.min(layout.rowCount - firstRow, Math.max(1, Math.floor(budget / columnCount)));
      }
      syncs[syncs.length - 1].push({ table: layout.table, firstRow, rowCount: rows, columnCount });
      budget -= rows * columnCount;
      firstRow += rows;
    }
  }
  return syncs.filter((blocks) => blocks.length > 0);
}

/** Every row of every table in a constant number of syncs: which tables exist, their layout, then their values. */
export async function readRegister(
  context: Excel.RequestContext,
): Promise<{ data: RegisterData; layouts: Map<string, TableLayout> }> {
  const tables = context.workbook.tables.load("items/name");
  await context.sync();
  const existing = new Set(tables.items.map((table) => table.name.toLowerCase()));

  const wanted = [
    ...RECORD_KINDS.map((kind) => ({ table: RECORD_TABLES[kind].table, sheet: RECORD_TABLES[kind].sheet })),
    settingsTable,
    exchangeRatesTable,
  ];
  const issues: DataIssue[] = [];
  const queued = wanted
    .filter((spec) => existing.has(spec.table.toLowerCase()))
    .map((spec) => queueLayout(context, spec.table, spec.sheet));
  await context.sync();
  const layouts = new Map(queued.map((q) => [q.read().table, q.read()]));

  const values = new Map<string, unknown[][]>();
  for (const blocks of planReads([...layouts.values()])) {
    const ranges = blocks.map((block) => {
      const table = context.workbook.tables.getItem(block.table);
      const range = table
        .getDataBodyRange()
        .getRow(block.firstRow)
        .getResizedRange(block.rowCount - 1, 0)
        .load("values");
      return { block, range };
    });
    await context.sync();
    for (const { block, range } of ranges) {
      const rows = values.get(block.table) ?? [];
      for (const row of range.values) rows.push(row);
      values.set(block.table, rows);
    }
  }

  const data: RegisterData = {
    software: [],
    licences: [],
    allocations: [],
    installations: [],
    settings: parseSettings(undefined, undefined).settings,
    issues,
  };
  for (const kind of RECORD_KINDS) {
    const spec = RECORD_TABLES[kind];
    const layout = layouts.get(spec.table);
    if (!layout) {
      issues.push(missingTable(spec.sheet, spec.table, spec.idHeader));
      continue;
    }
    const positions = columnPositions(layout, spec.columns);
    const missing = spec.columns.filter((column, index) => column.field && positions[index] < 0);
    for (const column of missing) {
      issues.push({
        sheet: spec.sheet,
        row: layout.headerRow + 1,
        column: column.header,
        address: cellAddress(layout.headerRow, layout.firstColumn + layout.headers.length),
        message: `The ${spec.sheet} table has no "${column.header}" column. Choose "Set up workbook" to add it back.`,
      });
    }
    if (positions[spec.columns.findIndex((column) => column.field === "id")] < 0) continue;
    const records = data[kind] as unknown[];
    const idAt = positions[spec.columns.findIndex((column) => column.field === "id")];
    // A copied row brings its ID along; saving would then find the first copy, so the later one is an issue.
    const firstRowOf = new Map<string, number>();
    (values.get(spec.table) ?? []).forEach((row, bodyRow) => {
      const parsed = parseRow(spec, layout, positions, row, bodyRow);
      issues.push(...parsed.issues);
      if (!parsed.record) return;
      const id = String(parsed.record.id);
      const first = firstRowOf.get(id);
      if (first === undefined) {
        firstRowOf.set(id, sheetRowNumber(layout, bodyRow));
        records.push(parsed.record);
        return;
      }
      const sheetRow = sheetRowNumber(layout, bodyRow);
      issues.push({
        sheet: spec.sheet,
        row: sheetRow,
        column: spec.idHeader,
        address: cellAddress(sheetRow - 1, layout.firstColumn + idAt),
        message: `${spec.idHeader} ${id} is also used on row ${first}, so this row was skipped. Delete the copy, or add it again from the task pane to give it its own ID.`,
        recordId: id,
      });
    });
  }
  const settingsLayout = layouts.get(settingsTable.table);
  const ratesLayout = layouts.get(exchangeRatesTable.table);
  const settings = parseSettings(
    settingsLayout && { layout: settingsLayout, rows: values.get(settingsTable.table) ?? [] },
    ratesLayout && { layout: ratesLayout, rows: values.get(exchangeRatesTable.table) ?? [] },
  );
  data.settings = settings.settings;
  issues.push(...settings.issues);
  return { data, layouts };
}

function missingTable(sheet: string, table: string, column: string): DataIssue {
  return {
    sheet,
    row: 1,
    column,
    address: "A1",
    message: `The ${sheet} table (${table}) is missing. Choose "Set up workbook" to recreate it.`,
  };
}
