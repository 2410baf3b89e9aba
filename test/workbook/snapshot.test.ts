import { columnLetter } from "../../src/workbook/cells";
import { RECORD_TABLES } from "../../src/workbook/tables";
import { computePosition } from "../../src/domain/position";
import { positionGrid } from "../../src/domain/positionGrid";
import { SNAPSHOT_GRID_ROW, snapshotSheetName } from "../../src/workbook/snapshot";
import { freshWorkbook, simpleLicence } from "./fixtures";

async function seeded() {
  const { workbook, register } = await freshWorkbook();
  await register.addMany("software", [{ id: "SW-1", name: "Visio" }]);
  await register.addMany("licences", [{ ...simpleLicence(1), id: "LIC-1", softwareId: "SW-1", quantity: 2 }]);
  await register.addMany("installations", [
    { softwareId: "SW-1", licenceId: "LIC-1", device: "PC-1", user: "kim", source: "Manual" },
  ]);
  return { workbook, register };
}

describe("Snapshot compliance position", () => {
  it("writes the grid as plain values with the as-of date, who took it and when, and protects the sheet", async () => {
    const { workbook, register } = await seeded();
    const taken = await register.takeSnapshot!("  Ana Silva ", "2026-11-27");
    if (!taken.ok) throw new Error(taken.error.message);
    expect(taken.value).toMatchObject({
      sheet: "Snapshot 2026-11-27",
      asOf: "2026-11-27",
      takenBy: "Ana Silva",
      takenAt: "2026-05-01T09:30:00.000Z",
      products: 1,
    });
    const sheet = workbook.readSheet("Snapshot 2026-11-27");
    expect(sheet.values.slice(1, 4).map((row) => row.slice(0, 2))).toEqual([
      ["As of", "2026-11-27"],
      ["Taken by", "Ana Silva"],
      ["Taken at (UTC)", "2026-05-01 09:30:00"],
    ]);
    const want = positionGrid(computePosition(await register.load(), "2026-11-27").products, "GBP");
    expect(sheet.values.slice(SNAPSHOT_GRID_ROW).map((row) => row.slice(0, want[0].length))).toEqual(want);
    // values, not formulas
    expect(sheet.formulas.flat().some((cell) => typeof cell === "string" && cell.startsWith("="))).toBe(
      false,
    );
    expect(workbook.describeSheet("Snapshot 2026-11-27").protection.protected).toBe(true);
  });

  it("stays exactly as taken when the register changes afterwards", async () => {
    const { workbook, register } = await seeded();
    const taken = await register.takeSnapshot!("Ana Silva", "2026-11-27");
    if (!taken.ok) throw new Error(taken.error.message);
    const before = workbook.readSheet(taken.value.sheet);
    await register.addMany("installations", [
      { softwareId: "SW-1", licenceId: "LIC-1", device: "PC-2", source: "Manual" },
      { softwareId: "SW-1", licenceId: "LIC-1", device: "PC-3", source: "Manual" },
    ]);
    const quantity = RECORD_TABLES.licences.columns.findIndex((column) => column.header === "Quantity");
    workbook.typeIntoCell("Licences", `${columnLetter(quantity)}2`, "1");
    await register.buildDashboard!();
    expect(workbook.readSheet(taken.value.sheet)).toEqual(before);
  });

  it("writes the figures it is given (the live register's in memory) without reading the register", async () => {
    const { workbook, register } = await seeded();
    const figures = computePosition(await register.load(), "2026-11-27");
    const load = jest.spyOn(register, "load");
    const asked: string[] = [];
    const taken = await register.takeSnapshot!("Ana Silva", "2026-11-27", undefined, (asOf) => {
      asked.push(asOf);
      return figures;
    });
    if (!taken.ok) throw new Error(taken.error.message);
    const built = await register.buildDashboard!(undefined, () => figures);
    expect(built.ok).toBe(true);
    expect(asked).toEqual(["2026-11-27"]);
    expect(load).not.toHaveBeenCalled();
    const want = positionGrid(figures.products, "GBP");
    const sheet = workbook.readSheet(taken.value.sheet);
    expect(sheet.values.slice(SNAPSHOT_GRID_ROW).map((row) => row.slice(0, want[0].length))).toEqual(want);
  });

  it("names a second snapshot of the same day apart, and needs a name", async () => {
    const { register } = await seeded();
    await register.takeSnapshot!("Ana", "2026-11-27");
    const second = await register.takeSnapshot!("Ben", "2026-11-27");
    expect(second.ok && second.value.sheet).toBe("Snapshot 2026-11-27 (2)");
    const nameless = await register.takeSnapshot!("   ", "2026-11-27");
    expect(nameless.ok).toBe(false);
    if (!nameless.ok) expect(nameless.error.kind).toBe("invalid");
    expect(snapshotSheetName("2026-11-27", ["snapshot 2026-11-27", "Snapshot 2026-11-27 (2)"])).toBe(
      "Snapshot 2026-11-27 (3)",
    );
  });
});
