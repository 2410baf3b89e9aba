import { columnPositions, positionOf, queueLayout, type TableLayout } from "./tableLayout";
import type { RecordTableSpec } from "./tables/types";

/** Where each record sits right now, read from the ID and Row Version columns in one request. */
export interface Located {
  table: Excel.Table;
  layout: TableLayout;
  positions: number[];
  idAt: number;
  versionAt: number;
  /** Body row of each ID (first occurrence). */
  rowOf: Map<string, number>;
  versions: unknown[];
}

export async function locate(context: Excel.RequestContext, spec: RecordTableSpec): Promise<Located> {
  const queued = queueLayout(context, spec.table, spec.sheet);
  const ids = queued.table.columns.getItem(spec.idHeader).getDataBodyRange().load("values");
  const versions = queued.table.columns.getItem(spec.rowVersionHeader).getDataBodyRange().load("values");
  await context.sync();
  const layout = queued.read();
  const rowOf = new Map<string, number>();
  ids.values.forEach((row, index) => {
    const id = String(row[0] ?? "").trim();
    if (id !== "" && !rowOf.has(id)) rowOf.set(id, index);
  });
  return {
    table: queued.table,
    layout,
    positions: columnPositions(layout, spec.columns),
    idAt: positionOf(layout, spec.idHeader),
    versionAt: positionOf(layout, spec.rowVersionHeader),
    rowOf,
    versions: versions.values.map((row) => row[0]),
  };
}

/** Row Version as stored; blank (a row typed in by hand) counts as 0. */
export function versionOf(value: unknown): number {
  if (typeof value === "number") return value;
  const parsed = Number(String(value ?? "").trim() || "0");
  return Number.isFinite(parsed) ? parsed : -1;
}
