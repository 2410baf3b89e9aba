import { createInMemoryWorkbook } from "../../src/host";

/** Lets event handlers (delivered with setTimeout 0) run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

async function workbookWithTable() {
  const workbook = createInMemoryWorkbook();
  const session = workbook.session("addin");
  await session.run(async (context) => {
    const sheet = context.workbook.worksheets.add("Licences");
    sheet.getRange("A1:C1").values = [["Licence ID", "Name", "Used"]];
    const table = sheet.tables.add("A1:C1", true);
    table.name = "LicencesTable";
    await context.sync();
  });
  return { workbook, session };
}

describe("proxies, load and sync", () => {
  test("reading a property before load and sync throws PropertyNotLoaded", async () => {
    const workbook = createInMemoryWorkbook();
    await workbook.session().run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2");
      expect(() => range.values).toThrow(
        expect.objectContaining({ code: "PropertyNotLoaded", name: "RichApi.Error" }),
      );
      range.load("values");
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(range.values).toEqual([
        ["", ""],
        ["", ""],
      ]);
      expect(() => range.address).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
  });

  test("load + sync fills values, address and counts; writes apply at sync", async () => {
    const workbook = createInMemoryWorkbook();
    await workbook.session().run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("B2:C3").values = [
        [1, "a"],
        [true, "=X()"],
      ];
      const range = sheet
        .getRange("B2:C3")
        .load(["values", "address", "rowCount", "columnIndex", "formulas"]);
      await context.sync();
      expect(range.address).toBe("Sheet1!B2:C3");
      expect(range.rowCount).toBe(2);
      expect(range.columnIndex).toBe(1);
      expect(range.values).toEqual([
        [1, "a"],
        [true, "#NAME?"],
      ]);
      expect(range.formulas).toEqual([
        [1, "a"],
        [true, "=X()"],
      ]);
    });
  });

  test("getItem of a missing sheet fails at sync with ItemNotFound; getItemOrNullObject gives a null object", async () => {
    const workbook = createInMemoryWorkbook();
    await workbook.session().run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("Nope");
      const present = context.workbook.worksheets.getItemOrNullObject("Sheet1");
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
      context.workbook.worksheets.getItem("Nope").load("name");
      await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
      const table = context.workbook.tables.getItemOrNullObject("Nothing").load("name");
      await context.sync();
      expect(table.isNullObject).toBe(true);
    });
  });

  test("collections load items/name", async () => {
    const { workbook, session } = await workbookWithTable();
    await session.run(async (context) => {
      const tables = context.workbook.tables.load("items/name");
      const sheets = context.workbook.worksheets.load("items/name");
      await context.sync();
      expect(tables.items.map((t) => t.name)).toEqual(["LicencesTable"]);
      expect(sheets.items.map((s) => s.name)).toEqual(["Sheet1", "Licences"]);
    });
    expect(workbook.tableNames()).toEqual(["LicencesTable"]);
  });
});

test("a sync's answer, or its failure, arrives in a task of its own, after the events it raised", async () => {
  const { session } = await workbookWithTable();
  const heard: string[] = [];
  await session.run(async (context) => {
    context.workbook.tables.getItem("LicencesTable").onChanged.add(async () => {
      heard.push("change event");
    });
    await context.sync();
  });
  await settle();
  await session.run(async (context) => {
    context.workbook.worksheets.getItem("Licences").getRange("A2").values = [["LIC-1"]];
    setTimeout(() => heard.push("another task"), 0);
    const answered = context.sync().then(() => heard.push("answer"));
    await Promise.resolve();
    await Promise.resolve();
    heard.push("still waiting");
    await answered;
    context.workbook.worksheets.getItem("Nope").load("name");
    const failed = context.sync().catch(() => heard.push("failure"));
    setTimeout(() => heard.push("task queued after the failing sync"), 0);
    await failed;
  });
  expect(heard).toEqual([
    "still waiting",
    "another task",
    "change event",
    "answer",
    "task queued after the failing sync",
    "failure",
  ]);
});

test("loaded values reach the add-in with the answer, not when the request runs", async () => {
  const { session } = await workbookWithTable();
  await session.run(async (context) => {
    const headers = context.workbook.worksheets
      .getItem("Licences")
      .getRange("A1:B1")
      .load(["values", "address"]);
    const answered = context.sync();
    // the request runs a microtask after sync() is called; the answer arrives in a task of its own
    for (let turn = 0; turn < 10; turn++) await Promise.resolve();
    expect(() => headers.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    expect(() => headers.address).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    await answered;
    expect(headers.values).toEqual([["Licence ID", "Name"]]);
    expect(headers.address).toBe("Licences!A1:B1");
  });
});

test("with a round trip set, an answer reaches the add-in that much later, and the thread is free meanwhile", async () => {
  const workbook = createInMemoryWorkbook({ roundTripMs: 40 });
  const session = workbook.session("addin");
  await session.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    sheet.getRange("A1").values = [["LIC-1"]];
    const cell = sheet.getRange("A1").load("values");
    let tasksMeanwhile = 0;
    const tick = setInterval(() => tasksMeanwhile++, 5);
    const sent = performance.now();
    await context.sync();
    clearInterval(tick);
    // timers may fire a millisecond early
    expect(performance.now() - sent).toBeGreaterThanOrEqual(39);
    // a tick due before the answer runs first; how many more fit in depends on how busy the machine is
    expect(tasksMeanwhile).toBeGreaterThan(0);
    expect(cell.values).toEqual([["LIC-1"]]);
  });
});

describe("tables", () => {
  test("a header-only table has one blank body row; writing below grows the table", async () => {
    const { workbook, session } = await workbookWithTable();
    await session.run(async (context) => {
      const table = context.workbook.tables.getItem("LicencesTable");
      const body = table.getDataBodyRange().load("address");
      await context.sync();
      expect(body.address).toBe("Licences!A2:C2");
      table.getDataBodyRange().getRowsBelow(2).values = [
        ["L-1", "Office", 3],
        ["L-2", "Acrobat", 1],
      ];
      const grown = table.getDataBodyRange().load("address,values");
      const rows = table.rows.load("count");
      await context.sync();
      expect(grown.address).toBe("Licences!A2:C4");
      expect(rows.count).toBe(3);
      expect(grown.values[2]).toEqual(["L-2", "Acrobat", 1]);
    });
    expect(workbook.readSheet("Licences").values[3]).toEqual(["L-2", "Acrobat", 1]);
  });

  test("calculated column formulas are kept and given to new rows", async () => {
    const { workbook, session } = await workbookWithTable();
    await session.run(async (context) => {
      const table = context.workbook.tables.getItem("LicencesTable");
      table.getDataBodyRange().values = [["L-1", "Office", ""]];
      table.columns.getItem("Used").getDataBodyRange().formulas = [["=LICENSE.USED([@[Licence ID]])"]];
      await context.sync();
      table.getDataBodyRange().getRowsBelow(1).getResizedRange(0, -1).values = [["L-2", "Acrobat"]];
      const used = table.columns.getItem("Used").getDataBodyRange().load("formulas,values");
      await context.sync();
      expect(used.formulas).toEqual([["=LICENSE.USED([@[Licence ID]])"], ["=LICENSE.USED([@[Licence ID]])"]]);
      expect(used.values).toEqual([["#NAME?"], ["#NAME?"]]);
    });
    expect(workbook.describeSheet("Licences").tables[0].columns[2].calculatedFormula).toBe(
      "=LICENSE.USED([@[Licence ID]])",
    );
  });
});

describe("limits and stats", () => {
  test("a request over the payload limit fails and changes nothing", async () => {
    const workbook = createInMemoryWorkbook({ payloadLimitBytes: 1000 });
    const session = workbook.session();
    await session.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1").values = [["small"]];
      sheet.getRange("A2:A101").values = Array.from({ length: 100 }, (_, i) => [`row ${i} with some text`]);
      await expect(context.sync()).rejects.toMatchObject({
        code: "RequestPayloadSizeLimitExceeded",
        name: "RichApi.Error",
      });
    });
    expect(workbook.readSheet("Sheet1").values).toEqual([]);
    expect(session.stats.syncs).toBe(1);
    expect(session.stats.maxRequestBytes).toBeGreaterThan(1000);
  });

  test("syncs and request bytes are counted; reads over the cell limit fail", async () => {
    const workbook = createInMemoryWorkbook({ maxCellsPerRead: 100 });
    const session = workbook.session();
    await session.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:J10").load("values");
      await context.sync();
      await context.sync(); // nothing queued: no round trip
      sheet.getRange("A1:J11").load("values");
      await expect(context.sync()).rejects.toMatchObject({ code: "RangeExceedsLimit" });
    });
    expect(session.stats.syncs).toBe(2);
    expect(session.stats.requestBytes).toHaveLength(2);
    expect(session.stats.maxCellsRead).toBe(110);
    session.stats.reset();
    expect(session.stats.syncs).toBe(0);
  });
});

describe("events", () => {
  test("a change by one session is Local there and Remote in another", async () => {
    const { workbook, session } = await workbookWithTable();
    const other = workbook.session("colleague");
    const seen: string[] = [];
    for (const s of [session, other])
      await s.run(async (context) => {
        context.workbook.tables.getItem("LicencesTable").onChanged.add(async (args) => {
          seen.push(`${s.name}:${args.source}:${args.changeType}:${args.address}`);
        });
        await context.sync();
      });
    await session.run(async (context) => {
      context.workbook.tables.getItem("LicencesTable").getDataBodyRange().getRowsBelow(1).values = [
        ["L-9", "Zoom", 2],
      ];
      await context.sync();
    });
    await settle();
    expect(seen.sort()).toEqual(["addin:Local:RowInserted:A3:C3", "colleague:Remote:RowInserted:A3:C3"]);
    seen.length = 0;
    workbook.typeIntoCell("Licences", "B2", "Teams", other);
    await settle();
    expect(seen.sort()).toEqual(["addin:Remote:RangeEdited:B2", "colleague:Local:RangeEdited:B2"]);
  });
});

describe("input parsing through values writes", () => {
  test("formula-looking text becomes a formula unless protected", async () => {
    const workbook = createInMemoryWorkbook();
    await workbook.session().run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("B1").numberFormat = [["@"]];
      sheet.getRange("A1:A6").values = [["=1+1"], ["+1"], ["@SUM(A1)"], ["'=1+1"], ["42"], ["TRUE"]];
      sheet.getRange("B1").values = [['=HYPERLINK("x")']];
      await context.sync();
    });
    const { values, formulas } = workbook.readSheet("Sheet1");
    expect(formulas.map((row) => row[0])).toEqual(["=1+1", "=+1", "=SUM(A1)", "=1+1", 42, true]);
    expect(values.map((row) => row[0])).toEqual(["#NAME?", 1, "#NAME?", "=1+1", 42, true]);
    expect(values[0][1]).toBe('=HYPERLINK("x")');
  });

  test("a grid reading cell by cell sees what the whole sheet read shows, and nothing past it", async () => {
    const workbook = createInMemoryWorkbook();
    await workbook.session().run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("C2:C3").numberFormat = [["0.00"], ["dd/mm/yyyy"]];
      sheet.getRange("A1:C3").values = [
        ["Name", "", "Cost"],
        ["=1+1", "'=2", "12.5"],
        ["", "text", "46000"],
      ];
      await context.sync();
    });
    const whole = workbook.readSheet("Sheet1");
    const cells = workbook.sheetCells("Sheet1");

    expect([cells.rowCount, cells.columnCount]).toEqual([3, 3]);
    for (let r = 0; r < 3; r++) {
      for (let c = 0; c < 3; c++) {
        expect([cells.value(r, c), cells.formula(r, c), cells.numberFormat(r, c)]).toEqual([
          whole.values[r][c],
          whole.formulas[r][c],
          whole.numberFormat[r][c],
        ]);
      }
    }
    expect([cells.value(3, 0), cells.formula(0, 3), cells.numberFormat(-1, 0)]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });
});
