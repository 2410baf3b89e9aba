import { computePosition } from "../../src/domain/position";
import { positionGrid } from "../../src/domain/positionGrid";
import {
  DASHBOARD_LAYOUT,
  DASHBOARD_SHEET,
  GRID_FORMULA,
  RENEWALS_FORMULA,
} from "../../src/workbook/dashboard";
import { freshWorkbook, simpleLicence, type Workbook } from "./fixtures";
import type { Register } from "../../src/workbook/registerApi";

const TODAY = "2026-05-01";

async function seeded(): Promise<{ workbook: Workbook; register: Register }> {
  const { workbook, register } = await freshWorkbook();
  await register.addMany("software", [
    { id: "SW-1", name: "Visio" },
    { id: "SW-2", name: "=Acrobat" },
  ]);
  await register.addMany("licences", [
    { ...simpleLicence(1), id: "LIC-1", softwareId: "SW-1", quantity: 2 },
    { ...simpleLicence(2), id: "LIC-2", softwareId: "SW-2", quantity: 5 },
  ]);
  await register.addMany("installations", [
    { softwareId: "SW-1", licenceId: "LIC-1", device: "PC-1", user: "kim", source: "Manual" },
  ]);
  return { workbook, register };
}

const cellAt = (workbook: Workbook, sheet: string, row: number, column: number) =>
  workbook.readSheet(sheet).formulas[row]?.[column];

describe("Build dashboard", () => {
  it("lays out the live grid, status counts, totals, renewals, a chart and the saved figures", async () => {
    const { workbook, register } = await seeded();
    const built = await register.buildDashboard!();
    if (!built.ok) throw new Error(built.error.message);
    expect(built.value).toEqual({ sheet: DASHBOARD_SHEET, gridAddress: "A15", created: true });

    const { grid, saved, statusRow, renewals } = DASHBOARD_LAYOUT;
    expect(cellAt(workbook, DASHBOARD_SHEET, grid.row + 1, grid.column)).toBe(GRID_FORMULA);
    // counts of products, from the live grid's Status column
    expect(cellAt(workbook, DASHBOARD_SHEET, statusRow, 1)).toBe("=COUNTIF(INDEX($A$15#,0,7),A5)");
    expect(cellAt(workbook, DASHBOARD_SHEET, renewals.row + 2, renewals.column)).toBe(RENEWALS_FORMULA);

    const want = positionGrid(computePosition(await register.load(), TODAY).products, "GBP");
    const values = workbook.readSheet(DASHBOARD_SHEET).values;
    const savedGrid = values
      .slice(saved.row, saved.row + want.length)
      .map((row) => row.slice(saved.column, saved.column + want[0].length));
    expect(savedGrid).toEqual(want);
    // a product name that looks like a formula stays text
    expect(savedGrid.some((row) => row[0] === "=Acrobat")).toBe(true);

    const { charts } = workbook.describeSheet(DASHBOARD_SHEET);
    expect(charts).toHaveLength(1);
    expect(charts[0]).toMatchObject({ type: "ColumnClustered", title: "Purchased versus used" });
    expect(charts[0].source).toBe(`A15:C${15 + want.length - 1}`);
  });

  it("rebuilds in place: one sheet, one chart", async () => {
    const { workbook, register } = await seeded();
    await register.buildDashboard!();
    const again = await register.buildDashboard!();
    expect(again.ok && again.value.created).toBe(false);
    expect(workbook.sheetNames().filter((name) => name === DASHBOARD_SHEET)).toHaveLength(1);
    expect(workbook.describeSheet(DASHBOARD_SHEET).charts).toHaveLength(1);
  });
});
