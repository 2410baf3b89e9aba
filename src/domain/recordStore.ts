import { forEachPaced, type Pause } from "./yielding";

/**
 * Records by ID for the register index. Building a map of a million IDs costs more than everything else the
 * position needs, and a full computation never looks a record up by ID, so the store keeps a plain list
 * until the first lookup (the first incremental edit) and only then builds the map.
 */
export class RecordStore<T extends { id: string }> {
  private list: T[] = [];
  private byId: Map<string, T> | undefined;
  private duplicates: string[] = [];

  add(record: T): void {
    if (this.byId) this.byId.set(record.id, record);
    else this.list.push(record);
  }

  /** A load's records, added at once: one copy of the list instead of a million pushes that grow it. */
  addAll(records: readonly T[]): void {
    if (this.byId || this.list.length > 0) for (const record of records) this.add(record);
    else this.list = records.slice();
  }

  /** Removes and returns the record with this ID, if there is one. */
  take(id: string): T | undefined {
    const byId = this.map();
    const record = byId.get(id);
    if (record !== undefined) byId.delete(id);
    return record;
  }

  values(): Iterable<T> {
    return this.byId ? this.byId.values() : this.list;
  }

  /** IDs found on more than one record when the map was built (only the last can then be edited). */
  duplicateIds(): readonly string[] {
    return this.duplicates;
  }

  /** Builds the map now, a slice at a time, so the first edit does not pay for it in one long stretch. */
  async prepareLookups(pause: Pause): Promise<void> {
    if (this.byId) return;
    const byId = new Map<string, T>();
    await forEachPaced(this.list, pause, (record) => this.index(byId, record));
    // records added while pausing went into the list, which the loop reaches too; a lookup made meanwhile built
    // the map itself and that one stays
    if (this.byId) return;
    this.byId = byId;
    this.list = [];
  }

  private map(): Map<string, T> {
    if (!this.byId) {
      const byId = new Map<string, T>();
      for (const record of this.list) this.index(byId, record);
      this.byId = byId;
      this.list = [];
    }
    return this.byId;
  }

  private index(byId: Map<string, T>, record: T): void {
    if (byId.has(record.id)) this.duplicates.push(record.id);
    byId.set(record.id, record);
  }
}
