import { createInMemoryWorkbook } from "../../src/host";

/** The host's storage at scale, not a platform's limits: Excel on Windows reads these in one response. */
const NO_PAYLOAD_LIMIT = { profile: "windows" } as const;

describe("host storage at register scale", () => {
  test("200,000 rows x 12 columns written below a table in chunks, then read back", async () => {
    const workbook = createInMemoryWorkbook(NO_PAYLOAD_LIMIT);
    const session = workbook.session();
    const columns = 12;
    await session.run(async (context) => {
      const sheet = context.workbook.worksheets.add("Installations");
      sheet.getRange("A1:L1").values = [Array.from({ length: columns }, (_, c) => `H${c}`)];
      const table = sheet.tables.add("A1:L1", true);
      table.name = "InstallationsTable";
      table.getDataBodyRange().values = [Array.from({ length: columns }, (_, c) => `'v0-${c}`)];
      await context.sync();
      for (let start = 1; start < 200_000; start += 25_000) {
        const rows = Array.from({ length: Math.min(25_000, 200_000 - start) }, (_, r) =>
          Array.from({ length: columns }, (_, c) => `'v${start + r}-${c}`),
        );
        table.getDataBodyRange().getRowsBelow(rows.length).values = rows;
        await context.sync();
      }
    });
    expect(session.stats.maxRequestBytes).toBeLessThan(5_000_000);
    await session.run(async (context) => {
      const body = context.workbook.tables
        .getItem("InstallationsTable")
        .getDataBodyRange()
        .load("values,address");
      await context.sync();
      expect(body.address).toBe("Installations!A2:L200001");
      expect(body.values[199_999][11]).toBe("v199999-11");
    });
  }, 60_000);

  test("50,000 x 45 cells load in one sync", async () => {
    const workbook = createInMemoryWorkbook(NO_PAYLOAD_LIMIT);
    const session = workbook.session();
    await session.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      for (let start = 0; start < 50_000; start += 5_000) {
        sheet.getRangeByIndexes(start, 0, 5_000, 45).values = Array.from({ length: 5_000 }, (_, r) =>
          Array.from({ length: 45 }, (_, c) => (c === 0 ? start + r : c)),
        );
        await context.sync();
      }
      session.stats.reset();
      const range = sheet.getRange("A1:AS50000").load("values");
      await context.sync();
      expect(range.values[49_999][0]).toBe(49_999);
    });
    expect(session.stats).toMatchObject({ syncs: 1, maxCellsRead: 2_250_000 });
  }, 60_000);
});
