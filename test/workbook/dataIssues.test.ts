import { freshWorkbook, simpleLicence } from "./fixtures";
import { RECORD_TABLES } from "../../src/workbook/tables";
import { SOFTWARE_ID_HEADER } from "../../src/workbook/tables/references";
import { columnLetter } from "../../src/workbook/cells";

const letterOf = (header: string) =>
  columnLetter(RECORD_TABLES.licences.columns.findIndex((column) => column.header === header));

describe("rows with bad values", () => {
  it("load as data issues while the good rows load", async () => {
    const { workbook, register } = await freshWorkbook();
    const added = await register.addMany("licences", [0, 1, 2, 3].map(simpleLicence));
    if (!added.ok) throw new Error(added.error.message);
    // Rows 2-5 hold the four licences; people type over three of them.
    workbook.typeIntoCell("Licences", `${letterOf("Quantity")}3`, "ten");
    workbook.typeIntoCell("Licences", `${letterOf("Purchase Date")}4`, "next Tuesday");
    workbook.typeIntoCell("Licences", `${letterOf("Scope")}5`, "Galaxy");

    const data = await register.load();
    expect(data.licences.map((licence) => licence.id)).toEqual([added.value[0].id]);
    expect(data.issues).toEqual([
      {
        sheet: "Licences",
        row: 3,
        column: "Quantity",
        address: `${letterOf("Quantity")}3`,
        message: "Quantity must be a number: type it in figures, such as 25.",
        recordId: added.value[1].id,
      },
      {
        sheet: "Licences",
        row: 4,
        column: "Purchase Date",
        address: `${letterOf("Purchase Date")}4`,
        message: "Purchase Date is not a real date: enter one such as 31 Mar 2026, or clear it.",
        recordId: added.value[2].id,
      },
      {
        sheet: "Licences",
        row: 5,
        column: "Scope",
        address: `${letterOf("Scope")}5`,
        message:
          "Scope is not one of its choices: choose Enterprise, Site, Department, Project or Individual.",
        recordId: added.value[3].id,
      },
    ]);
  });

  it("say a blank required cell is required and a bad Row Version what to do, never zod's wording", async () => {
    const { workbook, register } = await freshWorkbook();
    await register.addMany("licences", [1, 2].map(simpleLicence));
    const softwareCell = `${letterOf(SOFTWARE_ID_HEADER)}2`;
    workbook.typeIntoCell("Licences", softwareCell, "x");
    workbook.typeIntoCell("Licences", softwareCell, "");
    workbook.typeIntoCell("Licences", `${letterOf("Row Version")}3`, "abc");
    const messages = (await register.load()).issues.map((issue) => [issue.address, issue.message]);
    expect(messages).toEqual([
      [softwareCell, "Software is required: fill it in."],
      [
        `${letterOf("Row Version")}3`,
        "Row Version is kept by the register and must be a whole number of 0 or more: undo your change to this cell, or enter 0.",
      ],
    ]);
  });

  it("accepts dates and numbers typed the way people type them", async () => {
    const { workbook, register } = await freshWorkbook();
    await register.add("licences", simpleLicence(1));
    workbook.typeIntoCell("Licences", `${letterOf("Purchase Date")}2`, "2026-02-03");
    workbook.typeIntoCell("Licences", `${letterOf("Quantity")}2`, "12");
    workbook.typeIntoCell("Licences", `${letterOf("Auto-renew")}2`, "TRUE");
    const data = await register.load();
    expect(data.issues).toEqual([]);
    expect(data.licences[0]).toMatchObject({ purchaseDate: "2026-02-03", quantity: 12, autoRenew: true });
  });
});

describe("copied rows", () => {
  it("skip a row whose ID is already used and say where", async () => {
    const { workbook, register } = await freshWorkbook();
    const added = await register.addMany("licences", [simpleLicence(1), simpleLicence(2)]);
    if (!added.ok) throw new Error(added.error.message);
    workbook.typeIntoCell("Licences", "A3", added.value[0].id);
    const data = await register.load();
    expect(data.licences.map((licence) => licence.id)).toEqual([added.value[0].id]);
    expect(data.issues).toEqual([
      expect.objectContaining({
        sheet: "Licences",
        row: 3,
        column: "Licence ID",
        address: "A3",
        recordId: added.value[0].id,
      }),
    ]);
    expect(data.issues[0].message).toMatch(/is also used on row 2/);
  });
});
