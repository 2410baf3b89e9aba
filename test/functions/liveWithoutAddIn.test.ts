/**
 * What a co-author without the add-in sees. Excel has no LICENSE functions for them, so once their Excel
 * recalculates (a full recalculation, or an edit to a cell a formula reads) every LICENSE cell shows #NAME?, and
 * that is what their save keeps. The Dashboard's saved figures and the Snapshot sheets are plain values, so
 * they read the same for them and survive their save; the add-in user's next open brings the live cells back.
 */
import { isoDateToExcelSerial } from "../../src/domain/dates";
import { LICENCE_COMPUTED_LABELS as C } from "../../src/domain/labels";
import { LICENSE_FUNCTIONS, STREAMING_FUNCTIONS } from "../../src/functions/functionTable";
import { startLiveRegister } from "../../src/live/sharedLiveRegister";
import { attachCalculation } from "../../src/host";
import { DASHBOARD_LAYOUT, DASHBOARD_SHEET } from "../../src/workbook/dashboard";
import { AS_OF, liveErrors, liveFixture } from "./liveHarness";

const calculate = (workbook: Parameters<typeof attachCalculation>[0]) =>
  attachCalculation(workbook, {
    functions: LICENSE_FUNCTIONS as never,
    streaming: STREAMING_FUNCTIONS,
    today: () => isoDateToExcelSerial(AS_OF),
  });

it("keeps the saved figures and snapshots, shows #NAME? in live cells, and the add-in brings them back", async () => {
  liveErrors.length = 0;
  const { workbook, register, live } = await liveFixture();
  let engine = calculate(workbook);
  expect((await register.buildDashboard!()).ok).toBe(true);
  const snapshot = await register.takeSnapshot!("Ana Silva", AS_OF);
  if (!snapshot.ok) throw new Error(snapshot.error.message);
  await engine.whenIdle();

  const usedColumn = () => {
    const { values } = workbook.readSheet("Licences");
    const at = values[0].indexOf(C.usedQuantity);
    return values.slice(1).map((row) => row[at]);
  };
  const { saved, grid } = DASHBOARD_LAYOUT;
  const dashboard = () => workbook.readSheet(DASHBOARD_SHEET).values;
  const savedFigures = () =>
    dashboard()
      .slice(saved.row)
      .map((row) => row.slice(saved.column));
  const withAddIn = {
    used: usedColumn(),
    saved: savedFigures(),
    snapshot: workbook.readSheet(snapshot.value.sheet),
  };
  expect(withAddIn.used).toEqual([2, 1, 1, 1, 0, 2]);

  // a colleague without the add-in: no LICENSE functions, and their Excel recalculates
  engine.detach();
  live.stop();
  workbook.recalculate();
  expect(usedColumn().every((value) => value === "#NAME?")).toBe(true);
  expect(dashboard()[grid.row + 1][grid.column]).toBe("#NAME?");
  expect(savedFigures()).toEqual(withAddIn.saved);
  expect(workbook.readSheet(snapshot.value.sheet)).toEqual(withAddIn.snapshot);

  // the add-in user opens the workbook again
  const reopened = startLiveRegister(register, { today: () => AS_OF });
  engine = calculate(workbook);
  await reopened.ready;
  await engine.whenIdle();
  expect(usedColumn()).toEqual(withAddIn.used);
  engine.detach();
  reopened.stop();
  expect(liveErrors).toEqual([]);
});
