import {
  columnMappingProblem,
  headerRowKey,
  type SavedColumnMapping,
} from "../../../src/domain/columnMapping";
import type { RecordKind } from "../../../src/domain/ids";
import {
  allocationSchema,
  DEFAULT_SETTINGS,
  installationSchema,
  licenceSchema,
  softwareSchema,
  type Settings,
} from "../../../src/domain/schemas";
import type {
  DataIssue,
  NewRecord,
  Progress,
  RecordTypes,
  Register,
  RegisterChange,
  LoadOptions,
  RegisterData,
  RegisterFailure,
  Result,
  SetUpReport,
  SheetValues,
  TableRows,
  WriteOptions,
} from "../../../src/workbook/registerApi";

/**
 * An in-memory Register for component tests: plain arrays, row versions checked on every write, and a log of
 * writes so a test can assert that nothing was written. Helpers play the co-author and the sheet.
 */

type AnyRecord = RecordTypes[RecordKind];
type Tables = { [K in RecordKind]: RecordTypes[K][] };

const SCHEMAS = {
  software: softwareSchema,
  licences: licenceSchema,
  allocations: allocationSchema,
  installations: installationSchema,
} as const;

const PREFIX: Record<RecordKind, string> = {
  software: "SW",
  licences: "LIC",
  allocations: "ALC",
  installations: "INS",
};

export interface FakeRegisterSeed {
  software?: RecordTypes["software"][];
  licences?: RecordTypes["licences"][];
  allocations?: RecordTypes["allocations"][];
  installations?: RecordTypes["installations"][];
  settings?: Partial<Settings>;
  issues?: DataIssue[];
  /** Start without the tables, as a fresh workbook. */
  notSetUp?: boolean;
}

export interface WriteLogEntry {
  op: "add" | "update" | "remove" | "updateSettings" | "saveColumnMapping";
  kind?: RecordKind;
  id?: string;
  force?: boolean;
}

const ok = <T>(value: T): Result<T> => ({ ok: true, value });
const fail = <T>(error: RegisterFailure): Result<T> => ({ ok: false, error });
const clone = <T>(value: T): T => structuredClone(value);

export class FakeRegister implements Register {
  tables: Tables;
  settings: Settings;
  issues: DataIssue[];
  notSetUp: boolean;
  /** Every successful write, in order. */
  writes: WriteLogEntry[] = [];
  goToRecordCalls: { kind: RecordKind; id: string }[] = [];
  goToCellCalls: { sheet: string; address: string }[] = [];
  loadCount = 0;
  /** Table re-reads after a change (readRows), which a whole load is not. */
  readRowsCount = 0;
  /** The sheet the person has open, for "Read the open sheet". */
  openSheet: SheetValues = { sheet: "Sheet1", firstRow: 1, values: [] };
  /** Column mappings remembered in the "workbook". */
  columnMappings: SavedColumnMapping[] = [];
  /** Set to make the next load reject with this error. */
  failNextLoad?: unknown;
  /** Set to make the next load report this share read, then wait for the promise before it finishes. */
  holdNextLoad?: { progress: number; until: Promise<void> };
  /** Set by holdNextChange: listeners hear of the next change once it settles. */
  private heldChange?: Promise<void>;
  private history = new Map<string, AnyRecord>();
  private changeListeners = new Set<(change: RegisterChange) => void>();
  private selectionListeners = new Set<(kind: RecordKind, id: string) => void>();
  private counter = 0;

  constructor(seed: FakeRegisterSeed = {}) {
    this.tables = {
      software: clone(seed.software ?? []),
      licences: clone(seed.licences ?? []),
      allocations: clone(seed.allocations ?? []),
      installations: clone(seed.installations ?? []),
    };
    this.settings = { ...DEFAULT_SETTINGS, ...seed.settings };
    this.issues = seed.issues ?? [];
    this.notSetUp = seed.notSetUp ?? false;
    for (const kind of Object.keys(this.tables) as RecordKind[]) {
      for (const record of this.tables[kind]) this.remember(kind, record);
    }
  }

  async load(options: LoadOptions = {}): Promise<RegisterData> {
    this.loadCount++;
    const hold = this.holdNextLoad;
    if (hold) {
      this.holdNextLoad = undefined;
      options.onProgress?.(hold.progress);
      await hold.until;
    }
    if (this.failNextLoad !== undefined) {
      const error = this.failNextLoad;
      this.failNextLoad = undefined;
      throw error;
    }
    if (this.notSetUp)
      throw { kind: "not-set-up", message: "The register's tables are not in this workbook." };
    return clone({ ...this.tables, settings: this.settings, issues: this.issues });
  }

  async setUp(onProgress?: Progress): Promise<Result<SetUpReport>> {
    const sheets = ["Software", "Licences", "Allocations", "Installations", "Settings"];
    sheets.forEach((sheet, i) => onProgress?.(`Creating ${sheet}`, (i + 1) / sheets.length));
    const wasSetUp = !this.notSetUp;
    this.notSetUp = false;
    // As the workbook's set-up does: the missing tables and columns are back.
    this.issues = this.issues.filter((issue) => issue.fix !== "set-up");
    this.emit(["software", "licences", "allocations", "installations", "settings"]);
    return ok({
      created: wasSetUp ? [] : sheets,
      upgraded: [],
      repaired: [],
      unchanged: wasSetUp ? sheets : [],
    });
  }

  async add<K extends RecordKind>(kind: K, record: NewRecord<K>): Promise<Result<RecordTypes[K]>> {
    const stored = this.validate(kind, { ...record, id: record.id ?? this.newId(kind), rowVersion: 1 });
    if (!stored.ok) return stored;
    this.list(kind).push(stored.value);
    this.remember(kind, stored.value);
    this.writes.push({ op: "add", kind, id: stored.value.id });
    this.emit([kind], "local", { saved: [clone(stored.value)] });
    return ok(clone(stored.value));
  }

  async addMany<K extends RecordKind>(kind: K, records: NewRecord<K>[], onProgress?: Progress) {
    const added: RecordTypes[K][] = [];
    for (const [i, record] of records.entries()) {
      const result = await this.add(kind, record);
      if (!result.ok) return fail<RecordTypes[K][]>(result.error);
      added.push(result.value);
      onProgress?.(`Added ${i + 1} of ${records.length}`, (i + 1) / records.length);
    }
    return ok(added);
  }

  async update<K extends RecordKind>(kind: K, record: RecordTypes[K], options?: WriteOptions) {
    const result = this.applyUpdate(kind, record, options);
    if (result.ok) this.emit([kind], "local", { saved: [clone(result.value)] });
    return result;
  }

  async updateMany<K extends RecordKind>(kind: K, records: RecordTypes[K][], onProgress?: Progress) {
    const saved: RecordTypes[K][] = [];
    for (const [i, record] of records.entries()) {
      const result = this.applyUpdate(kind, record);
      if (!result.ok) return fail<RecordTypes[K][]>(result.error);
      saved.push(result.value);
      onProgress?.(`Saved ${i + 1} of ${records.length}`, (i + 1) / records.length);
    }
    this.emit([kind], "local", { saved: clone(saved) });
    return ok(saved);
  }

  async remove<K extends RecordKind>(
    kind: K,
    id: string,
    expectedRowVersion: number,
    options?: WriteOptions,
  ) {
    const rows = this.list(kind);
    const index = rows.findIndex((row) => row.id === id);
    if (index < 0) return fail<void>({ kind: "deleted", message: "The record was deleted by someone else." });
    if (!options?.force && rows[index].rowVersion !== expectedRowVersion) {
      return fail<void>({
        kind: "conflict",
        message: "The record changed since it was loaded.",
        changedFields: [],
        current: clone(rows[index]),
      });
    }
    rows.splice(index, 1);
    this.writes.push({ op: "remove", kind, id });
    this.emit([kind], "local", { removedIds: [id] });
    return ok(undefined);
  }

  async updateSettings(settings: Settings): Promise<Result<Settings>> {
    this.settings = clone(settings);
    this.writes.push({ op: "updateSettings" });
    this.emit(["settings"]);
    return ok(clone(settings));
  }

  /** Refuses the register's own sheets and an empty sheet, as the workbook register does. */
  async readActiveSheet(): Promise<Result<SheetValues>> {
    const { sheet, values } = this.openSheet;
    if (["Software", "Licences", "Allocations", "Installations", "Settings", "Lists"].includes(sheet))
      return fail({
        kind: "invalid",
        message: `"${sheet}" is one of the register's own sheets, not an export.`,
        fieldErrors: {},
      });
    if (values.length === 0)
      return fail({ kind: "invalid", message: `The sheet "${sheet}" is empty.`, fieldErrors: {} });
    return ok(clone(this.openSheet));
  }

  async readColumnMappings(): Promise<Result<SavedColumnMapping[]>> {
    return ok(clone(this.columnMappings));
  }

  /** Validated as the workbook register validates it; replaces the mapping of the same header row. */
  async saveColumnMapping(mapping: SavedColumnMapping): Promise<Result<SavedColumnMapping>> {
    const problem = columnMappingProblem(mapping);
    if (problem) return fail({ kind: "invalid", message: problem, fieldErrors: { columns: problem } });
    const key = headerRowKey(mapping.header);
    this.columnMappings = [
      ...this.columnMappings.filter((saved) => headerRowKey(saved.header) !== key),
      clone(mapping),
    ];
    this.writes.push({ op: "saveColumnMapping" });
    this.emit(["settings"]);
    return ok(clone(mapping));
  }

  onChanged(listener: (change: RegisterChange) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  /** Every row of one table (an address is not narrowed down: the whole table is read again). */
  async readRows(kind: RecordKind): Promise<TableRows> {
    this.readRowsCount++;
    const rows = clone(this.list(kind)) as unknown as Record<string, unknown>[];
    return {
      kind,
      rowCount: rows.length,
      firstBodyRow: 0,
      firstSheetRow: 2,
      rows,
      issues: [],
      touchesIdColumn: true,
      coversTable: true,
    };
  }

  async goToRecord(kind: RecordKind, id: string): Promise<void> {
    this.goToRecordCalls.push({ kind, id });
    // As the workbook register does when the row has gone.
    if (!this.find(kind, id)) throw new Error(`This ${kind.replace(/s$/, "")} is no longer in the sheet.`);
  }

  async goToCell(sheet: string, address: string): Promise<void> {
    this.goToCellCalls.push({ sheet, address });
  }

  onRecordSelected(listener: (kind: RecordKind, id: string) => void): () => void {
    this.selectionListeners.add(listener);
    return () => this.selectionListeners.delete(listener);
  }

  // --- Helpers that play the co-author and the sheet -------------------------------------------------------

  /** A co-author edits a record: its row version goes up and the pane hears a remote change. */
  remoteEdit<K extends RecordKind>(kind: K, id: string, patch: Partial<RecordTypes[K]>): void {
    const rows = this.list(kind);
    const index = rows.findIndex((row) => row.id === id);
    if (index < 0) throw new Error(`No ${kind} ${id}`);
    rows[index] = { ...rows[index], ...patch, rowVersion: rows[index].rowVersion + 1 };
    this.remember(kind, rows[index]);
    this.emit([kind], "remote");
  }

  /**
   * A co-author's change made at the same time as this person's save arrives and wins the cells (Excel on the
   * web, seconds later): the values change under the same Row Version, and the register says whose change it
   * replaced, as the workbook register's save check does.
   */
  remoteReplacedMySave<K extends RecordKind>(
    kind: K,
    id: string,
    patch: Partial<RecordTypes[K]>,
    message: string,
  ): void {
    const rows = this.list(kind);
    const index = rows.findIndex((row) => row.id === id);
    if (index < 0) throw new Error(`No ${kind} ${id}`);
    rows[index] = { ...rows[index], ...patch };
    this.remember(kind, rows[index]);
    this.emit([kind], "remote", {
      saved: [clone(rows[index])],
      overwritten: [{ id, fields: Object.keys(patch), message }],
    });
  }

  remoteDelete(kind: RecordKind, id: string): void {
    const rows = this.list(kind);
    rows.splice(
      rows.findIndex((row) => row.id === id),
      1,
    );
    this.emit([kind], "remote");
  }

  /** The user selects a row of a record table in the sheet. */
  selectInSheet(kind: RecordKind, id: string): void {
    for (const listener of this.selectionListeners) listener(kind, id);
  }

  find<K extends RecordKind>(kind: K, id: string): RecordTypes[K] | undefined {
    return this.list(kind).find((row) => row.id === id);
  }

  // --- Internals ---------------------------------------------------------------------------------------------

  private list<K extends RecordKind>(kind: K): RecordTypes[K][] {
    return this.tables[kind] as RecordTypes[K][];
  }

  private applyUpdate<K extends RecordKind>(
    kind: K,
    record: RecordTypes[K],
    options?: WriteOptions,
  ): Result<RecordTypes[K]> {
    const rows = this.list(kind);
    const index = rows.findIndex((row) => row.id === record.id);
    if (index < 0) return fail({ kind: "deleted", message: "The record was deleted by someone else." });
    const current = rows[index];
    if (!options?.force && current.rowVersion !== record.rowVersion) {
      const base = this.history.get(`${kind}:${record.id}:${record.rowVersion}`) ?? {};
      const changedFields = Object.keys({ ...base, ...current }).filter(
        (key) =>
          key !== "rowVersion" &&
          key !== "modified" &&
          JSON.stringify((base as Record<string, unknown>)[key]) !==
            JSON.stringify((current as Record<string, unknown>)[key]),
      );
      return fail({
        kind: "conflict",
        message: "The record changed since it was loaded.",
        changedFields,
        current: clone(current),
      });
    }
    const validated = this.validate(kind, { ...record, rowVersion: current.rowVersion + 1 });
    if (!validated.ok) return validated;
    rows[index] = validated.value;
    this.remember(kind, validated.value);
    this.writes.push({ op: "update", kind, id: record.id, force: options?.force });
    return ok(clone(validated.value));
  }

  private validate<K extends RecordKind>(kind: K, record: unknown): Result<RecordTypes[K]> {
    const parsed = SCHEMAS[kind].safeParse(record);
    if (parsed.success) return ok(parsed.data as RecordTypes[K]);
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0] ?? "")] ??= issue.message;
    return fail({ kind: "invalid", message: "Some values are not valid.", fieldErrors });
  }

  private remember(kind: RecordKind, record: AnyRecord): void {
    this.history.set(`${kind}:${record.id}:${record.rowVersion}`, clone(record));
  }

  private newId(kind: RecordKind): string {
    this.counter++;
    return `${PREFIX[kind]}-FAKE${String(this.counter).padStart(4, "0")}`;
  }

  /** Like the workbook register: its own writes carry the records saved or the IDs removed. */
  /**
   * Listeners hear of the next change only once the returned function is called: the live register applies a
   * large save of its own in slices, so the figures catch up a moment after the save has answered.
   */
  holdNextChange(): () => void {
    let release = () => {};
    this.heldChange = new Promise<void>((resolve) => (release = resolve));
    return release;
  }

  private emit(
    kinds: RegisterChange["kinds"],
    source: RegisterChange["source"] = "local",
    details: Pick<RegisterChange, "saved" | "removedIds" | "overwritten"> = {},
  ): void {
    const tell = () => {
      for (const listener of this.changeListeners) listener({ kinds, source, ...details });
    };
    const hold = this.heldChange;
    this.heldChange = undefined;
    if (hold) void hold.then(tell);
    else tell();
  }
}
