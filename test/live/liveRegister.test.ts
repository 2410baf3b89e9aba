/** The live register keeps the records and their data issues current from change events, not reloads. */
import { LiveRegister } from "../../src/live/liveRegister";
import { AS_OF, licenceCell, settle, freshLiveFixtureEachTest } from "../functions/liveHarness";
import { until } from "../workbook/fixtures";

const fixture = freshLiveFixtureEachTest();

it("a cell typed wrong becomes a data issue, and typing it right clears it, without a reload", async () => {
  const { workbook, live, register } = fixture;
  const load = jest.spyOn(register, "load");
  const address = licenceCell(fixture.workbook, "LIC-OK", "Quantity");
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
  await until(() => live.issues.length > 0);
  await settle(live);
  expect(live.issues).toEqual([
    expect.objectContaining({ sheet: "Licences", row: last, column: "Licence ID", recordId: "LIC-OK" }),
  ]);
  expect(live.issues).toEqual((await fixture.register.load()).issues);
});

it("a large load gives the thread back between slices and says how far it has got", async () => {
  const { register } = fixture;
  const added = await register.addMany(
    "installations",
    Array.from({ length: 3_000 }, (_, i) => ({
      softwareId: "SW-1",
      licenceId: "LIC-OK",
      device: `LAPTOP-${i}`,
      source: "Manual" as const,
    })),
  );
  expect(added.ok).toBe(true);

  const live = new LiveRegister(register, { today: () => AS_OF, sliceMs: 0 });
  const progress: number[] = [];
  live.subscribe(() => {
    if (live.state.progress !== undefined) progress.push(live.state.progress);
  });
  let otherWorkRan = false;
  setTimeout(() => (otherWorkRan = !live.isReady), 0);
  await live.ready;
  live.stop();

  expect(otherWorkRan).toBe(true);
  expect(progress.length).toBeGreaterThan(1);
  expect(progress).toEqual([...progress].sort((a, b) => a - b));
  expect(progress[progress.length - 1]).toBe(1);
  expect(live.state.progress).toBeUndefined();
  expect(live.licence("LIC-OK")?.used).toBe(3_002);
});
