import type { RecordKind } from "../domain/ids";
import { type Located, locate, readLocatedRows, versionOf } from "./locate";
import { sameValue } from "./merge";
import { joinAnd } from "./messages";
import { readBodyRows } from "./pagedRead";
import { parseRow } from "./records";
import type { RegisterChange } from "./registerApi";
import { RECORD_TABLES } from "./tables";

type Row = Record<string, unknown>;
type Overwritten = NonNullable<RegisterChange["overwritten"]>[number];

/** How long after a save its fields are checked when co-authors' changes arrive. */
export const WATCH_MS = 60_000;

interface Watched {
  /** The fields this save wrote, with the values it wrote. */
  fields: Map<string, unknown>;
  version: number;
  until: number;
  /** A record this register added: the whole record, to add again if a co-author's new row replaced it. */
  added?: Row;
}

/** What a check found: saves to tell the person about, the records as they are now, adds to make again. */
export interface WatchFindings {
  overwritten: Overwritten[];
  current: Row[];
  lostAdds: Row[];
}

/** The sentence for an added record that a co-author's record added at the same moment replaced. */
export function addedAgainMessage(kind: RecordKind, id: string): string {
  const spec = RECORD_TABLES[kind];
  return `Your new ${spec.noun} ${id} was written over by a ${spec.noun} a co-author added at the same moment, so it has been added again. Check that both are there.`;
}

/**
 * Checks this register's recent saves again when co-authors' changes arrive. In Excel on the web each person
 * works on their own copy and changes reach the others seconds later, merged cell by cell, the later one
 * winning: two people saving the same field of a record within those seconds both saw their save succeed,
 * and one of them lost. The loser's register finds out here: a field it wrote no longer holds its value
 * while the Row Version is still the one it wrote (nobody saved after seeing its save), so the change was
 * replaced by one made at the same time, and the person is told which record and field.
 */
export class SaveWatch {
  private readonly watched = new Map<RecordKind, Map<string, Watched>>();

  constructor(private readonly clock: () => number = Date.now) {}

  /** Remembers what a save wrote. */
  watch(kind: RecordKind, record: Row, fields: readonly string[]): void {
    if (fields.length === 0) return;
    let byId = this.watched.get(kind);
    if (!byId) this.watched.set(kind, (byId = new Map()));
    byId.set(String(record.id), {
      fields: new Map(fields.map((field) => [field, record[field]])),
      version: Number(record.rowVersion),
      until: this.clock() + WATCH_MS,
    });
  }

  /**
   * Remembers records this register added. Two co-authors adding at once both write the row below the table
   * in their own copies, and Excel keeps the later row: the earlier record is gone from every copy.
   */
  watchAdded(kind: RecordKind, records: readonly Row[]): void {
    let byId = this.watched.get(kind);
    if (!byId) this.watched.set(kind, (byId = new Map()));
    for (const record of records)
      byId.set(String(record.id), {
        fields: new Map(),
        version: Number(record.rowVersion),
        until: this.clock() + WATCH_MS,
        added: record,
      });
  }

  /** Stops watching a record this register deleted: gone from the table, it was not written over. */
  forget(kind: RecordKind, id: string): void {
    this.watched.get(kind)?.delete(id);
  }

  /** Whether any save of this kind is still being watched (dropping those whose time is up). */
  watching(kind: RecordKind): boolean {
    const byId = this.watched.get(kind);
    if (!byId) return false;
    const now = this.clock();
    for (const [id, watched] of byId) if (watched.until < now) byId.delete(id);
    return byId.size > 0;
  }

  /**
   * Reads the watched records' rows and reports the saves whose fields a simultaneous change replaced (each
   * once), with the records as they are now, and the added records no longer in the table (to add again). A
   * save someone built on (a higher Row Version) is done with.
   */
  async check(
    context: Excel.RequestContext,
    kind: RecordKind,
    options: {
      find: boolean;
      lastSeen?: (id: string) => number | undefined;
      /** The change that arrived removed rows (a delete): an added record gone with it is not added again. */
      rowsRemoved: boolean;
    },
  ): Promise<WatchFindings> {
    const byId = this.watched.get(kind);
    const lostAdds: Row[] = [];
    if (!byId || !this.watching(kind)) return { overwritten: [], current: [], lostAdds };
    const spec = RECORD_TABLES[kind];
    const located = await locate(context, spec, [...byId.keys()], options);
    const cells = await readLocatedRows(context, located, located.rowOf.values());
    const overwritten: Overwritten[] = [];
    const current: Row[] = [];
    for (const [id, watched] of byId) {
      const row = located.rowOf.get(id);
      if (row === undefined) {
        // an added record replaced by a co-author's new row; a saved record deleted since (a deliberate act,
        // which the pane shows by the record going)
        if (watched.added && !options.rowsRemoved) lostAdds.push(watched.added);
        byId.delete(id);
        continue;
      }
      const values = cells.get(row) ?? [];
      const version = versionOf(values[located.versionAt]);
      if (version > watched.version) {
        byId.delete(id);
        continue;
      }
      const record = parseRow(spec, located.layout, located.positions, values, row).record;
      if (!record) continue;
      const lost = [...watched.fields].filter(([field, value]) => !sameValue(record[field], value));
      if (lost.length === 0) continue;
      byId.delete(id);
      current.push(record);
      const headers = lost.map(([field]) => spec.columns.find((c) => c.field === field)?.header ?? field);
      overwritten.push({
        id,
        fields: lost.map(([field]) => field),
        message: `Your change to ${joinAnd(headers)} of ${spec.noun} ${id} was replaced by a co-author's change made at the same time. It now holds their value: save yours again if it should stand.`,
      });
    }
    return { overwritten, current, lostAdds: await notElsewhere(context, kind, located, lostAdds) };
  }
}

/** Rows at the table's end looked at for an added record under another ID (more than the adds being checked). */
const END_ROWS = 50;
const BOOKKEEPING = new Set(["id", "modified", "rowVersion"]);

/**
 * The added records that are really gone: one whose fields all sit in a row near the table's end under
 * another ID was renamed or had its ID typed over (deliberate acts, reported as data issues if they clash),
 * not written over by a co-author's new record.
 */
async function notElsewhere(
  context: Excel.RequestContext,
  kind: RecordKind,
  located: Located,
  missing: Row[],
): Promise<Row[]> {
  if (missing.length === 0) return missing;
  const spec = RECORD_TABLES[kind];
  const { rowCount } = located.layout;
  const from = Math.max(0, rowCount - END_ROWS - missing.length);
  const rows = Array.from({ length: rowCount - from }, (_, i) => from + i);
  const cells = await readBodyRows(context, located.layout, rows);
  const present = rows
    .map((row) => parseRow(spec, located.layout, located.positions, cells.get(row) ?? [], row).record)
    .filter((record): record is Row => record !== undefined);
  const sameContent = (a: Row, b: Row) =>
    spec.columns.every(
      ({ field }) => field === undefined || BOOKKEEPING.has(field) || sameValue(a[field], b[field]),
    );
  return missing.filter((record) => !present.some((other) => sameContent(record, other)));
}
