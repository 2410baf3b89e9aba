import type { Progress, RegisterFailure, Result } from "./registerApi";
import type { CellValue } from "./cells";
import { fail, ok } from "./excel";
import { locate, versionOf, type Located } from "./locate";
import { conflictMessage, deletedMessage } from "./messages";
import { chunkBySize, estimateRowBytes } from "./payload";
import { parseRow, recordCells } from "./records";
import { contiguousRuns } from "./tableLayout";
import type { RecordTableSpec } from "./tables/types";

type Row = Record<string, unknown>;

export interface SaveContext {
  spec: RecordTableSpec;
  now: () => Date;
  /**
   * The record as this register loaded or saved it, at the given Row Version when known (the version the
   * caller's edit started from), to say what someone else changed.
   */
  baseOf: (id: string, rowVersion?: number) => Row | undefined;
  onProgress?: Progress;
}

/** One row to write in this attempt. */
interface Planned {
  request: number;
  row: number;
  record: Row;
  cells: CellValue[];
  expectedVersion: number;
}

const ATTEMPTS = 3;

/**
 * Optimistic concurrency without transactions. Each attempt:
 *  1. one request reads the ID and Row Version columns: locate each record by ID now (never a cached row
 *     index) and compare its Row Version with the one the caller loaded;
 *  2. the next request writes, and in the same request, queued before the write, reads the row as it is at
 *     that moment (its pre-image). If the pre-image shows another ID or version — someone inserted, deleted,
 *     sorted or saved between the two requests — the pre-image is written back and the attempt repeats.
 * Residual race: an edit that lands between our write and the restore of a mismatched row is overwritten
 * by the restore; Excel offers nothing to close that window, and it needs two co-authors touching the same
 * row within a fraction of a second while rows are also being moved.
 */
export async function saveRecords(
  context: Excel.RequestContext,
  save: SaveContext,
  records: Row[],
  force: boolean,
): Promise<Result<Row[]>> {
  const { spec } = save;
  const saved: Row[] = new Array<Row>(records.length);
  let pending = records.map((_, index) => index);
  for (let attempt = 0; attempt < ATTEMPTS && pending.length > 0; attempt++) {
    const located = await locate(context, spec);
    const refused = await refusal(
      context,
      save,
      located,
      pending.map((i) => records[i]),
      force,
    );
    if (refused) return fail(refused);

    const stamp = save.now().toISOString();
    const plan: Planned[] = pending.map((request) => {
      const id = String(records[request].id);
      const row = located.rowOf.get(id) ?? -1;
      const expectedVersion = versionOf(located.versions[row]);
      const record = { ...records[request], rowVersion: expectedVersion + 1, modified: stamp };
      return { request, row, record, cells: recordCells(spec, record), expectedVersion };
    });
    const runs = contiguousRuns(located.positions);
    const mismatched: { planned: Planned; formulas: unknown[] }[] = [];
    let done = 0;
    plan.sort((a, b) => a.row - b.row);
    for (const chunk of chunkBySize(plan, (p) => estimateRowBytes(p.cells) + 16)) {
      context.application.suspendApiCalculationUntilNextSync();
      const body = context.workbook.tables.getItem(spec.table).getDataBodyRange();
      // Consecutive rows are read and written as one block: a bulk save is a handful of ranges, not one per row.
      const blocks = consecutiveBlocks(chunk).map((block) => {
        const preImage = body
          .getRow(block[0].row)
          .getResizedRange(block.length - 1, 0)
          .load("values,formulas");
        for (const run of runs) {
          body.getCell(block[0].row, run.start).getResizedRange(block.length - 1, run.length - 1).values =
            block.map((planned) => run.indexes.map((i) => planned.cells[i]));
        }
        return { block, preImage };
      });
      await context.sync();
      for (const { block, preImage } of blocks) {
        block.forEach((planned, index) => {
          const before = preImage.values[index] ?? [];
          const sameRow = String(before[located.idAt] ?? "").trim() === String(planned.record.id);
          const sameVersion = versionOf(before[located.versionAt]) === planned.expectedVersion;
          if (sameRow && sameVersion) saved[planned.request] = planned.record;
          else mismatched.push({ planned, formulas: preImage.formulas[index] });
        });
      }
      done += chunk.length;
      save.onProgress?.(`Saved ${done} of ${records.length}`, done / records.length);
    }
    if (mismatched.length > 0) {
      const body = context.workbook.tables.getItem(spec.table).getDataBodyRange();
      for (const { planned, formulas } of mismatched) body.getRow(planned.row).formulas = [formulas];
      await context.sync();
    }
    pending = mismatched.map(({ planned }) => planned.request);
  }
  if (pending.length > 0) {
    return fail({
      kind: "failed",
      message: `The ${spec.sheet} table kept changing while saving, so nothing more was saved. Wait a moment and try again.`,
    });
  }
  return ok(saved);
}

/** Splits rows sorted by position into runs of consecutive rows. */
function consecutiveBlocks(sorted: Planned[]): Planned[][] {
  const blocks: Planned[][] = [];
  for (const planned of sorted) {
    const last = blocks[blocks.length - 1];
    if (last && last[last.length - 1].row + 1 === planned.row) last.push(planned);
    else blocks.push([planned]);
  }
  return blocks;
}

/** Deletes a record's row (cells shift up), with the same checks as saving. */
export async function removeRecord(
  context: Excel.RequestContext,
  save: SaveContext,
  id: string,
  expectedRowVersion: number,
  force: boolean,
): Promise<Result<void>> {
  const { spec } = save;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const located = await locate(context, spec);
    const refused = await refusal(context, save, located, [{ id, rowVersion: expectedRowVersion }], force);
    if (refused) return fail(refused);
    const row = located.rowOf.get(id) ?? -1;
    const expectedVersion = versionOf(located.versions[row]);
    context.application.suspendApiCalculationUntilNextSync();
    const body = context.workbook.tables.getItem(spec.table).getDataBodyRange();
    const preImage = body.getRow(row).load("values,formulas");
    body.getRow(row).delete("Up");
    await context.sync();
    const before = preImage.values[0] ?? [];
    if (
      String(before[located.idAt] ?? "").trim() === id &&
      versionOf(before[located.versionAt]) === expectedVersion
    ) {
      return ok(undefined);
    }
    // We deleted a row that moved into place between the two requests: give it back (at the end of the table).
    context.workbook.tables.getItem(spec.table).getDataBodyRange().getRowsBelow(1).formulas =
      preImage.formulas;
    await context.sync();
  }
  return fail({
    kind: "failed",
    message: `The ${spec.sheet} table kept changing while deleting, so nothing was deleted. Wait a moment and try again.`,
  });
}

/** Why the save must be refused (deleted or changed by someone else), or undefined to go ahead. */
async function refusal(
  context: Excel.RequestContext,
  save: SaveContext,
  located: Located,
  records: readonly Row[],
  force: boolean,
): Promise<RegisterFailure | undefined> {
  const { spec } = save;
  const deleted = records.filter((record) => !located.rowOf.has(String(record.id)));
  const changed = force
    ? []
    : records.filter((record) => {
        const row = located.rowOf.get(String(record.id));
        return row !== undefined && versionOf(located.versions[row]) !== Number(record.rowVersion ?? 0);
      });
  if (deleted.length + changed.length === 0) return undefined;
  if (records.length > 1) {
    return {
      kind: deleted.length > 0 ? "deleted" : "conflict",
      message: `${deleted.length + changed.length} of the ${records.length} ${spec.sheet.toLowerCase()} were changed or deleted by someone else since you opened them, so none were saved. Reload and try again.`,
      ...(deleted.length > 0 ? {} : { changedFields: [], current: undefined }),
    } as RegisterFailure;
  }
  if (deleted.length > 0) return { kind: "deleted", message: deletedMessage(spec.noun) };
  const mine = records[0];
  const row = located.rowOf.get(String(mine.id)) ?? 0;
  const range = context.workbook.tables.getItem(spec.table).getDataBodyRange().getRow(row).load("values");
  await context.sync();
  const parsed = parseRow(spec, located.layout, located.positions, range.values[0] ?? [], row);
  const current = parsed.record ?? rawRecord(spec, located, range.values[0] ?? []);
  const base = save.baseOf(String(mine.id), Number(mine.rowVersion ?? 0)) ?? mine;
  const changedColumns = spec.columns.filter(
    (column) =>
      column.field &&
      column.field !== "modified" &&
      column.field !== "rowVersion" &&
      JSON.stringify(current[column.field] ?? null) !== JSON.stringify(base[column.field] ?? null),
  );
  return {
    kind: "conflict",
    message: conflictMessage(
      spec.noun,
      changedColumns.map((column) => column.header),
    ),
    // field names, so the form can mark them; the message uses the headers people see
    changedFields: changedColumns.map((column) => column.field!),
    current,
  };
}

/** A row that no longer passes the schema, as the cells hold it, so the task pane can still show it. */
function rawRecord(spec: RecordTableSpec, located: Located, values: readonly unknown[]): Row {
  const row: Row = {};
  spec.columns.forEach((column, index) => {
    if (column.field && located.positions[index] >= 0) row[column.field] = values[located.positions[index]];
  });
  return row;
}
