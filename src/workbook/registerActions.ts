/**
 * What the register does only when the person acts: set up the sheets, add, save and delete records, save
 * the settings, write the names beside links, remember a column mapping, read an export's sheet, build the
 * Dashboard and take a snapshot. The LICENSE functions and the live register start without it:
 * createWorkbookRegister.ts loads this file in its own script the first time one of these is asked for.
 */
import { newId as defaultNewId, type RecordKind } from "../domain/ids";
import { forEachPaced, yieldEvery } from "../domain/yielding";
import { settingsSchema, type Settings } from "../domain/schemas";
import type {
  FiguresOn,
  NewRecord,
  Progress,
  RecordTypes,
  Register,
  RegisterChange,
  RegisterFailure,
  Result,
  SetUpReport,
  WriteOptions,
} from "./registerApi";
import { removeRecord, saveRecords, type SaveContext, type Saved } from "./concurrency";
import { addRecords, presentIds, repeatedIds, type AddContext, type AddTries } from "./addRecords";
import { attempt, excelFailure, fail, isTransient, ok, withRetries, type ExcelRun } from "./excel";
import type { RecordMemory } from "./recordMemory";
import type { ChangeFeed } from "./events";
import { capitalise, columnsLostMessage, mergedMessage, unsavedFailure } from "./messages";
import { pooledRandomBytes } from "./randomPool";
import { fieldErrors } from "./records";
import { SaveWatch, addedAgainMessage } from "./saveWatch";
import { setUpWorkbook } from "./setUp";
import { RECORD_KINDS, RECORD_TABLES } from "./tables";
import { notSavedFailure, writeSettings } from "./writeSettings";
import { settingsKeptMessage } from "./settingsMerge";
import { buildDashboard, fitDashboardChart } from "./dashboard";
import { writeDisplayFields } from "./displayFields";
import { writeSnapshot } from "./snapshot";
import { todayIsoDate, type IsoDate } from "../domain/dates";
import { computePosition } from "../domain/position";
import {
  columnMappingProblem,
  columnMappingTooLong,
  savedColumnMappingSchema,
} from "../domain/columnMapping";
import { readColumnMappings, writeColumnMapping } from "./columnMappings";
import { readActiveSheet } from "./activeSheet";

/** What the actions share with the register that loaded them (createWorkbookRegister.ts). */
export interface RegisterCore {
  run: ExcelRun;
  now: () => Date;
  newId?: (kind: RecordKind) => string;
  reportError: (error: unknown) => void;
  feed: ChangeFeed;
  /** Re-subscribes to the register's tables and the selection (after a set-up creates tables). */
  subscribe: () => Promise<void>;
  memory: RecordMemory;
  retryDelays: readonly number[];
  find: boolean;
  /** The register's own load, for a Dashboard or snapshot without a live register to ask. */
  load: Register["load"];
}

/** The register's methods that act, and what the register asks of them once they are loaded. */
export type RegisterActions = Required<
  Pick<
    Register,
    | "setUp"
    | "add"
    | "addMany"
    | "update"
    | "updateMany"
    | "remove"
    | "updateSettings"
    | "writeDisplayFields"
    | "readColumnMappings"
    | "saveColumnMapping"
    | "readActiveSheet"
    | "buildDashboard"
    | "fitDashboardChart"
    | "takeSnapshot"
  >
> & {
  /** A co-author's change arrived: this register's recent saves and adds are checked again (saveWatch.ts). */
  recheckOwnChanges(
    kind: RecordKind,
    changeType: string,
  ): Promise<Pick<RegisterChange, "overwritten" | "saved" | "recordIds">>;
  /** Finishes this register's saves that stopped part-way and were not finished since (see updateMany). */
  finishPendingSaves(): Promise<void>;
};

type Row = Record<string, unknown>;

const ACTIONS = {
  add: (noun: string, count: number) => (count === 1 ? `add the ${noun}` : `add the ${count} records`),
};

export function createRegisterActions(core: RegisterCore): RegisterActions {
  const { run, now, reportError, feed, memory, retryDelays, find } = core;
  const random = pooledRandomBytes();
  const makeId = core.newId ?? ((kind: RecordKind) => defaultNewId(kind, random));
  const watch = new SaveWatch();
  let checking: Promise<unknown> = Promise.resolve();

  const saveContext = (kind: RecordKind, base: unknown, onProgress?: Progress): SaveContext => ({
    spec: RECORD_TABLES[kind],
    now,
    baseOf: (id, rowVersion) =>
      base !== undefined && String((base as Row).id) === id
        ? (base as Row)
        : memory.baseOf(kind, id, rowVersion),
    lastSeen: (id) => memory.lastSeen(kind, id),
    find,
    unfinished: memory.unfinished(kind),
    onProgress,
  });
  const idsOf = <T>(result: Result<T[]>) =>
    result.ok ? result.value.map((r) => String((r as Row).id)) : undefined;
  const savedOf = <T>(result: Result<T[]>) => (result.ok ? { saved: result.value as unknown[] } : {});

  /** Checks every record before anything is written, giving the thread back between slices of a large batch. */
  async function validate<K extends RecordKind>(
    kind: K,
    records: readonly Row[],
  ): Promise<Result<RecordTypes[K][]>> {
    const spec = RECORD_TABLES[kind];
    const parsed: RecordTypes[K][] = [];
    let invalid: Result<RecordTypes[K][]> | undefined;
    await forEachPaced(records, yieldEvery(), (record, index) => {
      if (invalid) return;
      const result = spec.schema.safeParse(record);
      if (result.success) {
        parsed.push(result.data as RecordTypes[K]);
        return;
      }
      const errors = fieldErrors(result.error.issues);
      const first =
        Object.values(errors)[0] ?? `This ${spec.noun} is not valid: check its values and try again.`;
      const where = records.length > 1 ? `${capitalise(spec.noun)} ${index + 1} of ${records.length}: ` : "";
      invalid = fail({ kind: "invalid", message: `${where}${first}`, fieldErrors: errors });
    });
    return invalid ?? ok(parsed);
  }

  /** Tries a write again after a failure on the way to or from Excel; `work` is told whether it is a retry. */
  async function tryWrite<T>(work: (retry: boolean) => Promise<Result<T>>): Promise<Result<T>> {
    for (let tries = 1; ; tries++) {
      try {
        return await work(tries > 1);
      } catch (error) {
        if (tries > retryDelays.length || !isTransient(error)) throw error;
        await new Promise((resolve) => setTimeout(resolve, retryDelays[tries - 1]));
      }
    }
  }

  async function addMany<K extends RecordKind>(kind: K, inputs: NewRecord<K>[], onProgress?: Progress) {
    const stamp = now().toISOString();
    const candidates = inputs.map((input) => ({
      ...input,
      id: input.id ?? makeId(kind),
      modified: stamp,
      rowVersion: 1,
    }));
    const valid = await validate(kind, candidates);
    if (!valid.ok || valid.value.length === 0) return valid;
    const spec = RECORD_TABLES[kind];
    const repeated = repeatedIds(valid.value as Row[]);
    if (repeated.length > 0) {
      const message = `${spec.idHeader} ${repeated[0]} is given to more than one of the records being added, so nothing was added. Each ${spec.noun} needs its own ID.`;
      return fail<RecordTypes[K][]>({ kind: "invalid", message, fieldErrors: { id: message } });
    }
    const records = valid.value as Row[];
    const add: AddContext = { spec, find, lastSeen: (id) => memory.lastSeen(kind, id), onProgress };
    const result = await feed.ownWrite(
      kind,
      async (): Promise<Result<RecordTypes[K][]>> => {
        try {
          const tries: AddTries = {};
          const added = await tryWrite(() => run((context) => addRecords(context, add, records, tries)));
          if (!added.ok) return added;
          await memory.remember(kind, added.value.records, yieldEvery());
          watch.watchAdded(kind, added.value.records);
          return {
            ok: true,
            value: added.value.records as RecordTypes[K][],
            ...(added.value.alreadyAdded.length > 0 ? { alreadyAdded: added.value.alreadyAdded } : {}),
          };
        } catch (error) {
          return fail(await partialAdd(kind, records, error));
        }
      },
      idsOf,
      savedOf,
    );
    return result;
  }

  /**
   * A co-author's change arrived: this register's recent saves and adds are checked again (saveWatch.ts). A
   * save a simultaneous change replaced is reported; an add a co-author's new row replaced is made again.
   */
  async function recheck(
    kind: RecordKind,
    rowsRemoved: boolean,
  ): Promise<Pick<RegisterChange, "overwritten" | "saved" | "recordIds">> {
    if (!watch.watching(kind)) return {};
    const found = await run((context) =>
      watch.check(context, kind, { find, lastSeen: (id) => memory.lastSeen(kind, id), rowsRemoved }),
    );
    const overwritten = [...found.overwritten];
    if (found.lostAdds.length > 0) {
      const again = await addMany(kind, found.lostAdds as NewRecord<typeof kind>[]);
      const ids = found.lostAdds.map((record) => String(record.id));
      if (again.ok)
        for (const id of ids) overwritten.push({ id, fields: [], message: addedAgainMessage(kind, id) });
      else reportError(new Error(again.error.message));
    }
    if (overwritten.length === 0) return {};
    await memory.remember(kind, found.current);
    return {
      overwritten,
      saved: found.current,
      recordIds: overwritten.map((entry) => entry.id),
    };
  }

  /** What a failed add left behind, checked in the workbook, in a sentence and as IDs to retry with. */
  async function partialAdd(kind: RecordKind, records: Row[], error: unknown): Promise<RegisterFailure> {
    const spec = RECORD_TABLES[kind];
    const failure = excelFailure(error, ACTIONS.add(spec.noun, records.length));
    if (failure.kind !== "failed" || !isTransient(error)) return failure;
    const ids = records.map((record) => String(record.id));
    try {
      const present = await run((context) => presentIds(context, { spec, find }, records));
      const added = ids.filter((id) => present.has(id));
      const notAdded = ids.filter((id) => !present.has(id));
      const what =
        records.length === 1 ? `the ${spec.noun}` : `${records.length} ${spec.sheet.toLowerCase()}`;
      const message =
        added.length === 0
          ? failure.message
          : `${added.length} of the ${what} were added before Excel stopped answering; ${notAdded.length} were not. Try again: those already added are skipped, not added twice.`;
      return { kind: "failed", message, partial: { added, notAdded, ids } };
    } catch {
      return {
        kind: "failed",
        message: `${failure.message} Some may have been added before it failed; trying again adds only those that were not.`,
        partial: { added: [], notAdded: [], ids },
      };
    }
  }

  async function updateMany<K extends RecordKind>(
    kind: K,
    records: RecordTypes[K][],
    writeOptions: WriteOptions,
    onProgress?: Progress,
  ) {
    const valid = await validate(kind, records as Row[]);
    if (!valid.ok || valid.value.length === 0) return valid;
    const spec = RECORD_TABLES[kind];
    const doing = records.length === 1 ? `save the ${spec.noun}` : `save the ${records.length} records`;
    const confirmed = new Set<string>();
    const save = {
      ...saveContext(kind, writeOptions.base, onProgress),
      onSaved: (ids: string[]) => ids.forEach((id) => confirmed.add(id)),
    };
    const force = writeOptions.force ?? false;
    return feed.ownWrite(
      kind,
      async (): Promise<Result<RecordTypes[K][]>> => {
        let saved: Result<Saved>;
        try {
          saved = await tryWrite(() =>
            run((context) => saveRecords(context, save, valid.value as Row[], force)),
          );
        } catch (error) {
          if (!isTransient(error)) return fail(excelFailure(error, doing));
          // left part-saved rows are finished at this register's next load
          const unfinished = memory.unfinished(kind);
          for (const record of valid.value as Row[]) {
            if (unfinished.has(String(record.id))) memory.pendingSave(kind, record, writeOptions.base as Row);
          }
          return fail(unsavedFailure(spec, doing, records.length, confirmed.size, error));
        }
        if (!saved.ok) return saved;
        const pause = yieldEvery();
        await memory.remember(kind, saved.value.records, pause);
        await forEachPaced(saved.value.records, pause, (record) => {
          const wrote = saved.value.wrote.get(String(record.id));
          if (wrote) watch.watch(kind, record, wrote);
        });
        const { kept } = saved.value;
        return {
          ok: true,
          value: saved.value.records as RecordTypes[K][],
          ...(kept.length > 0 ? { merged: { fields: kept, message: mergedMessage(spec, kept) } } : {}),
        };
      },
      idsOf,
      savedOf,
    );
  }

  /** Finishes this register's saves that stopped part-way and were not finished since (see updateMany). */
  async function finishPendingSaves(): Promise<void> {
    for (const kind of RECORD_KINDS) {
      const pending = memory.takePendingSaves(kind);
      if (pending.length === 0) continue;
      const save: SaveContext = {
        ...saveContext(kind, undefined),
        baseOf: (id, rowVersion) =>
          pending.find((p) => String(p.record.id) === id)?.base ?? memory.baseOf(kind, id, rowVersion),
      };
      await run((context) =>
        saveRecords(
          context,
          save,
          pending.map((p) => p.record),
          false,
        ),
      ).catch(reportError);
    }
  }

  /** Without a live register to ask: the whole register loaded and its position computed for the date. */
  const loadedFigures: FiguresOn = async (asOf: IsoDate) => computePosition(await core.load(), asOf);

  return {
    recheckOwnChanges(kind, changeType) {
      // one check at a time, so a replaced save is reported once however many events its arrival raised
      const rowsRemoved = changeType !== "RangeEdited" && changeType !== "RowInserted";
      const next = checking.then(() => recheck(kind, rowsRemoved));
      checking = next.catch(() => undefined);
      return next;
    },
    finishPendingSaves,

    async setUp(onProgress?: Progress): Promise<Result<SetUpReport>> {
      const result = await feed.ownWrite(
        "settings",
        () =>
          attempt("set up the workbook", async () =>
            ok(await run((context) => setUpWorkbook(context, onProgress))),
          ),
        () => undefined,
      );
      // tables that did not exist before can now be watched
      if (result.ok) await core.subscribe().catch(reportError);
      return result;
    },
    async add(kind, record) {
      const result = await addMany(kind, [record]);
      return result.ok ? { ...result, value: result.value[0] } : result;
    },
    addMany,
    async update(kind, record, writeOptions?: WriteOptions) {
      const result = await updateMany(kind, [record], writeOptions ?? {});
      return result.ok ? { ...result, value: result.value[0] } : result;
    },
    updateMany: (kind, records, onProgress) => updateMany(kind, records, {}, onProgress),
    async remove(kind, id, expectedRowVersion, writeOptions?: WriteOptions) {
      const spec = RECORD_TABLES[kind];
      const save = saveContext(kind, writeOptions?.base);
      return feed.ownWrite(
        kind,
        () =>
          attempt(`delete the ${spec.noun}`, async () => {
            const removed = await tryWrite(async (retry) => {
              const result = await run((context) =>
                removeRecord(context, save, id, expectedRowVersion, writeOptions?.force ?? false),
              );
              // gone on a retry: the try whose answer was lost deleted it
              return retry && !result.ok && result.error.kind === "deleted" ? ok(undefined) : result;
            });
            if (removed.ok) {
              memory.forget(kind, id);
              watch.forget(kind, id);
            }
            return removed;
          }),
        (result) => (result.ok ? [id] : undefined),
        (result) => (result.ok ? { removedIds: [id] } : {}),
      );
    },
    async updateSettings(settings: Settings, base?: Settings): Promise<Result<Settings>> {
      const parsed = settingsSchema.safeParse(settings);
      if (!parsed.success) {
        const errors = fieldErrors(parsed.error.issues);
        return fail({
          kind: "invalid",
          message:
            Object.values(errors)[0] ?? "These settings are not valid: check their values and try again.",
          fieldErrors: errors,
        });
      }
      return feed.ownWrite(
        "settings",
        () =>
          attempt("save the settings", async (): Promise<Result<Settings>> => {
            const written = await run((context) => writeSettings(context, parsed.data, base));
            if ("notSaved" in written) return fail(notSavedFailure(written.notSaved));
            const { saved, kept } = written;
            return kept.length > 0
              ? { ok: true, value: saved, merged: { fields: kept, message: settingsKeptMessage(kept) } }
              : ok(saved);
          }),
        (result) => (result.ok ? [] : undefined),
      );
    },
    writeDisplayFields: (kind, updates) =>
      attempt("show the names beside the links", async () =>
        ok(
          await feed.shownWrite(
            kind,
            (beforeWrite) =>
              run((context) =>
                writeDisplayFields(
                  context,
                  RECORD_TABLES[kind],
                  updates,
                  { find, lastSeen: (id) => memory.lastSeen(kind, id) },
                  beforeWrite,
                ),
              ),
            updates,
          ),
        ),
      ),
    readColumnMappings: () =>
      attempt("read the saved column mappings", async () =>
        ok(
          await withRetries(
            () => run(readColumnMappings),
            retryDelays,
            (error) => error as Error,
          ),
        ),
      ),
    async saveColumnMapping(mapping) {
      const problem = columnMappingProblem(mapping);
      if (problem) return fail({ kind: "invalid", message: problem, fieldErrors: { columns: problem } });
      const valid = savedColumnMappingSchema.parse(mapping);
      const tooLong = columnMappingTooLong(valid);
      if (tooLong) return fail({ kind: "invalid", message: tooLong, fieldErrors: { columns: tooLong } });
      return feed.ownWrite(
        "settings",
        () =>
          attempt("remember the column mapping", async () => {
            const saved = await tryWrite(async () => ok(await run((c) => writeColumnMapping(c, valid))));
            if (saved.ok && saved.value.length > 0)
              return fail({
                kind: "not-set-up",
                message: columnsLostMessage("remember the column mapping", saved.value),
              });
            return ok(valid);
          }),
        (result) => (result.ok ? [] : undefined),
      );
    },
    readActiveSheet: (onProgress) =>
      attempt("read the open sheet", async () => {
        const read = await run((context) => readActiveSheet(context, onProgress));
        const refuse = (message: string) => fail<never>({ kind: "invalid", message, fieldErrors: {} });
        switch (read.kind) {
          case "register-sheet":
            return refuse(
              `"${read.sheet}" is one of the register's own sheets, not an export. Open the sheet you opened or pasted the export in, then choose "Read the open sheet" again.`,
            );
          case "empty":
            return refuse(
              `The sheet "${read.sheet}" is empty. Open the sheet that holds the export (its header row and rows), then choose "Read the open sheet" again.`,
            );
          case "read":
            return ok(read.values);
        }
      }),
    buildDashboard: (onProgress, figuresOn) =>
      attempt("build the dashboard", async () => {
        const builtAt = now();
        onProgress?.("Computing the compliance position", 0);
        const figures = await (figuresOn ?? loadedFigures)(todayIsoDate(builtAt));
        return ok(await run((context) => buildDashboard(context, figures, builtAt, onProgress)));
      }),
    fitDashboardChart: () => run((context) => fitDashboardChart(context)),
    async takeSnapshot(takenBy, asOf, onProgress, figuresOn) {
      const who = takenBy.trim();
      if (who === "") {
        return fail({
          kind: "invalid",
          message: "Enter your name in Taken by, so the snapshot says who took it.",
          fieldErrors: { takenBy: "Enter your name." },
        });
      }
      return attempt("take the snapshot", async () => {
        const takenAt = now();
        const on = asOf ?? todayIsoDate(takenAt);
        onProgress?.("Computing the compliance position", 0);
        const figures = await (figuresOn ?? loadedFigures)(on);
        return ok(
          await run((context) =>
            writeSnapshot(context, figures, { takenBy: who, asOf: on, takenAt }, onProgress),
          ),
        );
      });
    },
  };
}
