import type { Progress, Result } from "./registerApi";
import { fail, ok } from "./excel";
import { locate, readLocatedRows } from "./locate";
import { comparedFields, sameValue } from "./merge";
import { parseRow } from "./records";
import { sheetRowNumber, type TableLayout } from "./tableLayout";
import type { RecordTableSpec } from "./tables/types";
import { appendRecords } from "./writeRows";

type Row = Record<string, unknown>;

export interface AddContext {
  spec: RecordTableSpec;
  find: boolean;
  lastSeen?: (id: string) => number | undefined;
  onProgress?: Progress;
}

export interface Added {
  /** The records in the order given, as they are now in the register. */
  records: Row[];
  /** IDs that were already in the register and were not added again. */
  alreadyAdded: string[];
}

/** IDs given to more than one of the records, in order of first appearance. */
export function repeatedIds(records: readonly Row[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const record of records) {
    const id = String(record.id);
    if (seen.has(id)) repeated.add(id);
    seen.add(id);
  }
  return [...repeated];
}

/** What the first try of an add found, for the tries after it. */
export interface AddTries {
  /** IDs already in the table before anything was written (undefined until the first try has looked). */
  presentBefore?: Set<string>;
}

/**
 * Adds records whose IDs were fixed before anything was written, so adding is idempotent: a record whose ID
 * is already in the table is not added again. On the first try the row holding that ID must hold the same
 * record, or the add is refused as a duplicate ID and nothing is written; on a try after a failure, a record
 * there that was not there before is the one a failed try wrote.
 */
export async function addRecords(
  context: Excel.RequestContext,
  add: AddContext,
  records: Row[],
  tries: AddTries,
): Promise<Result<Added>> {
  const { spec } = add;
  const { present, layout } = await lookUpPresent(context, add, records);
  if (!tries.presentBefore) {
    tries.presentBefore = new Set(present.keys());
    for (const record of records) {
      const found = present.get(String(record.id));
      if (!found) continue;
      const same = comparedFields(spec).every((field) => sameValue(found.record?.[field], record[field]));
      if (!same) {
        const message = `${spec.idHeader} ${String(record.id)} is already used by another ${spec.noun} (row ${found.sheetRow} of the ${spec.sheet} sheet), so nothing was added. Leave the ID out to give it a new one.`;
        return fail({ kind: "invalid", message, fieldErrors: { id: message } });
      }
    }
  }
  const missing = records.filter((record) => !present.has(String(record.id)));
  if (missing.length > 0) await appendRecords(context, spec, missing, add.onProgress, layout);
  return ok({
    records: records.map((record) => present.get(String(record.id))?.record ?? record),
    alreadyAdded: records.map((record) => String(record.id)).filter((id) => tries.presentBefore?.has(id)),
  });
}

type Present = Map<string, { record?: Row; sheetRow: number }>;

/** The records among these IDs that are in the table now, with the sheet row they are on. */
export async function presentIds(
  context: Excel.RequestContext,
  add: Pick<AddContext, "spec" | "find" | "lastSeen">,
  records: readonly Row[],
): Promise<Present> {
  return (await lookUpPresent(context, add, records)).present;
}

/**
 * presentIds, with the table's layout as the look-up read it when that took one request: an add then writes
 * without reading the layout again, as recent as a read of its own would be. After a look-up of several
 * requests (the ID column read in pages, rows read after it) the add reads the layout again.
 */
async function lookUpPresent(
  context: Excel.RequestContext,
  add: Pick<AddContext, "spec" | "find" | "lastSeen">,
  records: readonly Row[],
): Promise<{ present: Present; layout?: TableLayout }> {
  const { spec } = add;
  const located = await locate(
    context,
    spec,
    records.map((record) => String(record.id)),
    { find: add.find, lastSeen: add.lastSeen },
  );
  const present: Present = new Map();
  const readAfter = [...located.rowOf.values()].some((row) => !located.cellsRead.has(row));
  const layout = located.oneRequest && !readAfter ? located.layout : undefined;
  if (located.rowOf.size === 0) return { present, layout };
  const cells = await readLocatedRows(context, located, located.rowOf.values());
  for (const [id, row] of located.rowOf) {
    const values = cells.get(row) ?? [];
    if (String(values[located.idAt] ?? "").trim() !== id) continue;
    const record = parseRow(spec, located.layout, located.positions, values, row).record;
    present.set(id, { record, sheetRow: sheetRowNumber(located.layout, row) });
  }
  return { present, layout };
}
