/**
 * An in-memory Excel host: the part of the Excel JavaScript API the add-in uses, over a workbook held in
 * memory, so `src/workbook` runs unchanged in jest and in the browser playground. See README.md here.
 */
import { contains, formatAddress, parseAddress } from "./addresses";
import { listChoices } from "./listChoices";
import { HostContext } from "./context";
import type { FormulaEvaluator } from "./formulas";
import type { CoauthoringOptions } from "./coauthoring";
import { HostCore, type SessionCore } from "./hostCore";
import type { SessionStats } from "./limits";
import { EXCEL_PROFILES, defaultExcelPlatform, type ExcelPlatform, type ExcelProfile } from "./profiles";
import { bodyRect } from "./model";
import { sortTableRows, tableColumnAt, type SortOrder } from "./sort";
import type {
  ConditionalFormatRecord,
  ChartRecord,
  CellStyle,
  Rectangular,
  ValidationSettings,
} from "./rangeAttributes";
import { errors } from "./errors";
import { registerHost } from "./calc/hostRegistry";

export type { FormulaEvaluator, FormulaCell, FormulaWorkbookView, FormulaTableInfo } from "./formulas";
export { UNKNOWN_FUNCTION } from "./formulas";
export type { CellValue } from "./inputParsing";
export { parseInput } from "./inputParsing";
export { HostError } from "./errors";
export { attachCalculation } from "./calc/engine";
export type { CalculationEngine, CalculationOptions, CalculationStats, CellDescription } from "./calc/engine";

export type { ExcelPlatform, ExcelProfile } from "./profiles";
export { EXCEL_PLATFORMS, EXCEL_PROFILES, isExcelPlatform, setDefaultExcelPlatform } from "./profiles";
export type { SessionStats } from "./limits";
export type { SortOrder } from "./sort";
export { jsonBytes, utf8Bytes } from "./limits";

export interface InMemoryWorkbookOptions {
  /** Which Excel to imitate; default: the default platform (setDefaultExcelPlatform; "web" unless set). */
  profile?: ExcelPlatform;
  /** Overrides the profile's request/response limit (UTF-8 bytes); null removes it. */
  payloadLimitBytes?: number | null;
  /** Overrides the profile's limit on cells read by one sync. */
  maxCellsPerRead?: number;
  /**
   * Asynchronous co-authoring, as Excel on the web: each session works on its own copy and its synced
   * changes reach the others `mergeDelayMs` later, merged cell by cell (README.md, "Co-authoring").
   * Without it every session shares one workbook and sees every change at once.
   */
  coauthoring?: CoauthoringOptions;
  /**
   * Milliseconds between Excel carrying out a sync and its answer reaching the add-in (default 0: the next task).
   * Only the benchmark sets it, to show what the number of requests costs where each is a round trip.
   */
  roundTripMs?: number;
}

export interface HostSession {
  readonly name: string;
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  readonly stats: SessionStats;
  /**
   * The add-in's runtime closing (its pane or the workbook closed, or a reload): the handlers it registered
   * are gone, a later run() is refused, and session(name) afterwards is a new runtime.
   */
  close(): void;
}

/** Area attributes of a sheet, for tests to inspect (addresses without the sheet name). */
export interface SheetDescription {
  tables: {
    name: string;
    id: string;
    address: string;
    body: string;
    columns: { name: string; calculatedFormula?: string }[];
  }[];
  frozenRows: number;
  frozenColumns: number;
  columnWidths: Record<string, number>;
  /** Column letters hidden with Range.columnHidden, left to right. */
  hiddenColumns: string[];
  styles: { address: string; style: CellStyle }[];
  dataValidations: { address: string; settings: ValidationSettings }[];
  conditionalFormats: (Omit<ConditionalFormatRecord, "rect"> & { address: string })[];
  protection: { protected: boolean; options?: Excel.WorksheetProtectionOptions };
  charts: (Omit<ChartRecord, "source"> & { source: string })[];
}

/** A sheet's used range read a cell at a time (row 0 is sheet row 1); undefined outside the used range. */
export interface SheetCells {
  rowCount: number;
  columnCount: number;
  value(row: number, column: number): unknown;
  /** The formula, or the value of a cell without one. */
  formula(row: number, column: number): unknown;
  numberFormat(row: number, column: number): string | undefined;
}

export interface InMemoryWorkbook {
  /** The Excel this workbook imitates, and the rules that follow from it. */
  readonly profile: ExcelProfile;
  /**
   * With asynchronous co-authoring: resolves once every change synced so far has reached every session
   * (their onChanged handlers are then queued). Without it, resolves at once.
   */
  merged(): Promise<void>;
  /** A co-author's session on this workbook. run() behaves like Excel.run. */
  session(name?: string): HostSession;
  /** Acting as a person typing into the grid (playground, tests): applies Excel's input parsing, raises onChanged with source "Local" in `by` (default: a session named "user") and "Remote" in every other session. */
  typeIntoCell(sheet: string, address: string, input: string, by?: HostSession): void;
  /**
   * A person picking `value` from a cell's data-validation dropdown: selects the cell if it is not selected,
   * then writes the choice as typing would, but raises onChanged only where Excel does (not on the web:
   * `profile.dropdownPickRaisesChanged`). Refused when the cell has no dropdown or the value is not a choice.
   */
  pickFromList(sheet: string, address: string, value: string, by?: HostSession): void;
  /**
   * A person sorting a table by one column (its header's sort): the rows move, and the worksheet's onRowSorted
   * is raised, "Local" in `by` and "Remote" in every other session, with no onChanged (sort.ts). Returns whether
   * any row moved.
   */
  sortTable(table: string, column: string, order?: SortOrder, by?: HostSession): boolean;
  /**
   * The same from a selected cell, as Excel's "Sort A to Z" on the Data tab: the table whose body holds the cell,
   * by the cell's column. Refused, with a message to show, for a cell in no table's body.
   */
  sortAtCell(sheet: string, address: string, order?: SortOrder, by?: HostSession): boolean;
  /** The choices a cell's dropdown offers (undefined: no dropdown), for a grid to show. */
  listChoices(sheet: string, address: string): string[] | undefined;
  /** A person selecting a cell or range: onSelectionChanged in `by`'s handlers only. */
  selectCell(sheet: string, address: string, by?: HostSession): void;
  /** Plain read-out for tests: the used range of a sheet, anchored at A1 (row 0 is sheet row 1). */
  readSheet(sheet: string): { values: unknown[][]; formulas: unknown[][]; numberFormat: string[][] };
  /**
   * The same read cell by cell, as a grid draws them: only the cells asked for are read, so a grid showing 40
   * rows of a 100,000-row sheet does not copy every cell after each change. Valid until the next change.
   */
  sheetCells(sheet: string): SheetCells;
  sheetNames(): string[];
  tableNames(): string[];
  /** Styles, validation, conditional formats, freeze panes, widths, protection and charts of a sheet. */
  describeSheet(sheet: string): SheetDescription;
  /** Called after anything changes (any session, any typing) so a grid can re-render. */
  onAnyChange(listener: () => void): () => void;
  /** Installs (or removes) the formula evaluator; every formula is re-evaluated now and after each change. */
  setFormulaEvaluator(evaluator: FormulaEvaluator | undefined): void;
  /** Re-evaluates every formula. */
  recalculate(): void;
}

class Session implements HostSession {
  private closed = false;

  constructor(
    readonly core: SessionCore,
    private readonly host: HostCore,
    private readonly forget: (session: Session) => void,
  ) {}

  get name(): string {
    return this.core.name;
  }

  get stats(): SessionStats {
    return this.core.stats;
  }

  async run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    if (this.closed) throw new Error(`The session "${this.name}" is closed: start a new one.`);
    const context = new HostContext(this.host, this.core);
    try {
      // The proxies implement the members of Excel.RequestContext the add-in uses, not the whole interface.
      const result = await batch(context as unknown as Excel.RequestContext);
      if (context.pending > 0) await context.sync();
      return result;
    } finally {
      context.close();
    }
  }

  close(): void {
    this.closed = true;
    this.host.closeSession(this.core);
    this.forget(this);
  }
}

export function createInMemoryWorkbook(options: InMemoryWorkbookOptions = {}): InMemoryWorkbook {
  const profile = EXCEL_PROFILES[options.profile ?? defaultExcelPlatform()];
  if (!profile) throw new Error(`Unknown Excel platform "${String(options.profile)}".`);
  const host = new HostCore(
    profile,
    {
      payloadLimitBytes:
        options.payloadLimitBytes === undefined
          ? profile.payloadLimitBytes
          : (options.payloadLimitBytes ?? undefined),
      maxCellsPerRead: options.maxCellsPerRead ?? profile.maxCellsPerRead,
    },
    options.coauthoring,
    options.roundTripMs ?? 0,
  );
  const sessions = new Map<string, Session>();
  const session = (name = "user"): Session => {
    let found = sessions.get(name);
    if (!found) {
      found = new Session(host.newSession(name), host, (closed) => {
        if (sessions.get(name) === closed) sessions.delete(name);
      });
      sessions.set(name, found);
    }
    return found;
  };
  const coreOf = (by?: HostSession): SessionCore =>
    by instanceof Session ? by.core : session(by?.name ?? "user").core;
  const sheetOf = (name: string) => {
    const sheet = host.state.sheetByName(name);
    if (!sheet) throw errors.itemNotFound(`Worksheet ${name}`);
    return sheet;
  };
  const cellOf = (address: string) => {
    const parsed = parseAddress(address);
    if (!parsed) throw errors.invalidArgument("address", `"${address}" is not a valid address.`);
    return parsed.rect;
  };

  const workbook: InMemoryWorkbook = {
    profile,
    merged: async () => host.coauthoring?.settled(),
    session,
    typeIntoCell(sheetName, address, input, by) {
      const sheet = sheetOf(sheetName);
      const area = cellOf(address);
      const core = coreOf(by);
      host.select(core, sheet.id, area);
      host.as(core, () => {
        try {
          const own = sheetOf(sheetName);
          host.state.write(
            own,
            { ...area, rowCount: 1, columnCount: 1 },
            "values",
            [[input]],
            "typeIntoCell",
          );
        } finally {
          host.finishChanges(core);
        }
      });
    },
    pickFromList(sheetName, address, value, by) {
      const sheet = sheetOf(sheetName);
      const cell = cellOf(address);
      const choices = listChoices(host.state, sheet, cell);
      if (!choices)
        throw errors.invalidOperation("pickFromList", `${sheetName}!${address} has no dropdown list.`);
      const choice =
        choices.find((c) => c === value) ?? choices.find((c) => c.toLowerCase() === value.toLowerCase());
      if (choice === undefined)
        throw errors.invalidArgument(
          "pickFromList",
          `"${value}" is not one of the choices in ${sheetName}!${address}.`,
        );
      const core = coreOf(by);
      const at = { ...cell, rowCount: 1, columnCount: 1 };
      const selected = core.selection;
      if (!selected || selected.sheetId !== sheet.id || !contains(selected.rect, at))
        host.select(core, sheet.id, at);
      host.as(core, () => {
        try {
          host.state.write(sheetOf(sheetName), at, "values", [[choice]], "pickFromList");
        } finally {
          host.finishChanges(core, host.profile.dropdownPickRaisesChanged);
        }
      });
    },
    sortTable(tableName, column, order = "Ascending", by) {
      const core = coreOf(by);
      return host.as(core, () => {
        try {
          const table = host.state.tableByName(tableName);
          if (!table) throw errors.itemNotFound(`Table ${tableName}`);
          return sortTableRows(host.state, host.state.requireSheet(table.sheetId), table, column, order);
        } finally {
          host.finishChanges(core);
        }
      });
    },
    sortAtCell(sheetName, address, order = "Ascending", by) {
      const found = host.as(coreOf(by), () => tableColumnAt(host.state, sheetOf(sheetName), cellOf(address)));
      if (!found)
        throw errors.invalidOperation(
          "sort",
          "Select a cell in a table's rows to sort the table by its column.",
        );
      return workbook.sortTable(found.table.name, found.column, order, by);
    },
    listChoices(sheetName, address) {
      return listChoices(host.state, sheetOf(sheetName), cellOf(address));
    },
    selectCell(sheetName, address, by) {
      host.select(coreOf(by), sheetOf(sheetName).id, cellOf(address));
    },
    readSheet(sheetName) {
      const sheet = sheetOf(sheetName);
      const used = sheet.cells.usedRect(false);
      const values: unknown[][] = [];
      const formulas: unknown[][] = [];
      const numberFormat: string[][] = [];
      if (used) {
        const rows = used.row + used.rowCount;
        const columns = used.column + used.columnCount;
        const { cells } = sheet;
        for (let r = 0; r < rows; r++) {
          const rowValues = new Array<unknown>(columns);
          const rowFormulas = new Array<unknown>(columns);
          const rowFormats = new Array<string>(columns);
          for (let c = 0; c < columns; c++) {
            const value = cells.value(r, c);
            rowValues[c] = value;
            rowFormulas[c] = cells.formula(r, c) ?? value;
            rowFormats[c] = cells.format(r, c);
          }
          values.push(rowValues);
          formulas.push(rowFormulas);
          numberFormat.push(rowFormats);
        }
      }
      return { values, formulas, numberFormat };
    },
    sheetCells(sheetName) {
      const { cells } = sheetOf(sheetName);
      const used = cells.usedRect(false);
      const rowCount = used ? used.row + used.rowCount : 0;
      const columnCount = used ? used.column + used.columnCount : 0;
      const inside = (r: number, c: number) => r >= 0 && r < rowCount && c >= 0 && c < columnCount;
      return {
        rowCount,
        columnCount,
        value: (r, c) => (inside(r, c) ? cells.value(r, c) : undefined),
        formula: (r, c) => (inside(r, c) ? (cells.formula(r, c) ?? cells.value(r, c)) : undefined),
        numberFormat: (r, c) => (inside(r, c) ? cells.format(r, c) : undefined),
      };
    },
    sheetNames: () => host.state.sheets.map((sheet) => sheet.name),
    tableNames: () => host.state.tables.map((table) => table.name),
    describeSheet(sheetName) {
      const sheet = sheetOf(sheetName);
      const a = sheet.attributes;
      const local = <T>(records: Rectangular<T>[]) =>
        records.map((r) => ({ address: formatAddress(sheet.name, r.rect).split("!")[1], data: r.data }));
      return {
        tables: host.state.tablesOn(sheet.id).map((table) => ({
          name: table.name,
          id: table.id,
          address: formatAddress(sheet.name, table.rect).split("!")[1],
          body: formatAddress(sheet.name, bodyRect(table)).split("!")[1],
          columns: table.columns.map(({ name, calculatedFormula }) => ({ name, calculatedFormula })),
        })),
        frozenRows: a.frozen.rows,
        frozenColumns: a.frozen.columns,
        columnWidths: Object.fromEntries(
          [...a.columnWidths].map(([c, w]) => [
            formatAddress(sheet.name, { row: 0, column: c, rowCount: 1, columnCount: 1 })
              .split("!")[1]
              .replace(/\d+$/, ""),
            w,
          ]),
        ),
        hiddenColumns: [...a.hiddenColumns]
          .sort((x, y) => x - y)
          .map((c) =>
            formatAddress(sheet.name, { row: 0, column: c, rowCount: 1, columnCount: 1 })
              .split("!")[1]
              .replace(/\d+$/, ""),
          ),
        styles: local(a.styles).map(({ address, data }) => ({ address, style: data })),
        dataValidations: local(a.validations).map(({ address, data }) => ({ address, settings: data })),
        conditionalFormats: a.conditionalFormats.map(({ rect, ...rest }) => ({
          ...rest,
          address: formatAddress(sheet.name, rect).split("!")[1],
        })),
        protection: a.protection,
        charts: a.charts.map(({ source, ...rest }) => ({
          ...rest,
          source: formatAddress(sheet.name, source).split("!")[1],
        })),
      };
    },
    onAnyChange(listener) {
      host.listeners.add(listener);
      return () => host.listeners.delete(listener);
    },
    setFormulaEvaluator(evaluator) {
      host.state.setEvaluator(evaluator);
      host.finishChanges(session().core);
    },
    recalculate() {
      host.state.recalculate();
      host.finishChanges(session().core);
    },
  };
  registerHost(workbook, host);
  return workbook;
}
