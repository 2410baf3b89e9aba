import { DEFAULT_SETTINGS, type Settings } from "../../src/domain/schemas";
import { freshWorkbook, pasteBelow, type Workbook } from "./fixtures";

/** The Exchange Rates table's rows as the sheet shows them (columns D and E), with each rate cell's format. */
function rateRows(workbook: Workbook): unknown[][] {
  const sheet = workbook.readSheet("Settings");
  return sheet.values
    .map((row, index) => [row[3], row[4], sheet.numberFormat[index][4]])
    .slice(1)
    .filter(([currency, rate]) => currency !== "" || rate !== "");
}

const settingsWith = (change: Partial<Settings>): Settings => ({ ...DEFAULT_SETTINGS, ...change });

const CODE_FIX = "Type the 3-letter ISO 4217 code, such as USD, EUR or GBP, or delete the row.";

describe("Exchange Rates rows the register cannot read", () => {
  it("are reported on load and kept as typed, in place, by a save that updates, adds and removes other currencies", async () => {
    const { workbook, session, register } = await freshWorkbook();
    const saved = await register.updateSettings(settingsWith({ exchangeRates: { USD: 0.8, JPY: 0.0061 } }));
    expect(saved.ok).toBe(true);
    await pasteBelow(session, "ExchangeRatesTable", [
      ["US", 0.79],
      ["us dollars", 0.8],
      ["EUR", "tbc"],
      ["", 1.17],
      ["USD", "n/a"],
    ]);
    const typed = rateRows(workbook).slice(2);

    const data = await register.load();
    expect(data.settings.exchangeRates).toEqual({ USD: 0.8, JPY: 0.0061 });
    const issue = (row: number, column: string, message: string) => ({
      sheet: "Settings",
      row,
      column,
      address: `${column === "Currency" ? "D" : "E"}${row}`,
      message,
    });
    expect(data.issues).toEqual([
      issue(
        4,
        "Currency",
        `"US" is not a currency code, so the register does not use this row's rate. ${CODE_FIX}`,
      ),
      issue(
        5,
        "Currency",
        `"us dollars" is not a currency code, so the register does not use this row's rate. ${CODE_FIX}`,
      ),
      issue(
        6,
        "Rate to Reporting Currency",
        `The rate for EUR, "tbc", is not a number greater than 0, so EUR has no exchange rate. Type the rate as a number greater than 0, or delete the row.`,
      ),
      issue(7, "Currency", `This rate has no currency, so the register does not use it. ${CODE_FIX}`),
      issue(
        8,
        "Currency",
        "The currency USD is on rows 2 and 8 of the Exchange Rates table; the first is used. Delete the other row.",
      ),
    ]);

    // the pane holds only what it could read: it changes USD, takes JPY out and adds CHF
    const next = settingsWith({ exchangeRates: { USD: 0.9, CHF: 0.88 } });
    expect(await register.updateSettings(next)).toEqual({ ok: true, value: next });
    expect(rateRows(workbook)).toEqual([["USD", 0.9, "0.0000"], ...typed, ["CHF", 0.88, "0.0000"]]);
    const reloaded = await register.load();
    expect(reloaded.settings.exchangeRates).toEqual({ USD: 0.9, CHF: 0.88 });
    expect(reloaded.issues.map((found) => found.address)).toEqual(["D3", "D4", "E5", "D6", "D7"]);

    // taking USD out deletes the row it was read from; the row whose rate it cannot read stays
    expect((await register.updateSettings(settingsWith({ exchangeRates: { CHF: 0.88 } }))).ok).toBe(true);
    expect(rateRows(workbook)).toEqual([...typed, ["CHF", 0.88, "0.0000"]]);
    const last = await register.load();
    expect(last.settings.exchangeRates).toEqual({ CHF: 0.88 });
    expect(last.issues.map((found) => [found.address, found.message])).toContainEqual([
      "E6",
      `The rate for USD, "n/a", is not a number greater than 0, so USD has no exchange rate. Type the rate as a number greater than 0, or delete the row.`,
    ]);
  });

  it("refuses a rate for a currency whose rate cell holds text it cannot read, writing nothing, and fills a blank one", async () => {
    const { workbook, session, register } = await freshWorkbook();
    await pasteBelow(session, "ExchangeRatesTable", [
      ["EUR", "about 0.86"],
      ["CHF", ""],
    ]);
    const before = workbook.readSheet("Settings");
    const message =
      'Could not save the settings: it would overwrite the rate for EUR in cell E3 of the Settings sheet ("about 0.86"), which the register cannot read. Correct or clear that cell, then try again.';

    const wanted = settingsWith({ expiringSoonDays: 45, exchangeRates: { EUR: 0.86, CHF: 0.88 } });
    expect(await register.updateSettings(wanted)).toEqual({
      ok: false,
      error: { kind: "invalid", message, fieldErrors: { exchangeRates: message } },
    });
    expect(workbook.readSheet("Settings")).toEqual(before);

    workbook.typeIntoCell("Settings", "E3", "");
    expect((await register.updateSettings(wanted)).ok).toBe(true);
    expect(rateRows(workbook)).toEqual([
      ["EUR", 0.86, "0.0000"],
      ["CHF", 0.88, "0.0000"],
    ]);
    const data = await register.load();
    expect(data.settings).toEqual(wanted);
    expect(data.issues).toEqual([]);
  });
});

describe("Settings rows the register cannot read", () => {
  it("keeps an unknown setting and an unreadable value as typed while saving the others, and refuses to overwrite the value", async () => {
    const { workbook, session, register } = await freshWorkbook();
    await pasteBelow(session, "SettingsTable", [["Fiscal Year Start", "April"]]);
    workbook.typeIntoCell("Settings", "B5", "ninety");
    const settingsRows = () => workbook.readSheet("Settings").values.map((row) => row.slice(0, 2));
    expect(settingsRows()[4]).toEqual(["Expiring Soon (Days)", "ninety"]);

    const data = await register.load();
    expect(data.settings.expiringSoonDays).toBe(30);
    expect(data.issues).toEqual([
      {
        sheet: "Settings",
        row: 5,
        column: "Expiring Soon (Days)",
        address: "B5",
        message:
          'Expiring Soon (Days) must be a number: type it in figures, such as 25. The cell holds "ninety", so the default, 30, is used until you correct it.',
      },
    ]);

    const next = { ...data.settings, reportingCurrency: "EUR", underUseThreshold: 0.7 };
    expect(await register.updateSettings(next)).toEqual({ ok: true, value: next });
    expect(settingsRows().slice(1, 6)).toEqual([
      ["Reporting Currency", "EUR"],
      ["Under-use Threshold", 0.7],
      ["Default Renewal Notice (Days)", 30],
      ["Expiring Soon (Days)", "ninety"],
      ["Fiscal Year Start", "April"],
    ]);

    const before = workbook.readSheet("Settings");
    const message =
      'Could not save the settings: it would overwrite Expiring Soon (Days) in cell B5 of the Settings sheet ("ninety"), which the register cannot read. Correct or clear that cell, then try again.';
    expect(await register.updateSettings({ ...next, expiringSoonDays: 45 })).toEqual({
      ok: false,
      error: { kind: "invalid", message, fieldErrors: { expiringSoonDays: message } },
    });
    expect(workbook.readSheet("Settings")).toEqual(before);

    workbook.typeIntoCell("Settings", "B5", "");
    expect((await register.updateSettings({ ...next, expiringSoonDays: 45 })).ok).toBe(true);
    expect(settingsRows()[4]).toEqual(["Expiring Soon (Days)", 45]);
    expect(settingsRows()[5]).toEqual(["Fiscal Year Start", "April"]);
    expect((await register.load()).issues).toEqual([]);
  });
});
