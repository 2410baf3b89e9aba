import { calcWorkbook } from "./support";

describe("spills", () => {
  let rows = 3;
  const grid = () => Array.from({ length: rows }, (_, i) => [`r${i}`, i]);

  /** A streaming =LICENSE.POSITION() in A1 whose results the test pushes, and =LICENSE.DOUBLE(B2) in D1 reading it. */
  async function streamedGrid() {
    let push: (rows: unknown[][]) => void = () => undefined;
    const position = (invocation: CustomFunctions.StreamingInvocation<unknown[][]>) => {
      push = (r) => invocation.setResult(r);
    };
    const double = (x: unknown) => Number(x) * 2;
    const calc = calcWorkbook({ POSITION: position as never, DOUBLE: double as never });
    await calc.write("A1", [["=LICENSE.POSITION()"]]);
    await calc.write("D1", [["=LICENSE.DOUBLE(B2)"]]);
    await calc.settle();
    return { ...calc, push: (result: unknown[][]) => push(result) };
  }

  test("a 2-D result fills the cells right and below; the formula stays in the anchor", async () => {
    rows = 3;
    const { workbook, write, settle, value, engine } = calcWorkbook({ GRID: grid as never });
    await write("B2", [["=LICENSE.GRID()"]]);
    await settle();
    const sheet = workbook.readSheet("Sheet1");
    expect(sheet.values.slice(1).map((r) => r.slice(1))).toEqual([
      ["r0", 0],
      ["r1", 1],
      ["r2", 2],
    ]);
    expect(sheet.formulas[1][1]).toBe("=LICENSE.GRID()");
    expect(sheet.formulas[2][1]).toBe("r1");
    expect(value("C4")).toBe(2);
    expect(engine.describeCell("Sheet1", "B2").spill).toBe("B2:C4");
  });

  test("a non-empty cell in the way gives #SPILL! with a message; clearing it lets the result spill", async () => {
    rows = 3;
    const { workbook, write, settle, value, engine } = calcWorkbook({ GRID: grid as never });
    await write("C3", [["in the way"]]);
    await write("B2", [["=LICENSE.GRID()"]]);
    await settle();
    expect(value("B2")).toBe("#SPILL!");
    expect(value("B3")).toBe("");
    expect(engine.cellError("Sheet1", "B2")?.message).toMatch(/B2:C4 isn't blank: C3/);
    workbook.typeIntoCell("Sheet1", "C3", "");
    await settle();
    expect([value("B2"), value("C3")]).toEqual(["r0", 1]);
    expect(engine.cellError("Sheet1", "B2")).toBeUndefined();
  });

  test("typing into a spilled cell makes the anchor #SPILL!", async () => {
    rows = 2;
    const { workbook, write, settle, value } = calcWorkbook({ GRID: grid as never });
    await write("A1", [["=LICENSE.GRID()"]]);
    await settle();
    workbook.typeIntoCell("Sheet1", "B2", "mine");
    await settle();
    expect([value("A1"), value("A2"), value("B2")]).toEqual(["#SPILL!", "", "mine"]);
  });

  test("a smaller result clears the cells the previous one filled; removing the formula clears them all", async () => {
    rows = 3;
    const { workbook, write, settle, value, engine } = calcWorkbook({ GRID: grid as never });
    await write("A1", [["=LICENSE.GRID()"]]);
    await settle();
    rows = 1;
    engine.recalculate();
    await settle();
    expect([value("A1"), value("B1"), value("A2"), value("B3")]).toEqual(["r0", 0, "", ""]);
    rows = 2;
    engine.recalculate();
    await settle();
    workbook.typeIntoCell("Sheet1", "A1", "");
    await settle();
    expect(workbook.readSheet("Sheet1").values).toEqual([]);
  });

  test("a streaming array result re-spills on every setResult; formulas reading spilled cells follow", async () => {
    const { push, settle, value } = await streamedGrid();
    push([
      ["a", 1],
      ["b", 2],
    ]);
    await settle();
    expect(value("D1")).toBe(4);
    push([["a", 1]]);
    await settle();
    expect([value("A2"), value("D1")]).toEqual(["", 0]);
  });

  test("a streaming result of the same size shows its new values; a cell typed over it still blocks it", async () => {
    const { workbook, push, settle, value } = await streamedGrid();
    push([
      ["a", 1],
      ["b", 2],
    ]);
    await settle();
    push([
      ["a", 1],
      ["c", 3],
    ]);
    await settle();
    expect([value("A1"), value("B1"), value("A2"), value("B2"), value("D1")]).toEqual(["a", 1, "c", 3, 6]);

    workbook.typeIntoCell("Sheet1", "B2", "mine");
    await settle();
    push([
      ["a", 1],
      ["d", 4],
    ]);
    await settle();
    expect([value("A1"), value("A2"), value("B2")]).toEqual(["#SPILL!", "", "mine"]);

    workbook.typeIntoCell("Sheet1", "B2", "");
    await settle();
    expect([value("A1"), value("A2"), value("B2"), value("D1")]).toEqual(["a", "d", 4, 8]);
  });

  test("a result that would spill into a table is #SPILL!", async () => {
    rows = 3;
    const { write, settle, value, session } = calcWorkbook({ GRID: grid as never });
    await session.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("C1:D2").values = [
        ["H1", "H2"],
        ["", ""],
      ];
      sheet.tables.add("C1:D2", true);
      await context.sync();
    });
    await write("A2", [["=LICENSE.GRID()"]]);
    await settle();
    expect(value("A2")).toBe("r0");
    await write("B1", [["=LICENSE.GRID()"]]);
    await settle();
    expect(value("B1")).toBe("#SPILL!");
  });
});
