import { attachCalculation, createInMemoryWorkbook, type ExcelPlatform } from "../../src/host";

/** Lets event handlers (delivered with setTimeout 0) run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

interface Heard {
  kind: string;
  changeType?: string;
  address: string;
  source: string;
}

/** A Licences table with a Type column whose cells offer a dropdown, and every event the add-in session hears. */
async function licences(profile?: ExcelPlatform) {
  const workbook = createInMemoryWorkbook(profile ? { profile } : {});
  const addin = workbook.session("addin");
  const heard: Heard[] = [];
  await addin.run(async (context) => {
    const lists = context.workbook.worksheets.add("Lists");
    lists.getRange("A1:A3").values = [["Type"], ["Perpetual"], ["Subscription"]];
    const sheet = context.workbook.worksheets.add("Licences");
    sheet.getRange("A1:C3").values = [
      ["Licence ID", "Type", "Quantity"],
      ["LIC-1", "Perpetual", 5],
      ["LIC-2", "Subscription", 7],
    ];
    const table = sheet.tables.add("A1:C3", true);
    table.name = "LicencesTable";
    table.columns.getItem("Type").getDataBodyRange().dataValidation.rule = {
      list: { inCellDropDown: true, source: "=Lists!$A$2:$A$3" },
    };
    await context.sync();
    table.onChanged.add(async (event) => {
      heard.push({
        kind: "table",
        changeType: event.changeType,
        address: event.address,
        source: event.source,
      });
    });
    sheet.onChanged.add(async (event) => {
      heard.push({
        kind: "sheet",
        changeType: event.changeType,
        address: event.address,
        source: event.source,
      });
    });
    sheet.onFormatChanged.add(async (event) => {
      heard.push({ kind: "format", address: event.address, source: event.source });
    });
    await context.sync();
  });
  await settle();
  return { workbook, addin, heard };
}

describe("events as Excel raises them", () => {
  test("a format change raises onChanged (RangeEdited, the only type that fits) and onFormatChanged", async () => {
    const { addin, heard } = await licences();
    await addin.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Licences");
      sheet.getRange("C:C").numberFormat = "0.00" as never;
      sheet.getRange("B2:B3").format.fill.color = "#FFC7CE";
      await context.sync();
    });
    await settle();
    expect(heard).toEqual([
      { kind: "table", changeType: "RangeEdited", address: "B1:C3", source: "Local" },
      { kind: "sheet", changeType: "RangeEdited", address: "B:C", source: "Local" },
      { kind: "format", address: "B:C", source: "Local" },
    ]);
  });

  test.each([
    ["web", false],
    ["windows", false],
    ["mac", false],
  ] as const)("%s: a value picked from a dropdown raises onChanged: %p", async (platform, raises) => {
    const { workbook, heard } = await licences(platform);
    const person = workbook.session("person");
    expect(workbook.listChoices("Licences", "B2")).toEqual(["Perpetual", "Subscription"]);
    workbook.pickFromList("Licences", "B2", "subscription", person);
    await settle();
    expect(workbook.readSheet("Licences").values[1][1]).toBe("Subscription");
    expect(heard.length > 0).toBe(raises);
  });

  test("picking is refused where there is no dropdown or the value is not a choice", async () => {
    const { workbook } = await licences();
    expect(() => workbook.pickFromList("Licences", "C2", "9")).toThrow(/no dropdown/);
    expect(() => workbook.pickFromList("Licences", "B2", "Lease")).toThrow(/not one of the choices/);
    expect(workbook.readSheet("Licences").values[1][1]).toBe("Perpetual");
  });

  test("handlers of a deleted table never fire again, even for a new table of the same name", async () => {
    const { workbook, addin, heard } = await licences();
    await addin.run(async (context) => {
      context.workbook.tables.getItem("LicencesTable").convertToRange();
      await context.sync();
      context.workbook.worksheets.getItem("Licences").tables.add("A1:C3", true).name = "LicencesTable";
      await context.sync();
    });
    await settle();
    heard.length = 0;
    workbook.typeIntoCell("Licences", "C2", "6");
    await settle();
    expect(heard.map((h) => h.kind)).toEqual(["sheet"]);
  });

  test("closing the add-in's runtime ends its handlers; the name then starts a new runtime", async () => {
    const { workbook, addin, heard } = await licences();
    addin.close();
    workbook.typeIntoCell("Licences", "C2", "6");
    await settle();
    expect(heard).toEqual([]);
    await expect(addin.run(async () => undefined)).rejects.toThrow(/closed: start a new one/);

    const reopened = workbook.session("addin");
    expect(reopened).not.toBe(addin);
    const read = await reopened.run(async (context) => {
      const cell = context.workbook.worksheets.getItem("Licences").getRange("C2").load("values");
      await context.sync();
      return cell.values;
    });
    expect(read).toEqual([[6]]);
  });
});

describe("a cell holds at most 32,767 characters", () => {
  test("a longer text is refused and nothing of it is written", async () => {
    const workbook = createInMemoryWorkbook();
    await workbook.session().run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:A2").values = [["x".repeat(32_767)], ["y".repeat(32_768)]];
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
      sheet.getRange("A1").values = [["x".repeat(32_767)]];
      await context.sync();
    });
    expect(workbook.readSheet("Sheet1").values).toEqual([["x".repeat(32_767)]]);
  });

  test("a formula over 8,192 characters is refused; as text it may be longer", async () => {
    const workbook = createInMemoryWorkbook();
    const long = `="${"z".repeat(8_200)}"`;
    await workbook.session().run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1").formulas = [[long]];
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
      sheet.getRange("B1").numberFormat = [["@"]];
      sheet.getRange("B1").values = [[long]];
      await context.sync();
    });
    expect(workbook.readSheet("Sheet1").values[0][1]).toBe(long);
  });
});

describe("a protected sheet refuses changes, as Excel does (AccessDenied)", () => {
  async function protectedSheet(options?: Excel.WorksheetProtectionOptions) {
    const workbook = createInMemoryWorkbook();
    const session = workbook.session();
    await session.run(async (context) => {
      const sheet = context.workbook.worksheets.add("Snapshot");
      sheet.getRange("A1:B2").values = [
        ["Product", "Used"],
        ["Visio", 3],
      ];
      sheet.getRange("D1").format.protection.locked = false;
      sheet.protection.protect(options);
      await context.sync();
    });
    const attempt = (change: (sheet: Excel.Worksheet) => void) =>
      session.run(async (context) => {
        change(context.workbook.worksheets.getItem("Snapshot"));
        await context.sync();
      });
    return { workbook, attempt };
  }

  test("values, formulas, clearing, formats, validation, tables and inserted cells are refused", async () => {
    const { workbook, attempt } = await protectedSheet();
    const refusals: ((sheet: Excel.Worksheet) => void)[] = [
      (sheet) => (sheet.getRange("B2").values = [[4]]),
      (sheet) => (sheet.getRange("C5").formulas = [["=1+1"]]),
      (sheet) => sheet.getRange("A1:B2").clear(),
      (sheet) => (sheet.getRange("B2").numberFormat = [["0.00"]]),
      (sheet) => (sheet.getRange("A1").format.font.bold = true),
      (sheet) => (sheet.getRange("A:A").format.columnWidth = 90),
      (sheet) =>
        (sheet.getRange("B2").dataValidation.rule = { list: { inCellDropDown: true, source: "a,b" } }),
      (sheet) => sheet.tables.add("A1:B2", true),
      (sheet) => sheet.getRange("3:3").insert("Down"),
      (sheet) => sheet.getRange("A2:B2").delete("Up"),
      (sheet) => sheet.protection.protect(),
    ];
    for (const change of refusals)
      await expect(attempt(change)).rejects.toMatchObject({ code: "AccessDenied" });
    expect(workbook.readSheet("Snapshot").values).toEqual([
      ["Product", "Used"],
      ["Visio", 3],
    ]);
    expect(() => workbook.typeIntoCell("Snapshot", "B2", "9")).toThrow(
      expect.objectContaining({ code: "AccessDenied" }),
    );
  });

  test("unlocked cells and what the protection options allow still change", async () => {
    const { workbook, attempt } = await protectedSheet({ allowFormatColumns: true, allowInsertRows: true });
    await attempt((sheet) => (sheet.getRange("D1").values = [["note"]]));
    await attempt((sheet) => (sheet.getRange("A:B").format.columnWidth = 90));
    await attempt((sheet) => sheet.getRange("5:5").insert("Down"));
    expect(workbook.readSheet("Snapshot").values[0][3]).toBe("note");
    expect(workbook.describeSheet("Snapshot").columnWidths).toMatchObject({ A: 90, B: 90 });
  });

  test("after unprotect, everything is allowed again", async () => {
    const { workbook, attempt } = await protectedSheet();
    await attempt((sheet) => sheet.protection.unprotect());
    await attempt((sheet) => (sheet.getRange("B2").values = [[4]]));
    expect(workbook.readSheet("Snapshot").values[1][1]).toBe(4);
  });
});

describe("volatile TODAY()", () => {
  test("a custom-function cell that reads TODAY() runs again on every recalculation, whatever changed", async () => {
    const workbook = createInMemoryWorkbook();
    const calls: unknown[] = [];
    const engine = attachCalculation(workbook, {
      functions: new Map([["DAYS", (today: unknown) => (calls.push(today), 1)]]),
      today: () => 46_000,
    });
    const session = workbook.session();
    await session.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("B1").formulas = [["=LICENSE.DAYS(TODAY())"]];
      sheet.getRange("C1").formulas = [["=LICENSE.DAYS(5)"]];
      await context.sync();
    });
    await engine.whenIdle();
    expect(calls).toEqual([46_000, 5]);

    workbook.typeIntoCell("Sheet1", "F9", "unrelated");
    await engine.whenIdle();
    workbook.typeIntoCell("Sheet1", "F10", "12");
    await engine.whenIdle();
    expect(calls).toEqual([46_000, 5, 46_000, 46_000]);
    engine.detach();
  });
});
