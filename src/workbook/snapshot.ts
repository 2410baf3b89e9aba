import type { IsoDate } from "../domain/dates";
import { positionGrid } from "../domain/positionGrid";
import { literalText } from "./cells";
import { writePlainGrid } from "./gridCells";
import type { PositionFigures, Progress, SnapshotReport } from "./registerApi";

export const SNAPSHOT_PREFIX = "Snapshot";
/** Rows above the grid: title, as-of date, taken by, taken at, reporting currency, a blank row. */
export const SNAPSHOT_GRID_ROW = 6;

export interface SnapshotOptions {
  takenBy: string;
  asOf: IsoDate;
  takenAt: Date;
}

/** "Snapshot 2026-11-27", then "Snapshot 2026-11-27 (2)" and so on when the name is taken. */
export function snapshotSheetName(asOf: IsoDate, existing: readonly string[]): string {
  const taken = new Set(existing.map((name) => name.toLowerCase()));
  const base = `${SNAPSHOT_PREFIX} ${asOf}`;
  if (!taken.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const name = `${base} (${n})`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

/**
 * Writes the compliance position on a date to a new sheet as plain values computed by the domain engine (no
 * formulas, so it reads the same with or without the add-in and never recalculates), says who took it and
 * when, and protects the sheet. Nothing in the add-in writes to a snapshot sheet afterwards.
 */
export async function writeSnapshot(
  context: Excel.RequestContext,
  position: PositionFigures,
  options: SnapshotOptions,
  onProgress?: Progress,
): Promise<SnapshotReport> {
  const grid = positionGrid(position.products, position.reportingCurrency);
  const sheets = context.workbook.worksheets.load("items/name");
  await context.sync();
  const name = snapshotSheetName(
    options.asOf,
    sheets.items.map((sheet) => sheet.name),
  );
  const sheet = context.workbook.worksheets.add(name);
  const takenAt = options.takenAt.toISOString();
  // dates and times as text, so they read the same whatever the locale
  sheet.getRange("B2:B4").numberFormat = [["@"], ["@"], ["@"]];
  sheet.getRange("A1:B5").values = [
    ["Compliance position snapshot", ""],
    ["As of", options.asOf],
    ["Taken by", literalText(options.takenBy)],
    ["Taken at (UTC)", takenAt.slice(0, 19).replace("T", " ")],
    ["Reporting currency", position.reportingCurrency],
  ];
  await context.sync();
  onProgress?.("Writing the snapshot", 0.2);
  await writePlainGrid(context, sheet, SNAPSHOT_GRID_ROW, 0, grid, (rows) =>
    onProgress?.("Writing the snapshot", 0.2 + (0.8 * rows) / grid.length),
  );
  sheet.protection.protect({ allowFormatColumns: true, allowAutoFilter: true });
  await context.sync();
  onProgress?.("Snapshot taken", 1);
  return {
    sheet: name,
    asOf: options.asOf,
    takenBy: options.takenBy,
    takenAt,
    products: position.products.length,
  };
}
