/** The live register keeps the records and their data issues current from change events, not reloads. */
import { columnLetter } from "../../src/workbook/cells";
import { liveErrors, liveFixture, settle, type LiveFixture } from "../functions/liveHarness";

let fixture: LiveFixture;

beforeEach(async () => {
  liveErrors.length = 0;
  fixture = await liveFixture();
});
afterEach(() => {
  fixture.live.stop();
  expect(liveErrors).toEqual([]);
});

/** The A1 address of a licence's cell in the Licences sheet, by header. */
function licenceCell(id: string, header: string): string {
  const { values } = fixture.workbook.readSheet("Licences");
  const row = values.findIndex((r) => r[0] === id);
  return `${columnLetter(values[0].indexOf(header))}${row + 1}`;
}

it("a cell typed wrong becomes a data issue, and typing it right clears it, without a reload", async () => {
  const { workbook, live, register } = fixture;
  const load = jest.spyOn(register, "load");
  const address = licenceCell("LIC-OK", "Quantity");
  const versions = [live.state.version];

  workbook.typeIntoCell("Licences", address, "three");
  await settle(live);
  versions.push(live.state.version);
  expect(live.issues).toEqual([
    expect.objectContaining({ sheet: "Licences", column: "Quantity", address, recordId: "LIC-OK" }),
  ]);
  expect(live.data().issues).toBe(live.issues);

  workbook.typeIntoCell("Licences", address, "2");
  await settle(live);
  versions.push(live.state.version);
  expect(live.issues).toEqual([]);
  expect(live.record("licences", "LIC-OK")?.quantity).toBe(2);
  expect(load).not.toHaveBeenCalled();
  expect(new Set(versions).size).toBe(3);
});

it("a row pasted with a copied ID is a data issue, as the load reports it", async () => {
  const { workbook, live } = fixture;
  const { values } = workbook.readSheet("Licences");
  const last = values.length;
  // a co-author copies LIC-OK's ID into the next licence's row
  workbook.typeIntoCell("Licences", `A${last}`, "LIC-OK");
  await settle(live);
  expect(live.issues).toEqual([
    expect.objectContaining({ sheet: "Licences", row: last, column: "Licence ID", recordId: "LIC-OK" }),
  ]);
  expect(live.issues).toEqual((await fixture.register.load()).issues);
});
