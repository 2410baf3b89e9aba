import { createInMemoryWorkbook } from "../../src/host";
import { freshWorkbook, fullLicence, registerOn } from "./fixtures";

describe("failures the task pane can show", () => {
  it("says to set up the workbook when the tables are missing", async () => {
    const register = registerOn(createInMemoryWorkbook().session("alice"));
    const result = await register.add("licences", fullLicence());
    expect(result).toEqual({
      ok: false,
      error: {
        kind: "not-set-up",
        message:
          'Could not add the licence: a register sheet or table is missing. Choose "Set up workbook" to repair it, then try again.',
      },
    });
    const data = await register.load();
    expect(data.licences).toEqual([]);
    expect(data.issues.map((issue) => issue.message)).toContain(
      'The Licences table (LicencesTable) is missing. Choose "Set up workbook" to recreate it.',
    );
    // The pane offers "Set up workbook" for exactly these.
    expect(data.issues.filter((issue) => issue.fix === "set-up").map((issue) => issue.sheet)).toEqual([
      "Software",
      "Licences",
      "Allocations",
      "Installations",
    ]);
  });

  it("refuses to delete a record someone else changed, unless forced", async () => {
    const { workbook, register } = await freshWorkbook();
    const added = await register.add("licences", fullLicence());
    if (!added.ok) throw new Error(added.error.message);
    const bob = registerOn(workbook.session("bob"));
    const bobs = (await bob.load()).licences[0];
    expect((await bob.update("licences", { ...bobs, vendor: "Bob & Co" })).ok).toBe(true);
    const refused = await register.remove("licences", added.value.id, added.value.rowVersion);
    expect(refused).toEqual({
      ok: false,
      error: expect.objectContaining({
        kind: "conflict",
        message:
          "Someone else changed Vendor of this licence since you opened it: reload to see their version, then make your change again.",
      }),
    });
    expect(
      await register.remove("licences", added.value.id, added.value.rowVersion, { force: true }),
    ).toEqual({
      ok: true,
      value: undefined,
    });
    expect((await bob.load()).licences).toEqual([]);
  });

  it("reports a bad setting as a data issue and uses the default", async () => {
    const { workbook, register } = await freshWorkbook();
    workbook.typeIntoCell("Settings", "B3", "lots");
    workbook.typeIntoCell("Settings", "D2", "usd");
    workbook.typeIntoCell("Settings", "E2", "0.79");
    const data = await register.load();
    expect(data.settings.underUseThreshold).toBe(0.8);
    expect(data.settings.exchangeRates).toEqual({ USD: 0.79 });
    expect(data.issues).toEqual([
      {
        sheet: "Settings",
        row: 3,
        column: "Under-use Threshold",
        address: "B3",
        message:
          'Under-use Threshold must be a number: enter a percentage such as 80%. The cell holds "lots", so the default, 0.8, is used until you correct it.',
      },
    ]);
  });
});
