import type { z } from "zod/mini";
import { parseRow, parseRowWithSchema } from "../../src/workbook/records";
import { createFastRowParser } from "../../src/workbook/fastRowParser";
import { columnPositions, type TableLayout } from "../../src/workbook/tableLayout";
import { RECORD_KINDS, RECORD_TABLES } from "../../src/workbook/tables";
import type { RecordTableSpec } from "../../src/workbook/tables/types";

const layoutOf = (
  spec: RecordTableSpec,
  headers = spec.columns.map((column) => column.header),
): TableLayout => ({
  table: spec.table,
  sheet: spec.sheet,
  headers,
  headerRow: 0,
  firstColumn: 0,
  rowCount: 0,
});

/** A sheet row from field values by header; computed and unnamed columns are blank. */
const rowOf = (spec: RecordTableSpec, cells: Record<string, unknown>): unknown[] =>
  spec.columns.map((column) => (column.field && column.field in cells ? cells[column.field] : ""));

/**
 * Every field of the table's schema in shape order, undefined where the record leaves it out, but for a field no
 * column is read into that has no default (Modified: the register writes it, and a read never gives it).
 */
function withEveryField(spec: RecordTableSpec, record: Record<string, unknown>): Record<string, unknown> {
  const shape = (spec.schema as unknown as { shape: Record<string, z.ZodMiniType> }).shape;
  const read = (field: string) =>
    spec.columns.some((column) => column.field === field && !column.writtenOnly) ||
    shape[field].safeParse(undefined).data !== undefined;
  return Object.fromEntries(
    Object.keys(shape)
      .filter(read)
      .map((field) => [field, record[field]]),
  );
}

/**
 * The fast path must agree with the whole schema on every row: the same issues, blank or not, and the same
 * record, holding every field read from the table in shape order (undefined where the schema leaves one out).
 */
function expectSameAsSchema(spec: RecordTableSpec, rows: unknown[][], layout = layoutOf(spec)) {
  const positions = columnPositions(layout, spec.columns);
  rows.forEach((row, bodyRow) => {
    const fast = parseRow(spec, layout, positions, row, bodyRow);
    const full = parseRowWithSchema(spec, layout, positions, row, bodyRow);
    const expected = full.record ? { ...full, record: withEveryField(spec, full.record) } : full;
    expect(fast).toStrictEqual(expected);
    expect(Object.keys(fast.record ?? {})).toEqual(Object.keys(expected.record ?? {}));
  });
}

const licence = {
  id: "LIC-1",
  softwareId: "SW-1",
  quantity: 5,
  licenceType: "Subscription",
  scope: "Enterprise",
  allocationRule: "User-based",
};

describe("the fast row parser", () => {
  it("is used for every record table (no unknown cross-field rules or odd columns)", () => {
    for (const kind of RECORD_KINDS) expect(createFastRowParser(RECORD_TABLES[kind])).toBeDefined();
  });

  it("gives the whole schema's records and data issues for licences", () => {
    const spec = RECORD_TABLES.licences;
    const rows = [
      licence,
      // defaults for blank flags, lists and currency; trims; currency upper-cased; text booleans and numbers
      {
        ...licence,
        id: "  LIC-2 ",
        currency: " usd ",
        unlimited: "true",
        quantity: "12",
        purchaseDate: 46000,
      },
      {
        ...licence,
        id: "LIC-3",
        pricingModel: "Multi-year",
        termMonths: 24,
        expiryDate: "2027-01-01T00:00:00Z",
      },
      // field failures
      { ...licence, quantity: "ten" },
      { ...licence, scope: "Galaxy", purchaseDate: "next Tuesday" },
      { ...licence, currency: "pounds" },
      { ...licence, id: "x".repeat(41) },
      { ...licence, id: "   " },
      { ...licence, softwareId: 42 },
      { ...licence, cost: -1, termMonths: 0 },
      { ...licence, quantity: 2.5, unlimited: "maybe" },
      // cross-field failures
      { ...licence, quantity: "" },
      { ...licence, perpetual: true, expiryDate: "2027-01-01" },
      { ...licence, startDate: "2027-01-01", expiryDate: "2026-01-01" },
      { ...licence, pricingModel: "Multi-year" },
      { ...licence, reviewRequired: true },
      { ...licence, reviewRequired: true, reviewReason: "  " },
      // passes cross-field rules
      { ...licence, quantity: "", unlimited: true, reviewRequired: true, reviewReason: " audit " },
      // blank and nearly blank rows
      {},
      { notes: "   " },
      { notes: "only a note" },
    ].map((cells) => rowOf(spec, cells));
    rows.push([]);
    // twice, so the second pass reads from the columns' memos
    expectSameAsSchema(spec, [...rows, ...rows]);
  });

  it("gives the whole schema's results for allocations, installations and software", () => {
    const allocation = { id: "ALC-1", licenceId: "LIC-1", user: "ann@example.com", allocatedOn: 46000 };
    const allocations = [
      allocation,
      { ...allocation, revokedOn: 46001 },
      { ...allocation, revokedOn: 45999 },
      { ...allocation, revokedOn: "soon" },
      { ...allocation, user: "" },
      { ...allocation, user: "  ann@example.com ", department: " Finance" },
      { ...allocation, user: "u".repeat(201), department: "Finance" },
      { id: "ALC-2", user: "bob" },
    ].map((cells) => rowOf(RECORD_TABLES.allocations, cells));
    // twice, so the second pass reads from the columns' memos
    expectSameAsSchema(RECORD_TABLES.allocations, [...allocations, ...allocations]);
    const installation = { id: "INS-1", softwareId: "SW-1", device: "PC-1" };
    expectSameAsSchema(
      RECORD_TABLES.installations,
      [
        installation,
        { ...installation, licenceId: " LIC-1 ", source: "Discovery", rowVersion: 3, modified: 46000.5 },
        { ...installation, source: "Telepathy" },
        { ...installation, rowVersion: -1 },
        { ...installation, device: "d".repeat(201) },
        { ...installation, device: "d".repeat(201), user: " ann@example.com" },
        { ...installation, device: " PC-1 ", user: "ann@example.com" },
      ].map((cells) => rowOf(RECORD_TABLES.installations, cells)),
    );
    expectSameAsSchema(
      RECORD_TABLES.software,
      [{ id: "SW-1", name: " Word " }, { id: "SW-2" }, { id: "SW-3", name: "Excel", notes: true }].map(
        (cells) => rowOf(RECORD_TABLES.software, cells),
      ),
    );
  });

  it("gives the same records where the page forbids compiling code (a content security policy)", () => {
    const compile = globalThis.Function;
    globalThis.Function = function refused() {
      throw new EvalError("Refused to evaluate a string as JavaScript because 'unsafe-eval' is not allowed.");
    } as unknown as FunctionConstructor;
    try {
      const installation = { id: "INS-1", softwareId: "SW-1", device: "PC-1" };
      expectSameAsSchema(
        RECORD_TABLES.installations,
        [
          installation,
          { ...installation, licenceId: " LIC-1 ", user: "ann@example.com", rowVersion: 3 },
          { ...installation, source: "Telepathy" },
        ].map((cells) => rowOf(RECORD_TABLES.installations, cells)),
      );
    } finally {
      globalThis.Function = compile;
    }
  });

  it("agrees over many rows with unique and repeated values, reordered and missing columns", () => {
    const spec = RECORD_TABLES.installations;
    const headers = spec.columns.map((column) => column.header).reverse();
    headers.splice(headers.indexOf("Version"), 1);
    const layout = layoutOf(spec, headers);
    const rows = Array.from({ length: 6_000 }, (_, i) => {
      const cells: Record<string, unknown> = {
        id: `INS-${i}`,
        softwareId: `SW-${i % 7}`,
        licenceId: i % 11 === 0 ? "" : `LIC-${i % 500}`,
        device: i % 997 === 0 ? "" : ` DEV-${i} `,
        user: `user${i}`,
        source: i % 1999 === 0 ? "Nowhere" : "Discovery",
        installedOn: i % 3 === 0 ? 46000 + (i % 30) : "",
        rowVersion: i % 5,
      };
      const row = rowOf(spec, cells);
      return headers.map((header) => row[spec.columns.findIndex((column) => column.header === header)]);
    });
    expectSameAsSchema(spec, rows, layout);
  });
});
