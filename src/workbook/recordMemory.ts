import type { RecordKind } from "../domain/ids";
import { sameRecord } from "../domain/sameRecord";
import type { RowLookup } from "../domain/textTable";
import { forEachPaced, noPause, type Pause } from "../domain/yielding";
import type { LoadedRecords } from "./registerApi";

type Row = Record<string, unknown>;

/** Versions of a record kept, so a form still editing an older version is compared with that version. */
const VERSIONS_KEPT = 5;

/**
 * What the last load found of one kind: the records it read, and the row each was in with its place among them.
 * Never changed once made, so a reader can share it (loaded()); what was forgotten since is kept beside it.
 */
interface Load {
  readonly rowOf: RowLookup;
  readonly records: readonly Row[];
  /** IDs forgotten (deleted) since the load. */
  readonly forgotten: Set<string>;
}

/**
 * What the register remembers of the records it read or wrote: the version it first saw at each Row Version
 * (the base a save compares with, when the caller does not pass its own), the row each was last seen in (to
 * find it again with one cell read), and its own saves that did not finish (to complete them).
 *
 * First seen, not latest: typing in the grid changes a row without changing its Row Version, so a later read at
 * the same Row Version may already hold someone else's change, which must not count as the caller's base.
 *
 * A load's records are remembered through the load itself (the records in the order read, and its lookup of
 * each one's row and place by ID), not a second map by ID: at 100,000 licences a load holds over a million
 * records. Only records with more than one version, or seen outside the last load, are kept by ID.
 */
export class RecordMemory {
  private readonly versions = new Map<RecordKind, Map<string, Row | Row[]>>();
  private readonly loads = new Map<RecordKind, Load>();
  private readonly unfinishedSaves = new Map<RecordKind, Map<string, number>>();
  private readonly pendingSaves = new Map<RecordKind, Map<string, { record: Row; base?: Row }>>();

  private of<V>(maps: Map<RecordKind, Map<string, V>>, kind: RecordKind): Map<string, V> {
    let map = maps.get(kind);
    if (!map) maps.set(kind, (map = new Map()));
    return map;
  }

  /** Every version remembered of a record, newest first. */
  private known(kind: RecordKind, id: string): Row[] {
    const kept = this.versions.get(kind)?.get(id);
    if (kept !== undefined) return Array.isArray(kept) ? kept : [kept];
    const load = this.loads.get(kind);
    const loaded = load && !load.forgotten.has(id) ? recordIn(load, id) : undefined;
    return loaded ? [loaded] : [];
  }

  async remember(kind: RecordKind, records: readonly Row[], pause: Pause = noPause): Promise<void> {
    await forEachPaced(records, pause, (record) => this.rememberOne(kind, record));
  }

  rememberOne(kind: RecordKind, record: Row): void {
    const known = this.known(kind, String(record.id));
    const versions = this.of(this.versions, kind);
    if (known.length === 0) versions.set(String(record.id), record);
    else if (!known.some((seen) => seen.rowVersion === record.rowVersion))
      versions.set(String(record.id), [record, ...known].slice(0, VERSIONS_KEPT));
  }

  /**
   * The records a load read, in the order read, with `rowOf` giving each one's body row and its place among them
   * by ID. The register keeps `records` as they are: nothing may reorder them. A record the last load read
   * unchanged (same fields, same Row Version) is given back in place of its new copy, in `records` itself, so
   * one object is kept and a consumer can see by identity that it did not change.
   */
  async rememberLoad(
    kind: RecordKind,
    records: Row[],
    rowOf: RowLookup,
    pause: Pause = noPause,
  ): Promise<void> {
    const versions = this.of(this.versions, kind);
    if (versions.size > 0 || this.loads.has(kind)) {
      await forEachPaced(records, pause, (record, index) => {
        const id = String(record.id);
        const known = this.known(kind, id);
        const same = known.find((seen) => seen.rowVersion === record.rowVersion);
        const kept = same && sameRecord(same, record) ? (records[index] = same) : record;
        // The versions this load does not hold by itself stay kept by ID.
        if (known.length > 1 || (known.length === 1 && known[0] !== kept)) {
          versions.set(id, same ? known : [record, ...known].slice(0, VERSIONS_KEPT));
        } else versions.delete(id);
      });
    }
    this.loads.set(kind, { rowOf, records, forgotten: new Set() });
  }

  /**
   * The records the last load read of a kind, found by ID through the map kept for saves, so a reader that
   * follows the register by ID needs no second map of a million IDs. It stays as the load read it: records
   * forgotten since are still there, and the next load makes a new one.
   */
  loaded(kind: RecordKind): LoadedRecords | undefined {
    const load = this.loads.get(kind);
    if (!load) return undefined;
    return {
      size: load.rowOf.size,
      get: (id) => recordIn(load, id),
      values: () => load.records,
    };
  }

  /** The record as first seen at that Row Version. */
  baseOf(kind: RecordKind, id: string, rowVersion: number): Row | undefined {
    return this.known(kind, id).find((seen) => Number(seen.rowVersion) === rowVersion);
  }

  forget(kind: RecordKind, id: string): void {
    this.versions.get(kind)?.delete(id);
    const load = this.loads.get(kind);
    if (load?.rowOf.has(id)) load.forgotten.add(id);
  }

  lastSeen(kind: RecordKind, id: string): number | undefined {
    const load = this.loads.get(kind);
    return load && !load.forgotten.has(id) ? load.rowOf.get(id) : undefined;
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

/** The record a load read with this ID, found through its lookup. */
function recordIn(load: Load, id: string): Row | undefined {
  const index = load.rowOf.indexOf(id);
  return index < 0 ? undefined : load.records[index];
}
