/**
 * Saving and deleting records in a workbook that other people edit at the same time: co-authors' task panes,
 * people typing or pasting into the grid, other add-ins, and (in Excel on the web) co-authors whose changes
 * arrive seconds later. Excel offers no transactions and no conditional writes, so a save is:
 *
 *  1. locate the record's row by ID (locate.ts: find, or the row it was last seen in, checked);
 *  2. read that row (for up to 10 records still in the rows they were last seen in, already read in step 1's
 *     request: readLocatedRows) and compare it, field by field, with the record as the caller loaded it (its
 *     base) and the record the caller wants (merge.ts). Fields only the caller changed are written; fields only
 *     someone else changed stay as they are now (the save merges them, and says so); a field both changed to
 *     different values is a conflict naming it, and nothing is written. "Keep mine" (force) writes the
 *     caller's value over such fields, and still only the fields the caller changed;
 *  3. write only those cells, with the new Row Version and Modified (saveRows.ts), reading the row's pre-image
 *     in the same request to see whether it changed since step 2; if it did, the cells written are given back
 *     exactly as they were and the record is decided again from step 1.
 *
 * What is guaranteed, and what is not, is written down in README.md beside this file.
 */
import { forEachPaced, yieldEvery } from "../domain/yielding";
import type { Progress, RegisterFailure, Result } from "./registerApi";
import { heldCell, toCell, type CellValue } from "./cells";
import { fail, isItemNotFound, ok } from "./excel";
import { locate, readLocatedRows, versionOf, type Located } from "./locate";
import { cellFields, decide, sameValue, comparedFields } from "./merge";
import { conflictMessage, deletedMessage, joinAnd, unfinishedMessage } from "./messages";
import { fieldErrors, parseRow } from "./records";
import { queueGuards, writePlanned, type PlannedWrite } from "./saveRows";
import type { RecordTableSpec } from "./tables/types";

type Row = Record<string, unknown>;

export interface SaveContext {
  spec: RecordTableSpec;
  now: () => Date;
  /** The record as the caller loaded it (the version its edit started from), to tell whose change is whose. */
  baseOf: (id: string, rowVersion: number) => Row | undefined;
  /** The body row the record was last seen in, if known. */
  lastSeen?: (id: string) => number | undefined;
  /** Whether Range.find can be used (ExcelApi 1.9). */
  find: boolean;
  /** Saves of this register that did not finish: ID → the Row Version being written (marked in the row). */
  unfinished: Map<string, number>;
  onProgress?: Progress;
  /** Told the IDs of records as their rows are confirmed written (before the whole save is done). */
  onSaved?: (ids: string[]) => void;
}

export interface Saved {
  records: Row[];
  /** Fields someone else changed since the caller loaded the record, kept alongside the caller's changes. */
  kept: string[];
  /** The fields each record's save wrote, by ID (records that needed no write are absent). */
  wrote: Map<string, string[]>;
}

const ATTEMPTS = 3;

/** The row as it stands: its fields (parsed when valid), its Row Version, and whether a save left it unfinished. */
interface RowState {
  fields: Row;
  version: number;
  /** The Row Version an unfinished save was writing (the cell holds its negative), if any. */
  unfinished?: number;
}

function rowState(
  spec: RecordTableSpec,
  located: Located,
  cells: readonly unknown[],
  bodyRow: number,
): RowState {
  const versionCell = cells[located.versionAt];
  if (typeof versionCell === "number" && versionCell < 0) {
    return {
      fields: cellFields(spec, located.positions, cells),
      version: -versionCell - 1,
      unfinished: -versionCell,
    };
  }
  const parsed = parseRow(spec, located.layout, located.positions, cells, bodyRow).record;
  return {
    fields: parsed ?? cellFields(spec, located.positions, cells),
    version: Math.max(versionOf(versionCell), 0),
  };
}

function headersOf(spec: RecordTableSpec, fields: readonly string[]): string[] {
  return fields.map((field) => spec.columns.find((column) => column.field === field)?.header ?? field);
}

/** The cells a save writes: each changed field, and Modified. */
function cellsToWrite(
  spec: RecordTableSpec,
  located: Located,
  record: Row,
  fields: string[],
): Map<number, CellValue> {
  const cells = new Map<number, CellValue>();
  spec.columns.forEach((column, index) => {
    const position = located.positions[index];
    if (position < 0 || !column.field) return;
    if (fields.includes(column.field) || column.field === "modified")
      cells.set(position, toCell(column, record[column.field]));
  });
  return cells;
}

/** Saves records loaded earlier, merging other people's changes field by field (see the module comment). */
export async function saveRecords(
  context: Excel.RequestContext,
  save: SaveContext,
  records: Row[],
  force: boolean,
): Promise<Result<Saved>> {
  const { spec } = save;
  const saved = new Map<number, Row>();
  const kept = new Set<string>();
  const wrote = new Map<string, string[]>();
  let pending = records.map((_, index) => index);
  const pause = yieldEvery();
  for (let attempt = 0; attempt < ATTEMPTS && pending.length > 0; attempt++) {
    const ids = pending.map((index) => String(records[index].id));
    const located = await locate(context, spec, ids, { find: save.find, lastSeen: save.lastSeen });
    const gone = pending.filter((index) => !located.rowOf.has(String(records[index].id)));
    if (gone.length > 0) return fail(refusal(spec, records.length, saved.size, { deleted: gone.length }));
    const current = await readLocatedRows(
      context,
      located,
      ids.map((id) => located.rowOf.get(id)!),
    );

    const stamp = save.now().toISOString();
    const plans: PlannedWrite[] = [];
    const moved: number[] = [];
    const conflicts: { index: number; fields: string[]; theirs: string[]; current: Row }[] = [];
    const invalid: {
      index: number;
      message: string;
      theirs: string[];
      fieldErrors: Record<string, string>;
    }[] = [];
    // deciding tens of thousands of records (linking every unlinked installation) is seconds of work: the
    // thread is given back between slices, so the pane and the custom functions keep answering meanwhile
    let stopped: Result<Saved> | undefined;
    await forEachPaced(pending, pause, (index) => {
      if (stopped) return;
      const mine = records[index];
      const id = String(mine.id);
      const row = located.rowOf.get(id)!;
      const before = current.get(row) ?? [];
      if (String(before[located.idAt] ?? "").trim() !== id) {
        moved.push(index);
        return;
      }
      const state = rowState(spec, located, before, row);
      if (state.unfinished !== undefined && save.unfinished.get(id) !== state.unfinished && !force) {
        stopped = fail({ kind: "failed", message: unfinishedMessage(spec.noun) });
        return;
      }
      const base = save.baseOf(id, Number(mine.rowVersion ?? 0));
      const decision = decide(spec, mine, base, state.fields, state.version, force);
      if (decision.kind === "conflict") {
        conflicts.push({ index, fields: decision.fields, theirs: decision.theirs, current: state.fields });
        return;
      }
      const version = state.version + 1;
      const candidate = spec.schema.safeParse({ ...decision.merged, rowVersion: version, modified: stamp });
      if (!candidate.success) {
        const errors = fieldErrors(candidate.error.issues);
        invalid.push({
          index,
          message: Object.values(errors)[0] ?? "",
          theirs: decision.theirs,
          fieldErrors: errors,
        });
        return;
      }
      const record = candidate.data as Row;
      decision.theirs.forEach((field) => kept.add(field));
      if (decision.write.length === 0 && state.unfinished === undefined) {
        // nothing written: the row keeps its Row Version and its Modified, which records read do not hold
        saved.set(index, { ...record, rowVersion: state.version, modified: undefined });
        save.onSaved?.([id]);
        return;
      }
      wrote.set(id, decision.write);
      plans.push({
        index,
        id,
        row,
        before,
        cells: cellsToWrite(spec, located, record, decision.write),
        version,
        record,
      });
    });
    if (stopped) return stopped;
    if (conflicts.length > 0 || invalid.length > 0) {
      if (records.length === 1 && conflicts.length === 1) {
        const [conflict] = conflicts;
        return fail({
          kind: "conflict",
          message: conflictMessage(spec.noun, headersOf(spec, conflict.fields)),
          changedFields: conflict.fields,
          theirFields: conflict.theirs,
          current: conflict.current,
        });
      }
      if (records.length === 1 && invalid.length === 1) {
        const [problem] = invalid;
        return fail({
          kind: "invalid",
          message: `Someone else changed ${joinAnd(headersOf(spec, problem.theirs))} of this ${spec.noun} since you opened it, and with your changes it would not be valid: ${problem.message} Reload to see their version.`,
          fieldErrors: problem.fieldErrors,
        });
      }
      return fail(refusal(spec, records.length, saved.size, { changed: conflicts.length + invalid.length }));
    }
    const outcome = await writePlanned(
      context,
      spec,
      located,
      plans,
      { unfinished: save.unfinished, guards: save.find },
      (count) => {
        const done = saved.size + count;
        save.onProgress?.(`Saved ${done} of ${records.length}`, done / records.length);
      },
    );
    for (const [index, record] of outcome.written) saved.set(index, record);
    save.onSaved?.([...outcome.written.keys()].map((index) => String(records[index].id)));
    pending = [...moved, ...outcome.retry];
  }
  if (pending.length > 0) {
    return fail({
      kind: "failed",
      message: `The ${spec.sheet} table kept changing while saving, so ${
        saved.size === 0 ? "nothing was saved" : `${pending.length} of the ${records.length} were not saved`
      }. Wait a moment and try again.`,
    });
  }
  return ok({ records: records.map((_, index) => saved.get(index)!), kept: [...kept], wrote });
}

/** Why a save of several records was refused, saying how many of them were saved before the refusal. */
function refusal(
  spec: RecordTableSpec,
  total: number,
  savedAlready: number,
  why: { deleted?: number; changed?: number },
): RegisterFailure {
  if (total === 1 && why.deleted) return { kind: "deleted", message: deletedMessage(spec.noun) };
  const count = (why.deleted ?? 0) + (why.changed ?? 0);
  const done =
    savedAlready > 0 ? ` ${savedAlready} were saved before that; the rest were not.` : " None were saved.";
  const what = why.deleted ? "changed or deleted" : "changed";
  const message = `${count} of the ${total} ${spec.sheet.toLowerCase()} were ${what} by someone else since you opened them.${done} Reload and try again.`;
  return why.deleted
    ? { kind: "deleted", message }
    : { kind: "conflict", message, changedFields: [], theirFields: [], current: undefined };
}

/** Deletes a record's row (cells shift up), refused when someone else changed it since it was loaded. */
export async function removeRecord(
  context: Excel.RequestContext,
  save: SaveContext,
  id: string,
  expectedRowVersion: number,
  force: boolean,
): Promise<Result<void>> {
  const { spec } = save;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const located = await locate(context, spec, [id], { find: save.find, lastSeen: save.lastSeen });
    const row = located.rowOf.get(id);
    if (row === undefined) return fail({ kind: "deleted", message: deletedMessage(spec.noun) });
    const before = (await readLocatedRows(context, located, [row])).get(row) ?? [];
    if (String(before[located.idAt] ?? "").trim() !== id) continue;
    const state = rowState(spec, located, before, row);
    if (!force) {
      const base = save.baseOf(id, expectedRowVersion);
      const theirs = base
        ? comparedFields(spec).filter((field) => !sameValue(state.fields[field], base[field]))
        : [];
      if (
        theirs.length > 0 ||
        (!base && state.version !== expectedRowVersion) ||
        state.unfinished !== undefined
      ) {
        return fail({
          kind: "conflict",
          message: conflictMessage(spec.noun, headersOf(spec, theirs)),
          changedFields: theirs,
          theirFields: theirs,
          current: state.fields,
        });
      }
    }
    context.application.suspendApiCalculationUntilNextSync();
    const body = located.table.getDataBodyRange();
    // deleted only while the row still holds this record at the Row Version read (see saveRows.ts)
    if (save.find) queueGuards(body, located, row, id, before[located.versionAt]);
    const preImage = body.getRow(row).load("values,formulas");
    body.getRow(row).delete("Up");
    try {
      await context.sync();
    } catch (error) {
      if (isItemNotFound(error)) continue;
      throw error;
    }
    const values = preImage.values[0] ?? [];
    if (values.length === before.length && values.every((value, i) => value === before[i]))
      return ok(undefined);
    // Someone typed into the row between reading and deleting (or, without find, another row moved into its
    // place): give it back, exactly as it was (at the end of the table), and decide again.
    located.table.getDataBodyRange().getRowsBelow(1).values = [
      values.map((value, i) => heldCell(value, preImage.formulas[0]?.[i])),
    ];
    await context.sync();
  }
  return fail({
    kind: "failed",
    message: `The ${spec.sheet} table kept changing while deleting, so nothing was deleted. Wait a moment and try again.`,
  });
}
