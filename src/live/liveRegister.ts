/**
 * The one copy of the register in memory: loaded once, then kept current from the register's change events,
 * a few rows at a time where Excel says which rows changed. The LICENSE functions and the task pane both read
 * it; nothing here writes to the workbook (writes go through `register`, and come back as change events).
 * No React and no Office UI here: the functions load this without the task pane.
 */
import { todayIsoDate, type IsoDate } from "../domain/dates";
import type { RecordKind } from "../domain/ids";
import { matchKey } from "../domain/keys";
import type { GridCell } from "../domain/positionGrid";
import type { LicencePosition, ProductPosition, RegisterPosition } from "../domain/positionTypes";
import { problemList, RegisterIndex } from "../domain/registerIndex";
import { sameRecord } from "../domain/sameRecord";
import { TextTable } from "../domain/textTable";
import type { Allocation, Installation, Licence, Settings, Software } from "../domain/schemas";
import { upcomingRenewals, type UpcomingRenewal } from "../domain/upcomingRenewals";
import { DEFAULT_SLICE_MS, forEachPaced, yieldEvery } from "../domain/yielding";
import type {
  DataIssue,
  RecordTypes,
  Register,
  RegisterChange,
  RegisterData,
  TableRows,
} from "../workbook/registerApi";
import { shareRepeatedText } from "../workbook/repeatedText";
import { RECORD_KINDS, RECORD_TABLES, settingsTable } from "../workbook/tables";
import { everythingAffected, isNothing, nothingAffected, touchRecord, type Affected } from "./affected";
import { LiveFigures, type RegisterFigures } from "./liveFigures";
import { LiveGrid } from "./liveGrid";
import { LiveRecords } from "./liveRecords";
import { issuesReplaced } from "./rowsInPlace";
import { TableRowsFollower, type Held, type RowsChange } from "./tableRows";

type Row = Record<string, unknown>;
/**
 * Change types whose rows, read again, can tell all the change did (recordsInPlace): edits, and rows inserted
 * (which move the rows below them, and their data issues, down).
 */
const IN_PLACE = new Set(["RangeEdited", "CellInserted", "Unknown", "RowInserted"]);
const DAY_CHECK_MS = 60 * 60 * 1000;
/** Where the Settings and Exchange Rates tables are, and so every data issue about the settings. */
const SETTINGS_SHEET = settingsTable.sheet;
/** Longest stretch of loading work before the thread is given back to the functions and the pane. */
const SLICE_MS = DEFAULT_SLICE_MS;
/** Waits between attempts to load the register after a failure; the last repeats until a load succeeds. */
const LOAD_RETRY_MS = [2_000, 5_000, 15_000, 30_000, 60_000];

export interface LiveRegisterOptions {
  /** The as-of date; read at every update, so the figures move to a new day. Default: today, local time. */
  today?: () => IsoDate;
  /** Errors while following the register (a failed read); console.error by default. */
  onError?: (error: unknown) => void;
  /** Waits between load attempts after a failure (default 2 s, 5 s, 15 s, 30 s, then every minute). */
  retryDelaysMs?: readonly number[];
  /** Longest stretch of loading work before the thread is given back (default 20 ms, leaving room for a garbage collection pause within the 50 ms a runtime may stay busy). */
  sliceMs?: number;
}

export type LiveStatus = "loading" | "ready" | "failed";

/** What a reader shows about the live register; a new object whenever anything in it changes. */
export interface LiveState {
  /** "loading" until the first load, "failed" while no load has succeeded, then "ready". */
  readonly status: LiveStatus;
  /** Goes up with every applied change: a new number means new records or figures. */
  readonly version: number;
  /** Why the last load failed (with status "ready", the figures of an earlier load are still there). */
  readonly error?: unknown;
  /** True while a reload runs with figures already there. */
  readonly refreshing: boolean;
  /** While a load reads the register: the share of its rows read so far (0 to 1), for a progress bar. */
  readonly progress?: number;
}

/** An error's message as a sentence. */
function sentence(error: unknown): string {
  const text = (error instanceof Error ? error.message : String(error)).trim();
  return /[.!?]["”]?$/.test(text) ? text : `${text}.`;
}

export class LiveRegister {
  /**
   * Resolves once the register is loaded (and every running cell has its first value). While loads fail,
   * `loadProblem` says why and the load is tried again with growing waits until it succeeds or stop().
   */
  readonly ready: Promise<void>;
  /** Why the register could not be loaded, while it could not; cleared by the load that succeeds. */
  loadProblem: string | undefined;
  private index_: RegisterIndex | undefined;
  private readonly records = new Map<RecordKind, LiveRecords>();
  private readonly lists = new Map<RecordKind, Row[]>();
  /** How many rows each table has and which record each holds, and what Excel's changes did to them. */
  private readonly rows: TableRowsFollower;
  private issues_: DataIssue[] = [];
  private data_: RegisterData | undefined;
  private figures_: LiveFigures | undefined;
  private readonly grid_ = new LiveGrid();
  private softwareByName: Map<string, string> | undefined;
  /** The data issues of Licences rows, by matched licence ID, so their cells can say what to correct. */
  private licenceIssues = new Map<string, DataIssue[]>();
  /** Records or data issues changed since the last publish. */
  private recordsChanged = false;
  private state_: LiveState = { status: "loading", version: 0, refreshing: false };
  private queue: Promise<void>;
  private readonly updateListeners = new Set<(affected: Affected) => void>();
  private readonly stateListeners = new Set<() => void>();
  private readonly stopListeners = new Set<() => void>();
  private readonly unsubscribe: () => void;
  private readonly timer: ReturnType<typeof setInterval>;
  private stopped = false;
  /** The pass after a load that frees its copies of repeated text; it runs beside the queue, changing no value. */
  private trimming: Promise<void> = Promise.resolve();
  /** Ends the running shareRepeatedText pass when the register stops or a newer load replaces its records. */
  private trimAbort: AbortController | undefined;
  /** Ends the wait before the next load attempt (Try again, stop). */
  private wake: (() => void) | undefined;
  private readonly today: () => IsoDate;
  private readonly onError: (error: unknown) => void;
  private readonly retryDelays: readonly number[];
  private readonly sliceMs: number;

  constructor(
    /** The register this copy follows; writes go through it. */
    readonly register: Register,
    options: LiveRegisterOptions = {},
  ) {
    this.today = options.today ?? (() => todayIsoDate());
    this.onError = options.onError ?? ((error) => console.error(error));
    this.retryDelays = options.retryDelaysMs ?? LOAD_RETRY_MS;
    this.sliceMs = options.sliceMs ?? SLICE_MS;
    this.rows = new TableRowsFollower(register, this.sliceMs);
    // Listen first: a change made while loading is applied after the load (applying it twice is harmless).
    this.unsubscribe = register.onChanged((change) => this.enqueue(() => this.apply(change)));
    this.ready = this.loadUntilLoaded();
    this.queue = this.ready.catch(this.onError);
    this.timer = setInterval(() => this.enqueue(async () => this.publish(this.moveToToday())), DAY_CHECK_MS);
    // In Node (tests, the benchmark) the hourly check alone must not keep the process running.
    (this.timer as { unref?: () => void }).unref?.();
  }

  get isReady(): boolean {
    return this.index_ !== undefined;
  }

  /** Whether a running cell can be given something: figures, or why there are none yet. */
  get hasAnswer(): boolean {
    return this.isReady || this.loadProblem !== undefined;
  }

  get state(): LiveState {
    return this.state_;
  }

  /** Resolves when every change heard so far has been applied and passed on. */
  settled(): Promise<void> {
    return this.queue;
  }

  /** Resolves when the latest load's copies of repeated text are freed (shareRepeatedText): memory is measured after it. */
  trimmed(): Promise<void> {
    return this.trimming;
  }

  /** Called after each applied change with what it touched (everything after a load). */
  onUpdated(listener: (affected: Affected) => void): () => void {
    this.updateListeners.add(listener);
    return () => this.updateListeners.delete(listener);
  }

  /** Called whenever `state` is replaced: for useSyncExternalStore. */
  subscribe = (listener: () => void): (() => void) => {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  };

  getState = (): LiveState => this.state_;

  onStopped(listener: () => void): () => void {
    this.stopListeners.add(listener);
    return () => this.stopListeners.delete(listener);
  }

  /** Reads the whole register again (Refresh, Try again, after setting the workbook up). */
  reload(): Promise<void> {
    this.setState({ refreshing: true });
    if (!this.isReady) {
      // the first load is still being tried: try again now instead of after the wait
      this.wake?.();
      return this.ready.catch(() => undefined);
    }
    const done = this.queue.then(() => (this.stopped ? undefined : this.load()));
    this.queue = done.catch(this.onError);
    return this.queue;
  }

  /** The records of one table as the live register holds them now, by ID (read only). */
  recordsIn(kind: RecordKind): ReadonlyMap<string, Readonly<Record<string, unknown>>> {
    return this.recordsOf(kind);
  }

  /** Stops following the register; readers keep the last figures. */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.trimAbort?.abort();
    this.wake?.();
    this.unsubscribe();
    clearInterval(this.timer);
    this.updateListeners.clear();
    for (const listener of [...this.stopListeners]) listener();
  }

  // --- Reading -------------------------------------------------------------------------------------------

  get asOf(): IsoDate {
    return this.index.asOf;
  }

  get settings(): Settings {
    return this.index.settings;
  }

  /** Cells the register could not read, as the last load or re-read of their rows found them. */
  get issues(): readonly DataIssue[] {
    return this.issues_;
  }

  /** The index of the records for the as-of date; read only. */
  get index(): RegisterIndex {
    if (!this.index_) throw new Error("The live register has not loaded yet.");
    return this.index_;
  }

  record<K extends RecordKind>(kind: K, id: string): RecordTypes[K] | undefined {
    return this.recordsOf(kind).get(id) as RecordTypes[K] | undefined;
  }

  /** The records of one kind in the order they were read (added ones last); a new array only after a change. */
  list<K extends RecordKind>(kind: K): RecordTypes[K][] {
    let list = this.lists.get(kind);
    if (!list) this.lists.set(kind, (list = [...this.recordsOf(kind).values()]));
    return list as unknown as RecordTypes[K][];
  }

  /**
   * Every record, the settings and the data issues as one value; a new object only after a change. Each table's
   * list is made when first read (a million installations are not copied for a reader that shows licences).
   */
  data(): RegisterData {
    if (!this.data_) {
      const list = <K extends RecordKind>(kind: K) => {
        let value: RecordTypes[K][] | undefined;
        return () => (value ??= this.list(kind));
      };
      const [software, licences, allocations, installations] = [
        list("software"),
        list("licences"),
        list("allocations"),
        list("installations"),
      ];
      this.data_ = {
        get software() {
          return software();
        },
        get licences() {
          return licences();
        },
        get allocations() {
          return allocations();
        },
        get installations() {
          return installations();
        },
        settings: this.settings,
        issues: this.issues_,
      };
    }
    return this.data_;
  }

  /**
   * The figures on the as-of date, each worked out when first read and kept until a change touches it: a
   * licence's position is the same object until an edit affects that licence.
   */
  get figures(): RegisterFigures {
    return this.liveFigures;
  }

  private get liveFigures(): LiveFigures {
    if (!this.figures_) throw new Error("The live register has not loaded yet.");
    return this.figures_;
  }

  /** The whole register's position on the as-of date; after an edit, only what it touched is worked out again. */
  position(): RegisterPosition {
    return this.figures.position();
  }

  /**
   * The position on a date, for the Dashboard's saved figures and snapshots: from memory, never read again, and
   * worked out a slice at a time (on another date than the live register's, from an index of its own).
   */
  figuresOn = async (asOf: IsoDate): Promise<RegisterPosition> => {
    if (asOf === this.asOf) return this.figures.positionSoon();
    const pause = yieldEvery(this.sliceMs);
    const index = await RegisterIndex.build(this.data(), asOf, pause);
    const positions = await index.positionsPaced(pause);
    return { ...positions, problems: problemList(await index.problemsAboutPaced(pause)) };
  };

  licence(id: string): LicencePosition | undefined {
    return this.figures.licence(id);
  }

  /** Why a licence row with this ID is left out of the register (its first data issue), in a sentence. */
  licenceProblem(id: string): string | undefined {
    const issues = this.licenceIssues.get(matchKey(id));
    if (!issues) return undefined;
    const [first] = issues;
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more in row ${first.row})` : "";
    return `Correct cell ${first.address} (${first.column})${more}: ${first.message} Until then this licence is left out of the register's figures.`;
  }

  /** A catalogue product by software ID, else by name (both matched ignoring case and spaces). */
  product(idOrName: string): ProductPosition | undefined {
    const figures = this.liveFigures;
    const byId = figures.product(idOrName);
    if (byId) return byId;
    if (!this.softwareByName) {
      this.softwareByName = new Map();
      for (const software of this.recordsOf("software").values()) {
        const name = matchKey(String(software.name));
        if (!this.softwareByName.has(name)) this.softwareByName.set(name, String(software.id));
      }
    }
    const id = this.softwareByName.get(matchKey(idOrName));
    return id === undefined ? undefined : figures.product(id);
  }

  reportingCurrency(): string {
    return this.index.settings.reportingCurrency;
  }

  /** The compliance grid of every product, header row first. */
  grid(): GridCell[][] {
    return this.grid_.grid(
      this.index,
      this.recordsOf("software") as unknown as ReadonlyMap<string, Software>,
    );
  }

  /** Licences expiring within `days` days, soonest first (domain/upcomingRenewals). */
  renewals(days: number): UpcomingRenewal[] {
    return upcomingRenewals(
      {
        software: this.recordsOf("software").values() as unknown as Iterable<Software>,
        licences: this.recordsOf("licences").values() as unknown as Iterable<Licence>,
      },
      { licences: { get: this.figures.licence } },
      days,
    );
  }

  // --- Following the register ----------------------------------------------------------------------------

  /** Runs work after everything queued before it; a failure is reported and kept in the state for readers. */
  private enqueue(work: () => Promise<void>): void {
    this.queue = this.queue
      .then(() => (this.stopped ? undefined : work()))
      .catch((error: unknown) => {
        this.onError(error);
        if (!this.stopped) this.setState({ error });
      });
  }

  private recordsOf(kind: RecordKind): LiveRecords {
    let records = this.records.get(kind);
    if (!records) this.records.set(kind, (records = LiveRecords.of([])));
    return records;
  }

  private setState(patch: Partial<LiveState>): void {
    this.state_ = { ...this.state_, ...patch };
    for (const listener of [...this.stateListeners]) listener();
  }

  /**
   * Loads the register, and when that fails says why (to every running cell and the pane) and tries again
   * after a growing wait, until a load succeeds or this live register is stopped.
   */
  private async loadUntilLoaded(): Promise<void> {
    for (let attempt = 0; !this.stopped; attempt++) {
      try {
        await this.load();
        return;
      } catch (error) {
        this.onError(error);
        const wait = this.retryDelays[Math.min(attempt, this.retryDelays.length - 1)] ?? 60_000;
        this.loadProblem = `The licence register could not be loaded. ${sentence(error)} Trying again ${
          wait < 1_000 ? "in a moment" : `in ${Math.round(wait / 1000)} seconds`
        }.`;
        this.publish({ ...nothingAffected(), all: true });
        await this.sleep(wait);
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }

  /** Loads the whole register and rebuilds the index. */
  /**
   * Loads the whole register and rebuilds the index, a slice at a time (yieldEvery): the functions and the
   * pane keep answering while a large register loads, and the state's progress says how far it has got.
   */
  private async load(): Promise<void> {
    const pause = yieldEvery(this.sliceMs);
    let data: RegisterData;
    try {
      data = await this.register.load({ pause, onProgress: (fraction) => this.showProgress(fraction) });
    } catch (error) {
      this.setState({
        status: this.isReady ? "ready" : "failed",
        error,
        refreshing: false,
        progress: undefined,
      });
      throw error;
    }
    if (this.stopped) return;
    const records = new Map<RecordKind, LiveRecords>();
    for (const kind of RECORD_KINDS) {
      const loaded = data.byId?.[kind];
      records.set(kind, loaded ? LiveRecords.over(loaded) : LiveRecords.of(data[kind] as unknown as Row[]));
    }
    const index = await RegisterIndex.build(data, this.today(), pause, { recordsKeptByCaller: true });
    if (this.stopped) return;
    for (const [kind, byId] of records) this.records.set(kind, byId);
    this.rows.loaded(data);
    this.lists.clear();
    this.data_ = undefined;
    this.setIssues(data.issues, nothingAffected());
    this.index_ = index;
    this.replaceFigures(index);
    this.loadProblem = undefined;
    this.softwareByName = undefined;
    this.publish(everythingAffected(), {
      status: "ready",
      error: undefined,
      refreshing: false,
      progress: undefined,
    });
    this.trimAbort?.abort();
    this.trimAbort = new AbortController();
    this.trimming = shareRepeatedText(
      data,
      yieldEvery(this.sliceMs, { background: true }),
      this.trimAbort.signal,
    )
      .then(() => undefined)
      .catch(this.onError);
  }

  /** Passes a load's progress on in whole percents (each one a new state for the pane to draw). */
  private showProgress(fraction: number): void {
    const percent = Math.floor(fraction * 100) / 100;
    if (this.stopped || percent === this.state_.progress) return;
    this.setState({ progress: percent });
  }

  private async apply(change: RegisterChange): Promise<void> {
    if (!this.isReady) return;
    if (change.kinds.includes("settings") && !this.register.readSettings) {
      await this.load();
      return;
    }
    const affected = this.moveToToday();
    for (const kind of change.kinds) {
      if (kind === "settings") {
        await this.rereadSettings(affected);
        continue;
      }
      const own = change.saved || change.removedIds || change.shown;
      if (own) {
        // a bulk save (every unlinked installation linked) is tens of thousands of records
        const pause = yieldEvery(this.sliceMs);
        await this.rows.ownChange(kind, change, this.held(kind), pause);
        await forEachPaced(change.saved ?? [], pause, (record) => this.put(kind, record as Row, affected));
        await forEachPaced(change.removedIds ?? [], pause, (id) => this.drop(kind, id, affected));
        for (const { id, fields } of change.shown ?? []) {
          const record = this.recordsOf(kind).get(id);
          if (record) this.put(kind, { ...record, ...fields }, affected);
        }
      }
      // a co-author's change that replaced this register's saves carries them: the rest of it is read as well
      if (own && !change.excel) continue;
      const sorted = change.excel?.sorted
        ? await this.rows.sorted(kind, change.excel.address, this.held(kind))
        : undefined;
      if (sorted) await this.applyRows(kind, sorted, affected);
      else if (change.excel && IN_PLACE.has(change.excel.changeType) && this.register.readRows) {
        const { told, whole } = await this.rows.inPlace(kind, change.excel, this.held(kind));
        if (told) await this.applyRows(kind, told, affected);
        else await this.resync(kind, affected, whole);
      } else if (change.excel?.changeType === "RowDeleted") {
        const told = await this.rows.deleted(kind, change.excel.address, this.held(kind));
        if (told) await this.applyRows(kind, told, affected);
        else await this.resync(kind, affected);
      } else await this.resync(kind, affected);
    }
    this.publish(affected);
  }

  /**
   * Re-reads the settings alone: rates, thresholds and lead times are read when figures are worked out, so the
   * index takes them as they are and every figure is worked out again, but no record is read again.
   */
  private async rereadSettings(affected: Affected): Promise<void> {
    const read = await this.register.readSettings!();
    this.index.setSettings(read.settings);
    this.data_ = undefined;
    const onSettingsSheet = (issue: DataIssue) => issue.sheet === SETTINGS_SHEET;
    if (read.issues.length > 0 || this.issues_.some(onSettingsSheet))
      this.setIssues([...this.issues_.filter((issue) => !onSettingsSheet(issue)), ...read.issues], affected);
    affected.all = true;
  }

  /** What the rows are told against: the table's records as held, and the data issues. */
  private held(kind: RecordKind): Held {
    const records = this.recordsOf(kind);
    return { has: (id) => records.has(id), keys: () => records.keys(), issues: this.issues_ };
  }

  /** Applies what a change to a table's rows did, as its rows told it, a slice at a time (see resync). */
  private async applyRows(kind: RecordKind, told: RowsChange, affected: Affected): Promise<void> {
    if (told.issues) this.setIssues(told.issues, affected);
    const pause = yieldEvery(this.sliceMs);
    await forEachPaced(told.put, pause, (record) => this.put(kind, record, affected));
    await forEachPaced(told.drop, pause, (id) => this.drop(kind, id, affected));
  }

  /**
   * Re-reads one table (unless `whole`, every row just read) and applies the difference, record by record, a
   * slice at a time: at 100,000 licences the Installations table is a million rows (a sort of it is read so), and
   * going through them in one stretch held the thread for seconds. Figures read meanwhile may count part of the
   * change; listeners hear once it is all applied.
   */
  private async resync(kind: RecordKind, affected: Affected, whole?: TableRows): Promise<void> {
    let rows: (Row | undefined)[];
    const pause = yieldEvery(this.sliceMs);
    if (whole || this.register.readRows) {
      const read = whole ?? (await this.register.readRows!(kind, undefined, pause));
      rows = read.rows;
      await this.rows.readWhole(read);
      const sheet = RECORD_TABLES[kind].sheet;
      const issues = issuesReplaced(this.issues_, sheet, read.issues, read.firstSheetRow, Infinity);
      if (issues) this.setIssues(issues, affected);
    } else {
      const data = await this.register.load();
      rows = data[kind] as unknown as Row[];
      this.rows.loaded(data, kind);
      this.setIssues(data.issues, affected);
    }
    // as a load does: the first row with an ID counts, later copies are data issues. Made at the table's size:
    // a Map growing to a million IDs copies itself in one stretch.
    const firstRowOf = new TextTable(rows.length);
    await forEachPaced(rows, pause, (row, index) => {
      if (row) firstRowOf.setIfAbsent(String(row.id), index);
    });
    const gone: string[] = [];
    await forEachPaced(this.recordsOf(kind).keys(), pause, (id) => {
      if (!firstRowOf.has(id)) gone.push(id);
    });
    for (const id of gone) this.drop(kind, id, affected);
    await forEachPaced(rows, pause, (row, index) => {
      if (row && firstRowOf.get(String(row.id)) === index) this.put(kind, row, affected);
    });
  }

  /** Replaces the data issues; the licences whose own issues changed are affected (their cells say why). */
  private setIssues(issues: DataIssue[], affected: Affected): void {
    this.issues_ = issues;
    this.data_ = undefined;
    this.recordsChanged = true;
    const next = new Map<string, DataIssue[]>();
    for (const issue of issues) {
      if (issue.sheet !== RECORD_TABLES.licences.sheet || issue.recordId === undefined) continue;
      const key = matchKey(issue.recordId);
      next.set(key, [...(next.get(key) ?? []), issue]);
    }
    const text = (list: DataIssue[] | undefined) =>
      list?.map((issue) => `${issue.address}${issue.message}`).join();
    for (const key of new Set([...next.keys(), ...this.licenceIssues.keys()])) {
      if (text(this.licenceIssues.get(key)) !== text(next.get(key))) affected.licences.add(key);
    }
    this.licenceIssues = next;
  }

  private put(kind: RecordKind, record: Row, affected: Affected): void {
    const map = this.recordsOf(kind);
    const id = String(record.id);
    const previous = map.get(id);
    if (previous && sameRecord(previous, record)) return;
    if (previous) this.mark(kind, previous, affected);
    touchRecord(affected, kind, id);
    map.set(id, record);
    this.changed(kind, previous, record);
    const index = this.index;
    switch (kind) {
      case "software":
        index.upsertSoftware(record as unknown as Software);
        break;
      case "licences":
        index.upsertLicence(record as unknown as Licence);
        break;
      case "allocations":
        index.replaceAllocation(previous as Allocation | undefined, record as unknown as Allocation);
        break;
      case "installations":
        index.replaceInstallation(previous as Installation | undefined, record as unknown as Installation);
        break;
    }
    this.mark(kind, record, affected);
  }

  private drop(kind: RecordKind, id: string, affected: Affected): void {
    const map = this.recordsOf(kind);
    const previous = map.get(id);
    if (!previous) return;
    this.mark(kind, previous, affected);
    touchRecord(affected, kind, id);
    map.delete(id);
    this.changed(kind, previous, undefined);
    const index = this.index;
    switch (kind) {
      case "software":
        index.removeSoftware(id);
        break;
      case "licences":
        index.removeLicence(id);
        break;
      case "allocations":
        index.replaceAllocation(previous as unknown as Allocation, undefined);
        break;
      case "installations":
        index.replaceInstallation(previous as unknown as Installation, undefined);
        break;
    }
  }

  /**
   * After `previous` was replaced by `next`, or removed (no `next`): the kind's list, where one was made, keeps its
   * order with the record swapped or taken out, as LiveRecords lists them. A new array, so readers comparing by
   * identity see the change; a copy of 100,000 references instead of 100,000 lookups by ID, which made saving one
   * licence with the pane open a task of 150 ms at 100,000 licences. An added record (no `previous`) makes the
   * list again: one deleted and added back is listed where the load had it, not last.
   */
  private changed(kind: RecordKind, previous: Row | undefined, next: Row | undefined): void {
    const list = this.lists.get(kind);
    const at = list && previous ? list.indexOf(previous) : -1;
    if (list && at >= 0) {
      const patched = list.slice();
      if (next) patched[at] = next;
      else patched.splice(at, 1);
      this.lists.set(kind, patched);
    } else this.lists.delete(kind);
    this.data_ = undefined;
    this.recordsChanged = true;
  }

  /** Notes which licences and products a record's presence (before or after an edit) bears on. */
  private mark(kind: RecordKind, record: Row, affected: Affected): void {
    const text = (value: unknown) => (typeof value === "string" ? value : "");
    const index = this.index;
    const licence = (id: string) => {
      if (matchKey(id) === "") return;
      affected.licences.add(matchKey(id));
      const softwareId = index.licencePosition(id)?.softwareId;
      if (softwareId !== undefined) affected.products.add(matchKey(softwareId));
    };
    switch (kind) {
      case "software":
        affected.catalogue = true;
        affected.products.add(matchKey(text(record.id)));
        for (const id of index.licenceIdsOf(text(record.id))) affected.licences.add(matchKey(id));
        this.softwareByName = undefined;
        this.grid_.reorder();
        break;
      case "licences":
        affected.licences.add(matchKey(text(record.id)));
        affected.products.add(matchKey(text(record.softwareId)));
        // installations of other software linked to it count differently once it arrives or goes
        for (const key of index.linkedSoftwareKeys(text(record.id))) affected.products.add(key);
        break;
      case "allocations":
        licence(text(record.licenceId));
        break;
      case "installations":
        licence(text(record.licenceId));
        affected.products.add(matchKey(text(record.softwareId)));
        break;
    }
  }

  /** New figures over the index; work under way for the figures they replace ends (LiveFigures.retire). */
  private replaceFigures(index: RegisterIndex): void {
    const next = new LiveFigures(index, () => yieldEvery(this.sliceMs));
    this.figures_?.retire(next);
    this.figures_ = next;
  }

  /** Moves the index to today's date when the day has changed; every figure may then differ. */
  private moveToToday(): Affected {
    const affected = nothingAffected();
    const today = this.today();
    if (this.index_ && today !== this.index_.asOf) {
      this.index_.setAsOf(today);
      affected.all = true;
    }
    return affected;
  }

  private publish(affected: Affected, state: Partial<LiveState> = {}): void {
    if (this.stopped) return;
    if (affected.all && this.index_) this.replaceFigures(this.index_);
    else this.figures_?.changed(affected);
    if (affected.all) this.grid_.invalidate("all");
    else this.grid_.invalidate(affected.products);
    const changedRecords = this.recordsChanged;
    this.recordsChanged = false;
    if (isNothing(affected) && !changedRecords && Object.keys(state).length === 0) return;
    this.setState({ ...state, version: this.state_.version + 1 });
    if (isNothing(affected)) return;
    for (const listener of [...this.updateListeners]) listener(affected);
  }
}
