import { RECORD_TABLES } from "../../src/workbook/tables";
import { freshWorkbook, fullLicence } from "./fixtures";

const column = (header: string) => RECORD_TABLES.licences.columns.findIndex((c) => c.header === header);

describe("text from users stays text", () => {
  const dangerous = [
    '=HYPERLINK("http://x","y")',
    "+1",
    "@SUM(A1)",
    "-2",
    "'quoted",
    "00123",
    "TRUE",
    "2026-01-01",
    "\tTabbed",
  ];

  it.each(dangerous)("%p is stored as literal text and read back unchanged", async (text) => {
    const { workbook, register } = await freshWorkbook();
    const added = await register.add(
      "licences",
      fullLicence({ notes: text, vendor: text, licenceKey: text }),
    );
    expect(added.ok).toBe(true);
    const sheet = workbook.readSheet("Licences");
    for (const header of ["Notes", "Vendor", "Licence Key"]) {
      // A formula would show its result ("y", 1, -2, a number) as the value; literal text shows itself.
      expect(sheet.values[1][column(header)]).toBe(text.trim());
    }
    const data = await register.load();
    expect(data.licences[0]).toMatchObject({
      notes: text.trim(),
      vendor: text.trim(),
      licenceKey: text.trim(),
    });
  });

  it("keeps formulas only in the computed columns", async () => {
    const { workbook, register } = await freshWorkbook();
    await register.add("licences", fullLicence({ notes: '=HYPERLINK("http://x","y")' }));
    const sheet = workbook.readSheet("Licences");
    expect(sheet.formulas[1][column("Used Quantity")]).toBe(
      '=IF([@[Licence ID]]="","",LICENSE.USED([@[Licence ID]]))',
    );
    expect(sheet.formulas[1][column("Renewal Status")]).toBe(
      '=IF([@[Licence ID]]="","",LICENSE.FIGURE([@[Licence ID]],"Renewal Status"))',
    );
  });
});
