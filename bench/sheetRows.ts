/** A synthetic register as the cells of its sheets, and those cells read back into records as a load does. */
import type { RecordKind } from "../src/domain/ids";
import type { RegisterInput } from "../src/domain/registerIndex";
import { DEFAULT_SETTINGS } from "../src/domain/schemas";
import { columnsRead, TableRecords } from "../src/workbook/readRegister";
import { recordCells } from "../src/workbook/records";
import type { DataIssue } from "../src/workbook/registerApi";
import type { TableLayout } from "../src/workbook/tableLayout";
import { RECORD_KINDS, RECORD_TABLES } from "../src/workbook/tables";
import type { SyntheticRegister } from "./synthetic";

export type SheetRows = Record<RecordKind, unknown[][]>;

/**
 * Cells as Office.js carries them between Excel and the add-in, decoded from JSON: every text one flat string.
 * The generator builds text from templates, which V8 keeps as chains of pieces, slower to read and larger.
 */
const asDelivered = (cells: unknown[]): unknown[] => JSON.parse(JSON.stringify(cells)) as unknown[];

/**
 * The cell values Excel would send a load: what the register writes, with Excel's literal-text apostrophe dropped,
 * in the columns a load reads of a table laid out as set-up makes it (columnsRead).
 */
function toSheetRows(register: SyntheticRegister): SheetRows {
  const rows = {} as SheetRows;
  for (const kind of RECORD_KINDS) {
    const spec = RECORD_TABLES[kind];
    const read = columnsRead(
      spec,
      spec.columns.map((_, index) => index),
    );
    rows[kind] = (register[kind] as unknown as Record<string, unknown>[]).map((record) =>
      recordCells(spec, { ...record, rowVersion: 1 })
        .slice(0, read)
        .map((cell, i) =>
          spec.columns[i].formula
            ? 0
            : typeof cell === "string" && cell.startsWith("'")
              ? cell.slice(1)
              : cell,
        ),
    );
  }
  return rows;
}

/**
 * Rows per page of SheetPages: at most about 3.7 MB of JSON (a page of licences; installations about 2 MB), inside
 * Excel on the web's 5 MB for a response.
 */
const PAGE_ROWS = 10_000;

/**
 * Each table's cells as Excel sends them to the add-in: pages of rows as JSON text, which Office.js decodes.
 * Real Excel keeps its copy of the cells in its own process, so a benchmark that kept them as 1.4 million arrays
 * in the add-in's heap would make every collection during a timed step trace a copy the add-in never holds. The
 * 141 strings of the 100k register cost the collector next to nothing, as Excel's copy costs the add-in nothing.
 */
export type SheetPages = Record<RecordKind, string[]>;

export function toSheetPages(register: SyntheticRegister): SheetPages {
  const rows = toSheetRows(register);
  const pages = {} as SheetPages;
  for (const kind of RECORD_KINDS) {
    pages[kind] = [];
    for (let first = 0; first < rows[kind].length; first += PAGE_ROWS) {
      pages[kind].push(JSON.stringify(rows[kind].slice(first, first + PAGE_ROWS)));
    }
  }
  return pages;
}

/**
 * The cells delivered, as each load gets them from Office.js: decoded from JSON, every text a new flat string, so
 * no run profits from hashes V8 cached on the strings of an earlier run.
 */
export function deliver(pages: SheetPages): SheetRows {
  const rows = {} as SheetRows;
  for (const kind of RECORD_KINDS)
    rows[kind] = pages[kind].flatMap((page) => JSON.parse(page) as unknown[][]);
  return rows;
}

/** The cells written into the sheet by a seeding session: computed columns keep their formulas. */
export function toWrittenRows(
  register: SyntheticRegister,
  kind: RecordKind,
): (string | number | boolean)[][] {
  const spec = RECORD_TABLES[kind];
  return (register[kind] as unknown as Record<string, unknown>[]).map(
    (record) => asDelivered(recordCells(spec, { ...record, rowVersion: 1 })) as (string | number | boolean)[],
  );
}

/** Cells → validated records, exactly as readRegister parses each table (repeated IDs checked). */
export async function parseSheetRows(rows: SheetRows): Promise<RegisterInput> {
  const input: RegisterInput = {
    software: [],
    licences: [],
    allocations: [],
    installations: [],
    settings: DEFAULT_SETTINGS,
  };
  const issues: DataIssue[] = [];
  for (const kind of RECORD_KINDS) {
    const spec = RECORD_TABLES[kind];
    const layout: TableLayout = {
      table: spec.table,
      sheet: spec.sheet,
      headers: spec.columns.map((column) => column.header),
      headerRow: 0,
      firstColumn: 0,
      rowCount: rows[kind].length,
    };
    const table = new TableRecords(spec, layout, issues);
    await table.add(0, rows[kind]);
    if (issues.length > 0) throw new Error(`${spec.sheet} row ${issues[0].row}: ${issues[0].message}`);
    (input as unknown as Record<RecordKind, unknown[]>)[kind] = table.records;
  }
  return input;
}
