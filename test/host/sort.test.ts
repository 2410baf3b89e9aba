import { createInMemoryWorkbook, type HostSession, type InMemoryWorkbook } from "../../src/host";

/** Lets event handlers (delivered with setTimeout 0) run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

interface Heard {
  kind: string;
  address: string;
  source: string;
}

const ROWS = [
  ["Licence ID", "Device", "Seats"],
  ["LIC-1", "pc-07", 5],
  ["LIC-2", "", 2],
  ["LIC-3", "PC-02", "ten"],
  ["LIC-4", "laptop-1", 1],
  ["LIC-5", "pc-07", 3],
];

/** A table on its own sheet, and every event `name`'s handlers hear from its worksheet and the table. */
async function listen(session: HostSession, heard: Heard[]) {
  await session.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem("Installations");
    const hear = (kind: string) => async (event: { address: string; source: string }) => {
      heard.push({ kind, address: event.address, source: event.source });
    };
    sheet.onRowSorted.add(hear("sorted"));
    sheet.onChanged.add(hear("sheet changed"));
    sheet.tables.getItem("InstallationsTable").onChanged.add(hear("table changed"));
    await context.sync();
  });
}

async function installations(workbook: InMemoryWorkbook = createInMemoryWorkbook()) {
  const setup = workbook.session("setup");
  await setup.run(async (context) => {
    const sheet = context.workbook.worksheets.add("Installations");
    sheet.getRange("A1:C6").values = ROWS;
    sheet.getRange("C4").numberFormat = [["@"]];
    sheet.tables.add("A1:C6", true).name = "InstallationsTable";
    await context.sync();
  });
  await workbook.merged();
  const heard: Heard[] = [];
  await listen(workbook.session("user"), heard);
  return { workbook, heard, ids: () => workbook.readSheet("Installations").values.map((row) => row[0]) };
}

describe("a person sorting a table", () => {
  test("rows move whole, in Excel's order: numbers and text by value, blanks last, ties as they were", async () => {
    const { workbook, ids } = await installations();
    expect(workbook.sortTable("InstallationsTable", "Device")).toBe(true);
    expect(ids()).toEqual(["Licence ID", "LIC-4", "LIC-3", "LIC-1", "LIC-5", "LIC-2"]);
    const sheet = workbook.readSheet("Installations");
    expect(sheet.values[2]).toEqual(["LIC-3", "PC-02", "ten"]);
    expect(sheet.numberFormat[2][2]).toBe("@");

    workbook.sortTable("InstallationsTable", "Seats", "Descending");
    // numbers above text when ascending, so below it when descending
    expect(ids()).toEqual(["Licence ID", "LIC-3", "LIC-1", "LIC-5", "LIC-2", "LIC-4"]);
  });

  test("onRowSorted names only the rows that moved, one area a run; no onChanged", async () => {
    const { workbook, heard } = await installations();
    workbook.sortTable("InstallationsTable", "Seats");
    await settle();
    // LIC-2 (2 seats) is on row 3 before and after: every other row moved
    expect(workbook.readSheet("Installations").values.map((row) => row[0])).toEqual([
      "Licence ID",
      "LIC-4",
      "LIC-2",
      "LIC-5",
      "LIC-1",
      "LIC-3",
    ]);
    expect(heard).toEqual([{ kind: "sorted", address: "A2:C2,A4:C6", source: "Local" }]);
  });

  test("a sort that moves nothing raises nothing", async () => {
    const { workbook, heard } = await installations();
    workbook.sortTable("InstallationsTable", "Licence ID");
    await settle();
    expect(workbook.sortTable("InstallationsTable", "Licence ID")).toBe(false);
    await settle();
    expect(heard).toEqual([]);
  });

  test("a co-author's copy follows the sort, and its handlers hear it as Remote", async () => {
    const workbook = createInMemoryWorkbook({ coauthoring: { mergeDelayMs: 50 } });
    const { heard } = await installations(workbook);
    const bob = workbook.session("bob");
    workbook.sortTable("InstallationsTable", "Device", "Ascending", bob);
    await workbook.merged();
    await settle();
    expect(heard).toEqual([{ kind: "sorted", address: "A2:C6", source: "Remote" }]);
    const seen = await workbook.session("user").run(async (context) => {
      const body = context.workbook.tables.getItem("InstallationsTable").getDataBodyRange().load("values");
      await context.sync();
      return body.values.map((row) => row[0]);
    });
    expect(seen).toEqual(["LIC-4", "LIC-3", "LIC-1", "LIC-5", "LIC-2"]);
  });

  test("a protected sheet refuses a sort unless it allows sorting and the rows are unlocked", async () => {
    const { workbook, ids } = await installations();
    const protect = (options: Excel.WorksheetProtectionOptions, unlock: boolean) =>
      workbook.session("setup").run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Installations");
        sheet.protection.unprotect();
        sheet.getRange("A2:C6").format.protection.locked = !unlock;
        sheet.protection.protect(options);
        await context.sync();
      });
    await protect({ allowSort: false }, true);
    expect(() => workbook.sortTable("InstallationsTable", "Device")).toThrow(
      expect.objectContaining({ code: "AccessDenied" }),
    );
    await protect({ allowSort: true }, false);
    expect(() => workbook.sortTable("InstallationsTable", "Device")).toThrow(
      expect.objectContaining({ code: "AccessDenied" }),
    );
    expect(ids()).toEqual(ROWS.map((row) => row[0]));
    await protect({ allowSort: true }, true);
    expect(workbook.sortTable("InstallationsTable", "Device")).toBe(true);
  });
});

describe("sorting from a selected cell", () => {
  test("sorts the table holding the cell by the cell's column", async () => {
    const { workbook, ids } = await installations();
    expect(workbook.sortAtCell("Installations", "B4", "Descending")).toBe(true);
    expect(ids()).toEqual(["Licence ID", "LIC-1", "LIC-5", "LIC-3", "LIC-4", "LIC-2"]);
  });

  test("a cell outside a table's rows is refused with a message and moves nothing", async () => {
    const { workbook, ids } = await installations();
    for (const address of ["B1", "E3", "A9"])
      expect(() => workbook.sortAtCell("Installations", address)).toThrow(
        "Select a cell in a table's rows to sort the table by its column.",
      );
    expect(ids()).toEqual(ROWS.map((row) => row[0]));
  });
});
