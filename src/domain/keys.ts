/**
 * IDs, devices and users are typed by people, so they match trimmed and case-insensitively:
 * " LIC-1 " is "lic-1", and "PC-07" is "pc-07". Every comparison of such text goes through here.
 */
export function matchKey(value: string): string {
  return value.trim().toLowerCase();
}

/** How many times each key was added, so one removal does not forget a key that is still in use elsewhere. */
export class KeyCounter {
  // Created on first use: a register holds hundreds of thousands of these and many stay empty.
  private counts: Map<string, number> | undefined;

  /** Adds (delta 1) or removes (delta -1) one occurrence of an already-matched key. */
  change(key: string, delta: 1 | -1): void {
    const counts = (this.counts ??= new Map());
    const next = (counts.get(key) ?? 0) + delta;
    if (next > 0) counts.set(key, next);
    else counts.delete(key);
  }

  /** Number of distinct keys present. */
  get size(): number {
    return this.counts?.size ?? 0;
  }

  keys(): IterableIterator<string> {
    return (this.counts ?? new Map<string, number>()).keys();
  }
}
