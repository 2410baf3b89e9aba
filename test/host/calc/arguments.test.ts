import { calcWorkbook, recorder } from "./support";

describe("arguments are passed as Excel passes them", () => {
  test("literals: numbers, text with doubled quotes, TRUE/FALSE, an omitted argument (null)", async () => {
    const echo = recorder(() => "ok");
    const { write, value, settle } = calcWorkbook({ ECHO: echo.fn });
    await write("A1", [['=LICENSE.ECHO(1, "say ""hi""", TRUE, , -2.5, false, "")']]);
    await settle();
    expect(value("A1")).toBe("ok");
    expect(echo.calls).toEqual([[1, 'say "hi"', true, null, -2.5, false, ""]]);
  });

  test("the invocation comes last, after null for omitted optional parameters", async () => {
    const seen: unknown[][] = [];
    function withOptional(a: unknown, b?: unknown, c?: unknown): string {
      // eslint-disable-next-line prefer-rest-params
      seen.push([...arguments]);
      return `${String(a)}/${String(b)}/${String(c)}`;
    }
    const { write, value, settle } = calcWorkbook({ OPT: withOptional as never });
    await write("A1", [["=LICENSE.OPT(1)"]]);
    await settle();
    expect(value("A1")).toBe("1/null/null");
    expect(seen[0].slice(0, 3)).toEqual([1, null, null]);
    expect(seen[0][3]).toMatchObject({ address: "Sheet1!A1", functionName: "LICENSE.OPT" });
  });

  test("A1 references: a cell's value, an empty cell as the platform passes it, a range as a 2-D array, another sheet", async () => {
    const echo = recorder(() => 1);
    const { workbook, write, settle, session } = calcWorkbook({ ECHO: echo.fn });
    await session.run(async (context) => {
      context.workbook.worksheets.add("My Sheet");
      await context.sync();
    });
    await write("A1:B2", [
      [5, "x"],
      [true, ""],
    ]);
    await write("A1", [[42]], "My Sheet");
    await write("D1", [["=license.echo(A1, B2, A1:B2, 'My Sheet'!A1, $A$1)"]]);
    await settle();
    const empty = workbook.profile.emptyCell; // null on the web, 0 on Windows and Mac
    expect(echo.calls).toEqual([
      [
        5,
        empty,
        [
          [5, "x"],
          [true, empty],
        ],
        42,
        5,
      ],
    ]);
    expect(workbook.readSheet("Sheet1").formulas[0][3]).toBe(
      "=license.echo(A1, B2, A1:B2, 'My Sheet'!A1, $A$1)",
    );
  });

  test("emptyCell option: Excel on Windows passes 0 for an empty cell", async () => {
    const echo = recorder(() => 1);
    const { write, settle } = calcWorkbook({ ECHO: echo.fn }, { emptyCell: 0 });
    await write("B1", [["=LICENSE.ECHO(A1, A1:A2)"]]);
    await settle();
    expect(echo.calls).toEqual([[0, [[0], [0]]]]);
  });

  test("dates are serial numbers; TODAY() is today's serial", async () => {
    const echo = recorder(() => 1);
    const { write, settle } = calcWorkbook({ ECHO: echo.fn }, { today: () => 46_000 });
    await write("A1", [["2026-03-31"]]);
    await write("B1", [["=LICENSE.ECHO(A1, TODAY())"]]);
    await settle();
    expect(echo.calls).toEqual([[46_112, 46_000]]);
  });

  test("structured references: [@Col], [@[Col name]], Table[[#This Row],[Col]] and Table[Col]", async () => {
    const echo = recorder((...args) => args.length);
    const { write, settle, session, value } = calcWorkbook({ ECHO: echo.fn });
    await session.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:D3").values = [
        ["ID", "Unit Cost", "Qty", "Out"],
        ["a", 1.5, 2, ""],
        ["b", 3, 4, ""],
      ];
      sheet.tables.add("A1:D3", true).name = "T";
      await context.sync();
    });
    await write("D2", [["=LICENSE.ECHO([@ID], [@[Unit Cost]], T[[#This Row],[Qty]], T[Qty], T[@Qty])"]]);
    await settle();
    // The formula fills the empty column (a calculated column), so both rows run.
    expect(value("D3")).toBe(5);
    expect(echo.calls).toEqual([
      ["a", 1.5, 2, [[2], [4]], 2],
      ["b", 3, 4, [[2], [4]], 4],
    ]);
  });

  test("each invocation gets its own copy of a range argument", async () => {
    const seen: unknown[] = [];
    const mutate = (range: unknown[][]) => {
      seen.push(range[0][0]);
      range[0][0] = "changed";
      return 1;
    };
    const { write, settle, value } = calcWorkbook({ MUTATE: mutate as never });
    await write("A1:A2", [[1], [2]]);
    await write("B1:B3", [
      ["=LICENSE.MUTATE(A1:A2)"],
      ["=LICENSE.MUTATE(A1:A2)"],
      ["=LICENSE.MUTATE(A1:A2)"],
    ]);
    await settle();
    expect(seen).toEqual([1, 1, 1]);
    expect(value("A1")).toBe(1);
  });

  test("a reference to a missing sheet or column shows #REF! with a message, without calling", async () => {
    const echo = recorder(() => 1);
    const { write, settle, engine } = calcWorkbook({ ECHO: echo.fn });
    await write("A1:B1", [["=LICENSE.ECHO(Nowhere!A1)", "=LICENSE.ECHO([@Qty])"]]);
    await settle();
    expect(engine.cellError("Sheet1", "A1")).toEqual({
      code: "#REF!",
      message: "There is no worksheet named Nowhere.",
    });
    expect(engine.cellError("Sheet1", "B1")?.code).toBe("#REF!");
    expect(echo.calls).toEqual([]);
  });

  test("a LICENSE call inside a larger formula is called as Excel calls it; syntax the host cannot read keeps its value", async () => {
    const echo = recorder(() => 1);
    const { write, settle, value } = calcWorkbook({ ECHO: echo.fn });
    await write("A1:D1", [["=SUM(1,2)", "=LICENSE.ECHO(1)+1", "=+3", "=SUM(A:A)"]]);
    await settle();
    expect([value("A1"), value("B1"), value("C1"), value("D1")]).toEqual([3, 2, 3, "#NAME?"]);
    expect(echo.calls).toEqual([[1]]);
  });
});
