import { readPaged } from "./pagedRead";
import { columnPositions, positionOf, queueLayout, type TableLayout } from "./tableLayout";
import type { RecordTableSpec } from "./tables/types";

/**
 * Finding records' rows by ID without reading whole columns. For a few IDs, one small request whatever the
 * table's size: Range.find on the ID column (ExcelApi 1.9), and the ID cell of the row where the record was
 * last seen (the register remembers it), which also covers rows find can miss (a cell with stray spaces).
 * Only IDs neither finds, in an Excel without find, or more than MOST_FINDS IDs at once, read the ID column
 * alone in pages. Either way the body row is a lead: the caller reads that row and checks its ID.
 */

/** Up to this many IDs are looked up one find each; more read the ID column (finds scan it once each). */
export const MOST_FINDS = 50;

export interface Located {
  table: Excel.Table;
  layout: TableLayout;
  /** Position in the table of each spec column (-1 when missing). */
  positions: number[];
  idAt: number;
  versionAt: number;
  /** Body row of each ID found (its first row when copies exist); IDs not found are absent. */
  rowOf: Map<string, number>;
}

export interface LocateOptions {
  /** Whether Range.find can be used (ExcelApi 1.9). */
  find: boolean;
  /** Where each record was last seen (body row), to check first. */
  lastSeen?: (id: string) => number | undefined;
}

/** Excel's find treats * ? and ~ as wildcards; `~` makes the next one literal. */
export function escapeFind(text: string): string {
  return text.replace(/[*?~]/g, "~$&");
}

export async function locate(
  context: Excel.RequestContext,
  spec: RecordTableSpec,
  ids: readonly string[],
  options: LocateOptions,
): Promise<Located> {
  const queued = queueLayout(context, spec.table, spec.sheet);
  const wanted = [...new Set(ids.filter((id) => id.trim() !== ""))];
  const few = wanted.length <= MOST_FINDS;
  const idColumn = queued.table.columns.getItem(spec.idHeader);
  const leads = few
    ? wanted.map((id) => {
        const row = options.lastSeen?.(id);
        return {
          id,
          found: options.find
            ? idColumn
                .getRange()
                .findOrNullObject(escapeFind(id), { completeMatch: true, matchCase: true })
                .load("rowIndex")
            : undefined,
          row,
          cell: row === undefined ? undefined : idColumn.getDataBodyRange().getCell(row, 0).load("values"),
        };
      })
    : [];
  await context.sync();
  const layout = queued.read();
  const positions = columnPositions(layout, spec.columns);
  const idAt = positionOf(layout, spec.idHeader);
  const rowOf = new Map<string, number>();
  for (const { id, found, row, cell } of leads) {
    if (found && !found.isNullObject) rowOf.set(id, found.rowIndex - layout.headerRow - 1);
    else if (row !== undefined && row < layout.rowCount && String(cell?.values[0]?.[0] ?? "").trim() === id)
      rowOf.set(id, row);
  }
  const unresolved = new Set(wanted.filter((id) => !rowOf.has(id)));
  if (idAt >= 0 && unresolved.size > 0 && !(few && options.find)) {
    await readPaged(
      context,
      [{ layout, firstRow: 0, rowCount: layout.rowCount, firstColumn: idAt, columnCount: 1 }],
      (_span, firstRow, rows) => {
        rows.forEach((row, index) => {
          const id = String(row[0] ?? "").trim();
          if (unresolved.has(id) && !rowOf.has(id)) rowOf.set(id, firstRow + index);
        });
      },
    );
  }
  return {
    table: queued.table,
    layout,
    positions,
    idAt,
    versionAt: positionOf(layout, spec.rowVersionHeader),
    rowOf,
  };
}

/** Row Version as stored; blank (a row typed in by hand) counts as 0, anything unreadable as -1. */
export function versionOf(value: unknown): number {
  if (typeof value === "number") return value;
  const parsed = Number(String(value ?? "").trim() || "0");
  return Number.isFinite(parsed) ? parsed : -1;
}
