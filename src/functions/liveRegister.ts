/**
 * The one live copy of the register the LICENSE.USED / STATUS / POSITION cells read: a RegisterIndex loaded
 * once through the Register, then kept current from its change events, a few rows at a time where Excel says
 * which rows changed. The functions only read it; nothing here writes to the workbook.
 *
 * Start-up (task pane entry, playground): `const live = startLiveRegister(register); await live.ready;`
 */
import { todayIsoDate, type IsoDate } from "../domain/dates";
import type { RecordKind } from "../domain/ids";
import { matchKey } from "../domain/keys";
import type { GridCell } from "../domain/positionGrid";
import type { LicencePosition, ProductPosition } from "../domain/positionTypes";
import { RegisterIndex } from "../domain/registerIndex";
import { upcomingRenewals, type UpcomingRenewal } from "../domain/upcomingRenewals";
import type { Allocation, Installation, Licence, Software } from "../domain/schemas";
import type { DataIssue, Register, RegisterChange } from "../workbook/registerApi";
import { RECORD_TABLES } from "../workbook/tables";
import { LiveGrid } from "./liveGrid";
import { nothingAffected, Watchers, type Affected, type Dependencies } from "./liveWatchers";

type Row = Record<string, unknown>;
const RECORD_KINDS: RecordKind[] = ["software", "licences", "allocations", "installations"];
/** Change types after which the rows Excel names still hold the same records (nothing moved). */
const IN_PLACE = new Set(["RangeEdited", "CellInserted", "Unknown"]);
const DAY_CHECK_MS = 60 * 60 * 1000;
/** Waits between attempts to load the register after a failure; the last repeats until a load succeeds. */
const LOAD_RETRY_MS = [2_000, 5_000, 15_000, 30_000, 60_000];

export interface LiveRegisterOptions {
  /** The as-of date; read at every update, so the figures move to a new day. Default: today, local time. */
  today?: () => IsoDate;
  /** Errors while following the register (a failed read); console.error by default. */
  onError?: (error: unknown) => void;
  /** Waits between load attempts after a failure (default 2 s, 5 s, 15 s, 30 s, then every minute). */
  retryDelaysMs?: readonly number[];
}

export interface LiveRegisterHandle {
  /**
   * Resolves once the register is loaded and every running cell has its first value. While loads fail, the
   * cells show #N/A with what went wrong, and the load is tried again with growing waits until it succeeds.
   */
  readonly ready: Promise<void>;
  /** Resolves when every change heard so far has been applied and pushed to the cells. */
  settled(): Promise<void>;
  /** Called after each applied change with how many cells were given a new value. */
  onUpdated(listener: (pushed: number) => void): () => void;
  /** Stops following the register; running cells keep their last values until a new one starts. */
  stop(): void;
}

/** What a LICENSE function may read; each read is recorded so the cell re-runs only when that changes. */
export interface LiveView {
  licence(id: string): LicencePosition | undefined;
  /** Why a licence row with this ID is left out of the register (its first data issue), in a sentence. */
  licenceProblem(id: string): string | undefined;
  /** A catalogue product by software ID, else by name (both matched ignoring case and spaces). */
  product(idOrName: string): ProductPosition | undefined;
  /** The compliance grid of every product, header row first. */
  grid(): GridCell[][];
  /** Licences expiring within `days` days, soonest first (domain/upcomingRenewals). */
  renewals(days: number): UpcomingRenewal[];
  reportingCurrency(): string;
}

const watchers = new Watchers();
let current: LiveRegister | undefined;

/** Starts (or restarts with another register) the shared live register. */
export function startLiveRegister(register: Register, options: LiveRegisterOptions = {}): LiveRegisterHandle {
  current?.stop();
  const live = new LiveRegister(register, options);
  current = live;
  return live;
}

/**
 * Runs a LICENSE function's cell: `compute` now (once the register is loaded) and again whenever what it read
 * changes, pushing the result (or the CustomFunctions.Error it throws) only when it differs from the last one.
 */
export function watch(
  invocation: CustomFunctions.StreamingInvocation<unknown>,
  compute: (view: LiveView) => unknown,
): void {
  const remove = watchers.add(
    {
      evaluate: () => evaluate(compute),
      push: (value) => invocation.setResult(value as never),
    },
    current?.hasAnswer === true,
  );
  invocation.onCanceled = remove;
}

function evaluate(compute: (view: LiveView) => unknown): { value: unknown; reads: Dependencies } {
  const reads: Dependencies = { licences: [], products: [], allProducts: false, catalogue: false };
  const live = current!;
  if (!live.isReady) {
    return {
      value: new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, live.loadProblem ?? ""),
      reads,
    };
  }
  const view: LiveView = {
    licence(id) {
      reads.licences.push(matchKey(id));
      return live.licence(id);
    },
    licenceProblem(id) {
      reads.licences.push(matchKey(id));
      return live.licenceProblem(id);
    },
    product(idOrName) {
      reads.catalogue = true;
      const product = live.product(idOrName);
      if (product) reads.products.push(matchKey(product.softwareId));
      return product;
    },
    grid() {
      reads.allProducts = true;
      return live.grid();
    },
    renewals(days) {
      // any licence or catalogue change may add, drop or rename a renewal
      reads.allProducts = true;
      reads.catalogue = true;
      return live.renewals(days);
    },
    reportingCurrency: () => live.reportingCurrency(),
  };
  try {
    return { value: compute(view), reads };
  } catch (error) {
    return { value: asExcelError(error), reads };
  }
}

function asExcelError(error: unknown): CustomFunctions.Error {
  if (error instanceof CustomFunctions.Error) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, message);
}

/** An error's message as a sentence. */
function sentence(error: unknown): string {
  const text = (error instanceof Error ? error.message : String(error)).trim();
  return /[.!?]["”]?$/.test(text) ? text : `${text}.`;
}

function sameRecord(a: Row, b: Row): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => a[key] === b[key]);
}

class LiveRegister implements LiveRegisterHandle {
  readonly ready: Promise<void>;
  isReady = false;
  /** Why the register could not be loaded, while it could not; cleared by the load that succeeds. */
  loadProblem: string | undefined;
  private index!: RegisterIndex;
  private readonly records = new Map<RecordKind, Map<string, Row>>();
  private readonly grid_ = new LiveGrid();
  private softwareByName: Map<string, string> | undefined;
  /** The data issues of Licences rows, by matched licence ID, so their cells can say what to correct. */
  private licenceIssues = new Map<string, DataIssue[]>();
  private queue: Promise<void>;
  private readonly listeners = new Set<(pushed: number) => void>();
  private readonly unsubscribe: () => void;
  private readonly timer: ReturnType<typeof setInterval>;
  private stopped = false;
  private wake: (() => void) | undefined;
  private readonly today: () => IsoDate;
  private readonly onError: (error: unknown) => void;
  private readonly retryDelays: readonly number[];

  constructor(
    private readonly register: Register,
    options: LiveRegisterOptions,
  ) {
    this.today = options.today ?? (() => todayIsoDate());
    this.onError = options.onError ?? ((error) => console.error(error));
    this.retryDelays = options.retryDelaysMs ?? LOAD_RETRY_MS;
    // Listen first: a change made while loading is applied after the load (applying it twice is harmless).
    this.unsubscribe = register.onChanged((change) => this.enqueue(() => this.apply(change)));
    this.ready = this.reloadUntilLoaded();
    this.queue = this.ready.catch(this.onError);
    this.timer = setInterval(() => this.enqueue(async () => this.publish(this.moveToToday())), DAY_CHECK_MS);
  }

  settled(): Promise<void> {
    return this.queue;
  }

  onUpdated(listener: (pushed: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Whether a running cell can be given something: figures, or why there are none yet. */
  get hasAnswer(): boolean {
    return this.isReady || this.loadProblem !== undefined;
  }

  stop(): void {
    this.stopped = true;
    this.wake?.();
    this.unsubscribe();
    clearInterval(this.timer);
    if (current === this) current = undefined;
  }

  licence(id: string): LicencePosition | undefined {
    return this.index.licencePosition(id);
  }

  licenceProblem(id: string): string | undefined {
    const issues = this.licenceIssues.get(matchKey(id));
    if (!issues) return undefined;
    const [first] = issues;
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more in row ${first.row})` : "";
    return `Correct cell ${first.address} (${first.column})${more}: ${first.message} Until then this licence is left out of the register's figures.`;
  }

  /** Replaces the Licences rows' issues; the licences whose issues changed are affected. */
  private setLicenceIssues(issues: readonly DataIssue[], affected: Affected): void {
    const next = new Map<string, DataIssue[]>();
    for (const issue of issues) {
      if (issue.sheet !== RECORD_TABLES.licences.sheet || issue.recordId === undefined) continue;
      const key = matchKey(issue.recordId);
      next.set(key, [...(next.get(key) ?? []), issue]);
    }
    for (const key of new Set([...next.keys(), ...this.licenceIssues.keys()])) {
      const before = this.licenceIssues
        .get(key)
        ?.map((issue) => `${issue.address}${issue.message}`)
        .join();
      const after = next
        .get(key)
        ?.map((issue) => `${issue.address}${issue.message}`)
        .join();
      if (before !== after) affected.licences.add(key);
    }
    this.licenceIssues = next;
  }

  product(idOrName: string): ProductPosition | undefined {
    const byId = this.index.productPosition(idOrName);
    if (byId) return byId;
    if (!this.softwareByName) {
      this.softwareByName = new Map();
      for (const software of this.recordsOf("software").values()) {
        const name = matchKey(String(software.name));
        if (!this.softwareByName.has(name)) this.softwareByName.set(name, String(software.id));
      }
    }
    const id = this.softwareByName.get(matchKey(idOrName));
    return id === undefined ? undefined : this.index.productPosition(id);
  }

  reportingCurrency(): string {
    return this.index.settings.reportingCurrency;
  }

  grid(): GridCell[][] {
    return this.grid_.grid(this.index, this.recordsOf("software") as unknown as Map<string, Software>);
  }

  renewals(days: number): UpcomingRenewal[] {
    return upcomingRenewals(
      {
        software: this.recordsOf("software").values() as unknown as Iterable<Software>,
        licences: this.recordsOf("licences").values() as unknown as Iterable<Licence>,
      },
      { licences: { get: (id) => this.index.licencePosition(id) } },
      days,
    );
  }

  private enqueue(work: () => Promise<void>): void {
    this.queue = this.queue.then(() => (this.stopped ? undefined : work())).catch(this.onError);
  }

  private recordsOf(kind: RecordKind): Map<string, Row> {
    let map = this.records.get(kind);
    if (!map) this.records.set(kind, (map = new Map()));
    return map;
  }

  /**
   * Loads the register, and when that fails says why in every running cell and tries again after a growing
   * wait, until a load succeeds or this live register is stopped.
   */
  private async reloadUntilLoaded(): Promise<void> {
    for (let attempt = 0; !this.stopped; attempt++) {
      try {
        await this.reload();
        return;
      } catch (error) {
        this.onError(error);
        if (this.isReady) return; // a reload after a settings change: the cells keep their figures
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
  private async reload(): Promise<void> {
    const data = await this.register.load();
    for (const kind of RECORD_KINDS) {
      this.records.set(kind, new Map((data[kind] as unknown as Row[]).map((r) => [String(r.id), r])));
    }
    this.index = new RegisterIndex(data, this.today());
    this.setLicenceIssues(data.issues, nothingAffected());
    // The index looks records up by ID only from the first edit on; build those maps now, not on that edit.
    this.index.removeInstallation("");
    this.index.removeAllocation("");
    this.isReady = true;
    this.loadProblem = undefined;
    this.publish({ ...nothingAffected(), all: true, catalogue: true });
  }

  private async apply(change: RegisterChange): Promise<void> {
    if (change.kinds.includes("settings")) {
      await this.reload();
      return;
    }
    const affected = this.moveToToday();
    for (const kind of change.kinds as RecordKind[]) {
      if (change.saved || change.removedIds) {
        for (const record of change.saved ?? []) this.put(kind, record as Row, affected);
        for (const id of change.removedIds ?? []) this.drop(kind, id, affected);
      } else if (change.excel && IN_PLACE.has(change.excel.changeType) && this.register.readRows) {
        const read = await this.register.readRows(kind, change.excel.address);
        const known = this.recordsOf(kind);
        const inPlace =
          !read.touchesIdColumn &&
          read.rows.length > 0 &&
          read.rows.every((row) => row !== undefined && known.has(String(row.id)));
        if (inPlace) for (const row of read.rows) this.put(kind, row!, affected);
        else await this.resync(kind, affected);
      } else await this.resync(kind, affected);
    }
    this.publish(affected);
  }

  /** Re-reads one table and applies the difference, record by record. */
  private async resync(kind: RecordKind, affected: Affected): Promise<void> {
    const read = this.register.readRows
      ? await this.register.readRows(kind)
      : await this.register
          .load()
          .then((data) => ({ rows: data[kind] as unknown as Row[], issues: data.issues }));
    const rows = read.rows;
    if (kind === "licences") this.setLicenceIssues(read.issues, affected);
    const fresh = new Map<string, Row>();
    for (const row of rows) {
      // as a load does: the first row with an ID counts, later copies are data issues
      if (row && !fresh.has(String(row.id))) fresh.set(String(row.id), row);
    }
    for (const id of [...this.recordsOf(kind).keys()]) if (!fresh.has(id)) this.drop(kind, id, affected);
    for (const row of fresh.values()) this.put(kind, row, affected);
  }

  private put(kind: RecordKind, record: Row, affected: Affected): void {
    const map = this.recordsOf(kind);
    const id = String(record.id);
    const previous = map.get(id);
    if (previous && sameRecord(previous, record)) return;
    if (previous) this.mark(kind, previous, affected);
    map.set(id, record);
    switch (kind) {
      case "software":
        this.index.upsertSoftware(record as unknown as Software);
        break;
      case "licences":
        this.index.upsertLicence(record as unknown as Licence);
        break;
      case "allocations":
        this.index.upsertAllocation(record as unknown as Allocation);
        break;
      case "installations":
        this.index.upsertInstallation(record as unknown as Installation);
        break;
    }
    this.mark(kind, record, affected);
  }

  private drop(kind: RecordKind, id: string, affected: Affected): void {
    const map = this.recordsOf(kind);
    const previous = map.get(id);
    if (!previous) return;
    this.mark(kind, previous, affected);
    map.delete(id);
    switch (kind) {
      case "software":
        this.index.removeSoftware(id);
        break;
      case "licences":
        this.index.removeLicence(id);
        break;
      case "allocations":
        this.index.removeAllocation(id);
        break;
      case "installations":
        this.index.removeInstallation(id);
        break;
    }
  }

  /** Notes which licences and products a record's presence (before or after an edit) bears on. */
  private mark(kind: RecordKind, record: Row, affected: Affected): void {
    const text = (value: unknown) => (typeof value === "string" ? value : "");
    const licence = (id: string) => {
      if (matchKey(id) === "") return;
      affected.licences.add(matchKey(id));
      const softwareId = this.index.licencePosition(id)?.softwareId;
      if (softwareId !== undefined) affected.products.add(matchKey(softwareId));
    };
    switch (kind) {
      case "software":
        affected.catalogue = true;
        affected.products.add(matchKey(text(record.id)));
        for (const id of this.index.licenceIdsOf(text(record.id))) affected.licences.add(matchKey(id));
        this.softwareByName = undefined;
        this.grid_.reorder();
        break;
      case "licences":
        affected.licences.add(matchKey(text(record.id)));
        affected.products.add(matchKey(text(record.softwareId)));
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

  /** Moves the index to today's date when the day has changed; every figure may then differ. */
  private moveToToday(): Affected {
    const affected = nothingAffected();
    const today = this.today();
    if (this.index && today !== this.index.asOf) {
      this.index.setAsOf(today);
      affected.all = true;
    }
    return affected;
  }

  private publish(affected: Affected): void {
    // a register that was stopped (another one started) must not push its figures into the cells
    if (this.stopped || current !== this) return;
    if (affected.all) this.grid_.invalidate("all");
    else this.grid_.invalidate(affected.products);
    if (!affected.all && affected.licences.size === 0 && affected.products.size === 0) return;
    const pushed = watchers.update(affected);
    for (const listener of [...this.listeners]) listener(pushed);
  }
}
