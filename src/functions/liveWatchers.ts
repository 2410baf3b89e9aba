/**
 * The running LICENSE.USED / STATUS / POSITION cells: each is a streaming invocation with what it read last
 * time (its dependencies) and the value it was last given, so a change re-evaluates only the cells that read
 * what changed, and a cell is pushed a result only when its value differs.
 */
import { forEachPaced, noPause, type Pause } from "../domain/yielding";
import type { Affected } from "../live/affected";

export interface Dependencies {
  licences: string[];
  products: string[];
  allProducts: boolean;
  /** Every licence's own fields (not its usage): re-run when a licence is added, changed or removed. */
  licenceRecords: boolean;
  catalogue: boolean;
}

export interface Watcher {
  /** Computes the value (or a CustomFunctions.Error) and says what it read. */
  evaluate(): { value: unknown; reads: Dependencies };
  push(value: unknown): void;
}

interface Entry {
  watcher: Watcher;
  reads?: Dependencies;
  last?: unknown;
  pushed: boolean;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i])) return false;
    return true;
  }
  if (a instanceof Error && b instanceof Error) {
    return a.message === b.message && (a as { code?: unknown }).code === (b as { code?: unknown }).code;
  }
  return false;
}

export class Watchers {
  private readonly entries = new Set<Entry>();
  private readonly byLicence = new Map<string, Set<Entry>>();
  private readonly byProduct = new Map<string, Set<Entry>>();
  private readonly allProducts = new Set<Entry>();
  private readonly licenceRecords = new Set<Entry>();
  private readonly catalogue = new Set<Entry>();
  /** Counts updates of every cell: one still going when the next begins stops, as the next does it all again. */
  private everyCellUpdates = 0;

  get size(): number {
    return this.entries.size;
  }

  /** Adds a cell; evaluates it now when the register is ready. Returns the function that removes it. */
  add(watcher: Watcher, ready: boolean): () => void {
    const entry: Entry = { watcher, pushed: false };
    this.entries.add(entry);
    if (ready) this.run(entry);
    return () => {
      this.unindex(entry);
      this.entries.delete(entry);
    };
  }

  /**
   * Re-evaluates the cells that read anything affected, giving the thread back when `pause` says so (after a
   * load every cell is evaluated: half a million of them at 100,000 licences, seconds of work); resolves with
   * how many were pushed a new value. With no pause the work is all done before it returns.
   */
  async update(affected: Affected, pause: Pause = noPause): Promise<number> {
    let targets: Entry[];
    let superseded = () => false;
    if (affected.all) {
      targets = [...this.entries];
      const update = ++this.everyCellUpdates;
      superseded = () => update !== this.everyCellUpdates;
    } else {
      const set = new Set<Entry>();
      const add = (entries: Set<Entry> | undefined) => entries?.forEach((e) => set.add(e));
      for (const key of affected.licences) add(this.byLicence.get(key));
      for (const key of affected.products) add(this.byProduct.get(key));
      if (affected.products.size > 0 || affected.licences.size > 0 || affected.catalogue) {
        add(this.allProducts);
      }
      if (affected.catalogue) add(this.catalogue);
      if (affected.records.has("licences")) add(this.licenceRecords);
      targets = [...set];
    }
    let pushed = 0;
    await forEachPaced(targets, pause, (entry) => {
      // a cell removed meanwhile (its formula deleted) is not evaluated, nor indexed again
      if (superseded() || !this.entries.has(entry)) return;
      if (this.run(entry)) pushed++;
    });
    return pushed;
  }

  private run(entry: Entry): boolean {
    const { value, reads } = entry.watcher.evaluate();
    this.unindex(entry);
    entry.reads = reads;
    this.index(entry);
    if (entry.pushed && sameValue(entry.last, value)) return false;
    entry.last = value;
    entry.pushed = true;
    entry.watcher.push(value);
    return true;
  }

  private index(entry: Entry): void {
    const reads = entry.reads!;
    for (const key of reads.licences) setOf(this.byLicence, key).add(entry);
    for (const key of reads.products) setOf(this.byProduct, key).add(entry);
    if (reads.allProducts) this.allProducts.add(entry);
    if (reads.licenceRecords) this.licenceRecords.add(entry);
    if (reads.catalogue) this.catalogue.add(entry);
  }

  private unindex(entry: Entry): void {
    const reads = entry.reads;
    if (!reads) return;
    for (const key of reads.licences) removeFrom(this.byLicence, key, entry);
    for (const key of reads.products) removeFrom(this.byProduct, key, entry);
    this.allProducts.delete(entry);
    this.licenceRecords.delete(entry);
    this.catalogue.delete(entry);
  }
}

function setOf(map: Map<string, Set<Entry>>, key: string): Set<Entry> {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  return set;
}

function removeFrom(map: Map<string, Set<Entry>>, key: string, entry: Entry): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(entry);
  if (set.size === 0) map.delete(key);
}
