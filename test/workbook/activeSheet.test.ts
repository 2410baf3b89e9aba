import { createInMemoryWorkbook } from "../../src/host";
import { freshWorkbook, registerOn } from "./fixtures";

describe("reading the sheet a person opened an export in", () => {
  it("reads the active sheet's used range, and says on which sheet row it starts", async () => {
    const { session, register } = await freshWorkbook();
    await session.run(async (context) => {
      const sheet = context.workbook.worksheets.add("Export");
      sheet.getRange("B3:D5").values = [
        ["Computer", "App", "Ver"],
        ["HR-01", "Sage 50 Accounts", "30.1"],
        ["HR-02", "Slack", 4.41],
      ];
      sheet.activate();
      await context.sync();
    });
    const read = await register.readActiveSheet!();
    expect(read).toEqual({
      ok: true,
      value: {
        sheet: "Export",
        firstRow: 3,
        values: [
          ["Computer", "App", "Ver"],
          ["HR-01", "Sage 50 Accounts", 30.1],
          ["HR-02", "Slack", 4.41],
        ],
      },
    });
  });

  it.each(["Licences", "Settings", "Lists"])(
    "refuses the register's own sheet %s with a plain message",
    async (name) => {
      const { session, register } = await freshWorkbook();
      await session.run(async (context) => {
        context.workbook.worksheets.getItem(name).activate();
        await context.sync();
      });
      expect(await register.readActiveSheet!()).toEqual({
        ok: false,
        error: expect.objectContaining({
          kind: "invalid",
          message: `"${name}" is one of the register's own sheets, not an export. Open the sheet you opened or pasted the export in, then choose "Read the open sheet" again.`,
        }),
      });
    },
  );

  it("says so when the open sheet is empty", async () => {
    const { session, register } = await freshWorkbook();
    await session.run(async (context) => {
      const sheet = context.workbook.worksheets.add("Sheet2");
      sheet.getRange("A1:C3").numberFormat = [
        ["@", "@", "@"],
        ["@", "@", "@"],
        ["@", "@", "@"],
      ];
      sheet.activate();
      await context.sync();
    });
    const read = await register.readActiveSheet!();
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.error.message).toMatch(/^The sheet "Sheet2" is empty/);
  });

  it("reads a sheet larger than Excel on the web's 5 MB response limit in pages under it", async () => {
    const workbook = createInMemoryWorkbook({ profile: "web" });
    const session = workbook.session("alice");
    const register = registerOn(session);
    const cell = (row: number, column: number) => `${"x".repeat(40)}-${row}-${column}`;
    const rows = 24_000;
    for (let first = 0; first < rows; first += 4_000) {
      await session.run(async (context) => {
        const block = Array.from({ length: 4_000 }, (_, r) =>
          Array.from({ length: 5 }, (_, c) => cell(first + r, c)),
        );
        context.workbook.worksheets.getFirst().getRangeByIndexes(first, 0, 4_000, 5).values = block;
        await context.sync();
      });
    }
    const before = session.stats.syncs;
    const read = await register.readActiveSheet!();
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.values).toHaveLength(rows);
    expect(read.value.values[rows - 1][4]).toBe(cell(rows - 1, 4));
    expect(JSON.stringify(read.value.values).length).toBeGreaterThan(5_000_000);
    expect(session.stats.syncs - before).toBeGreaterThan(2);
    expect(session.stats.maxResponseBytes).toBeLessThanOrEqual(4_000_000);
  });
});
