import { COMPLIANCE_STATUSES } from "../domain/lists";
import { positionGrid, GRID_COLUMNS } from "../domain/positionGrid";
import { RENEWAL_WINDOW_DAYS } from "../domain/upcomingRenewals";
import { columnLetter } from "./cells";
import type { DashboardReport, PositionFigures, Progress } from "./registerApi";
import { writePlainGrid } from "./gridCells";
import { supports } from "./requirements";

export const DASHBOARD_SHEET = "Dashboard";
export const DASHBOARD_CHART = "Purchased versus used";

/**
 * Where things sit on the Dashboard. The live grid and the renewals list spill downwards, so nothing is
 * placed below them: the counts and totals are above the grid, the renewals to its right, and the saved copy
 * of the figures (plain values, for colleagues without the add-in) to the right of the renewals. The chart
 * floats over the empty cells beside the counts.
 */
export const DASHBOARD_LAYOUT = {
  /** First row (0-based) of the status counts and the totals. */
  statusRow: 4,
  totalsColumn: 3,
  /** The grid's title row; its formula is one row below. */
  grid: { row: 13, column: 0 },
  /** Title row of the renewals; the count is one row below, the list two rows below. */
  renewals: { row: 3, column: 13 },
  saved: { row: 14, column: 21 },
  chart: { start: "G3", end: "L12" },
} as const;

const a1 = (row: number, column: number) => `${columnLetter(column)}${row + 1}`;
const absolute = (row: number, column: number) => `$${columnLetter(column)}$${row + 1}`;

/** The formula of the live compliance grid (one row per product). */
export const GRID_FORMULA = "=LICENSE.POSITION()";
/** The formula of the live renewals list (one row per licence due). */
export const RENEWALS_FORMULA = "=LICENSE.RENEWALS()";

export interface DashboardCell {
  row: number;
  column: number;
  /** A label (plain text) or a formula. */
  value: string;
  /** Number format for a figure. */
  format?: string;
}

const MONEY = "#,##0.00";
const COUNT = "#,##0";

/**
 * The Dashboard's labels and formulas. Every figure reads the live grid (LICENSE.POSITION, spilled) or the
 * renewals list (LICENSE.RENEWALS), so the sheet counts exactly what the pane counts: status counts are of
 * products, the Licences total of licences. Only functions that exist in Excel 2021 are used.
 */
export function dashboardCells(reportingCurrency: string): DashboardCell[] {
  const { grid, renewals, statusRow, totalsColumn } = DASHBOARD_LAYOUT;
  const gridRef = `${absolute(grid.row + 1, grid.column)}#`;
  const gridColumn = (column: number) => `INDEX(${gridRef},0,${column + 1})`;
  const renewalsRef = `${absolute(renewals.row + 2, renewals.column)}#`;
  const cells: DashboardCell[] = [
    { row: 0, column: 0, value: "Software compliance dashboard" },
    {
      row: 1,
      column: 0,
      value:
        "Live while the Licence Register add-in is open. Without the add-in these figures show #NAME? or #REF!: see the saved figures on the right and the Snapshot sheets.",
    },
    { row: statusRow - 1, column: 0, value: "Products by compliance status" },
    { row: statusRow - 1, column: 1, value: "Products" },
    { row: statusRow - 1, column: totalsColumn, value: "Totals" },
  ];
  COMPLIANCE_STATUSES.forEach((status, i) => {
    cells.push({ row: statusRow + i, column: 0, value: status });
    cells.push({
      row: statusRow + i,
      column: 1,
      value: `=COUNTIF(${gridColumn(GRID_COLUMNS.status)},${a1(statusRow + i, 0)})`,
      format: COUNT,
    });
  });
  const last = statusRow + COMPLIANCE_STATUSES.length;
  cells.push({ row: last, column: 0, value: "All products" });
  cells.push({ row: last, column: 1, value: `=ROWS(${gridRef})-1`, format: COUNT });

  const sum = (column: number) => `=SUM(${gridColumn(column)})`;
  const totals: [string, string, string][] = [
    ["Licences in the register", sum(GRID_COLUMNS.licences), COUNT],
    ["Licences short (shortfall)", sum(GRID_COLUMNS.shortfall), COUNT],
    [`Annual cost (${reportingCurrency})`, sum(GRID_COLUMNS.annualCost), MONEY],
    [`True-up exposure (${reportingCurrency})`, sum(GRID_COLUMNS.trueUpExposure), MONEY],
    [`Cost of unused licences (${reportingCurrency})`, sum(GRID_COLUMNS.unusedCost), MONEY],
  ];
  totals.forEach(([label, formula, format], i) => {
    cells.push({ row: statusRow + i, column: totalsColumn, value: label });
    cells.push({ row: statusRow + i, column: totalsColumn + 1, value: formula, format });
  });

  const count = a1(renewals.row + 1, renewals.column + 1);
  cells.push(
    {
      row: renewals.row,
      column: renewals.column,
      value: `Licences due for renewal in the next ${RENEWAL_WINDOW_DAYS} days`,
    },
    { row: renewals.row + 1, column: renewals.column, value: "Licences due" },
    { row: renewals.row + 1, column: renewals.column + 1, value: `=ROWS(${renewalsRef})-1`, format: COUNT },
    { row: renewals.row + 1, column: renewals.column + 2, value: `=IF(${count}=0,"None due","")` },
    { row: renewals.row + 2, column: renewals.column, value: RENEWALS_FORMULA },
    {
      row: grid.row,
      column: grid.column,
      value:
        "Software compliance (live), one row per product: Purchased, Used, Available and Shortfall count licences; True-up Exposure = Shortfall × Unit Price",
    },
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
  position: PositionFigures,
  builtAt: Date,
  onProgress?: Progress,
): Promise<DashboardReport> {
  onProgress?.("Preparing the Dashboard sheet", 0);
  const existing = context.workbook.worksheets.getItemOrNullObject(DASHBOARD_SHEET);
  await context.sync();
  const created = existing.isNullObject;
  if (!created) existing.delete();
  const sheet = context.workbook.worksheets.add(DASHBOARD_SHEET);
  const { asOf } = position;
  const grid = positionGrid(position.products, position.reportingCurrency);

  for (const cell of dashboardCells(position.reportingCurrency)) {
    const range = sheet.getRangeByIndexes(cell.row, cell.column, 1, 1);
    if (cell.format) range.numberFormat = [[cell.format]];
    range.formulas = [[cell.value]];
  }
  const { saved, chart, grid: live } = DASHBOARD_LAYOUT;
  sheet.getRangeByIndexes(saved.row - 2, saved.column, 2, 1).values = [
    ["Saved figures (plain values, for colleagues without the add-in)"],
    [`As of ${asOf}, saved ${builtAt.toISOString().slice(0, 16).replace("T", " ")} UTC`],
  ];
  // The chart takes the grid's Software, Purchased and Used columns, header row included, as far as the grid
  // spills today; fitDashboardChart keeps it to the grid's height as products come and go.
  const source = sheet.getRangeByIndexes(live.row + 1, live.column, Math.max(grid.length, 2), 3);
  const added = sheet.charts.add("ColumnClustered", source, "Columns");
  added.name = DASHBOARD_CHART;
  added.title.text = DASHBOARD_CHART;
  added.setPosition(chart.start, chart.end);
  await context.sync();
  onProgress?.("Writing the saved figures", 0.5);
  await writePlainGrid(context, sheet, saved.row, saved.column, grid, (rows) =>
    onProgress?.("Writing the saved figures", 0.5 + (0.5 * rows) / grid.length),
  );
  return { sheet: DASHBOARD_SHEET, gridAddress: a1(live.row + 1, live.column), created };
}

/**
 * Makes the Dashboard's chart plot the live grid as far as it spills now, however many products there are.
 * Excel charts do not follow a spill (their source is a fixed range, and Office.js cannot give a series a
 * formula such as a name on $A$15#), so the add-in resets the chart's source when the number of products
 * changes. Needs Range.getSpillingToRange (ExcelApi 1.12); elsewhere the chart keeps the size Build
 * dashboard gave it. Returns whether the chart was fitted.
 */
export async function fitDashboardChart(context: Excel.RequestContext): Promise<boolean> {
  if (!supports("ExcelApi", "1.12")) return false;
  const sheet = context.workbook.worksheets.getItemOrNullObject(DASHBOARD_SHEET);
  await context.sync();
  if (sheet.isNullObject) return false;
  const { grid } = DASHBOARD_LAYOUT;
  const anchor = sheet.getRangeByIndexes(grid.row + 1, grid.column, 1, 1);
  const spill = anchor.getSpillingToRangeOrNullObject();
  spill.load("rowCount");
  const chart = sheet.charts.getItemOrNullObject(DASHBOARD_CHART);
  await context.sync();
  if (spill.isNullObject || chart.isNullObject) return false;
  chart.setData(anchor.getAbsoluteResizedRange(spill.rowCount, 3), "Columns");
  await context.sync();
  return true;
}
