import { DEFAULT_SETTINGS, type Settings } from "../../src/domain/schemas";
import { attachCalculation } from "../../src/host";
import { freshWorkbook, pasteBelow, syncsOf, type Session, type Workbook } from "./fixtures";

const header = ["Computer", "Program", "Ver", "Notes"];
const mapping = { header, columns: { device: "Computer", title: "Program", version: "Ver" } };
const changed: Settings = { ...DEFAULT_SETTINGS, expiringSoonDays: 45, exchangeRates: { USD: 0.8 } };

/** Someone cuts the Value column and pastes it before the Setting column. */
async function swapSettingColumns(session: Session): Promise<void> {
  await session.run(async (context) => {
    const range = context.workbook.worksheets.getItem("Settings").getRange("A1:B5").load("values");
    await context.sync();
    const swapped = range.values.map(([setting, value]) => [value, setting]);
    range.numberFormat = swapped.map(() => ["General", "General"]);
    range.values = swapped;
    await context.sync();
  });
}

describe("the Settings table as people leave it", () => {
  it("is read in the same request as the Exchange Rates, and each save takes one request to read and one to write", async () => {
    const { workbook, session, register } = await freshWorkbook();
    expect(await syncsOf(session, () => register.readColumnMappings!())).toBe(1);
    expect(await syncsOf(session, () => register.saveColumnMapping!(mapping))).toBe(2);
    expect(await syncsOf(session, () => register.updateSettings(changed))).toBe(2);
    // nothing differs, so nothing is written
    expect(await syncsOf(session, () => register.updateSettings(changed))).toBe(1);

    await register.setUp();
    const steady = await syncsOf(session, () => register.setUp());
    const row = workbook.readSheet("Settings").values.findIndex((r) => r[0] === "Expiring Soon (Days)");
    await session.run(async (context) => {
      context.workbook.tables
        .getItem("SettingsTable")
        .getDataBodyRange()
        .getRow(row - 1)
        .delete("Up");
      await context.sync();
    });
    // the missing setting costs set-up the one request that writes it
    expect(await syncsOf(session, () => register.setUp())).toBe(steady + 1);
  });

  it("finds the Setting and Value columns by header after they are swapped, and passes over a cleared row", async () => {
    const { workbook, session, register } = await freshWorkbook();
    await swapSettingColumns(session);
    const cleared = workbook.readSheet("Settings").values.findIndex((r) => r[1] === "Expiring Soon (Days)");
    workbook.typeIntoCell("Settings", `A${cleared + 1}`, "");
    workbook.typeIntoCell("Settings", `B${cleared + 1}`, "");

    const setUp = await register.setUp();
    expect(setUp.ok && setUp.value.upgraded).toContain(
      "Settings: added missing settings with their default values.",
    );
    const expiring = () =>
      workbook.readSheet("Settings").values.filter((r) => r[1] === "Expiring Soon (Days)");
    expect(expiring()).toEqual([[30, "Expiring Soon (Days)", "", "", ""]]);
    expect(workbook.readSheet("Settings").values[cleared].slice(0, 2)).toEqual(["", ""]);

    expect((await register.updateSettings(changed)).ok).toBe(true);
    expect(expiring().map((r) => r[0])).toEqual([45]);
    const data = await register.load();
    expect(data.settings).toEqual(changed);
    expect(data.issues).toEqual([]);

    expect((await register.saveColumnMapping!(mapping)).ok).toBe(true);
    expect(await register.readColumnMappings!()).toEqual({ ok: true, value: [mapping] });
    const labels = workbook.readSheet("Settings").values.map((r) => r[1]);
    expect(labels).toContain("Column mapping: Computer | Program | Ver | Notes");
    const again = await register.setUp();
    expect(again.ok && again.value.upgraded).not.toContain(
      "Settings: added missing settings with their default values.",
    );
  });

  it("with its Value column renamed, reads no column mappings and refuses to save one, writing nothing", async () => {
    const { workbook, register } = await freshWorkbook();
    workbook.typeIntoCell("Settings", "B1", "Amount");
    const before = workbook.readSheet("Settings").values;
    expect(await register.readColumnMappings!()).toEqual({ ok: true, value: [] });
    expect(await register.saveColumnMapping!(mapping)).toEqual({
      ok: false,
      error: {
        kind: "not-set-up",
        message: `Could not remember the column mapping: the Settings table is missing its "Value" column (renamed or deleted). Choose "Set up workbook" to put it back, then try again.`,
      },
    });
    expect(workbook.readSheet("Settings").values).toEqual(before);
  });

  it.each([
    ["Settings", "Setting", "A1", "Name"],
    ["Settings", "Value", "B1", "Amount"],
    ["Exchange Rates", "Currency", "D1", "Code"],
    ["Exchange Rates", "Rate to Reporting Currency", "E1", "Rate"],
  ])(
    "with the %s table's %s column renamed, refuses to save the settings, says to set up the workbook and writes to neither table",
    async (table, column, headerCell, renamed) => {
      const { workbook, register } = await freshWorkbook();
      expect((await register.updateSettings(changed)).ok).toBe(true);
      workbook.typeIntoCell("Settings", headerCell, renamed);
      // both tables share the Settings sheet; each would have a cell to write
      const before = workbook.readSheet("Settings");
      const next = { ...changed, expiringSoonDays: 60, exchangeRates: { USD: 0.81, EUR: 0.86 } };
      expect(await register.updateSettings(next)).toEqual({
        ok: false,
        error: {
          kind: "not-set-up",
          message: `Could not save the settings: the ${table} table is missing its "${column}" column (renamed or deleted). Choose "Set up workbook" to put it back, then try again.`,
        },
      });
      expect(workbook.readSheet("Settings")).toEqual(before);
    },
  );

  it("with a column of each table renamed, names both and writes nothing", async () => {
    const { workbook, register } = await freshWorkbook();
    workbook.typeIntoCell("Settings", "B1", "Amount");
    workbook.typeIntoCell("Settings", "D1", "Code");
    workbook.typeIntoCell("Settings", "E1", "Rate");
    const before = workbook.readSheet("Settings");
    expect(await register.updateSettings(changed)).toEqual({
      ok: false,
      error: {
        kind: "not-set-up",
        message: `Could not save the settings: the Settings table is missing its "Value" column and the Exchange Rates table is missing its "Currency" and "Rate to Reporting Currency" columns (renamed or deleted). Choose "Set up workbook" to put them back, then try again.`,
      },
    });
    expect(workbook.readSheet("Settings")).toEqual(before);
  });

  it.each([
    ["Settings", "Value", "B1", "C1"],
    ["Exchange Rates", "Rate to Reporting Currency", "E1", "F1"],
  ])(
    "with the %s table's %s column renamed, loads with an issue saying to set up the workbook, which puts it back",
    async (table, column, headerCell, besideTable) => {
      const { workbook, register } = await freshWorkbook();
      expect((await register.updateSettings(changed)).ok).toBe(true);
      workbook.typeIntoCell("Settings", headerCell, "Renamed");

      const data = await register.load();
      expect(data.issues).toEqual([
        {
          sheet: "Settings",
          row: 1,
          column,
          address: besideTable,
          message: `The ${table} table has no "${column}" column. Choose "Set up workbook" to add it back.`,
          fix: "set-up",
        },
      ]);

      const setUp = await register.setUp();
      expect(setUp.ok && setUp.value.repaired).toContainEqual(expect.stringContaining(`"${column}"`));
      expect((await register.updateSettings(changed)).ok).toBe(true);
      const mended = await register.load();
      expect(mended.issues).toEqual([]);
      expect(mended.settings).toEqual(changed);
    },
  );

  it("when the table is gone, says to set up the workbook and writes nothing", async () => {
    const { workbook, session, register } = await freshWorkbook();
    await session.run(async (context) => {
      context.workbook.tables.getItem("SettingsTable").delete();
      await context.sync();
    });
    const before = workbook.readSheet("Settings").values;
    const missing = (action: string) => ({
      ok: false,
      error: {
        kind: "not-set-up",
        message: `Could not ${action}: a register sheet or table is missing. Choose "Set up workbook" to repair it, then try again.`,
      },
    });
    expect(await register.readColumnMappings!()).toEqual(missing("read the saved column mappings"));
    expect(await register.saveColumnMapping!(mapping)).toEqual(missing("remember the column mapping"));
    expect(await register.updateSettings(changed)).toEqual(missing("save the settings"));
    expect(workbook.readSheet("Settings").values).toEqual(before);
  });
});

/** A person's own formula beside the tables, as Excel works it out. */
function formulaBeside(workbook: Workbook, formula: string): () => Promise<unknown> {
  const engine = attachCalculation(workbook);
  workbook.typeIntoCell("Settings", "H1", formula);
  return async () => {
    await engine.whenIdle();
    return engine.describeCell("Settings", "H1").value;
  };
}

describe("a setting or currency on more than one row", () => {
  it("loads and saves the setting's first row, as the sheet's own lookups read it, and says which row to delete", async () => {
    const { workbook, session, register } = await freshWorkbook();
    await pasteBelow(session, "SettingsTable", [["Expiring Soon (Days)", 90]]);
    const lookedUp = formulaBeside(
      workbook,
      '=XLOOKUP("Expiring Soon (Days)",SettingsTable[Setting],SettingsTable[Value])',
    );

    const data = await register.load();
    expect(data.settings.expiringSoonDays).toBe(30);
    expect(await lookedUp()).toBe(30);
    expect(data.issues).toEqual([
      {
        sheet: "Settings",
        row: 6,
        column: "Setting",
        address: "A6",
        message:
          "The setting Expiring Soon (Days) is on rows 5 and 6 of the Settings table; the first is used. Delete the other row.",
      },
    ]);

    expect((await register.updateSettings({ ...data.settings, expiringSoonDays: 45 })).ok).toBe(true);
    const values = workbook.readSheet("Settings").values;
    expect([values[4][1], values[5][1]]).toEqual([45, 90]);
    expect((await register.load()).settings.expiringSoonDays).toBe(45);
    expect(await lookedUp()).toBe(45);
  });

  it("loads and saves a currency's first row, keeps the later rows until someone deletes them, and removes them all when the currency is taken out", async () => {
    const { workbook, session, register } = await freshWorkbook();
    expect((await register.updateSettings({ ...DEFAULT_SETTINGS, exchangeRates: { USD: 0.8 } })).ok).toBe(
      true,
    );
    await pasteBelow(session, "ExchangeRatesTable", [
      ["EUR", 0.86],
      [" usd", 0.75],
      ["USD", 0.7],
    ]);
    const rates = () =>
      workbook
        .readSheet("Settings")
        .values.map((row) => row.slice(3, 5))
        .filter((row) => row.some((cell) => cell !== ""));
    const lookedUp = formulaBeside(
      workbook,
      '=XLOOKUP("USD",ExchangeRatesTable[Currency],ExchangeRatesTable[Rate to Reporting Currency])',
    );

    const data = await register.load();
    expect(data.settings.exchangeRates).toEqual({ USD: 0.8, EUR: 0.86 });
    expect(await lookedUp()).toBe(0.8);
    expect(data.issues).toEqual([
      {
        sheet: "Settings",
        row: 4,
        column: "Currency",
        address: "D4",
        message:
          "The currency USD is on rows 2, 4 and 5 of the Exchange Rates table; the first is used. Delete the other rows.",
      },
    ]);

    expect(
      (await register.updateSettings({ ...data.settings, exchangeRates: { USD: 0.9, EUR: 0.86 } })).ok,
    ).toBe(true);
    expect(rates().slice(1)).toEqual([
      ["USD", 0.9],
      ["EUR", 0.86],
      [" usd", 0.75],
      ["USD", 0.7],
    ]);
    expect((await register.load()).settings.exchangeRates).toEqual({ USD: 0.9, EUR: 0.86 });
    expect(await lookedUp()).toBe(0.9);

    expect((await register.updateSettings({ ...data.settings, exchangeRates: { EUR: 0.86 } })).ok).toBe(true);
    expect(rates().slice(1)).toEqual([["EUR", 0.86]]);
    const after = await register.load();
    expect(after.settings.exchangeRates).toEqual({ EUR: 0.86 });
    expect(after.issues).toEqual([]);
  });
});
