import fc from "fast-check";
import {
  EXCEL_PLATFORMS,
  attachCalculation,
  createInMemoryWorkbook,
  jsonBytes,
  utf8Bytes,
  type ExcelPlatform,
} from "../../src/host";

const FIVE_MB = 5_000_000;
/** Any UTF-16 code unit, lone surrogates included (text pasted into Excel can hold them). */
const anyCodeUnit = fc.nat({ max: 0xffff }).map((code) => String.fromCharCode(code));

/** A sheet with `rows` rows of `text` in column A, written in requests well under any limit. */
async function sheetOf(platform: ExcelPlatform, rows: number, text: string) {
  const workbook = createInMemoryWorkbook({ profile: platform });
  const session = workbook.session("addin");
  await session.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    for (let start = 0; start < rows; start += 1_000) {
      const count = Math.min(1_000, rows - start);
      sheet.getRangeByIndexes(start, 0, count, 1).values = Array.from({ length: count }, () => [text]);
      await context.sync();
    }
  });
  session.stats.reset();
  return { workbook, session };
}

describe("payload sizes are UTF-8 bytes of the JSON", () => {
  test("jsonBytes is the UTF-8 length of JSON.stringify for any JSON value", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string({ unit: anyCodeUnit }), (value, text) => {
        expect(jsonBytes(value)).toBe(Buffer.byteLength(JSON.stringify(value), "utf8"));
        expect(jsonBytes([text, [text, null]])).toBe(
          Buffer.byteLength(JSON.stringify([text, [text, null]]), "utf8"),
        );
        expect(utf8Bytes(text)).toBe(Buffer.byteLength(text, "utf8"));
      }),
    );
  });

  test("a request of non-ASCII notes is counted in bytes, not characters", async () => {
    const workbook = createInMemoryWorkbook({ profile: "web" });
    const session = workbook.session();
    const note = "Lizenzschlüssel für Büro — ✓ geprüft";
    await session.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:A1000").values = Array.from(
        { length: 1000 },
        () => [note],
      );
      await context.sync();
    });
    const characters = JSON.stringify(Array.from({ length: 1000 }, () => [note])).length;
    expect(session.stats.maxRequestBytes).toBeGreaterThan(characters + 1000 * 5);
  });

  test("a response's bytes are the JSON of the loaded values, counted per sync", async () => {
    const { session } = await sheetOf("web", 100, "Größe");
    await session.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:A100").load("values");
      await context.sync();
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").load("address");
      await context.sync();
      // one loaded property is `"values":[...],` in the response: the object's JSON less its braces, plus a comma
      expect(session.stats.responseBytes[0]).toBe(
        Buffer.byteLength(JSON.stringify({ values: range.values }), "utf8") - 1,
      );
    });
    expect(session.stats.responseBytes).toHaveLength(2);
    expect(session.stats.maxResponseBytes).toBe(session.stats.responseBytes[0]);
  });

  test("a grid of any text, numbers and blanks is counted as the UTF-8 bytes of its JSON", async () => {
    const cell = fc.oneof(
      fc.string({ unit: anyCodeUnit }),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.constant(""),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(cell, cell), { minLength: 1, maxLength: 8 }), async (rows) => {
        const workbook = createInMemoryWorkbook({ profile: "web" });
        const session = workbook.session();
        await session.run(async (context) => {
          const sheet = context.workbook.worksheets.getItem("Sheet1");
          sheet.getRangeByIndexes(0, 0, rows.length, 2).values = rows;
          await context.sync();
          session.stats.reset();
          const range = sheet.getRangeByIndexes(0, 0, rows.length, 2).load("values");
          await context.sync();
          expect(session.stats.responseBytes[0]).toBe(
            Buffer.byteLength(JSON.stringify({ values: range.values }), "utf8") - 1,
          );
        });
      }),
      { numRuns: 60 },
    );
  });
});

describe("Excel on the web refuses requests and responses over 5 MB; Windows and Mac do not", () => {
  // 3,200 cells of this text: 5.1 MB of UTF-8 JSON, but only 3.9 M characters
  const text = "Größe – 12 c".repeat(100);
  const rows = 3_200;

  test.each(EXCEL_PLATFORMS)("%s: a 5.1 MB response", async (platform) => {
    const { session } = await sheetOf(platform, rows, text);
    const read = session.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRangeByIndexes(0, 0, rows, 1);
      range.load("values");
      await context.sync();
      return range.values.length;
    });
    if (platform === "web")
      await expect(read).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
    else await expect(read).resolves.toBe(rows);
    expect(session.stats.maxResponseBytes).toBeGreaterThan(FIVE_MB);
  });

  test.each(EXCEL_PLATFORMS)("%s: a 5.1 MB request", async (platform) => {
    const workbook = createInMemoryWorkbook({ profile: platform });
    const session = workbook.session();
    const write = session.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRangeByIndexes(0, 0, rows, 1).values = Array.from(
        { length: rows },
        () => [text],
      );
      await context.sync();
    });
    if (platform === "web") {
      await expect(write).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
      expect(workbook.readSheet("Sheet1").values).toEqual([]);
    } else {
      await write;
      expect(workbook.readSheet("Sheet1").values).toHaveLength(rows);
    }
    expect(session.stats.maxRequestBytes).toBeGreaterThan(FIVE_MB);
  });

  test.each(EXCEL_PLATFORMS)("%s: reading over five million cells in one sync fails", async (platform) => {
    const workbook = createInMemoryWorkbook({ profile: platform });
    await workbook.session().run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:E1000001").load("values");
      await expect(context.sync()).rejects.toMatchObject({ code: "RangeExceedsLimit" });
    });
  });
});

describe("a blank referenced cell reaches a custom function as each platform passes it", () => {
  test.each([
    ["web", null],
    ["windows", 0],
    ["mac", 0],
  ] as const)("%s passes %p", async (platform, expected) => {
    const seen: unknown[] = [];
    const workbook = createInMemoryWorkbook({ profile: platform });
    const engine = attachCalculation(workbook, {
      functions: new Map([["ECHO", (value: unknown) => (seen.push(value), 1)]]),
    });
    await workbook.session().run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("B1").formulas = [["=LICENSE.ECHO(A1)"]];
      await context.sync();
    });
    await engine.whenIdle();
    expect(seen).toEqual([expected]);
    expect(workbook.profile.emptyCell).toBe(expected);
    engine.detach();
  });
});
