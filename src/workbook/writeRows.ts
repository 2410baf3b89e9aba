import type { Progress } from "./registerApi";
import { heldCell, type CellValue } from "./cells";
import { chunkBySize, estimateRowBytes } from "./payload";
import { recordCells } from "./records";
import { columnPositions, queueLayout, type TableLayout } from "./tableLayout";
import type { RecordTableSpec } from "./tables/types";

/** A record's cells laid out in the sheet's column order; columns the register does not know are left blank. */
export function rowForLayout(
  spec: RecordTableSpec,
  positions: number[],
  layout: TableLayout,
  record: Record<string, unknown>,
): CellValue[] {
  const row: CellValue[] = new Array<CellValue>(layout.headers.length).fill("");
  const cells = recordCells(spec, record);
  positions.forEach((position, index) => {
    if (position >= 0) row[position] = cells[index];
  });
  return row;
}

function isBlank(values: readonly unknown[], positions: number[], spec: RecordTableSpec): boolean {
  return spec.columns.every(
    (column, index) => column.formula || positions[index] < 0 || values[positions[index]] === "",
  );
}

/**
 * The table's layout for an append, and the cells of its first body row when that may be the one empty row of
 * a new table. A layout the caller read in its own request just before (`known`, the add's look-up of its IDs)
 * saves a round trip; a table of one body row is read again, with that row.
 */
async function layoutForAppend(
  context: Excel.RequestContext,
  spec: RecordTableSpec,
  known: TableLayout | undefined,
): Promise<{ layout: TableLayout; firstBodyRow?: unknown[] }> {
  if (known && known.rowCount !== 1) return { layout: known };
  const queued = queueLayout(context, spec.table, spec.sheet);
  const firstBodyRow = queued.table.getHeaderRowRange().getOffsetRange(1, 0).load("values");
  await context.sync();
  const layout = queued.read();
  return { layout, firstBodyRow: layout.rowCount === 1 ? (firstBodyRow.values[0] ?? []) : undefined };
}

/**
 * Appends records below the table with Range writes (never TableRowCollection.add, which Microsoft documents
 * as causing co-authoring merge conflicts). The position is resolved by Excel when each request runs, so
 * co-authors appending at the same time each get their own rows.
 *
 * A new table has one empty body row; the first record goes into it. Co-authors may do that at the same moment,
 * so that write also reads the row as it was just before (same request, queued before the write): whoever
 * overwrote a row holds its previous content and appends it below the table exactly as it was (text stays
 * text, a formula stays that formula: heldCell), so nothing is lost (the displaced row moves to the end) and
 * nothing is duplicated.
 */
export async function appendRecords(
  context: Excel.RequestContext,
  spec: RecordTableSpec,
  records: Record<string, unknown>[],
  onProgress?: Progress,
  known?: TableLayout,
): Promise<void> {
  const { layout, firstBodyRow } = await layoutForAppend(context, spec, known);
  const positions = columnPositions(layout, spec.columns);
  const rows = records.map((record) => rowForLayout(spec, positions, layout, record));

  let pending = rows;
  if (firstBodyRow && isBlank(firstBodyRow, positions, spec) && rows.length > 0) {
    // loaded before the write in the same request, so it shows the row as it was when the request ran
    const table = context.workbook.tables.getItem(spec.table);
    const preImage = table.getDataBodyRange().getRow(0).load("values,formulas");
    table.getDataBodyRange().getRow(0).values = [rows[0]];
    context.application.suspendApiCalculationUntilNextSync();
    await context.sync();
    pending = rows.slice(1);
    const displaced = preImage.values[0] ?? [];
    if (!isBlank(displaced, positions, spec)) {
      context.workbook.tables.getItem(spec.table).getDataBodyRange().getRowsBelow(1).values = [
        displaced.map((value, i) => heldCell(value, preImage.formulas[0]?.[i])),
      ];
      await context.sync();
    }
    onProgress?.(`Added 1 of ${rows.length}`, 1 / rows.length);
  }

  let done = rows.length - pending.length;
  for (const chunk of chunkBySize(pending, estimateRowBytes)) {
    context.application.suspendApiCalculationUntilNextSync();
    context.workbook.tables.getItem(spec.table).getDataBodyRange().getRowsBelow(chunk.length).values = chunk;
    await context.sync();
    done += chunk.length;
    onProgress?.(`Added ${done} of ${rows.length}`, done / rows.length);
  }
}
