/**
 * Saving the settings while a co-author edits them: the pane saves what this person changed relative to the
 * settings it loaded (the base), so a co-author's change made after this person opened the settings survives,
 * and a value both changed is refused with a sentence that names it, both values and what to do next.
 */
import type { Settings } from "../../src/domain/schemas";
import type { Register } from "../../src/workbook/registerApi";
import { registerOn } from "../workbook/fixtures";
import { liveErrors, liveFixture, settle, type LiveFixture } from "../functions/liveHarness";

let fixture: LiveFixture;
/** A co-author with their own register on the same workbook. */
let bob: Register;

beforeEach(async () => {
  liveErrors.length = 0;
  fixture = await liveFixture();
  bob = registerOn(fixture.workbook.session("bob"));
});
afterEach(() => {
  fixture.live.stop();
  expect(liveErrors).toEqual([]);
});

/** The Value cell of a setting as the Settings sheet holds it. */
function settingValue(label: string): unknown {
  return fixture.workbook.readSheet("Settings").values.find((row) => row[0] === label)?.[1];
}

/** Each currency and its rate, as the Exchange Rates table holds them. */
function rateRows(): unknown[][] {
  return fixture.workbook
    .readSheet("Settings")
    .values.slice(1)
    .map((row) => row.slice(3, 5))
    .filter(([currency]) => currency !== "");
}

/** A co-author saves a change to the settings as their own pane loaded them. */
async function bobChanges(change: Partial<Settings>): Promise<void> {
  const theirs = (await bob.load()).settings;
  const saved = await bob.updateSettings({ ...theirs, ...change }, theirs);
  if (!saved.ok) throw new Error(saved.error.message);
}

it("a setting a co-author changed after the pane loaded stays as they wrote it when the person saves another, and the pane shows it", async () => {
  const { register, live } = fixture;
  const base = live.settings;
  const form: Settings = { ...base, reportingCurrency: "EUR" };

  await bobChanges({ underUseThreshold: 0.7 });
  await settle(live);
  // the pane's settings follow the change event; the person's form still holds what they typed
  expect(live.settings.underUseThreshold).toBe(0.7);

  const saved = await register.updateSettings(form, base);
  expect(saved).toEqual({
    ok: true,
    value: { ...base, reportingCurrency: "EUR", underUseThreshold: 0.7 },
    merged: {
      fields: ["Under-use Threshold"],
      message: "Saved. Someone else changed Under-use Threshold meanwhile; their change is kept with yours.",
    },
  });
  expect(settingValue("Under-use Threshold")).toBe(0.7);
  expect(settingValue("Reporting Currency")).toBe("EUR");
  await settle(live);
  expect(live.settings).toMatchObject({ reportingCurrency: "EUR", underUseThreshold: 0.7 });
  expect((await bob.load()).settings).toEqual(live.settings);
});

it("a setting both changed to different values is not saved, nothing is written, and the message names both values and what to do", async () => {
  const { register, live } = fixture;
  const base = live.settings;
  const form: Settings = { ...base, reportingCurrency: "EUR", underUseThreshold: 0.9 };

  await bobChanges({ underUseThreshold: 0.7 });
  const before = fixture.workbook.readSheet("Settings").values;
  const refused = await register.updateSettings(form, base);
  expect(refused).toEqual({
    ok: false,
    error: {
      kind: "conflict",
      message:
        "Not saved: after you opened the settings, someone else changed Under-use Threshold to 70% (you changed it to 90%). Your changes are still in the form. To keep yours, save again; to keep theirs, set Under-use Threshold to 70%, then save.",
      changedFields: ["underUseThreshold"],
      current: { ...base, underUseThreshold: 0.7 },
    },
  });
  // not even the currency, which nobody else changed
  expect(fixture.workbook.readSheet("Settings").values).toEqual(before);

  // saving again over what the tables hold now keeps this person's values
  if (refused.ok || refused.error.kind !== "conflict") throw new Error("expected a conflict");
  const again = await register.updateSettings(form, refused.error.current as Settings);
  expect(again).toEqual({ ok: true, value: form });
  expect(settingValue("Under-use Threshold")).toBe(0.9);
  expect(settingValue("Reporting Currency")).toBe("EUR");
});

it("a setting both changed to the same value is saved without a word", async () => {
  const { register, live } = fixture;
  const base = live.settings;
  await bobChanges({ expiringSoonDays: 60 });
  const form: Settings = { ...base, expiringSoonDays: 60, reportingCurrency: "USD" };
  expect(await register.updateSettings(form, base)).toEqual({ ok: true, value: form });
});

it("exchange rates a co-author added, changed or removed after the pane loaded stay as they left them", async () => {
  const { register, live } = fixture;
  await bobChanges({ exchangeRates: { USD: 0.8, EUR: 0.86, JPY: 0.0052 } });
  await settle(live);
  const base = live.settings;

  await bobChanges({ exchangeRates: { USD: 0.81, EUR: 0.86, CHF: 0.9 } });
  const form: Settings = { ...base, exchangeRates: { ...base.exchangeRates, EUR: 0.87 } };
  const saved = await register.updateSettings(form, base);
  expect(saved).toEqual({
    ok: true,
    value: { ...base, exchangeRates: { USD: 0.81, EUR: 0.87, CHF: 0.9 } },
    merged: {
      fields: ["the rate for USD", "the rate for JPY", "the rate for CHF"],
      message:
        "Saved. Someone else changed the rate for USD, the rate for JPY and the rate for CHF meanwhile; their change is kept with yours.",
    },
  });
  expect(rateRows()).toEqual([
    ["USD", 0.81],
    ["EUR", 0.87],
    ["CHF", 0.9],
  ]);
});

it("a rate the person removed that a co-author changed meanwhile is not saved, naming both", async () => {
  const { register, live } = fixture;
  await bobChanges({ exchangeRates: { USD: 0.8, EUR: 0.86 } });
  await settle(live);
  const base = live.settings;

  await bobChanges({ exchangeRates: { USD: 0.8, EUR: 0.88 } });
  const refused = await register.updateSettings({ ...base, exchangeRates: { USD: 0.8 } }, base);
  expect(refused.ok === false && refused.error.message).toBe(
    "Not saved: after you opened the settings, someone else changed the rate for EUR to 0.88 (you removed it). Your changes are still in the form. To keep yours, save again; to keep theirs, set the rate for EUR to 0.88, then save.",
  );
  expect(rateRows()).toEqual([
    ["USD", 0.8],
    ["EUR", 0.88],
  ]);
});
