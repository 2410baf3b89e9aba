import { OfficeMockObject } from "office-addin-mock";
import { createInMemoryWorkbook, type HostSession } from "../../src/host";

const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

async function withTable(rows: unknown[][]) {
  const workbook = createInMemoryWorkbook();
  const session = workbook.session("addin");
  await session.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    sheet.getRange(`A1:C${rows.length + 1}`).values = [["ID", "Name", "Qty"], ...rows];
    sheet.tables.add(`A1:C${rows.length + 1}`, true).name = "T";
    await context.sync();
  });
  return { workbook, session };
}

describe("table rows and columns", () => {
  test("rows.add appends (moving cells below down) and deleteRowsAt / row.delete shift up", async () => {
    const { workbook, session } = await withTable([
      ["a", "A", 1],
      ["b", "B", 2],
    ]);
    await session.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A5").values = [["below"]];
      const table = context.workbook.tables.getItem("T");
      table.rows.add(undefined, [["c", "C", 3]]);
      await context.sync();
      table.rows.getItemAt(0).delete();
      const body = table.getDataBodyRange().load("values,address");
      await context.sync();
      expect(body.address).toBe("Sheet1!A2:C3");
      expect(body.values).toEqual([
        ["b", "B", 2],
        ["c", "C", 3],
      ]);
    });
    expect(workbook.readSheet("Sheet1").values[4][0]).toBe("below");
  });

  test("deleting every body row leaves one blank row, as Excel does", async () => {
    const { session } = await withTable([
      ["a", "A", 1],
      ["b", "B", 2],
    ]);
    await session.run(async (context) => {
      const table = context.workbook.tables.getItem("T");
      table.getDataBodyRange().delete("Up");
      const body = table.getDataBodyRange().load("values,address");
      await context.sync();
      expect(body.address).toBe("Sheet1!A2:C2");
      expect(body.values).toEqual([["", "", ""]]);
    });
  });

  test("columns.add at the end with a name, and getItem / getItemOrNullObject", async () => {
    const { workbook, session } = await withTable([["a", "A", 1]]);
    await session.run(async (context) => {
      const table = context.workbook.tables.getItem("T");
      table.columns.add(undefined as unknown as number, undefined, "Notes");
      table.columns.add(1, [["Vendor"], ["Acme"]]);
      const columns = table.columns.load("items/name,items/index");
      const missing = table.columns.getItemOrNullObject("Nope");
      const notes = table.columns.getItem("notes").load("index");
      await context.sync();
      expect(columns.items.map((c) => c.name)).toEqual(["ID", "Vendor", "Name", "Qty", "Notes"]);
      expect(notes.index).toBe(4);
      expect(missing.isNullObject).toBe(true);
    });
    expect(workbook.readSheet("Sheet1").values).toEqual([
      ["ID", "Vendor", "Name", "Qty", "Notes"],
      ["a", "Acme", "A", 1, ""],
    ]);
  });

  test("moving part of a table is refused", async () => {
    const { session } = await withTable([["a", "A", 1]]);
    await session.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:A2").delete("Up");
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidOperation" });
    });
  });
});

describe("formats, validation and conditional formats are stored", () => {
  test("they can be inspected and follow the table as it grows", async () => {
    const { workbook, session } = await withTable([["a", "A", 1]]);
    await session.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      const table = context.workbook.tables.getItem("T");
      const name = table.columns.getItem("Name").getDataBodyRange();
      name.dataValidation.rule = { list: { inCellDropDown: true, source: "=Lists!$A$2:$A$9" } };
      name.dataValidation.errorAlert = {
        showAlert: true,
        style: "Stop",
        title: "Pick one",
        message: "From the list",
      };
      const format = name.conditionalFormats.add("ContainsText");
      format.textComparison.format.fill.color = "#FFC7CE";
      format.textComparison.rule = { operator: "Contains", text: "Expired" };
      table.getHeaderRowRange().format.font.bold = true;
      table.columns.getItem("ID").getRange().format.columnWidth = 120;
      sheet.freezePanes.freezeRows(1);
      await context.sync();
      table.getDataBodyRange().getRowsBelow(1).values = [["b", "B", 2]];
      const bold = table.getHeaderRowRange().format.font.load("bold");
      const rule = name.dataValidation.load("rule,type");
      await context.sync();
      expect(bold.bold).toBe(true);
      expect(rule.type).toBe("List");
    });
    const description = workbook.describeSheet("Sheet1");
    expect(description.frozenRows).toBe(1);
    expect(description.columnWidths).toEqual({ A: 120 });
    expect(description.dataValidations).toEqual([
      {
        address: "B2:B3",
        settings: {
          rule: { list: { inCellDropDown: true, source: "=Lists!$A$2:$A$9" } },
          errorAlert: { showAlert: true, style: "Stop", title: "Pick one", message: "From the list" },
        },
      },
    ]);
    expect(description.conditionalFormats).toEqual([
      expect.objectContaining({
        address: "B2:B3",
        type: "ContainsText",
        rule: { textComparison: { operator: "Contains", text: "Expired" } },
        format: { fillColor: "#FFC7CE" },
      }),
    ]);
  });
});

describe("number formats of rows a table grew", () => {
  /** A table whose first row has formats, grown by three rows written below it: they take its formats. */
  async function grownTable() {
    const { workbook, session } = await withTable([["a", "A", 1]]);
    await session.run(async (context) => {
      const table = context.workbook.tables.getItem("T");
      table.getDataBodyRange().numberFormat = [["@", "@", "0.00"]];
      await context.sync();
      table.getDataBodyRange().getRowsBelow(3).values = [
        ["b", "B", 2],
        ["c", "C", 3],
        ["d", "D", 4],
      ];
      await context.sync();
    });
    return { workbook, session };
  }

  async function formatsOf(session: HostSession, address = "A2:D5") {
    return session.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange(address).load("numberFormat");
      await context.sync();
      return range.numberFormat;
    });
  }

  test("a format set on one grown row changes that row only", async () => {
    const { session } = await grownTable();
    await session.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("C4").numberFormat = [["yyyy-mm-dd"]];
      await context.sync();
    });
    expect(await formatsOf(session)).toEqual([
      ["@", "@", "0.00", "General"],
      ["@", "@", "0.00", "General"],
      ["@", "@", "yyyy-mm-dd", "General"],
      ["@", "@", "0.00", "General"],
    ]);
  });

  test("a column inserted into the table, a row deleted and a whole column's format change every row alike", async () => {
    const { session } = await grownTable();
    await session.run(async (context) => {
      const table = context.workbook.tables.getItem("T");
      table.columns.add(1, undefined, "Inserted");
      await context.sync();
      table.getDataBodyRange().getRow(1).delete("Up");
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("C4").numberFormat = [["0%"]];
      // a whole column's format shows where a cell has none of its own
      (sheet.getRange("A:A") as unknown as { numberFormat: string }).numberFormat = "#,##0";
      await context.sync();
    });
    expect(await formatsOf(session)).toEqual([
      ["#,##0", "General", "@", "0.00"],
      ["#,##0", "General", "@", "0.00"],
      ["#,##0", "General", "0%", "0.00"],
      ["#,##0", "General", "General", "General"],
    ]);
  });

  test("a co-author's copy keeps its own formats", async () => {
    const workbook = createInMemoryWorkbook({ coauthoring: { mergeDelayMs: 5 } });
    const me = workbook.session("me");
    await me.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:A2").values = [["ID"], ["a"]];
      sheet.tables.add("A1:A2", true).name = "T";
      sheet.getRange("A2").numberFormat = [["@"]];
      await context.sync();
      sheet.getRange("A3:A4").values = [["b"], ["c"]];
      await context.sync();
    });
    await workbook.merged();
    const other = workbook.session("other");
    await other.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A3").numberFormat = [["0"]];
      await context.sync();
    });
    expect(await formatsOf(me, "A2:A4")).toEqual([["@"], ["@"], ["@"]]);
  });
});

describe("a row or column of a range", () => {
  test("getRow and getColumn past the range's edge fail, and write nothing", async () => {
    const { workbook, session } = await withTable([
      ["a", "A", 1],
      ["b", "B", 2],
    ]);
    const reaches: [(body: Excel.Range) => void, string][] = [
      [
        (body) => (body.getRow(2).values = [["x", "x", 9]]),
        "The range has 2 rows, numbered from 0, so it has no row 2.",
      ],
      [
        (body) => (body.getRow(-1).values = [["x", "x", 9]]),
        "The range has 2 rows, numbered from 0, so it has no row -1.",
      ],
      [
        (body) => (body.getColumn(3).values = [["x"], ["x"]]),
        "The range has 3 columns, numbered from 0, so it has no column 3.",
      ],
    ];
    for (const [reach, message] of reaches) {
      const failed = session.run(async (context) => {
        reach(context.workbook.tables.getItem("T").getDataBodyRange());
        await context.sync();
      });
      await expect(failed).rejects.toMatchObject({
        code: "InvalidArgument",
        message: expect.stringContaining(message),
      });
    }
    expect(workbook.readSheet("Sheet1").values).toEqual([
      ["ID", "Name", "Qty"],
      ["a", "A", 1],
      ["b", "B", 2],
    ]);
  });

  test("getRow and getColumn inside the range, and getCell outside it, still reach their cells", async () => {
    const { workbook, session } = await withTable([
      ["a", "A", 1],
      ["b", "B", 2],
    ]);
    await session.run(async (context) => {
      const body = context.workbook.tables.getItem("T").getDataBodyRange();
      const lastRow = body.getRow(1).load("address");
      const lastColumn = body.getColumn(2).load("address");
      body.getCell(3, 0).values = [["below"]];
      await context.sync();
      expect(lastRow.address).toBe("Sheet1!A3:C3");
      expect(lastColumn.address).toBe("Sheet1!C2:C3");
    });
    expect(workbook.readSheet("Sheet1").values[4][0]).toBe("below");
  });
});

describe("selection and used range", () => {
  test("select() raises onSelectionChanged only in the selecting session", async () => {
    const { workbook, session } = await withTable([["a", "A", 1]]);
    const other = workbook.session("other");
    const seen: string[] = [];
    for (const s of [session, other])
      await s.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").onSelectionChanged.add(async (args) => {
          seen.push(`${s.name}:${args.address}`);
        });
        context.workbook.tables.getItem("T").onSelectionChanged.add(async (args) => {
          seen.push(`${s.name}:table:${args.address}:${args.isInsideTable}`);
        });
        await context.sync();
      });
    await session.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("B2").select();
      const selected = context.workbook.getSelectedRange().load("address");
      await context.sync();
      expect(selected.address).toBe("Sheet1!B2");
    });
    workbook.selectCell("Sheet1", "C2", other);
    await settle();
    expect(seen.sort()).toEqual(["addin:B2", "addin:table:B2:true", "other:C2", "other:table:C2:true"]);
  });

  test("getUsedRangeOrNullObject is null on an empty sheet", async () => {
    const workbook = createInMemoryWorkbook();
    await workbook.session().run(async (context) => {
      const sheet = context.workbook.worksheets.add("Empty");
      const used = sheet.getUsedRangeOrNullObject(true);
      const usedRange = sheet.getUsedRange().load("address");
      await context.sync();
      expect(used.isNullObject).toBe(true);
      expect(usedRange.address).toBe("Empty!A1");
    });
  });
});

describe("formula evaluator hook", () => {
  test("an installed evaluator computes formula values, and is used for new rows", async () => {
    const { workbook, session } = await withTable([["a", "A", 1]]);
    workbook.setFormulaEvaluator((formula, cell, view) =>
      formula === "=DOUBLE([@Qty])" ? Number(view.value(cell.sheet, cell.row, 2)) * 2 : undefined,
    );
    await session.run(async (context) => {
      const table = context.workbook.tables.getItem("T");
      table.columns.add(undefined as unknown as number, undefined, "Double");
      table.columns.getItem("Double").getDataBodyRange().formulas = [["=DOUBLE([@Qty])"]];
      table.getDataBodyRange().getRowsBelow(1).getResizedRange(0, -1).values = [["b", "B", 5]];
      const doubled = table.columns.getItem("Double").getDataBodyRange().load("values");
      await context.sync();
      expect(doubled.values).toEqual([[2], [10]]);
    });
  });
});

describe("office-addin-mock still works for thin unit tests", () => {
  /** The same function runs against the mock and against the host. */
  async function selectedAddress(context: Excel.RequestContext): Promise<string> {
    const range = context.workbook.getSelectedRange();
    range.load("address");
    await context.sync();
    return range.address;
  }

  test("mock", async () => {
    const mock = new OfficeMockObject({
      context: {
        workbook: {
          range: { address: "Sheet1!C2" },
          getSelectedRange() {
            return this.range;
          },
        },
      },
    }) as unknown as { context: Excel.RequestContext };
    expect(await selectedAddress(mock.context)).toBe("Sheet1!C2");
  });

  test("host", async () => {
    const workbook = createInMemoryWorkbook();
    workbook.selectCell("Sheet1", "C2");
    expect(await workbook.session().run(selectedAddress)).toBe("Sheet1!C2");
  });
});
