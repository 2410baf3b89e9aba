import { createInMemoryWorkbook } from "../../src/host";
import { RECORD_TABLES } from "../../src/workbook/tables";
import { registerOn } from "./fixtures";

/** A workbook from an older version: fewer columns, in another order, a column of the user's own, and data. */
async function olderWorkbook() {
  const workbook = createInMemoryWorkbook();
  const session = workbook.session("old");
  await session.run(async (context) => {
    const sheet = context.workbook.worksheets.add("Licences");
    sheet.getRange("A1:H3").values = [
      [
        "Quantity",
        "Licence ID",
        "Software",
        "My Notes",
        "Licence Type",
        "Scope",
        "Allocation Rule",
        "Vendor",
      ],
      [10, "LIC-OLD1", "SW-1", "keep me", "Perpetual", "Site", "User-based", "Acme"],
      [5, "LIC-OLD2", "SW-2", "and me", "Subscription", "Enterprise", "Floating", ""],
    ];
    sheet.tables.add("A1:H3", true).name = "LicencesTable";
    // The Allocations table was deleted but its rows stayed (Convert to Range).
    const allocations = context.workbook.worksheets.add("Allocations");
    allocations.getRange("A1:C2").values = [
      ["Allocation ID", "Licence ID", "User"],
      ["ALC-OLD1", "LIC-OLD1", "kim"],
    ];
    await context.sync();
  });
  return { workbook, session };
}

describe("upgrading an older workbook", () => {
  it("adds missing columns at the end and keeps every user value", async () => {
    const { workbook, session } = await olderWorkbook();
    const register = registerOn(session);
    const report = await register.setUp();
    expect(report.ok).toBe(true);
    if (!report.ok) return;
    expect(report.value.upgraded).toEqual([
      expect.stringMatching(/^Licences: added the "Licence Key", .* columns\.$/),
      'Allocations: added the "Department", "Allocated On", "Revoked On", "Notes", "Modified" and "Row Version" columns.',
    ]);
    expect(report.value.repaired).toEqual([
      "Allocations: the table was missing, so it was recreated over the 1 existing row on the Allocations sheet.",
    ]);
    expect(report.value.created).toEqual(expect.arrayContaining(["Software", "Installations", "Settings"]));

    const sheet = workbook.readSheet("Licences");
    expect(sheet.values[0].slice(0, 8)).toEqual([
      "Quantity",
      "Licence ID",
      "Software",
      "My Notes",
      "Licence Type",
      "Scope",
      "Allocation Rule",
      "Vendor",
    ]);
    expect(sheet.values[1].slice(0, 8)).toEqual([
      10,
      "LIC-OLD1",
      "SW-1",
      "keep me",
      "Perpetual",
      "Site",
      "User-based",
      "Acme",
    ]);
    expect(sheet.values[2][3]).toBe("and me");
    const headers = sheet.values[0];
    for (const column of RECORD_TABLES.licences.columns) expect(headers).toContain(column.header);
    expect(sheet.formulas[1][headers.indexOf("Used Quantity")]).toBe("=LICENSE.USED([@[Licence ID]])");

    const data = await register.load();
    expect(data.issues).toEqual([]);
    expect(data.licences).toEqual([
      expect.objectContaining({ id: "LIC-OLD1", quantity: 10, vendor: "Acme", scope: "Site", rowVersion: 0 }),
      expect.objectContaining({
        id: "LIC-OLD2",
        quantity: 5,
        licenceType: "Subscription",
        allocationRule: "Floating",
      }),
    ]);
    expect(data.allocations).toEqual([
      expect.objectContaining({ id: "ALC-OLD1", licenceId: "LIC-OLD1", user: "kim" }),
    ]);

    // Writing into the reordered table puts each value under its own header.
    const saved = await register.update("licences", { ...data.licences[1], vendor: "Globex", notes: "now" });
    expect(saved.ok).toBe(true);
    const after = workbook.readSheet("Licences");
    expect(after.values[2][headers.indexOf("Vendor")]).toBe("Globex");
    expect(after.values[2][headers.indexOf("Notes")]).toBe("now");
    expect(after.values[2][3]).toBe("and me");
    const added = await register.add("licences", { ...data.licences[0], id: undefined });
    expect(added.ok).toBe(true);
    expect((await register.load()).licences).toHaveLength(3);

    const second = await register.setUp();
    expect(second.ok && second.value.unchanged).toHaveLength(7);
  });

  it("re-adds a renamed column and says what to do", async () => {
    const { workbook, session } = await olderWorkbook();
    const register = registerOn(session);
    await register.setUp();
    workbook.typeIntoCell("Licences", "H1", "Supplier");
    const report = await register.setUp();
    expect(report.ok && report.value.repaired).toEqual([
      'Licences: the "Vendor" column was missing, perhaps renamed, so it was added back at the end. If you renamed a column, copy its values into the new one and delete the old one.',
    ]);
    const sheet = workbook.readSheet("Licences");
    expect(sheet.values[1][7]).toBe("Acme");
  });

  it("recreates a table deleted from a sheet that still exists", async () => {
    const workbook = createInMemoryWorkbook();
    const session = workbook.session("alice");
    const register = registerOn(session);
    await register.setUp();
    await session.run(async (context) => {
      context.workbook.tables.getItem("InstallationsTable").delete();
      await context.sync();
    });
    const data = await register.load();
    expect(data.issues).toEqual([
      expect.objectContaining({ sheet: "Installations", message: expect.stringContaining("missing") }),
    ]);
    const report = await register.setUp();
    expect(report.ok && report.value.repaired).toEqual([
      "Installations: the table was missing, so it was recreated on the Installations sheet.",
    ]);
    expect((await register.load()).issues).toEqual([]);
  });
});
