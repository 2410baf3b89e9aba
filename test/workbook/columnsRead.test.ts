import { RECORD_KINDS, RECORD_TABLES } from "../../src/workbook/tables";
import { columnsRead } from "../../src/workbook/readRegister";
import { columnPositions, type TableLayout } from "../../src/workbook/tableLayout";
import type { RecordTableSpec } from "../../src/workbook/tables/types";
import { addLongCommentColumns, asRead, freshWorkbook, fullLicence, must, registerOn } from "./fixtures";

const layoutWith = (headers: string[]): TableLayout => ({
  table: "T",
  sheet: "S",
  headers,
  headerRow: 0,
  firstColumn: 0,
  rowCount: 0,
});

const readOf = (spec: RecordTableSpec, headers: string[]) =>
  columnsRead(spec, columnPositions(layoutWith(headers), spec.columns));

describe("the columns a load reads of each table", () => {
  it("leaves Modified in Excel in a table set-up made: it is the last column, and never read back", () => {
    for (const kind of RECORD_KINDS) {
      const headers = RECORD_TABLES[kind].columns.map((column) => column.header);
      expect(headers[headers.length - 1]).toBe("Modified");
      expect(readOf(RECORD_TABLES[kind], headers)).toBe(headers.length - 1);
    }
  });

  it("reads every column of an older table whose Modified comes before Row Version", () => {
    const spec = RECORD_TABLES.installations;
    const headers = spec.columns.map((column) => column.header);
    const older = [...headers.slice(0, -2), "Modified", "Row Version"];
    expect(readOf(spec, older)).toBe(older.length);
  });

  it("reads a person's own columns between the register's, and none to the right of them", () => {
    const spec = RECORD_TABLES.licences;
    const headers = spec.columns.map((column) => column.header);
    const own = [...headers.slice(0, 3), "Our cost centre", ...headers.slice(3), "Comments 1", "Comments 2"];
    expect(readOf(spec, own)).toBe(headers.length);
  });
});

describe("loading a register whose team keeps long comments in columns of its own", () => {
  it("gives every record without downloading the comments, on Excel on the web", async () => {
    const { workbook, register } = await freshWorkbook({ profile: "web" });
    const added = must(
      await register.addMany(
        "licences",
        Array.from({ length: 10 }, (_, n) => fullLicence({ notes: `licence ${n}` })),
      ),
    );
    // six columns of 32,767 three-byte characters a cell: about 5.9 MB over ten rows
    await addLongCommentColumns(workbook, "LicencesTable", added.length);

    const bob = workbook.session("bob");
    bob.stats.reset();
    const data = await registerOn(bob).load();

    expect(data.issues).toEqual([]);
    expect(data.licences).toEqual(added.map(asRead));
    const downloaded = bob.stats.responseBytes.reduce((sum, bytes) => sum + bytes, 0);
    expect(downloaded).toBeLessThan(100_000);
  });
});
