import type { RecordKind } from "../domain/ids";
import { TextTable, type RowLookup } from "../domain/textTable";
import { forEachPaced, noPause, type Pause } from "../domain/yielding";
import type { DataIssue, LoadOptions, RegisterData, SettingsRead } from "./registerApi";
import { readRecord } from "./records";
import { isReadColumn } from "./tables/columns";
import { parseSettings } from "./settingsRows";
import { cellAddress } from "./cells";
import { pageBytesFor, readPaged } from "./pagedRead";
import { columnPositions, positionOf, queueLayout, type TableLayout } from "./tableLayout";
import { duplicateIdIssue } from "./duplicateIds";
import { settingsBody } from "./settingsBody";
import { RECORD_KINDS, RECORD_TABLES, exchangeRatesTable, recordTableSpec, settingsTable } from "./tables";
import type { RecordTableSpec, TableSpec } from "./tables/types";

type Row = Record<string, unknown>;

/**
 * How many of a table's columns, counted from its first, a read of whole rows needs: as far as the last column
 * records are made from. Columns to the right of it (Modified, never read back, and a person's own columns) stay
 * in Excel. Columns between are read and passed over: a second range per page would cost each row an array more
 * to decode than a column of stamps does (bench/README.md).
 */
export function columnsRead(spec: RecordTableSpec, positions: readonly number[]): number {
  let last = 0;
  spec.columns.forEach((column, index) => {
    if (isReadColumn(column)) last = Math.max(last, positions[index]);
  });
  return last + 1;
}

/** The records of one table, parsed a page at a time as the rows arrive; a repeated ID is a data issue. */
export class TableRecords {
  readonly positions: number[];
  /** How many of the table's columns a load reads (columnsRead). */
  readonly columnsRead: number;
  /**
   * Body row of each record by ID, for finding it again cheaply; its indexOf is the record's place in `records`.
   * It reads each ID from the record instead of keeping the text a second time.
   */
  readonly rowOf: TextTable;
  /**
   * Made at the table's size, then cut to the records kept: a growing array copies itself into a larger one,
   * and at a million rows on a large heap each copy was a pause of its own in the middle of a load.
   */
  private readonly kept: Row[];
  private count = 0;
  private readonly idAt: number;

  constructor(
    private readonly spec: RecordTableSpec,
    private readonly layout: TableLayout,
    private readonly issues: DataIssue[],
  ) {
    this.positions = columnPositions(layout, spec.columns);
    this.columnsRead = columnsRead(spec, this.positions);
    this.kept = new Array<Row>(layout.rowCount);
    const kept = this.kept;
    this.rowOf = new TextTable(layout.rowCount, (entry) => String(kept[entry].id));
    this.idAt = this.positions[spec.columns.findIndex((column) => column.field === "id")];
  }

  /** The records read so far, in the order of their rows (a row with a repeated ID or no record left out). */
  get records(): Row[] {
    this.kept.length = this.count;
    return this.kept;
  }

  get hasIdColumn(): boolean {
    return this.idAt >= 0;
  }

  /** Parses rows read from body row `firstRow` on, giving the thread back when `pause` says so. */
  async add(firstRow: number, rows: readonly unknown[][], pause: Pause = noPause): Promise<void> {
    const { spec, layout, positions, issues, rowOf, kept } = this;
    await forEachPaced(rows, pause, (row, index) => {
      const bodyRow = firstRow + index;
      const record = readRecord(spec, layout, positions, row, bodyRow, issues);
      if (!record) return;
      // the record first: the table reads its ID from there (a repeat's place is taken by the next record)
      kept[this.count] = record;
      const id = String(record.id);
      const first = rowOf.setIfAbsent(id, bodyRow);
      if (first === undefined) {
        this.count++;
        return;
      }
      issues.push(duplicateIdIssue(spec, layout, this.idAt, id, bodyRow, first));
    });
  }
}

export interface RegisterRead {
  data: RegisterData;
  layouts: Map<string, TableLayout>;
  /** Where the load found each record, by kind: its body row by ID, and its place in the kind's records. */
  rowsOf: Map<RecordKind, RowLookup>;
}

/**
 * Every row of every table: which tables exist, their layout, then their bodies in pages within Excel's
 * response limit (pagedRead), parsed as each page arrives.
 */
export async function readRegister(
  context: Excel.RequestContext,
  { pause = noPause, onProgress }: LoadOptions = {},
): Promise<RegisterRead> {
  const { layouts, roundTripMs } = await layoutsOf(context, [
    ...RECORD_KINDS.map((kind) => ({ table: RECORD_TABLES[kind].table, sheet: RECORD_TABLES[kind].sheet })),
    ...SETTINGS_TABLES,
  ]);
  const issues: DataIssue[] = [];

  const collectors = new Map<string, TableRecords>();
  for (const kind of RECORD_KINDS) {
    const spec = RECORD_TABLES[kind];
    const layout = layouts.get(spec.table);
    if (!layout) {
      issues.push(missingTable(spec.sheet, spec.table, spec.idHeader));
      continue;
    }
    const collector = new TableRecords(spec, layout, issues);
    issues.push(...missingColumns(recordTableSpec(kind), layout));
    if (collector.hasIdColumn) collectors.set(spec.table, collector);
    // each table's arrays are made at its size, tens of megabytes at 100,000 licences
    const wait = pause();
    if (wait) await wait;
  }
  const settingsTables = new Set([settingsTable.table, exchangeRatesTable.table]);
  const settingsRows = new Map<string, unknown[][]>();
  const spans = [...layouts.values()]
    .filter((layout) => collectors.has(layout.table) || settingsTables.has(layout.table))
    .map((layout) => ({
      layout,
      firstRow: 0,
      rowCount: layout.rowCount,
      columnCount: collectors.get(layout.table)?.columnsRead,
    }));
  const totalRows = spans.reduce((sum, span) => sum + span.rowCount, 0);
  let rowsDone = 0;
  await readPaged(
    context,
    spans,
    async (span, firstRow, rows) => {
      const collector = collectors.get(span.layout.table);
      if (collector) await collector.add(firstRow, rows, pause);
      else settingsRows.set(span.layout.table, [...(settingsRows.get(span.layout.table) ?? []), ...rows]);
      rowsDone += rows.length;
      if (totalRows > 0) onProgress?.(rowsDone / totalRows);
    },
    { bytes: pageBytesFor(roundTripMs) },
  );

  const data: RegisterData = {
    software: [],
    licences: [],
    allocations: [],
    installations: [],
    settings: parseSettings(undefined, undefined).settings,
    issues,
  };
  const rowsOf: RegisterRead["rowsOf"] = new Map();
  for (const kind of RECORD_KINDS) {
    const collector = collectors.get(RECORD_TABLES[kind].table);
    if (!collector) continue;
    (data as unknown as Record<string, Row[]>)[kind] = collector.records;
    rowsOf.set(kind, collector.rowOf);
  }
  const settings = settingsOf(layouts, settingsRows);
  data.settings = settings.settings;
  issues.push(...settings.issues);
  return { data, layouts, rowsOf };
}

const SETTINGS_TABLES = [settingsTable, exchangeRatesTable] as const;

/**
 * The layouts of the wanted tables that exist, by table name (two requests however many tables), and about how
 * long a round trip takes: the quicker of those two small requests, so one pause of the add-in's own (a
 * collection) seldom passes for a slow Excel.
 */
async function layoutsOf(
  context: Excel.RequestContext,
  wanted: readonly { table: string; sheet: string }[],
): Promise<{ layouts: Map<string, TableLayout>; roundTripMs: number }> {
  const tables = context.workbook.tables.load("items/name");
  const timed = async () => {
    const asked = performance.now();
    await context.sync();
    return performance.now() - asked;
  };
  const first = await timed();
  const existing = new Set(tables.items.map((table) => table.name.toLowerCase()));
  const queued = wanted
    .filter((spec) => existing.has(spec.table.toLowerCase()))
    .map((spec) => queueLayout(context, spec.table, spec.sheet));
  const roundTripMs = Math.min(first, await timed());
  return { layouts: new Map(queued.map((q) => [q.read().table, q.read()])), roundTripMs };
}

/**
 * The Settings and Exchange Rates tables alone, read and checked as a load reads them: what a change to either
 * needs, without reading every record again (a load of 100,000 licences reads 1.4 million rows).
 */
export async function readSettings(context: Excel.RequestContext): Promise<SettingsRead> {
  const { layouts } = await layoutsOf(context, SETTINGS_TABLES);
  const rows = new Map<string, unknown[][]>();
  const spans = [...layouts.values()].map((layout) => ({ layout, firstRow: 0, rowCount: layout.rowCount }));
  await readPaged(context, spans, (span, _firstRow, page) => {
    rows.set(span.layout.table, [...(rows.get(span.layout.table) ?? []), ...page]);
  });
  return settingsOf(layouts, rows);
}

/**
 * The settings from the rows read of their two tables (a table missing from `layouts` gives its defaults), and
 * what is wrong with them.
 */
function settingsOf(layouts: Map<string, TableLayout>, rows: Map<string, unknown[][]>): SettingsRead {
  const [settings, rates] = SETTINGS_TABLES.map((spec) => {
    const layout = layouts.get(spec.table);
    return layout && settingsBody(spec, layout, rows.get(spec.table) ?? []);
  });
  const issues = [settings, rates].flatMap((body) => (body ? missingColumns(body.spec, body.layout) : []));
  const parsed = parseSettings(settings, rates);
  return { settings: parsed.settings, issues: [...issues, ...parsed.issues] };
}

/** A column the table should have and has not (renamed or deleted) is an issue set-up mends by adding it back. */
function missingColumns(spec: TableSpec, layout: TableLayout): DataIssue[] {
  return spec.columns.flatMap((column) => {
    if (!column.field || positionOf(layout, column.header) >= 0) return [];
    return {
      sheet: spec.sheet,
      row: layout.headerRow + 1,
      column: column.header,
      address: cellAddress(layout.headerRow, layout.firstColumn + layout.headers.length),
      message: `The ${spec.title} table has no "${column.header}" column. Choose "Set up workbook" to add it back.`,
      fix: "set-up" as const,
    };
  });
}

function missingTable(sheet: string, table: string, column: string): DataIssue {
  return {
    sheet,
    row: 1,
    column,
    address: "A1",
    message: `The ${sheet} table (${table}) is missing. Choose "Set up workbook" to recreate it.`,
    fix: "set-up",
  };
}
