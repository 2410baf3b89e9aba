import { todayIsoDate } from "../domain/dates";
import { COMPLIANCE_STATUSES } from "../domain/lists";
import { positionGrid, GRID_COST_COLUMNS } from "../domain/positionGrid";
import { computePosition } from "../domain/position";
import { columnLetter } from "./cells";
import type { DashboardReport, Progress, RegisterData } from "./registerApi";
import { licencesTable } from "./tables";
import { writePlainGrid } from "./gridCells";
import { RENEWAL_WINDOW_DAYS } from "../domain/upcomingRenewals";

export const DASHBOARD_SHEET = "Dashboard";

/**
 * Where things sit on the Dashboard. The live grid and the renewals list spill downwards, so nothing is
 * placed below them: the counts and totals are above the grid, the renewals to its right, and the saved copy
 * of the figures (plain values, for colleagues without the add-in) to the right of the renewals.
 */
export const DASHBOARD_LAYOUT = {
  statusRow: 4,
  grid: { row: 12, column: 0 },
  renewals: { row: 3, column: 12 },
  saved: { row: 12, column: 16 },
  chart: { start: "Q1", end: "X10" },
} as const;

const T = licencesTable.table;
const STATUS = `${T}[Compliance Status]`;
const EXPIRY = `${T}[Expiry Date]`;
const a1 = (row: number, column: number) => `${columnLetter(column)}${row + 1}`;

/** The formula of the live compliance grid. */
export const GRID_FORMULA = "=LICENSE.POSITION()";

/** The Dashboard's formulas and labels as (row, column, value) cells; the live parts are formulas. */
export function dashboardCells(reportingCurrency: string): { row: number; column: number; value: string }[] {
  const { grid, renewals, statusRow } = DASHBOARD_LAYOUT;
  const gridRef = `${a1(grid.row + 1, grid.column)}#`;
  const total = (column: number) => `=SUM(INDEX(${gridRef},0,${column + 1}))`;
  const cells: { row: number; column: number; value: string }[] = [
    { row: 0, column: 0, value: "Software compliance dashboard" },
    {
      row: 1,
      column: 0,
      value:
        "Live while the Licence Register add-in is open. Without the add-in these figures show #NAME?: see the saved figures on the right and the Snapshot sheets.",
    },
    { row: statusRow - 1, column: 0, value: "Licences by compliance status" },
    { row: statusRow - 1, column: 3, value: "Totals" },
  ];
  COMPLIANCE_STATUSES.forEach((status, i) => {
    cells.push({ row: statusRow + i, column: 0, value: status });
    cells.push({ row: statusRow + i, column: 1, value: `=COUNTIF(${STATUS},${a1(statusRow + i, 0)})` });
  });
  const last = statusRow + COMPLIANCE_STATUSES.length;
  cells.push({ row: last, column: 0, value: "All licences" });
  cells.push({ row: last, column: 1, value: `=SUM(${a1(statusRow, 1)}:${a1(last - 1, 1)})` });
  const totals: [string, string][] = [
    [`Annual cost (${reportingCurrency})`, total(GRID_COST_COLUMNS.annualCost)],
    [`True-up exposure (${reportingCurrency})`, total(GRID_COST_COLUMNS.trueUpExposure)],
    [`Cost of unused licences (${reportingCurrency})`, total(GRID_COST_COLUMNS.unusedCost)],
  ];
  totals.forEach(([label, formula], i) => {
    cells.push({ row: statusRow + i, column: 3, value: label });
    cells.push({ row: statusRow + i, column: 4, value: formula });
  });
  const soon = `(${EXPIRY}>=TODAY())*(${EXPIRY}<=TODAY()+${RENEWAL_WINDOW_DAYS})`;
  cells.push(
    {
      row: renewals.row,
      column: renewals.column,
      value: `Renewals due in the next ${RENEWAL_WINDOW_DAYS} days`,
    },
    { row: renewals.row + 1, column: renewals.column, value: "Count" },
    { row: renewals.row + 1, column: renewals.column + 1, value: `=SUMPRODUCT(${soon})` },
    {
      row: renewals.row + 2,
      column: renewals.column,
      value: `=IFERROR(SORT(FILTER(HSTACK(${T}[Licence ID],${T}[Software],${EXPIRY}),${soon}),3),"None due")`,
    },
    { row: grid.row, column: grid.column, value: "Software compliance (live)" },
    { row: grid.row + 1, column: grid.column, value: GRID_FORMULA },
  );
  return cells;
}

/**
 * Builds the Dashboard sheet, or rebuilds it in place (the sheet is replaced, so nothing people added to it
 * survives; it is the add-in's sheet). Also writes the saved figures: the grid as plain values from the
 * domain engine, with when they were computed, which is what a colleague without the add-in can rely on.
 */
export async function buildDashboard(
  context: Excel.RequestContext,
  data: RegisterData,
  builtAt: Date,
  onProgress?: Progress,
): Promise<DashboardReport> {
  onProgress?.("Preparing the Dashboard sheet", 0);
  const existing = context.workbook.worksheets.getItemOrNullObject(DASHBOARD_SHEET);
  await context.sync();
  const created = existing.isNullObject;
  if (!created) existing.delete();
  const sheet = context.workbook.worksheets.add(DASHBOARD_SHEET);
  const asOf = todayIsoDate(builtAt);
  const position = computePosition(data, asOf);
  const grid = positionGrid(position.products, position.reportingCurrency);

  for (const cell of dashboardCells(position.reportingCurrency)) {
    sheet.getRangeByIndexes(cell.row, cell.column, 1, 1).formulas = [[cell.value]];
  }
  const { saved, chart, grid: live } = DASHBOARD_LAYOUT;
  sheet.getRangeByIndexes(saved.row - 2, saved.column, 2, 1).values = [
    ["Saved figures (plain values, for colleagues without the add-in)"],
    [`As of ${asOf}, saved ${builtAt.toISOString().slice(0, 16).replace("T", " ")} UTC`],
  ];
  // The chart takes the grid's Software, Purchased and Used columns as far as the grid spills now.
  const chartRows = Math.max(grid.length, 2);
  const source = sheet.getRangeByIndexes(live.row + 1, live.column, chartRows, 3);
  const added = sheet.charts.add("ColumnClustered", source, "Columns");
  added.title.text = "Purchased versus used";
  added.setPosition(chart.start, chart.end);
  await context.sync();
  onProgress?.("Writing the saved figures", 0.5);
  await writePlainGrid(context, sheet, saved.row, saved.column, grid, (rows) =>
    onProgress?.("Writing the saved figures", 0.5 + (0.5 * rows) / grid.length),
  );
  return { sheet: DASHBOARD_SHEET, gridAddress: a1(live.row + 1, live.column), created };
}
