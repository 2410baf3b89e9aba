/**
 * A change to the Settings or Exchange Rates table (typed in the sheet, or saved from the pane) re-reads those
 * two tables only: every figure follows the new settings, and no record is read again. At 100,000 licences a
 * reload reads 1.4 million rows, a pause the person would see after typing one exchange rate.
 */
import { computePosition } from "../../src/domain/position";
import { SETTINGS_LABELS } from "../../src/domain/labels";
import { AS_OF, licenceCell, settle, freshLiveFixtureEachTest } from "../functions/liveHarness";

const fixture = freshLiveFixtureEachTest();

/** The A1 address of a setting's Value cell in the Settings sheet. */
function settingCell(label: string): string {
  const { values } = fixture.workbook.readSheet("Settings");
  return `B${values.findIndex((row) => row[0] === label) + 1}`;
}

it("a reporting currency typed in the Settings sheet moves every figure, without reading the records again", async () => {
  const { workbook, live, register } = fixture;
  const load = jest.spyOn(register, "load");
  const before = live.licence("LIC-OK")!;
  expect(before.annualCostReporting).not.toBeNull();

  workbook.typeIntoCell("Settings", settingCell(SETTINGS_LABELS.reportingCurrency), "EUR");
  await settle(live);

  expect(live.settings.reportingCurrency).toBe("EUR");
  // the licences are in GBP and there is no rate to EUR: no cost in the reporting currency, and a problem
  expect(live.licence("LIC-OK")!.annualCostReporting).toBeNull();
  expect(live.position().problems).toContainEqual(
    expect.objectContaining({ recordId: "settings", message: expect.stringContaining("GBP") }),
  );
  expect(load).not.toHaveBeenCalled();
  load.mockRestore();
  expect(live.position()).toEqual(computePosition(await register.load(), AS_OF));
});

it("a setting typed wrong is a data issue and typing it right clears it, leaving the records' issues as they are", async () => {
  const { workbook, live, register } = fixture;
  const load = jest.spyOn(register, "load");
  const quantity = licenceCell(fixture.workbook, "LIC-OK", "Quantity");
  const threshold = settingCell(SETTINGS_LABELS.underUseThreshold);
  workbook.typeIntoCell("Licences", quantity, "three");
  await settle(live);

  workbook.typeIntoCell("Settings", threshold, "most");
  await settle(live);
  expect(live.issues).toEqual([
    expect.objectContaining({ sheet: "Licences", address: quantity }),
    expect.objectContaining({ sheet: "Settings", address: threshold }),
  ]);
  expect(live.data().issues).toBe(live.issues);

  workbook.typeIntoCell("Settings", threshold, "70%");
  await settle(live);
  expect(live.issues).toEqual([expect.objectContaining({ sheet: "Licences", address: quantity })]);
  expect(live.settings.underUseThreshold).toBe(0.7);
  expect(load).not.toHaveBeenCalled();
  load.mockRestore();
  // the same issues as a load of the whole register finds, in any order
  const reloaded = (await register.load()).issues;
  expect(live.issues).toHaveLength(reloaded.length);
  expect(live.issues).toEqual(expect.arrayContaining(reloaded));
});

it("settings saved from the pane reach the figures without reading the records again", async () => {
  const { live, register } = fixture;
  const load = jest.spyOn(register, "load");
  const saved = await register.updateSettings({ ...live.settings, expiringSoonDays: 400 }, live.settings);
  expect(saved.ok).toBe(true);
  await settle(live);
  expect(live.settings.expiringSoonDays).toBe(400);
  expect(load).not.toHaveBeenCalled();
  load.mockRestore();
  expect(live.position()).toEqual(computePosition(await register.load(), AS_OF));
});
