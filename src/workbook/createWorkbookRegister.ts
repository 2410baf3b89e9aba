import type { RecordKind } from "../domain/ids";
import type { RowLookup } from "../domain/textTable";
import { forEachPaced, noPause, type Pause } from "../domain/yielding";
import type { LoadOptions, Register, RegisterChange, RegisterData, Result } from "./registerApi";
import { fail, loadFailure, withRetries, type ExcelRun } from "./excel";
import { RecordMemory } from "./recordMemory";
import { ChangeFeed } from "./events";
import { actionsUnavailableMessage } from "./messages";
import { readRegister, readSettings } from "./readRegister";
import { SelectionFeed, selectCell, selectRecord } from "./selection";
import { RECORD_KINDS, RECORD_TABLES } from "./tables";
import { readIdsAt, readTableIds, readTableRows } from "./readRows";
import type { RegisterActions, RegisterCore } from "./registerActions";

export interface WorkbookRegisterOptions {
  /** Excel.run in the add-in; the in-memory host's session.run in tests and the playground. */
  run: ExcelRun;
  /** Clock for Modified stamps. */
  now?: () => Date;
  newId?: (kind: RecordKind) => string;
  /** Errors from background work (event subscriptions, selection look-ups); console.error by default. */
  onBackgroundError?: (error: unknown) => void;
  /** How long after its own write the register ignores Local change events (they arrive asynchronously). */
  ownEchoMs?: number;
  /**
   * Waits before the second and later tries of a load or write that failed on the way to or from Excel
   * (default 0.5 s, then 2 s: three tries). Retrying is safe: see concurrency.ts and addRecords.ts.
   */
  retryDelaysMs?: readonly number[];
  /** Whether Range.find may be used (ExcelApi 1.9); without it a record is found from where it was last seen. */
  canFind?: boolean;
  /** How long an edit event Excel gave no details for waits for its onFormatChanged (default 100 ms). */
  formatWaitMs?: number;
  /** How often the rows under the selection are re-read for edits Excel raises no event for (default 2 s). */
  selectionRecheckMs?: number;
  /** Waits between tries to subscribe to Excel's events after one failed (default SUBSCRIBE_RETRY_MS). */
  subscribeRetryMs?: readonly number[];
}

type Row = Record<string, unknown>;

const RETRY_MS = [500, 2_000];

/**
 * The register over the workbook's tables. What the LICENSE functions and the live register need from the
 * start (loading, change events, reading changed rows, the selection) is here; what runs only when the person
 * acts (set-up, saves, imports, the Dashboard: registerActions.ts) arrives in its own script the first time it
 * is asked for, so the functions start without downloading it.
 */
export function createWorkbookRegister(options: WorkbookRegisterOptions): Register {
  const { run } = options;
  const reportError = options.onBackgroundError ?? ((error: unknown) => console.error(error));
  const feed = new ChangeFeed(run, reportError, {
    echoMs: options.ownEchoMs ?? 250,
    formatWaitMs: options.formatWaitMs ?? 100,
    recheckMs: options.selectionRecheckMs ?? 2_000,
    subscribeRetryMs: options.subscribeRetryMs,
    // only this register's own saves can have been replaced, and only the actions save
    onRemote: async (kind, changeType) => (actions ? actions.recheckOwnChanges(kind, changeType) : {}),
  });
  const selection = new SelectionFeed(run, reportError, options.subscribeRetryMs);
  const retryDelays = options.retryDelaysMs ?? RETRY_MS;
  const find = options.canFind ?? true;
  const memory = new RecordMemory();

  async function load(loadOptions: LoadOptions = {}): Promise<RegisterData> {
    await actions?.finishPendingSaves();
    const { data, rowsOf, layouts } = await withRetries(
      () => run((context) => readRegister(context, loadOptions)),
      retryDelays,
      (error, tries) => new Error(loadFailure(error, tries), { cause: error }),
    );
    const byId: RegisterData["byId"] = {};
    const rowCounts: RegisterData["rowCounts"] = {};
    const rowIds: RegisterData["rowIds"] = {};
    for (const kind of RECORD_KINDS) {
      const rowOf = rowsOf.get(kind);
      const rowCount = layouts.get(RECORD_TABLES[kind].table)?.rowCount;
      if (!rowOf) continue;
      const records = data[kind] as Row[];
      await memory.rememberLoad(kind, records, rowOf, loadOptions.pause);
      byId[kind] = memory.loaded(kind);
      rowCounts[kind] = rowCount;
      if (rowCount !== undefined) rowIds[kind] = (pause) => idsByRow(records, rowOf, rowCount, pause);
    }
    return { ...data, byId, rowCounts, rowIds };
  }

  const core: RegisterCore = {
    run,
    now: options.now ?? (() => new Date()),
    newId: options.newId,
    reportError,
    feed,
    subscribe: async () => void (await Promise.all([feed.subscribe(), selection.subscribe()])),
    memory,
    retryDelays,
    find,
    load,
  };
  let actions: RegisterActions | undefined;
  let loadingActions: Promise<RegisterActions> | undefined;
  const loadActions = () =>
    (loadingActions ??= import(/* webpackChunkName: "workbook-actions" */ "./registerActions").then(
      (module) => (actions = module.createRegisterActions(core)),
      (error: unknown) => {
        loadingActions = undefined; // the next action tries to load it again
        throw error;
      },
    ));

  /** Runs an action once its script has loaded; if it cannot load (offline), nothing is changed and it says so. */
  async function acting<T>(doing: string, act: (loaded: RegisterActions) => Promise<Result<T>>) {
    let loaded: RegisterActions;
    try {
      loaded = await loadActions();
    } catch (error) {
      reportError(error);
      return fail<T>({ kind: "unavailable", message: actionsUnavailableMessage(doing) });
    }
    return act(loaded);
  }
  const noun = (kind: RecordKind) => RECORD_TABLES[kind].noun;
  const which = (kind: RecordKind, count: number) =>
    count === 1 ? `the ${noun(kind)}` : `the ${count} records`;

  const register: Register = {
    load,
    setUp: (onProgress) => acting("set up the workbook", (a) => a.setUp(onProgress)),
    add: (kind, record) => acting(`add the ${noun(kind)}`, (a) => a.add(kind, record)),
    addMany: (kind, records, onProgress) =>
      acting(`add ${which(kind, records.length)}`, (a) => a.addMany(kind, records, onProgress)),
    update: (kind, record, writeOptions) =>
      acting(`save the ${noun(kind)}`, (a) => a.update(kind, record, writeOptions)),
    updateMany: (kind, records, onProgress) =>
      acting(`save ${which(kind, records.length)}`, (a) => a.updateMany(kind, records, onProgress)),
    remove: (kind, id, expectedRowVersion, writeOptions) =>
      acting(`delete the ${noun(kind)}`, (a) => a.remove(kind, id, expectedRowVersion, writeOptions)),
    updateSettings: (settings, base) => acting("save the settings", (a) => a.updateSettings(settings, base)),
    writeDisplayFields: (kind, updates) =>
      acting("show the names beside the links", (a) => a.writeDisplayFields(kind, updates)),
    readColumnMappings: () => acting("read the saved column mappings", (a) => a.readColumnMappings()),
    saveColumnMapping: (mapping) =>
      acting("remember the column mapping", (a) => a.saveColumnMapping(mapping)),
    readActiveSheet: (onProgress) => acting("read the open sheet", (a) => a.readActiveSheet(onProgress)),
    buildDashboard: (onProgress, figuresOn) =>
      acting("build the dashboard", (a) => a.buildDashboard(onProgress, figuresOn)),
    fitDashboardChart: async () => (await loadActions()).fitDashboardChart(),
    takeSnapshot: (takenBy, asOf, onProgress, figuresOn) =>
      acting("take the snapshot", (a) => a.takeSnapshot(takenBy, asOf, onProgress, figuresOn)),

    onChanged(listener: (change: RegisterChange) => void): () => void {
      return feed.listen(listener);
    },
    async goToRecord(kind, id) {
      const found = await selectRecord(run, kind, id, {
        find,
        lastSeen: (recordId) => memory.lastSeen(kind, recordId),
      });
      if (!found)
        throw new Error(
          `This ${RECORD_TABLES[kind].noun} is no longer in the ${RECORD_TABLES[kind].sheet} sheet: someone may have deleted it. Refresh to see the register as it is now.`,
        );
    },
    goToCell: (sheet, address) => selectCell(run, sheet, address),
    onRecordSelected(listener) {
      return selection.listen(listener);
    },
    readSettings: () =>
      withRetries(
        () => run((context) => readSettings(context)),
        retryDelays,
        (error, tries) => new Error(loadFailure(error, tries), { cause: error }),
      ),
    readIds: (kind, onPage) => run((context) => readTableIds(context, kind, onPage)),
    readIdsAt: (kind, rowsToRead) => run((context) => readIdsAt(context, kind, rowsToRead)),
    async readRows(kind, address, pause = noPause) {
      const read = await run((context) => readTableRows(context, kind, address, pause));
      // as a load does: a save that conflicts is compared with the version the live register last read
      await forEachPaced(read.rows, pause, (row) => row && memory.rememberOne(kind, row));
      return read;
    },
  };
  return register;
}

/** The ID of the record on each body row, from a load's records and the row each was read from. */
async function idsByRow(
  records: readonly Row[],
  rowOf: RowLookup,
  rowCount: number,
  pause: Pause,
): Promise<(string | undefined)[]> {
  const ids = new Array<string | undefined>(rowCount).fill(undefined);
  await forEachPaced(records, pause, (record, place) => (ids[rowOf.rowAt(place)] = String(record.id)));
  return ids;
}
