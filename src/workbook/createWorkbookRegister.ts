import { newId as defaultNewId, type RecordKind } from "../domain/ids";
import { settingsSchema, type Settings } from "../domain/schemas";
import type {
  NewRecord,
  Progress,
  RecordTypes,
  Register,
  RegisterChange,
  RegisterData,
  Result,
  SetUpReport,
  WriteOptions,
} from "./registerApi";
import { removeRecord, saveRecords, type SaveContext } from "./concurrency";
import { attempt, fail, loadFailure, ok, withRetries, type ExcelRun } from "./excel";
import { ChangeFeed } from "./events";
import { capitalise } from "./messages";
import { pooledRandomBytes } from "./randomPool";
import { readRegister } from "./readRegister";
import { fieldErrors } from "./records";
import { SelectionFeed, selectCell, selectRecord } from "./selection";
import { setUpWorkbook } from "./setUp";
import { RECORD_KINDS, RECORD_TABLES } from "./tables";
import { writeSettings } from "./writeSettings";
import { appendRecords } from "./writeRows";
import { readTableRows } from "./readRows";
import { buildDashboard } from "./dashboard";
import { writeSnapshot } from "./snapshot";
import { todayIsoDate } from "../domain/dates";

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
  /** Waits before the second and later attempts of a load that failed (default 0.5 s, then 2 s: three tries). */
  loadRetryDelaysMs?: readonly number[];
}

type Row = Record<string, unknown>;

const LOAD_RETRY_MS = [500, 2_000];

const ACTIONS = {
  add: (noun: string, count: number) => (count === 1 ? `add the ${noun}` : `add the ${count} records`),
};

export function createWorkbookRegister(options: WorkbookRegisterOptions): Register {
  const { run } = options;
  const now = options.now ?? (() => new Date());
  const random = pooledRandomBytes();
  const makeId = options.newId ?? ((kind: RecordKind) => defaultNewId(kind, random));
  const reportError = options.onBackgroundError ?? ((error: unknown) => console.error(error));
  const feed = new ChangeFeed(run, reportError, options.ownEchoMs ?? 250);
  const selection = new SelectionFeed(run, reportError);
  /** Records as last loaded or saved, to tell a conflicting user what someone else changed. */
  const bases = new Map<RecordKind, Map<string, Row>>(RECORD_KINDS.map((kind) => [kind, new Map()]));
  /**
   * Earlier versions of records that changed since they were loaded (a reload after someone else's save
   * replaces the base): a form still editing an older version is compared with the version it started from.
   */
  const earlier = new Map<RecordKind, Map<string, Row[]>>(RECORD_KINDS.map((kind) => [kind, new Map()]));
  const remember = (kind: RecordKind, records: readonly Row[]) => {
    const latest = bases.get(kind)!;
    for (const record of records) {
      const id = String(record.id);
      const before = latest.get(id);
      if (before && before !== record && before.rowVersion !== record.rowVersion) {
        const history = earlier.get(kind)!;
        history.set(id, [before, ...(history.get(id) ?? [])].slice(0, 5));
      }
      latest.set(id, record);
    }
  };
  const saveContext = (kind: RecordKind, onProgress?: Progress): SaveContext => ({
    spec: RECORD_TABLES[kind],
    now,
    baseOf: (id, rowVersion) => {
      const latest = bases.get(kind)!.get(id);
      if (rowVersion === undefined || latest === undefined || Number(latest.rowVersion) === rowVersion)
        return latest;
      return earlier
        .get(kind)!
        .get(id)
        ?.find((record) => Number(record.rowVersion) === rowVersion);
    },
    onProgress,
  });
  const idsOf = <T>(result: Result<T[]>) =>
    result.ok ? result.value.map((r) => String((r as Row).id)) : undefined;
  const savedOf = <T>(result: Result<T[]>) => (result.ok ? { saved: result.value as unknown[] } : {});

  function validate<K extends RecordKind>(kind: K, records: readonly Row[]): Result<RecordTypes[K][]> {
    const spec = RECORD_TABLES[kind];
    const parsed: RecordTypes[K][] = [];
    for (const [index, record] of records.entries()) {
      const result = spec.schema.safeParse(record);
      if (!result.success) {
        const errors = fieldErrors(result.error.issues);
        const first = Object.values(errors)[0] ?? `This ${spec.noun} is not valid.`;
        const where =
          records.length > 1 ? `${capitalise(spec.noun)} ${index + 1} of ${records.length}: ` : "";
        return fail({ kind: "invalid", message: `${where}${first}`, fieldErrors: errors });
      }
      parsed.push(result.data as RecordTypes[K]);
    }
    return ok(parsed);
  }

  async function addMany<K extends RecordKind>(kind: K, inputs: NewRecord<K>[], onProgress?: Progress) {
    const stamp = now().toISOString();
    const candidates = inputs.map((input) => ({
      ...input,
      id: input.id ?? makeId(kind),
      modified: stamp,
      rowVersion: 1,
    }));
    const valid = validate(kind, candidates);
    if (!valid.ok || valid.value.length === 0) return valid;
    const spec = RECORD_TABLES[kind];
    return feed.ownWrite(
      kind,
      () =>
        attempt(ACTIONS.add(spec.noun, inputs.length), async () => {
          await run((context) => appendRecords(context, spec, valid.value as Row[], onProgress));
          remember(kind, valid.value as Row[]);
          return valid;
        }),
      idsOf,
      savedOf,
    );
  }

  async function updateMany<K extends RecordKind>(
    kind: K,
    records: RecordTypes[K][],
    force: boolean,
    onProgress?: Progress,
  ) {
    const valid = validate(kind, records as Row[]);
    if (!valid.ok || valid.value.length === 0) return valid;
    const spec = RECORD_TABLES[kind];
    const doing = records.length === 1 ? `save the ${spec.noun}` : `save the ${records.length} records`;
    return feed.ownWrite(
      kind,
      () =>
        attempt(doing, async () => {
          const saved = await run((context) =>
            saveRecords(context, saveContext(kind, onProgress), valid.value as Row[], force),
          );
          if (saved.ok) remember(kind, saved.value);
          return saved as Result<RecordTypes[K][]>;
        }),
      idsOf,
      savedOf,
    );
  }

  const register: Register = {
    async load(): Promise<RegisterData> {
      const { data } = await withRetries(
        () => run((context) => readRegister(context)),
        options.loadRetryDelaysMs ?? LOAD_RETRY_MS,
        (error, tries) => new Error(loadFailure(error, tries), { cause: error }),
      );
      for (const kind of RECORD_KINDS) remember(kind, data[kind] as Row[]);
      return data;
    },

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
      if (result.ok) await Promise.all([feed.subscribe(), selection.subscribe()]).catch(reportError);
      return result;
    },

    async add(kind, record) {
      const result = await addMany(kind, [record]);
      return result.ok ? ok(result.value[0]) : result;
    },

    addMany,

    async update(kind, record, writeOptions?: WriteOptions) {
      const result = await updateMany(kind, [record], writeOptions?.force ?? false);
      return result.ok ? ok(result.value[0]) : result;
    },

    updateMany: (kind, records, onProgress) => updateMany(kind, records, false, onProgress),

    async remove(kind, id, expectedRowVersion, writeOptions?: WriteOptions) {
      const spec = RECORD_TABLES[kind];
      return feed.ownWrite(
        kind,
        () =>
          attempt(`delete the ${spec.noun}`, async () => {
            const removed = await run((context) =>
              removeRecord(context, saveContext(kind), id, expectedRowVersion, writeOptions?.force ?? false),
            );
            if (removed.ok) bases.get(kind)!.delete(id);
            return removed;
          }),
        (result) => (result.ok ? [id] : undefined),
        (result) => (result.ok ? { removedIds: [id] } : {}),
      );
    },

    async updateSettings(settings: Settings): Promise<Result<Settings>> {
      const parsed = settingsSchema.safeParse(settings);
      if (!parsed.success) {
        const errors = fieldErrors(parsed.error.issues);
        return fail({
          kind: "invalid",
          message: Object.values(errors)[0] ?? "These settings are not valid.",
          fieldErrors: errors,
        });
      }
      return feed.ownWrite(
        "settings",
        () =>
          attempt("save the settings", async () => {
            await run((context) => writeSettings(context, parsed.data));
            return ok(parsed.data);
          }),
        (result) => (result.ok ? [] : undefined),
      );
    },

    onChanged(listener: (change: RegisterChange) => void): () => void {
      return feed.listen(listener);
    },

    async goToRecord(kind, id) {
      const found = await selectRecord(run, kind, id);
      if (!found)
        throw new Error(
          `This ${RECORD_TABLES[kind].noun} is no longer in the ${RECORD_TABLES[kind].sheet} sheet.`,
        );
    },

    goToCell: (sheet, address) => selectCell(run, sheet, address),

    onRecordSelected(listener) {
      return selection.listen(listener);
    },

    readRows: (kind, address) => run((context) => readTableRows(context, kind, address)),

    buildDashboard: (onProgress) =>
      attempt("build the dashboard", async () => {
        const data = await register.load();
        const builtAt = now();
        return ok(await run((context) => buildDashboard(context, data, builtAt, onProgress)));
      }),

    async takeSnapshot(takenBy, asOf, onProgress) {
      const who = takenBy.trim();
      if (who === "") {
        return fail({
          kind: "invalid",
          message: "Enter your name in Taken by, so the snapshot says who took it.",
          fieldErrors: { takenBy: "Enter your name." },
        });
      }
      return attempt("take the snapshot", async () => {
        const data = await register.load();
        const takenAt = now();
        return ok(
          await run((context) =>
            writeSnapshot(
              context,
              data,
              { takenBy: who, asOf: asOf ?? todayIsoDate(takenAt), takenAt },
              onProgress,
            ),
          ),
        );
      });
    },
  };
  return register;
}
