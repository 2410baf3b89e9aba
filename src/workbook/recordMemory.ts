import type { RecordKind } from "../domain/ids";

type Row = Record<string, unknown>;

/** Versions of a record kept, so a form still editing an older version is compared with that version. */
const VERSIONS_KEPT = 5;

/**
 * What the register remembers of the records it read or wrote: the version it first saw at each Row Version
 * (the base a save compares with, when the caller does not pass its own), the row each was last seen in (to
 * find it again with one cell read), and its own saves that did not finish (to complete them).
 *
 * First seen, not latest: typing in the grid changes a row without changing its Row Version, so a later read at
 * the same Row Version may already hold someone else's change, which must not count as the caller's base.
 */
export class RecordMemory {
  private readonly versions = new Map<RecordKind, Map<string, Row | Row[]>>();
  private readonly rows = new Map<RecordKind, Map<string, number>>();
  private readonly unfinishedSaves = new Map<RecordKind, Map<string, number>>();
  private readonly pendingSaves = new Map<RecordKind, Map<string, { record: Row; base?: Row }>>();

  private of<V>(maps: Map<RecordKind, Map<string, V>>, kind: RecordKind): Map<string, V> {
    let map = maps.get(kind);
    if (!map) maps.set(kind, (map = new Map()));
    return map;
  }

  remember(kind: RecordKind, records: readonly Row[]): void {
    for (const record of records) this.rememberOne(kind, record);
  }

  rememberOne(kind: RecordKind, record: Row): void {
    const versions = this.of(this.versions, kind);
    const id = String(record.id);
    const known = versions.get(id);
    if (known === undefined) {
      versions.set(id, record);
      return;
    }
    const list = Array.isArray(known) ? known : [known];
    if (list.some((seen) => seen.rowVersion === record.rowVersion)) return;
    versions.set(id, [record, ...list].slice(0, VERSIONS_KEPT));
  }

  /** The record as first seen at that Row Version. */
  baseOf(kind: RecordKind, id: string, rowVersion: number): Row | undefined {
    const known = this.versions.get(kind)?.get(id);
    if (known === undefined) return undefined;
    const list = Array.isArray(known) ? known : [known];
    return list.find((seen) => Number(seen.rowVersion) === rowVersion);
  }

  forget(kind: RecordKind, id: string): void {
    this.versions.get(kind)?.delete(id);
    this.rows.get(kind)?.delete(id);
  }

  /** Where a load found each record. */
  seenAt(kind: RecordKind, rowOf: Map<string, number>): void {
    this.rows.set(kind, rowOf);
  }

  lastSeen(kind: RecordKind, id: string): number | undefined {
    return this.rows.get(kind)?.get(id);
  }

  /** This register's saves of a kind that did not finish: ID → the Row Version being written. */
  unfinished(kind: RecordKind): Map<string, number> {
    return this.of(this.unfinishedSaves, kind);
  }

  /** A save that stopped part-way, to finish at the next load. */
  pendingSave(kind: RecordKind, record: Row, base?: Row): void {
    this.of(this.pendingSaves, kind).set(String(record.id), { record, ...(base ? { base } : {}) });
  }

  takePendingSaves(kind: RecordKind): { record: Row; base?: Row }[] {
    const pending = [...(this.pendingSaves.get(kind)?.values() ?? [])];
    this.pendingSaves.delete(kind);
    return pending;
  }
}
