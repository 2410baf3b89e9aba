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

it("after an edit, a removal and an addition, the licence list is the sheet's licences in its order, and a list read before stays as it was", async () => {
  const { workbook, live, register } = fixture;
  const ids = (list: readonly { id: string }[]) => list.map((licence) => licence.id);
  const sheetOrder = async () => ids((await register.load()).licences);
  const before = live.list("licences");
  const listedBefore = ids(before);
  const pinned = before.find((licence) => licence.id === "LIC-PINNED");

  workbook.typeIntoCell("Licences", licenceCell(workbook, "LIC-OK", "Quantity"), "7");
  await settle(live);
  const edited = live.list("licences");
  expect(edited).not.toBe(before);
  expect(ids(edited)).toEqual(await sheetOrder());
  expect(edited.find((licence) => licence.id === "LIC-OK")?.quantity).toBe(7);
  expect(ids(before)).toEqual(listedBefore);
  expect(before.find((licence) => licence.id === "LIC-OK")?.quantity).toBe(3);
  expect(edited.find((licence) => licence.id === "LIC-PINNED")).toBe(pinned);

  const removed = await register.remove(
    "licences",
    "LIC-EXPIRED",
    live.record("licences", "LIC-EXPIRED")!.rowVersion!,
  );
  expect(removed.ok).toBe(true);
  await settle(live);
  const afterRemoval = live.list("licences");
  expect(ids(afterRemoval)).toEqual(await sheetOrder());
  expect(ids(afterRemoval)).not.toContain("LIC-EXPIRED");
  expect(ids(edited)).toContain("LIC-EXPIRED");

  const added = await register.add("licences", { ...edited[0], id: "LIC-ADDED", quantity: 2 });
  expect(added.ok).toBe(true);
  await settle(live);
  expect(ids(live.list("licences"))).toEqual(await sheetOrder());
  expect(ids(live.list("licences"))).toContain("LIC-ADDED");
});
