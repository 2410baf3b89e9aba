/** The live functions in sheet cells, calculated by the in-memory host's engine the way Excel calls them. */
import { columnLetter } from "../../src/workbook/cells";
import { RECORD_TABLES } from "../../src/workbook/tables";
import { isoDateToExcelSerial } from "../../src/domain/dates";
import { computePosition } from "../../src/domain/position";
import { positionGrid } from "../../src/domain/positionGrid";
import { LICENSE_FUNCTIONS, STREAMING_FUNCTIONS } from "../../src/functions/functionTable";
import { attachCalculation, type CalculationEngine } from "../../src/host";
import { LICENCE_COMPUTED_LABELS as C } from "../../src/domain/labels";
import { DASHBOARD_LAYOUT } from "../../src/workbook/dashboard";
import { AS_OF, liveErrors, liveFixture, registerOn, settle, type LiveFixture } from "./liveHarness";

let fixture: LiveFixture;
let engine: CalculationEngine;

beforeEach(async () => {
  liveErrors.length = 0;
  fixture = await liveFixture();
  engine = attachCalculation(fixture.workbook, {
    functions: LICENSE_FUNCTIONS as never,
    streaming: STREAMING_FUNCTIONS,
    today: () => isoDateToExcelSerial(AS_OF),
  });
  await engine.whenIdle();
});
afterEach(() => {
  engine.detach();
  fixture.live.stop();
  expect(liveErrors).toEqual([]);
});

async function settleAll(): Promise<void> {
  await settle(fixture.live);
  await engine.whenIdle();
}

/** The computed cells of a licence's row in the Licences sheet, by header. */
function licenceRow(id: string): Record<string, unknown> {
  const { values } = fixture.workbook.readSheet("Licences");
  const headers = values[0].map(String);
  const row = values.find((r) => r[0] === id)!;
  return Object.fromEntries(headers.map((h, i) => [h, row[i]]));
}

it("the Licences table's Used Quantity and Compliance Status cells show the register's figures", async () => {
  const want = computePosition(await fixture.register.load(), AS_OF);
  for (const [id, position] of want.licences) {
    const row = licenceRow(id);
    expect([id, row[C.usedQuantity], row[C.complianceStatus]]).toEqual([id, position.used, position.status]);
  }
});

it("a person sorting the Licences table leaves each row's figures with its own licence", async () => {
  const want = computePosition(await fixture.register.load(), AS_OF);
  fixture.workbook.sortTable("LicencesTable", "Licence ID", "Descending");
  await settleAll();
  const ids = fixture.workbook
    .readSheet("Licences")
    .values.slice(1)
    .map((row) => String(row[0]));
  expect(ids).toEqual([...ids].sort().reverse());
  for (const [id, position] of want.licences) {
    const row = licenceRow(id);
    expect([id, row[C.usedQuantity], row[C.complianceStatus]]).toEqual([id, position.used, position.status]);
  }
});

it("a Licences row without a Licence ID shows blank figures, not #N/A", async () => {
  const { values } = fixture.workbook.readSheet("Licences");
  const sheetRow = values.findIndex((r) => r[0] === "LIC-OK") + 1;
  fixture.workbook.typeIntoCell("Licences", `A${sheetRow}`, "");
  await settleAll();
  const after = fixture.workbook.readSheet("Licences");
  const headers = after.values[0].map(String);
  const computed = Object.values(C).map((header) => after.values[sheetRow - 1][headers.indexOf(header)]);
  expect(computed).toEqual(Object.values(C).map(() => ""));
});

it("an installation edited by a co-author updates the cells, the dashboard grid and the pane's listener", async () => {
  const built = await fixture.register.buildDashboard!();
  expect(built.ok).toBe(true);
  await settleAll();
  const heard: string[] = [];
  fixture.register.onChanged((change) => heard.push(change.kinds.join()));
  await settleAll();
  const invocationsBefore = engine.stats.invocations;

  // Bob, a co-author, moves INS-4 (row 5) from the unlimited licence to LIC-OK
  const licenceColumn = RECORD_TABLES.installations.columns.findIndex(
    (column) => column.header === "Licence ID",
  );
  fixture.workbook.typeIntoCell(
    "Installations",
    `${columnLetter(licenceColumn)}5`,
    "LIC-OK",
    fixture.workbook.session("bob"),
  );
  await settleAll();

  expect(licenceRow("LIC-OK")[C.usedQuantity]).toBe(3);
  expect(licenceRow("LIC-OK")[C.availableQuantity]).toBe(0);
  expect(licenceRow("LIC-UNLIMITED")[C.usedQuantity]).toBe(0);
  expect(heard).toContain("installations");
  // streamed: no cell was called again, only given new results (AVAILABLE re-runs for the changed Used cells)
  expect(engine.stats.invocations - invocationsBefore).toBeLessThanOrEqual(2);

  const want = computePosition(await fixture.register.load(), AS_OF);
  const { row, column } = DASHBOARD_LAYOUT.grid;
  const expected = positionGrid(want.products, "GBP");
  const sheet = fixture.workbook.readSheet("Dashboard").values;
  const spilled = sheet
    .slice(row + 1, row + 1 + expected.length)
    .map((cells) => cells.slice(column, column + expected[0].length));
  expect(spilled).toEqual(expected);
});

it("an allocation a co-author adds through their own register updates the licence's cells", async () => {
  const bob = registerOn(fixture.workbook.session("bob"));
  const added = await bob.add("allocations", { licenceId: "LIC-USERS", user: "max" });
  expect(added.ok).toBe(true);
  await settleAll();
  expect(licenceRow("LIC-USERS")[C.usedQuantity]).toBe(3);
  expect(licenceRow("LIC-USERS")[C.complianceStatus]).toBe("Over-deployed");
});

it("saving an existing licence (as the pane does) leaves no #BUSY! in its row, changed or not", async () => {
  const data = await fixture.register.load();
  const stored = data.licences.find((l) => l.id === "LIC-OK")!;
  const before = licenceRow("LIC-OK");
  // Vendor changes no figure; Quantity 3 -> 4 changes Available but not Used or Status
  const saved = await fixture.register.update("licences", { ...stored, vendor: "Contoso", quantity: 4 });
  expect(saved.ok).toBe(true);
  await settleAll();
  const after = licenceRow("LIC-OK");
  expect(after[C.usedQuantity]).toBe(before[C.usedQuantity]);
  expect(after[C.availableQuantity]).toBe(2);
  expect(after[C.complianceStatus]).toBe("Under-utilized");
  expect(Object.values(after)).not.toContain("#BUSY!");
});
