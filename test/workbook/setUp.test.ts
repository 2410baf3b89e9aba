import { createInMemoryWorkbook } from "../../src/host";
import { ALL_TABLES } from "../../src/workbook/tables";
import { freshWorkbook, fullLicence, registerOn, type Workbook } from "./fixtures";

/** Every cell (value, formula, number format) and every table with its calculated columns' formulas. */
function snapshot(workbook: Workbook) {
  return JSON.stringify({
    sheets: workbook
      .sheetNames()
      .map((sheet) => [sheet, workbook.readSheet(sheet), workbook.describeSheet(sheet).tables]),
    tables: workbook.tableNames(),
  });
}

/** What set-up reports on, in its order. */
const EVERY_PART = [
  "Software",
  "Licences",
  "Allocations",
  "Installations",
  "Settings",
  "Exchange Rates",
  "Lists sheet",
];

const NOTHING_TO_DO = {
  ok: true,
  value: {
    created: [],
    upgraded: [],
    repaired: [],
    unchanged: EVERY_PART,
  },
};

describe("Set up workbook", () => {
  it("creates every sheet and table on an empty workbook", async () => {
    const workbook = createInMemoryWorkbook();
    const register = registerOn(workbook.session("alice"));
    const report = await register.setUp();
    expect(report).toEqual({
      ok: true,
      value: {
        created: EVERY_PART,
        upgraded: [],
        repaired: [],
        unchanged: [],
      },
    });
    expect(workbook.tableNames()).toEqual(expect.arrayContaining(ALL_TABLES.map((spec) => spec.table)));
    const licences = workbook.readSheet("Licences");
    expect(licences.values[0]).toEqual(ALL_TABLES[1].columns.map((column) => column.header));
    const settings = workbook.readSheet("Settings");
    expect(settings.values.slice(0, 5).map((row) => row.slice(0, 2))).toEqual([
      ["Setting", "Value"],
      ["Reporting Currency", "GBP"],
      ["Under-use Threshold", 0.8],
      ["Default Renewal Notice (Days)", 30],
      ["Expiring Soon (Days)", 30],
    ]);
    expect((await register.load()).settings).toEqual({
      reportingCurrency: "GBP",
      underUseThreshold: 0.8,
      defaultRenewalLeadDays: 30,
      expiringSoonDays: 30,
      exchangeRates: {},
    });
  });

  it("formats the tables: frozen headers, dropdowns, status colours, read-only columns, text as text", async () => {
    const { workbook, register } = await freshWorkbook();
    await register.add("licences", fullLicence());
    await register.add("licences", fullLicence());
    const sheet = workbook.describeSheet("Licences");
    const letter = (header: string) => {
      const index = ALL_TABLES[1].columns.findIndex((column) => column.header === header);
      return String.fromCharCode(65 + index);
    };
    expect(sheet.frozenRows).toBe(1);
    expect(sheet.dataValidations).toContainEqual({
      address: `${letter("Scope")}2:${letter("Scope")}3`,
      settings: expect.objectContaining({
        rule: { list: { inCellDropDown: true, source: "=Lists!$B$2:$B$6" } },
      }),
    });
    expect(sheet.dataValidations).toContainEqual(
      expect.objectContaining({ address: `${letter("Unlimited")}2:${letter("Unlimited")}3` }),
    );
    // picking a product by name: the Software ID cells offer the Software sheet's dropdown entries
    expect(sheet.dataValidations).toContainEqual({
      address: `${letter("Software ID")}2:${letter("Software ID")}3`,
      settings: expect.objectContaining({
        rule: { list: { inCellDropDown: true, source: '=INDIRECT("SoftwareTable[Dropdown Entry]")' } },
        errorAlert: expect.objectContaining({ style: "Information" }),
      }),
    });
    const status = `${letter("Compliance Status")}2:${letter("Compliance Status")}3`;
    expect(sheet.conditionalFormats.filter((format) => format.address === status)).toHaveLength(3);
    expect(sheet.styles).toContainEqual({
      address: `${letter("Used Quantity")}2:${letter("Used Quantity")}3`,
      style: { fontItalic: true },
    });
    const last = String.fromCharCode(64 + ALL_TABLES[1].columns.length - 26);
    expect(sheet.styles).toContainEqual({ address: `A1:A${last}1`, style: { fontBold: true } });
    const formats = workbook.readSheet("Licences").numberFormat[2];
    expect(formats[ALL_TABLES[1].columns.findIndex((column) => column.header === "Notes")]).toBe("@");
    expect(formats[ALL_TABLES[1].columns.findIndex((column) => column.header === "Expiry Date")]).toBe(
      "yyyy-mm-dd",
    );
    expect(formats[ALL_TABLES[1].columns.findIndex((column) => column.header === "Cost")]).toBe("#,##0.00");
  });

  it("changes nothing the second time and says so", async () => {
    const { workbook, register } = await freshWorkbook();
    await register.add("licences", fullLicence());
    // the first run after an add fills the names beside links (the add-in's follower does that as people edit)
    await register.setUp();
    const before = snapshot(workbook);
    expect(await register.setUp()).toEqual(NOTHING_TO_DO);
    expect(snapshot(workbook)).toBe(before);
  });

  it("on a brand-new workbook, changes nothing the second time and says so", async () => {
    const { workbook, register } = await freshWorkbook();
    const before = snapshot(workbook);
    expect(await register.setUp()).toEqual(NOTHING_TO_DO);
    expect(snapshot(workbook)).toBe(before);
  });
});
