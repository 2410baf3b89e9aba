/**
 * The Dashboard sheet as the in-memory Excel calculates it (LICENSE functions from the live register, the
 * built-in functions around them) says what the pane says: the same counts of products by status, the same
 * totals and the same renewals, before and after an edit.
 */
import { isoDateToExcelSerial } from "../../src/domain/dates";
import { COMPLIANCE_STATUSES } from "../../src/domain/lists";
import { computePosition } from "../../src/domain/position";
import { renewalsGrid, upcomingRenewals } from "../../src/domain/upcomingRenewals";
import { LICENSE_FUNCTIONS, STREAMING_FUNCTIONS } from "../../src/functions/functionTable";
import { attachCalculation, type CalculationEngine } from "../../src/host";
import { gridTotals, statusCounts } from "../../src/taskpane/dashboard/summaries";
import { DASHBOARD_LAYOUT, DASHBOARD_SHEET } from "../../src/workbook/dashboard";
import { followDashboardChart } from "../../src/workbook/followDashboardChart";
import { AS_OF, liveErrors, liveFixture, settle, type LiveFixture } from "./liveHarness";

let fixture: LiveFixture;
let engine: CalculationEngine;

describe.each([
  ["Excel on the web (a blank cell passes null)", null],
  ["Excel on Windows (a blank cell passes 0)", 0],
] as const)("%s", (_, emptyCell) => {
  beforeEach(async () => {
    liveErrors.length = 0;
    fixture = await liveFixture();
    // one licence due in 49 days, so the renewals list has something to show
    const data = await fixture.register.load();
    const ok = data.licences.find((l) => l.id === "LIC-OK")!;
    const saved = await fixture.register.update("licences", { ...ok, expiryDate: "2027-01-15" });
    if (!saved.ok) throw new Error(saved.error.message);
    engine = attachCalculation(fixture.workbook, {
      functions: LICENSE_FUNCTIONS as never,
      streaming: STREAMING_FUNCTIONS,
      today: () => isoDateToExcelSerial(AS_OF),
      emptyCell,
    });
    const built = await fixture.register.buildDashboard!();
    if (!built.ok) throw new Error(built.error.message);
    await settleAll();
  });
  afterEach(() => {
    engine.detach();
    fixture.live.stop();
    expect(liveErrors).toEqual([]);
  });

  it("shows the pane's counts of products, totals and renewals", async () => {
    await expectPaneFigures();
  });

  it("keeps the chart over the spilled grid as products are added and removed", async () => {
    const stop = followDashboardChart(fixture.register, () => fixture.live.settled(), { delayMs: 0 });
    const chartSource = () => fixture.workbook.describeSheet(DASHBOARD_SHEET).charts[0].source;
    // header and three products: Acrobat, Figma, Visio
    expect(chartSource()).toBe("A15:C18");
    const added = await fixture.register.addMany("software", [
      { id: "SW-4", name: "Miro" },
      { id: "SW-5", name: "Slack" },
    ]);
    if (!added.ok) throw new Error(added.error.message);
    await until(() => chartSource() === "A15:C20");
    const miro = (await fixture.register.load()).software.find((s) => s.id === "SW-4")!;
    const removed = await fixture.register.remove("software", "SW-4", miro.rowVersion);
    expect(removed.ok).toBe(true);
    await until(() => chartSource() === "A15:C19");
    const grid = fixture.workbook
      .readSheet(DASHBOARD_SHEET)
      .values.slice(14, 19)
      .map((row) => row[0]);
    expect(grid).toEqual(["Software", "Acrobat", "Figma", "Slack", "Visio"]);
    stop();
  });

  it("follows an installation moved by a co-author", async () => {
    // INS-4 (row 5) moves from Acrobat's unlimited licence to Visio's LIC-OK: Visio is now 3 of 3 used
    fixture.workbook.typeIntoCell("Installations", "C5", "LIC-OK", fixture.workbook.session("bob"));
    await settleAll();
    await expectPaneFigures();
  });
});

/** Settles the register, the engine and the chart follower until `done` holds (at most two seconds). */
async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 40 && !done(); i++) {
    await settleAll();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  expect(done()).toBe(true);
}

async function settleAll(): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await settle(fixture.live);
    await engine.whenIdle();
  }
}

async function expectPaneFigures(): Promise<void> {
  const data = await fixture.register.load();
  const position = computePosition(data, AS_OF);
  const counts = statusCounts(position.products);
  const totals = gridTotals(position.products);
  const renewals = upcomingRenewals(data, position);
  const sheet = fixture.workbook.readSheet(DASHBOARD_SHEET).values;
  const { statusRow, totalsColumn, renewals: list } = DASHBOARD_LAYOUT;
  const figure = (row: number, column: number) => sheet[row][column];

  COMPLIANCE_STATUSES.forEach((status, i) => {
    expect([figure(statusRow + i, 0), figure(statusRow + i, 1)]).toEqual([status, counts[status]]);
  });
  expect(figure(statusRow + COMPLIANCE_STATUSES.length, 1)).toBe(position.products.length);

  const total = (i: number) => figure(statusRow + i, totalsColumn + 1) as number;
  expect(total(0)).toBe(totals.licences);
  expect(total(1)).toBe(totals.shortfall);
  expect(total(2)).toBeCloseTo(totals.annualCost, 2);
  expect(total(3)).toBeCloseTo(totals.trueUpExposure, 2);
  expect(total(4)).toBeCloseTo(totals.unusedCost, 2);

  expect(renewals).toHaveLength(1);
  expect(figure(list.row + 1, list.column + 1)).toBe(renewals.length);
  const want = renewalsGrid(renewals);
  const shown = sheet
    .slice(list.row + 2, list.row + 2 + want.length)
    .map((row) => row.slice(list.column, list.column + want[0].length));
  expect(shown).toEqual(want);

  const errors = sheet.flat().filter((value) => typeof value === "string" && /^#[A-Z/]+[!?]?$/.test(value));
  expect(errors).toEqual([]);
}
