import type { RecordKind } from "../domain/ids";
import { duplicateIdIssue } from "./duplicateIds";
import { parseRow } from "./records";
import { readPaged } from "./pagedRead";
import type { DataIssue, TableRows } from "./registerApi";
import { columnPositions, queueLayout, sheetRowNumber } from "./tableLayout";
import { RECORD_TABLES } from "./tables";

const A1_ROWS = /^\$?[A-Z]{0,3}\$?(\d+)(?::\$?[A-Z]{0,3}\$?(\d+))?$/i;
const A1_COLUMNS = /^\$?([A-Z]{1,3})\$?\d*(?::\$?([A-Z]{1,3})\$?\d*)?$/i;

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Zero-based sheet rows and columns an A1 address (no sheet name) covers; undefined when it is not one. */
export function addressSpan(
  address: string,
): { firstRow: number; lastRow: number; firstColumn?: number; lastColumn?: number } | undefined {
  const local = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const rows = A1_ROWS.exec(local.trim());
  if (!rows) return undefined;
  const firstRow = Number(rows[1]) - 1;
  const lastRow = Number(rows[2] ?? rows[1]) - 1;
  const columns = A1_COLUMNS.exec(local.trim());
  if (!columns) return { firstRow, lastRow };
  const firstColumn = columnNumber(columns[1]);
  return { firstRow, lastRow, firstColumn, lastColumn: columnNumber(columns[2] ?? columns[1]) };
}

/**
 * Reads the records in the body rows of a record table that an address on its sheet covers (the address an
 * onChanged event gives), or every body row when no address is given. Rows are parsed exactly as a load
 * parses them, so a record read here equals the record a full load would give. Two syncs for a few rows;
 * more rows are read in pages within Excel's response limit (pagedRead), never a whole table at once.
 */
export async function readTableRows(
  context: Excel.RequestContext,
  kind: RecordKind,
  address?: string,
): Promise<TableRows> {
  const spec = RECORD_TABLES[kind];
  const queued = queueLayout(context, spec.table, spec.sheet);
  await context.sync();
  const layout = queued.read();
  const positions = columnPositions(layout, spec.columns);
  const idPosition = positions[spec.columns.findIndex((column) => column.field === "id")];
  let first = 0;
  let last = layout.rowCount - 1;
  let touchesIdColumn = true;
  if (address !== undefined) {
    const span = addressSpan(address);
    if (!span) throw new Error(`"${address}" is not an address on the ${spec.sheet} sheet.`);
    first = Math.max(first, span.firstRow - layout.headerRow - 1);
    last = Math.min(last, span.lastRow - layout.headerRow - 1);
    if (span.firstColumn !== undefined && span.lastColumn !== undefined) {
      const idColumn = layout.firstColumn + idPosition;
      touchesIdColumn = span.firstColumn <= idColumn && idColumn <= span.lastColumn;
    }
  }
  const rows: (Record<string, unknown> | undefined)[] = [];
  const issues: DataIssue[] = [];
  const firstRowOf = address === undefined ? new Map<string, number>() : undefined;
  if (first <= last) {
    await readPaged(
      context,
      [{ layout, firstRow: first, rowCount: last - first + 1 }],
      (_span, from, page) => {
        page.forEach((row, index) => {
          const bodyRow = from + index;
          const parsed = parseRow(spec, layout, positions, row, bodyRow);
          issues.push(...parsed.issues);
          const id = parsed.record && String(parsed.record.id);
          const earlier = id === undefined ? undefined : firstRowOf?.get(id);
          if (id !== undefined && earlier !== undefined) {
            issues.push(duplicateIdIssue(spec, layout, idPosition, id, bodyRow, earlier));
            rows.push(undefined);
            return;
          }
          if (id !== undefined) firstRowOf?.set(id, bodyRow);
          rows.push(parsed.record);
        });
      },
    );
  }
  return {
    kind,
    rowCount: layout.rowCount,
    firstBodyRow: first,
    firstSheetRow: sheetRowNumber(layout, first),
    rows,
    issues,
    touchesIdColumn,
  };
}
