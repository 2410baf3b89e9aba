import { createInMemoryWorkbook } from "../../src/host";

/** What C2's formula shows with no calculation engine attached: it moves as the formula's cell does. */
const SHOWN = "#NAME?";

/**
 * Cells moved by Range.delete and Range.insert over part of a sheet: only the cells in the range's rows (or
 * columns) move, with their formulas and number formats, as in Excel; everything else stays where it is.
 */

const GRID = [
  ["a1", "b1", "c1", "d1"],
  ["a2", "b2", "c2", "d2"],
  ["a3", "b3", "c3", "d3"],
];

async function sheetAfter(
  edit: (sheet: Excel.Worksheet) => void,
  address = "A1:E4",
): Promise<{ values: unknown[][]; formulas: unknown[][]; numberFormat: unknown[][] }> {
  const workbook = createInMemoryWorkbook();
  return workbook.session().run(async (context) => {
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    sheet.getRange("A1:D3").values = GRID;
    sheet.getRange("C2").formulas = [["=1+1"]];
    sheet.getRange("C2").numberFormat = [["0.00"]];
    sheet.getRange("D3").numberFormat = [["yyyy-mm-dd"]];
    await context.sync();
    edit(sheet);
    const range = sheet.getRange(address).load("values,formulas,numberFormat");
    await context.sync();
    return { values: range.values, formulas: range.formulas, numberFormat: range.numberFormat };
  });
}

describe("cells moved within part of a sheet", () => {
  test("deleting B2:B2 to the left moves row 2's cells only, with the formula and its format", async () => {
    const { values, formulas, numberFormat } = await sheetAfter((sheet) =>
      sheet.getRange("B2").delete("Left"),
    );
    expect(values).toEqual([
      ["a1", "b1", "c1", "d1", ""],
      ["a2", SHOWN, "d2", "", ""],
      ["a3", "b3", "c3", "d3", ""],
      ["", "", "", "", ""],
    ]);
    expect(formulas[1]).toEqual(["a2", "=1+1", "d2", "", ""]);
    expect(numberFormat[1].slice(0, 3)).toEqual(["General", "0.00", "General"]);
    expect(numberFormat[2][3]).toBe("yyyy-mm-dd");
  });

  test("inserting at B2:B3 to the right moves rows 2 and 3 only and leaves the new cells blank", async () => {
    const { values, numberFormat } = await sheetAfter((sheet) => sheet.getRange("B2:B3").insert("Right"));
    expect(values).toEqual([
      ["a1", "b1", "c1", "d1", ""],
      ["a2", "", "b2", SHOWN, "d2"],
      ["a3", "", "b3", "c3", "d3"],
      ["", "", "", "", ""],
    ]);
    expect(numberFormat[1][3]).toBe("0.00");
    expect(numberFormat[2][4]).toBe("yyyy-mm-dd");
    expect(numberFormat[2][3]).toBe("General");
  });

  test("deleting C1:D1 upwards moves columns C and D only, formats with them", async () => {
    const { values, numberFormat } = await sheetAfter((sheet) => sheet.getRange("C1:D1").delete("Up"));
    expect(values).toEqual([
      ["a1", "b1", SHOWN, "d2", ""],
      ["a2", "b2", "c3", "d3", ""],
      ["a3", "b3", "", "", ""],
      ["", "", "", "", ""],
    ]);
    expect(numberFormat[0][2]).toBe("0.00");
    expect(numberFormat[1][3]).toBe("yyyy-mm-dd");
    expect(numberFormat[2][3]).toBe("General");
  });

  test("inserting A2:B2 downwards moves columns A and B only", async () => {
    const { values } = await sheetAfter((sheet) => sheet.getRange("A2:B2").insert("Down"));
    expect(values).toEqual([
      ["a1", "b1", "c1", "d1", ""],
      ["", "", SHOWN, "d2", ""],
      ["a2", "b2", "c3", "d3", ""],
      ["a3", "b3", "", "", ""],
    ]);
  });

  test("a value written far below the rest reads back, with blank rows between, and the used range reaches it", async () => {
    const workbook = createInMemoryWorkbook();
    const { far, between, used } = await workbook.session().run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1").values = [["top"]];
      sheet.getRange("B500000").values = [["far"]];
      sheet.getRange("B70000").values = [["middle"]];
      await context.sync();
      const far = sheet.getRange("B500000").load("values");
      const between = sheet.getRange("B69999:B70001").load("values");
      const used = sheet.getUsedRange(true).load("address");
      await context.sync();
      return { far: far.values, between: between.values, used: used.address };
    });
    expect(far).toEqual([["far"]]);
    expect(between).toEqual([[""], ["middle"], [""]]);
    expect(used).toBe("Sheet1!A1:B500000");
  });
});
