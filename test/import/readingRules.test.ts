import { parseAmount } from "../../src/import/amounts";
import { decodeText } from "../../src/import/decode";
import { sniffDelimiter, splitDelimited } from "../../src/import/delimited";
import { normaliseDevice, normaliseTitle } from "../../src/import/normalise";
import { readGrid, readImport } from "../../src/import/readImport";
import { find, readFixture } from "./support";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("encoding", () => {
  it("a byte order mark decides; otherwise UTF-8 when valid, else Windows-1252", () => {
    expect(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, 0x41]))).toEqual({
      text: "A",
      encoding: "UTF-8",
      bom: true,
    });
    expect(decodeText(Uint8Array.from([0xff, 0xfe, 0x41, 0x00]))).toMatchObject({
      text: "A",
      encoding: "UTF-16LE",
    });
    expect(decodeText(Uint8Array.from([0xfe, 0xff, 0x00, 0x41]))).toMatchObject({
      text: "A",
      encoding: "UTF-16BE",
    });
    expect(decodeText(bytes("Café €"))).toMatchObject({ text: "Café €", encoding: "UTF-8", bom: false });
    // "Café €" and a curly apostrophe as Windows-1252 bytes: not valid UTF-8.
    expect(decodeText(Uint8Array.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x80, 0x92]))).toEqual({
      text: "Café €’",
      encoding: "Windows-1252",
      bom: false,
    });
  });
});

describe("delimiter and records", () => {
  it("the most frequent of , ; TAB | in the header line, outside quotes", () => {
    expect(sniffDelimiter('"a;b;c",d,e')).toBe(",");
    expect(sniffDelimiter("a;b;c,d")).toBe(";");
    expect(sniffDelimiter("a\tb\tc")).toBe("\t");
    expect(sniffDelimiter("name|version|x,y")).toBe("|");
    expect(sniffDelimiter("single")).toBe(",");
  });

  it("fields hold delimiters and line breaks; CRLF and LF mixed; each record knows its line", async () => {
    const split = await splitDelimited('h1,h2\r\n"a,1","b\nc"\nd,e\r\nf,g');
    expect(split.records).toEqual([
      { line: 1, cells: ["h1", "h2"] },
      { line: 2, cells: ["a,1", "b\nc"] },
      { line: 4, cells: ["d", "e"] },
      { line: 5, cells: ["f", "g"] },
    ]);
  });

  it("an unterminated quote rejects that record only, however many rows follow", async () => {
    const rows = Array.from({ length: 12_000 }, (_, i) => `PC-${i},Tool,1.0`);
    const text = ["device,title,version", '"PC-X,Broken,1.0', ...rows].join("\n");
    const split = await splitDelimited(text);
    expect(split.rejected).toEqual([{ line: 2, reason: expect.stringMatching(/never closes/) }]);
    expect(split.records).toHaveLength(12_001);
    expect(split.records[12_000]).toEqual({ line: 12_002, cells: ["PC-11999", "Tool", "1.0"] });
  });
});

describe("the nasty file", () => {
  it("accounts for every row: read, collapsed, skipped silently, ignored and said, or rejected with a reason", async () => {
    const result = await readFixture("nasty-lansweeper.csv");
    expect(find(result, "PC-01", "Acme Suite, Enterprise")[0].publisher).toBe("Acme, Inc.");
    expect(find(result, "PC-02", 'Notes "Pro" Edition')).toHaveLength(1);
    expect(find(result, "PC-04", "Acme Suite")).toHaveLength(1);
    expect(find(result, "PC-05", "+Plus Tool")).toHaveLength(1);
    expect(result.neutralised).toBe(1);
    expect(result.rejected).toEqual([
      {
        line: 8,
        reason: 'A quote (") opens but never closes on this line, so its fields cannot be told apart.',
      },
      {
        line: 10,
        reason:
          "Has 2 fields where the header has 6 (a total, a footer or a broken line), so it was not read.",
      },
    ]);
    expect(result.warnings).toEqual([
      "Line 7 repeats the header row (files joined together?) and was ignored.",
    ]);
  });
});

describe("normalising", () => {
  it("device: trimmed, upper case, the first DNS label of a host name but never of an IP address", () => {
    expect(normaliseDevice("  pc-7.corp.example.com ")).toBe("PC-7");
    expect(normaliseDevice("10.1.2.3")).toBe("10.1.2.3");
    expect(normaliseDevice("fe80::1")).toBe("FE80::1");
  });

  it("title: NFC, trimmed, whitespace runs as one space, a trailing .app removed", () => {
    expect(normaliseTitle("  Microsoft   Excel.app ")).toBe("Microsoft Excel");
    expect(normaliseTitle("Cafe\u0301\tTool")).toBe("Café Tool");
    expect(normaliseTitle(".app")).toBe(".app");
  });

  it("a file it cannot read says what to export instead", async () => {
    expect((await readImport(bytes("\n\n"))).warnings).toEqual([
      "The file has no rows to read: export the list again, with its header row and rows, and choose the new file.",
    ]);
    expect((await readImport(bytes('{"hello": "world"}'))).warnings).toEqual([
      "The JSON file is not an export this reads (Intune, Graph detectedApps, Jamf, osquery): export the list as CSV, or from one of those tools.",
    ]);
  });

  it("versions are never numbers, and repeats are compared case-insensitively by title", async () => {
    const result = await readImport(
      bytes(
        "DeviceName,ApplicationName,ApplicationVersion\nPC-1,SLACK,8.10\nPC-1,slack,8.10\nPC-1,Slack,8.1\n",
      ),
    );
    expect(result.installations.map((i) => [i.title, i.version, i.rows])).toEqual([
      ["SLACK", "8.10", 2],
      ["Slack", "8.1", 1],
    ]);
    expect(result.warnings).toContainEqual(expect.stringMatching(/SLACK 8.1 \(beside 8.10\)/));
  });
});

describe("dates", () => {
  it("a/b/yyyy is left empty with a warning when no value shows which part is the day", async () => {
    const result = await readFixture("dates-ambiguous.csv");
    expect(result.installations.map((i) => i.installedOn)).toEqual([undefined, undefined]);
    expect(result.warnings).toEqual([
      "InstallDate0: 2 dates like 03/04/2024 left empty because no value in the column shows which part is the day (lines 2, 3).",
    ]);
  });

  it("a/b/yyyy is read day-first when a value shows it; a date that does not parse is left empty, the row kept", async () => {
    const result = await readFixture("dates-day-first.csv");
    expect(result.installations.map((i) => i.installedOn)).toEqual(["2024-04-03", "2024-01-15", undefined]);
    expect(result.installations).toHaveLength(3);
    expect(result.warnings).toEqual([
      "InstallDate0: 1 value is not a date it can read and was left empty; the row was kept (line 4).",
    ]);
  });
});

describe("amounts", () => {
  it.each([
    ["1.249,00", true, 1249],
    ["1,249.00", false, 1249],
    ["1,249.00", true, 1249],
    ["1249,5", true, 1249.5],
    ["1,249", false, 1249],
    ["1.249", false, 1.249],
    ["1.249", true, 1249],
    ["€ 2.100,50", true, 2100.5],
    ["GBP 99", false, 99],
    ["n/a", false, undefined],
  ])("%p (decimal comma %p) is %p", (text, decimalComma, expected) => {
    expect(parseAmount(text, decimalComma)).toBe(expected);
  });
});

describe("a sheet opened in Excel", () => {
  it("reads the grid's values like a file: numbers, dates and padding cells as Excel gives them", async () => {
    const result = await readGrid([
      ["AssetUnique", "software", "version", "publisher", "", ""],
      ["ENG-1", "SolidWorks 2023", "31.2.0", "Dassault", "", ""],
      ["ENG-2", "SolidWorks 2023", 31, "Dassault", "", ""],
      ["", "", "", "", "", ""],
    ]);
    expect(result.format).toBe("lansweeper-software");
    expect(result.installations.map((i) => [i.device, i.version])).toEqual([
      ["ENG-1", "31.2.0"],
      ["ENG-2", "31"],
    ]);
    expect(result.warnings).toContainEqual(expect.stringMatching(/1 version is a number, not text/));
  });
});

describe("large files", () => {
  const big = () =>
    bytes(
      [
        "DeviceName,ApplicationName,ApplicationVersion",
        ...Array.from({ length: 20_000 }, (_, i) => `PC-${i % 500},App ${i % 40},1.${i % 3}`),
      ].join("\n"),
    );

  it("reports progress as it reads and ends at 100%", async () => {
    const seen: number[] = [];
    const result = await readImport(big(), { onProgress: (fraction) => seen.push(fraction) });
    expect(result.installations.length + result.duplicatesCollapsed).toBe(20_000);
    expect(seen.length).toBeGreaterThan(3);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen[seen.length - 1]).toBe(1);
  });

  it("stops when cancelled, without a result", async () => {
    const controller = new AbortController();
    const reading = readImport(big(), {
      signal: controller.signal,
      onProgress: (fraction) => fraction > 0.1 && controller.abort(),
    });
    await expect(reading).rejects.toMatchObject({ name: "AbortError" });
  });
});
