import type { LoadedRecords } from "../workbook/registerApi";

type Row = Record<string, unknown>;

/** Marks a loaded record removed since the load. */
const REMOVED = null;

/**
 * One table's records as the live register holds them, by ID: the records the last load read, found through
 * the load's own lookup (RegisterData.byId: at 100,000 licences a second map of 1.3 million IDs would be about
 * 20 MB), and beside them only what changed since. Listed in the order the load read them, added ones last.
 */
export class LiveRecords implements ReadonlyMap<string, Row> {
  /** Records replaced, added or removed (REMOVED) since the load, by ID. */
  private readonly changes = new Map<string, Row | typeof REMOVED>();
  private count: number;

  private constructor(private readonly loaded: LoadedRecords) {
    this.count = loaded.size;
  }

  /** Over a load's own lookup by ID. */
  static over(loaded: LoadedRecords): LiveRecords {
    return new LiveRecords(loaded);
  }

  /** For data that came without a lookup: the records by ID, the first of each ID (as a load keeps them). */
  static of(records: readonly Row[]): LiveRecords {
    const byId = new Map<string, Row>();
    for (const record of records) {
      const id = String(record.id);
      if (!byId.has(id)) byId.set(id, record);
    }
    return new LiveRecords({ size: byId.size, get: (id) => byId.get(id), values: () => byId.values() });
  }

  get size(): number {
    return this.count;
  }

  get(id: string): Row | undefined {
    const changed = this.changes.get(id);
    if (changed !== undefined) return changed ?? undefined;
    return this.loaded.get(id);
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  set(id: string, record: Row): void {
    if (!this.has(id)) this.count++;
    this.changes.set(id, record);
  }

  delete(id: string): boolean {
    if (!this.has(id)) return false;
    this.count--;
    if (this.loaded.get(id) === undefined) this.changes.delete(id);
    else this.changes.set(id, REMOVED);
    return true;
  }

  *values(): MapIterator<Row> {
    const changes = this.changes;
    for (const record of this.loaded.values()) {
      if (changes.size === 0) {
        yield record;
        continue;
      }
      const changed = changes.get(String(record.id));
      if (changed === undefined) yield record;
      else if (changed !== REMOVED) yield changed;
    }
    for (const [id, record] of changes) {
      if (record !== REMOVED && this.loaded.get(id) === undefined) yield record;
    }
  }

  *keys(): MapIterator<string> {
    for (const record of this.values()) yield String(record.id);
  }

  *entries(): MapIterator<[string, Row]> {
    for (const record of this.values()) yield [String(record.id), record];
  }

  [Symbol.iterator](): MapIterator<[string, Row]> {
    return this.entries();
  }

  forEach(callback: (value: Row, key: string, map: ReadonlyMap<string, Row>) => void): void {
    for (const [id, record] of this.entries()) callback(record, id, this);
  }
}
