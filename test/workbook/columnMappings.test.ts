import { DEFAULT_SETTINGS } from "../../src/domain/schemas";
import { freshWorkbook, registerOn } from "./fixtures";

const header = ["Computer", "Program", "Ver", "Notes"];
const mapping = { header, columns: { device: "Computer", title: "Program", version: "Ver" } };

describe("column mappings remembered in the workbook", () => {
  it("a saved mapping is read back, by this person and by a co-author", async () => {
    const { workbook, register } = await freshWorkbook();
    expect(await register.readColumnMappings!()).toEqual({ ok: true, value: [] });
    expect(await register.saveColumnMapping!(mapping)).toEqual({ ok: true, value: mapping });

    const colleague = registerOn(workbook.session("bob"));
    expect(await colleague.readColumnMappings!()).toEqual({ ok: true, value: [mapping] });
    const settings = workbook.readSheet("Settings").values;
    expect(settings.some((row) => row[0] === "Column mapping: Computer | Program | Ver | Notes")).toBe(true);
  });

  it("saving for the same header row again replaces the mapping instead of adding a second", async () => {
    const { register } = await freshWorkbook();
    await register.saveColumnMapping!(mapping);
    const changed = { header, columns: { device: "Computer", title: "Program", version: "Notes" } };
    await register.saveColumnMapping!(changed);
    expect(await register.readColumnMappings!()).toEqual({ ok: true, value: [changed] });
  });

  it("does not disturb the settings, which still load and save", async () => {
    const { register } = await freshWorkbook();
    await register.saveColumnMapping!(mapping);
    const data = await register.load();
    expect(data.settings).toEqual(DEFAULT_SETTINGS);
    expect(data.issues).toEqual([]);
    const settings = { ...DEFAULT_SETTINGS, expiringSoonDays: 45 };
    expect((await register.updateSettings(settings)).ok).toBe(true);
    expect((await register.load()).settings.expiringSoonDays).toBe(45);
    expect(await register.readColumnMappings!()).toEqual({ ok: true, value: [mapping] });
  });

  it("header text that looks like a formula is written as text", async () => {
    const { workbook, register } = await freshWorkbook();
    const risky = { header: ["=HYPERLINK(1)", "@Program"], columns: { title: "@Program" } };
    expect((await register.saveColumnMapping!(risky)).ok).toBe(true);
    const { formulas } = workbook.readSheet("Settings");
    expect(formulas.flat().filter((cell) => typeof cell === "string" && cell.startsWith("="))).toEqual([]);
    expect(await register.readColumnMappings!()).toEqual({ ok: true, value: [risky] });
  });

  it("refuses a mapping that names a column the file does not have, or one column twice, and writes nothing", async () => {
    const { workbook, register } = await freshWorkbook();
    const before = workbook.readSheet("Settings").values;
    const missing = await register.saveColumnMapping!({ header, columns: { title: "Software" } });
    expect(missing).toMatchObject({
      ok: false,
      error: {
        kind: "invalid",
        message:
          'Software title: "Software" is not a column of this file\'s header row: choose one of its columns.',
      },
    });
    const twice = await register.saveColumnMapping!({
      header,
      columns: { title: "Program", device: "Program" },
    });
    expect(twice).toMatchObject({
      ok: false,
      error: {
        message: '"Program" is chosen for both Device and Software title: choose one column for each.',
      },
    });
    const noTitle = await register.saveColumnMapping!({
      header,
      columns: { device: "Computer" } as never,
    });
    expect(noTitle).toMatchObject({
      ok: false,
      error: { message: "Choose the column that holds the software title." },
    });
    expect(workbook.readSheet("Settings").values).toEqual(before);
  });

  it("a saved row someone edited into nonsense is passed over, and mapping again replaces it", async () => {
    const { workbook, register } = await freshWorkbook();
    await register.saveColumnMapping!(mapping);
    const row = workbook.readSheet("Settings").values.findIndex((r) => String(r[0]).startsWith("Column"));
    workbook.typeIntoCell("Settings", `B${row + 1}`, "not a mapping");
    expect(await register.readColumnMappings!()).toEqual({ ok: true, value: [] });
    await register.saveColumnMapping!(mapping);
    expect(await register.readColumnMappings!()).toEqual({ ok: true, value: [mapping] });
    const rows = workbook.readSheet("Settings").values.filter((r) => String(r[0]).startsWith("Column"));
    expect(rows).toHaveLength(1);
  });
});
