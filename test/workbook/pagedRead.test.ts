import { readBodyRows, readPaged, type BodySpan, type PageHandler } from "../../src/workbook/pagedRead";
import { jsonBytes } from "../../src/workbook/payload";
import type { TableLayout } from "../../src/workbook/tableLayout";
import { createInMemoryWorkbook } from "../../src/host";
import type { Installation } from "../../src/domain/schemas";
import { fullInstallation, registerOn } from "./fixtures";

/**
 * A stand-in for Excel's response limit alone: tables of rows, and a sync that fails with
 * ResponsePayloadSizeLimitExceeded when the values it returns are over `limit` bytes of UTF-8 JSON.
 */
function fakeExcel(
  tables: Record<string, unknown[][]>,
  limit: number,
  hooks: { onQueue?: () => void; onSync?: () => void } = {},
) {
  const responses: number[] = [];
  let refused = 0;
  let pending: {
    table: string;
    row: number;
    column: number;
    rows: number;
    columns: number;
    out: { values?: unknown[][] };
  }[] = [];
  const context = {
    workbook: {
      tables: {
        getItem: (table: string) => ({
          getDataBodyRange: () => ({
            getCell: (row: number, column: number) => ({
              getResizedRange: (dRows: number, dColumns: number) => {
                const out: { values?: unknown[][]; load: () => unknown } = {
                  load: () => {
                    hooks.onQueue?.();
                    pending.push({ table, row, column, rows: dRows + 1, columns: dColumns + 1, out });
                    return out;
                  },
                };
                return out;
              },
            }),
          }),
        }),
      },
    },
    async sync() {
      hooks.onSync?.();
      const requests = pending;
      pending = [];
      const results = requests.map((r) =>
        tables[r.table].slice(r.row, r.row + r.rows).map((row) => row.slice(r.column, r.column + r.columns)),
      );
      const bytes = jsonBytes(results);
      if (bytes > limit) {
        refused++;
        throw Object.assign(new Error("The response payload size has exceeded the limit."), {
          code: "ResponsePayloadSizeLimitExceeded",
        });
      }
      responses.push(bytes);
      requests.forEach((r, i) => (r.out.values = results[i]));
    },
  };
  return { context: context as unknown as Excel.RequestContext, responses, refused: () => refused };
}

const layout = (table: string, rowCount: number, columns: number): TableLayout => ({
  table,
  sheet: table,
  headers: Array.from({ length: columns }, (_, i) => `H${i}`),
  headerRow: 0,
  firstColumn: 0,
  rowCount,
});

/** 1,000 short rows in small pages, read from an Excel that fails the `failing`th request with a general error. */
function readFailingAt(failing: number, onPage: PageHandler): Promise<void> {
  const rows = Array.from({ length: 1_000 }, (_, i) => [`ID-${i}`, i]);
  let requests = 0;
  const excel = fakeExcel({ t: rows }, 1_000_000, {
    onSync: () => {
      if (++requests === failing)
        throw Object.assign(new Error("Excel is busy."), { code: "GeneralException" });
    },
  });
  return readPaged(excel.context, [{ layout: layout("t", 1_000, 2), firstRow: 0, rowCount: 1_000 }], onPage, {
    bytes: 5_000,
  });
}

describe("reading tables in pages within Excel's response limit", () => {
  it("reads every row, in order, with no response over the limit, however long the rows get", async () => {
    // short rows first, then rows with long non-ASCII notes (3 bytes per character in UTF-8)
    const rows = Array.from({ length: 3_000 }, (_, i) => [
      `ID-${i}`,
      i,
      i < 2_000 ? "short" : "€".repeat(400 + (i % 7) * 100),
    ]);
    const small = Array.from({ length: 40 }, (_, i) => [`S-${i}`, "x"]);
    const excel = fakeExcel({ big: rows, small }, 200_000);
    const seen: Record<string, unknown[][]> = { big: [], small: [] };
    const spans: BodySpan[] = [
      { layout: layout("small", 40, 2), firstRow: 0, rowCount: 40 },
      { layout: layout("big", 3_000, 3), firstRow: 0, rowCount: 3_000 },
    ];
    await readPaged(
      excel.context,
      spans,
      (span, firstRow, page) => {
        expect(firstRow).toBe(seen[span.layout.table].length);
        seen[span.layout.table].push(...page);
      },
      { bytes: 150_000 },
    );
    expect(seen.big).toEqual(rows);
    expect(seen.small).toEqual(small);
    expect(Math.max(...excel.responses)).toBeLessThanOrEqual(200_000);
    // the pages follow the measured size: the long rows take many more requests than the short ones
    expect(excel.responses.length).toBeGreaterThan(10);
    expect(excel.responses.length).toBeLessThan(60);
  });

  it("halves a page Excel refuses as too large and carries on", async () => {
    // every row looks short until row 500, where each row suddenly carries 20 KB
    const rows = Array.from({ length: 1_000 }, (_, i) => [`ID-${i}`, i < 500 ? "a" : "b".repeat(20_000)]);
    const excel = fakeExcel({ t: rows }, 1_000_000);
    const seen: unknown[][] = [];
    await readPaged(
      excel.context,
      [{ layout: layout("t", 1_000, 2), firstRow: 0, rowCount: 1_000 }],
      (_s, _f, page) => {
        seen.push(...page);
      },
      { bytes: 800_000 },
    );
    expect(seen).toEqual(rows);
    expect(excel.refused()).toBeGreaterThan(0);
    expect(Math.max(...excel.responses)).toBeLessThanOrEqual(1_000_000);
  });

  it("reads every one of more scattered rows than one request can ask for (linking 44,000 installations)", async () => {
    // every other row: each is a range of its own, and 4 MB of request takes about 10,000 of them
    const rows = Array.from({ length: 60_000 }, (_, i) => [`ID-${i}`, i]);
    const excel = fakeExcel({ t: rows }, 5_000_000);
    const wanted = Array.from({ length: 30_000 }, (_, i) => 2 * i);
    const cells = await readBodyRows(excel.context, layout("t", 60_000, 2), wanted);
    expect(cells.size).toBe(30_000);
    for (const row of wanted) expect(cells.get(row)).toEqual(rows[row]);
    expect(excel.responses.length).toBeGreaterThan(2);
  });

  it("lets a message from Office that arrives while it asks for many scattered rows be handled before the request goes", async () => {
    const rows = Array.from({ length: 4_000 }, (_, i) => [`ID-${i}`, i]);
    let requestsSent = 0;
    const excel = fakeExcel({ t: rows }, 5_000_000, {
      // each range takes a while to queue, as ten thousand Office.js range proxies do at 100,000 licences
      onQueue: () => {
        const until = performance.now() + 0.05;
        while (performance.now() < until);
      },
      onSync: () => requestsSent++,
    });
    let sentBeforeMessageHandled: number | undefined;
    setImmediate(() => (sentBeforeMessageHandled = requestsSent));
    const wanted = Array.from({ length: 2_000 }, (_, i) => 2 * i);
    const cells = await readBodyRows(excel.context, layout("t", 4_000, 2), wanted);
    expect(cells.size).toBe(2_000);
    // the 2,000 ranges fit one request; the message was handled while they were being queued
    expect(sentBeforeMessageHandled).toBe(0);
  });

  it("asks Excel for the next page before handing over the one it has, so Excel reads while the add-in parses", async () => {
    const rows = Array.from({ length: 1_000 }, (_, i) => [`ID-${i}`, i]);
    const events: string[] = [];
    const excel = fakeExcel({ t: rows }, 1_000_000, { onSync: () => events.push("request") });
    const seen: unknown[][] = [];
    await readPaged(
      excel.context,
      [{ layout: layout("t", 1_000, 2), firstRow: 0, rowCount: 1_000 }],
      async (_s, firstRow, page) => {
        events.push(`page from ${firstRow}`);
        await new Promise((resolve) => setTimeout(resolve, 1));
        seen.push(...page);
      },
      { bytes: 5_000 },
    );
    expect(seen).toEqual(rows);
    const pages = events.filter((event) => event.startsWith("page")).length;
    expect(pages).toBeGreaterThan(3);
    // request, request, page, request, page, …, page: never a page before the request after it has gone
    expect(events.slice(0, 3)).toEqual(["request", "request", "page from 0"]);
    expect(events.filter((event) => event === "request")).toHaveLength(pages);
    expect(events[events.length - 1]).toMatch(/^page/);
  });

  it("fails with the page handler's error, leaving no failed request unhandled behind it", async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    try {
      // the second request fails while the handler has the first page
      await expect(
        readFailingAt(2, () => {
          throw new Error("The page could not be read.");
        }),
      ).rejects.toThrow("The page could not be read.");
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(unhandled).toEqual([]);
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
  });

  it("hands over the page it has and then fails with Excel's error when the next request fails", async () => {
    const firstRows: number[] = [];
    await expect(
      readFailingAt(3, (_s, firstRow) => {
        firstRows.push(firstRow);
      }),
    ).rejects.toMatchObject({ code: "GeneralException" });
    // the two pages Excel answered were both handed over, in order
    expect(firstRows).toHaveLength(2);
    expect(firstRows[0]).toBe(0);
  });

  it("reads only the rows and columns asked for", async () => {
    const rows = Array.from({ length: 100 }, (_, i) => [`ID-${i}`, i, `n${i}`]);
    const excel = fakeExcel({ t: rows }, 1_000_000);
    const seen: unknown[][] = [];
    await readPaged(
      excel.context,
      [{ layout: layout("t", 100, 3), firstRow: 10, rowCount: 5, firstColumn: 2, columnCount: 1 }],
      (_s, firstRow, page) => {
        expect(firstRow).toBe(10);
        seen.push(...page);
      },
    );
    expect(seen).toEqual([["n10"], ["n11"], ["n12"], ["n13"], ["n14"]]);
  });
});

describe("loading a register larger than one response", () => {
  it("loads every record through a host that refuses large reads, a page at a time", async () => {
    // requests and responses of at most 300 kB: 3,000 installations (about 750 kB) do not fit in one response
    const workbook = createInMemoryWorkbook({ payloadLimitBytes: 300_000 });
    const register = registerOn(workbook.session("alice"));
    expect((await register.setUp()).ok).toBe(true);
    const added: Installation[] = [];
    for (let start = 0; start < 3_000; start += 500) {
      const batch = await register.addMany(
        "installations",
        Array.from({ length: 500 }, (_, i) => fullInstallation(start + i)),
      );
      if (!batch.ok) throw new Error(batch.error.message);
      added.push(...batch.value);
    }
    const bob = workbook.session("bob");
    await expect(
      bob.run(async (context) => {
        context.workbook.tables.getItem("InstallationsTable").getDataBodyRange().load("values");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
    const data = await registerOn(bob).load();
    expect(data.installations.map((i) => i.id)).toEqual(added.map((i) => i.id));
    expect(data.issues).toEqual([]);
  });
});
