import { createInMemoryWorkbook } from "../../src/host";

async function sheetWith(rows: unknown[][]) {
  const workbook = createInMemoryWorkbook();
  const session = workbook.session("me");
  await session.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    sheet.getRange("A1:A5").numberFormat = [["@"], ["@"], ["@"], ["@"], ["@"]];
    sheet.getRangeByIndexes(0, 0, rows.length, rows[0].length).values = rows;
    await context.sync();
  });
  return session;
}

const ROWS = [
  ["ID", "Notes"],
  ["LIC-1", "first"],
  ["lic-2", "LIC-3 is mentioned here"],
  ["LIC-3", 42],
  ["A*B", "LIC-1"],
];

async function find(
  rows: unknown[][],
  address: string,
  text: string,
  criteria: Excel.SearchCriteria = {},
): Promise<string | null> {
  const session = await sheetWith(rows);
  return session.run(async (context) => {
    const found = context.workbook.worksheets
      .getItem("Sheet1")
      .getRange(address)
      .findOrNullObject(text, criteria)
      .load("address");
    await context.sync();
    return found.isNullObject ? null : found.address;
  });
}

describe("Range.find and findOrNullObject", () => {
  it("finds a whole, case-sensitive match within a column", async () => {
    const exact = { completeMatch: true, matchCase: true };
    expect(await find(ROWS, "A1:A5", "LIC-3", exact)).toBe("Sheet1!A4");
    expect(await find(ROWS, "A1:A5", "LIC-2", exact)).toBeNull();
    expect(await find(ROWS, "A1:A5", "LIC-2", { completeMatch: true })).toBe("Sheet1!A3");
  });

  it("matches part of a cell by default, and searches only the range", async () => {
    expect(await find(ROWS, "B1:B5", "LIC-3")).toBe("Sheet1!B3");
    expect(await find(ROWS, "A1:A5", "mentioned")).toBeNull();
  });

  it("treats * and ? as wildcards unless escaped with ~", async () => {
    const exact = { completeMatch: true, matchCase: true };
    expect(await find(ROWS, "A1:A5", "LIC-?", exact)).toBe("Sheet1!A2");
    expect(await find(ROWS, "A1:A5", "A~*B", exact)).toBe("Sheet1!A5");
    expect(
      await find(
        [
          ["A", "AxB"],
          ["A*B", "x"],
        ],
        "A1:A2",
        "A*B",
        exact,
      ),
    ).toBe("Sheet1!A2");
    expect(await find([["AxB"], ["A*B"]], "A1:A2", "A~*B", exact)).toBe("Sheet1!A2");
  });

  it("looks at the range's top-left cell last, and can search backwards", async () => {
    const rows = [["X"], ["X"], ["X"]];
    expect(await find(rows, "A1:A3", "X", { completeMatch: true })).toBe("Sheet1!A2");
    expect(await find(rows, "A1:A3", "X", { searchDirection: "Backwards" as Excel.SearchDirection })).toBe(
      "Sheet1!A3",
    );
  });

  it("from a single cell searches the whole sheet after it, wrapping round", async () => {
    expect(await find(ROWS, "A2", "LIC-1", { completeMatch: true })).toBe("Sheet1!B5");
    expect(await find(ROWS, "B5", "LIC-1", { completeMatch: true })).toBe("Sheet1!A2");
  });

  it("matches numbers as displayed", async () => {
    expect(await find(ROWS, "B1:B5", "42", { completeMatch: true })).toBe("Sheet1!B4");
  });

  it("find fails with ItemNotFound when nothing matches", async () => {
    const session = await sheetWith(ROWS);
    await expect(
      session.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1:A5").find("nothing", {}).load("address");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound" });
  });
});
