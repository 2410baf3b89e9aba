import type { Allocation, Installation, Licence, Settings, Software } from "../domain/schemas";
import type { RecordKind } from "../domain/ids";
import type { IsoDate } from "../domain/dates";
import type { RegisterPosition } from "../domain/positionTypes";
import type { Pause } from "../domain/yielding";
import type { SavedColumnMapping } from "../domain/columnMapping";
import type { DisplayUpdate } from "../domain/references";
import type { SheetValues } from "./activeSheet";

export type { SheetValues } from "./activeSheet";

/**
 * The register's contract with the rest of the add-in. The task pane and the custom functions use only this;
 * the implementation behind it is the only code that reads or writes the record tables.
 */

export interface RecordTypes {
  software: Software;
  licences: Licence;
  allocations: Allocation;
  installations: Installation;
}

/** What a caller supplies to add a record: everything but the ID and metadata, which the register assigns. */
export type NewRecord<K extends RecordKind> = Omit<RecordTypes[K], "id" | "modified" | "rowVersion"> &
  Partial<Pick<RecordTypes[K], "id">>;

/** A cell whose value could not be read as its column requires. Row is the sheet row number as Excel shows it. */
export interface DataIssue {
  sheet: string;
  row: number;
  column: string;
  /** A1 address on the sheet, for "take me there". */
  address: string;
  message: string;
  recordId?: string;
  /** "set-up": a missing table or column, which "Set up workbook" puts back without touching data. */
  fix?: "set-up";
}

/** Records read from some body rows of one record table, in row order. */
export interface TableRows {
  kind: RecordKind;
  /** The table's body rows now. */
  rowCount: number;
  /** Body row (0-based) of rows[0]. */
  firstBodyRow: number;
  /** Sheet row number (as Excel shows it) of rows[0]. */
  firstSheetRow: number;
  /** One entry per body row read: the record, or undefined for a blank row or one with a data issue. */
  rows: (Record<string, unknown> | undefined)[];
  /**
   * The data issues of the rows read, as a load reports them; a read of every row also skips a later row that
   * repeats an ID (with its issue), as a load does.
   */
  issues: DataIssue[];
  /** Whether the rows read include the ID column's cells (an edit there may have renamed a record). */
  touchesIdColumn: boolean;
  /** Whether every body row was read (as a load reads them: a later row repeating an ID is an issue). */
  coversTable: boolean;
}

/**
 * The register's records and settings. The lists of the data a load returns are the register's own memory of
 * that load (RecordMemory): read them, never reorder them.
 */
export interface RegisterData {
  software: Software[];
  licences: Licence[];
  allocations: Allocation[];
  installations: Installation[];
  settings: Settings;
  issues: DataIssue[];
  /**
   * A load's records of each table by ID, through the lookup the register keeps for its own saves: a reader
   * that keeps the records by ID shares it rather than making a second map of a million IDs. Only on the data
   * a load returns.
   */
  byId?: Partial<Record<RecordKind, LoadedRecords>>;
  /** Each record table's body rows as the load found them (blank and unreadable rows too). Only on a load's data. */
  rowCounts?: Partial<Record<RecordKind, number>>;
  /**
   * The ID of the record each body row of a table holds as the load found it (undefined for a blank or
   * unreadable row), worked out when called (giving the thread back when `pause` says so), into a new list.
   * Only on a load's data.
   */
  rowIds?: Partial<Record<RecordKind, (pause: Pause) => Promise<(string | undefined)[]>>>;
}

/** The records one load read of a table, found by ID; read only, and never changed by later edits. */
export interface LoadedRecords {
  readonly size: number;
  get(id: string): Record<string, unknown> | undefined;
  /** In the order the rows were read. */
  values(): Iterable<Record<string, unknown>>;
}

export type RegisterFailure =
  | { kind: "invalid"; message: string; fieldErrors: Record<string, string> }
  | {
      kind: "conflict";
      message: string;
      /** Fields both this person and someone else changed, to different values: nothing was saved. */
      changedFields: string[];
      /** Every field someone else changed since this person loaded the record. */
      theirFields?: string[];
      /** The record as it is now (as the cells hold it when it no longer passes the schema). */
      current: unknown;
    }
  | { kind: "deleted"; message: string }
  | { kind: "not-set-up"; message: string }
  /** The part of the add-in that does it could not load (offline): nothing was changed. */
  | { kind: "unavailable"; message: string }
  | {
      kind: "failed";
      message: string;
      /** For adds: what the failure left behind (see Register.addMany). */
      partial?: PartialAdd;
    };

/** An add that failed part-way: which records are in the register and which are not. */
export interface PartialAdd {
  /** IDs of the records that are in the register (added now, or already there). */
  added: string[];
  /** IDs of the records that are not. */
  notAdded: string[];
  /**
   * The ID given to each record of the call, in order: calling addMany again with these IDs adds only the
   * records not yet there.
   */
  ids: string[];
}

export type Result<T> =
  | {
      ok: true;
      value: T;
      /**
       * For a save that merged: the fields someone else changed since this person loaded the record, kept as
       * they are alongside this person's changes, and a sentence saying so.
       */
      merged?: { fields: string[]; message: string };
      /** For adds: records already in the register (a retry, or the same import twice), not added again. */
      alreadyAdded?: string[];
    }
  | { ok: false; error: RegisterFailure };

export interface RegisterChange {
  kinds: (RecordKind | "settings")[];
  source: "local" | "remote";
  /** IDs of the rows the change touched, when Excel said which rows changed. */
  recordIds?: string[];
  /**
   * For a change Excel reported on one table: where on its sheet (A1) and what kind of change it was; `sorted`
   * when a sort moved the rows (reported as an edit of them), so they hold the same records in another order.
   */
  excel?: { address: string; changeType: string; sorted?: boolean };
  /** For the register's own writes: the records as saved (adds and updates). */
  saved?: unknown[];
  /** For the register's own writes: IDs of the records it deleted. */
  removedIds?: string[];
  /** For the register's writes of display fields (the names beside links): each record's fields written. */
  shown?: readonly DisplayUpdate[];
  /**
   * This register's recent saves whose fields a co-author's change made at the same time replaced (Excel on
   * the web merges co-authors' changes seconds later, the later one winning): which record, which fields, and
   * a sentence to show. `saved` then holds those records as they are now. No fields: a record this register
   * added was written over by a co-author's record added at the same moment, and has been added again.
   */
  overwritten?: { id: string; fields: string[]; message: string }[];
}

export interface DashboardReport {
  sheet: string;
  /** Top-left cell of the compliance grid (the LICENSE.POSITION spill). */
  gridAddress: string;
  created: boolean;
}

export interface SnapshotReport {
  sheet: string;
  asOf: IsoDate;
  takenBy: string;
  /** When it was taken, ISO date and time (UTC). */
  takenAt: string;
  products: number;
}

export interface SetUpReport {
  created: string[];
  upgraded: string[];
  repaired: string[];
  unchanged: string[];
}

export type Progress = (message: string, fraction: number) => void;

/** The figures the Dashboard's saved copy and a snapshot are written from. */
export type PositionFigures = Pick<RegisterPosition, "asOf" | "reportingCurrency" | "products">;

/**
 * Where those figures come from for a date: the live register in memory when there is one (nothing is read
 * again); without one the register loads and computes them.
 */
export type FiguresOn = (asOf: IsoDate) => PositionFigures | Promise<PositionFigures>;

export interface WriteOptions {
  /**
   * "Keep mine": write this person's changes even over fields someone else also changed since it was loaded.
   * Still only the fields this person changed are written; others' changes to other fields stay.
   */
  force?: boolean;
  /**
   * The record as this person loaded it (the version their edit started from). Without it the register uses
   * the version of the record it first read at the record's Row Version.
   */
  base?: unknown;
}

/** The settings as a load reads them, and their data issues (each one on the Settings sheet). */
export interface SettingsRead {
  settings: Settings;
  issues: DataIssue[];
}

/** How a long load shares the thread: where it may give it back, and how far it has got. */
export interface LoadOptions {
  /** Asked between slices of work; a promise means give the thread back until it resolves. */
  pause?: Pause;
  /** The share of the register's rows read and parsed so far, from 0 to 1. */
  onProgress?: (fraction: number) => void;
}

export interface Register {
  load(options?: LoadOptions): Promise<RegisterData>;
  setUp(onProgress?: Progress): Promise<Result<SetUpReport>>;
  add<K extends RecordKind>(kind: K, record: NewRecord<K>): Promise<Result<RecordTypes[K]>>;
  addMany<K extends RecordKind>(
    kind: K,
    records: NewRecord<K>[],
    onProgress?: Progress,
  ): Promise<Result<RecordTypes[K][]>>;
  /** Saves a record loaded earlier; refused when the row changed or vanished since (unless forced). */
  update<K extends RecordKind>(
    kind: K,
    record: RecordTypes[K],
    options?: WriteOptions,
  ): Promise<Result<RecordTypes[K]>>;
  updateMany<K extends RecordKind>(
    kind: K,
    records: RecordTypes[K][],
    onProgress?: Progress,
  ): Promise<Result<RecordTypes[K][]>>;
  remove<K extends RecordKind>(
    kind: K,
    id: string,
    expectedRowVersion: number,
    options?: WriteOptions,
  ): Promise<Result<void>>;
  /**
   * Saves what the person changed in the settings since they loaded them (`base`, as the pane loaded it); what
   * someone else changed meanwhile and they did not stays, and the result is the settings as saved, with
   * `merged` naming what was kept. A value both changed to different values is a conflict and nothing is
   * written; its `current` is the settings now, the base to save again with to keep this person's values.
   * Without a base the person is taken to have seen the settings as the workbook holds them now.
   */
  updateSettings(settings: Settings, base?: Settings): Promise<Result<Settings>>;
  onChanged(listener: (change: RegisterChange) => void): () => void;
  /** Selects the record's row in its sheet. */
  goToRecord(kind: RecordKind, id: string): Promise<void>;
  /** Selects a cell by sheet and address (for data issues). */
  goToCell(sheet: string, address: string): Promise<void>;
  /** Tells the listener when the user selects a row of a record table in the sheet. */
  onRecordSelected(listener: (kind: RecordKind, id: string) => void): () => void;
  /**
   * Records in the rows of one table that an address covers (a change event's address), or in every row when
   * no address is given; for keeping a copy of the register current without reloading it all. Rows are parsed
   * a slice at a time, giving the thread back when `pause` says so (a sort of a million rows is read so).
   */
  readRows?(kind: RecordKind, address?: string, pause?: Pause): Promise<TableRows>;
  /**
   * The ID in each row of a record table ("" where there is none), reading that one column only, page by page:
   * which records rows deleted took with them, or where a sort moved them. Each page's IDs go to `onPage` in row
   * order (awaited before the next). Gives the rows read and `firstSheetRow`, the sheet row (as Excel numbers
   * them) of the first; undefined when the table has no ID column.
   */
  readIds?(
    kind: RecordKind,
    onPage: (ids: readonly string[]) => void | Promise<void>,
  ): Promise<{ rowCount: number; firstSheetRow: number } | undefined>;
  /**
   * The IDs in a few rows of a record table, chosen once its layout is read (readIdsAt): to confirm what the
   * rows hold without reading a whole column.
   */
  readIdsAt?(
    kind: RecordKind,
    rowsToRead: (table: { headerRow: number; rowCount: number }) => readonly number[] | undefined,
  ): Promise<{ rowCount: number; ids: string[] } | undefined>;
  /** The Settings and Exchange Rates tables alone, read as a load reads them: for keeping a copy current. */
  readSettings?(): Promise<SettingsRead>;
  /**
   * Writes the names shown beside records' links and their dropdown entries (display fields), by record ID,
   * and nothing else: no Row Version or Modified change. How many cells were written.
   */
  writeDisplayFields?(kind: RecordKind, updates: DisplayUpdate[]): Promise<Result<number>>;
  /** Column mappings saved in the workbook for files no tool recognises, one per header row. */
  readColumnMappings?(): Promise<Result<SavedColumnMapping[]>>;
  /** Remembers a column mapping for its header row (validated first; replaces one saved for that header row). */
  saveColumnMapping?(mapping: SavedColumnMapping): Promise<Result<SavedColumnMapping>>;
  /**
   * The values of the sheet the person has open (an export opened or pasted there), in pages within Excel's
   * limits; refused for the register's own sheets and for an empty sheet.
   */
  readActiveSheet?(onProgress?: Progress): Promise<Result<SheetValues>>;
  /** Creates the Dashboard sheet, or rebuilds it in place. */
  buildDashboard?(onProgress?: Progress, figuresOn?: FiguresOn): Promise<Result<DashboardReport>>;
  /** Makes the Dashboard's chart cover the live grid as it spills now; false when there is nothing to fit. */
  fitDashboardChart?(): Promise<boolean>;
  /** Writes the compliance position on asOf (default today) to a new protected, dated sheet of plain values. */
  takeSnapshot?(
    takenBy: string,
    asOf?: IsoDate,
    onProgress?: Progress,
    figuresOn?: FiguresOn,
  ): Promise<Result<SnapshotReport>>;
}
