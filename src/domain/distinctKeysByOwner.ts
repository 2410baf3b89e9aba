import { matchKey, matchKeyHash, sameMatchKey } from "./keys";
import { OrdinalCounts } from "./ordinalCounts";

/**
 * Distinct keys (matchKey) counted for many owners at once (each licence's devices, or its users), in one pass
 * over the rows in their order. Counted licence by licence instead, every row was read a second time from
 * wherever it lies in the heap; here each row's text is hashed as the pass reaches it and its (owner, hash) pair
 * looked up in typed arrays. Two texts meet only when their owner and hash are the same, and are then compared,
 * so a collision never merges two keys. Blank keys are not counted.
 */
export class DistinctKeysByOwner {
  /** Per slot: owner, hash, and row + 1 (0: an empty slot); up to three quarters full. */
  private slots: Int32Array;
  private used = 0;
  private readonly counts = new OrdinalCounts();

  /**
   * `textOf`: the text of a row added earlier, read only when two texts meet. `hash`: matchKeyHash, or any other
   * hash of the text's matchKey (tests give worse ones, to make texts meet).
   */
  constructor(
    expected: number,
    private readonly textOf: (row: number) => string,
    private readonly hash: (text: string) => number = matchKeyHash,
  ) {
    const bits = Math.max(4, Math.ceil(Math.log2((Math.max(1, expected) * 4) / 3)));
    this.slots = new Int32Array(SLOT * (1 << bits));
  }

  /** Counts the text of row `row` (a whole number from 0) for `owner` (an ordinal from 0). */
  add(owner: number, text: string, row: number): void {
    if (hasBlankKey(text)) return;
    const hash = this.hash(text);
    const slots = this.slots;
    const mask = slots.length / SLOT - 1;
    for (let slot = mix(owner, hash) & mask; ; slot = (slot + 1) & mask) {
      const at = slot * SLOT;
      const held = slots[at + 2];
      if (held === 0) {
        this.put(at, owner, hash, row);
        return;
      }
      if (slots[at] === owner && slots[at + 1] === hash && sameMatchKey(this.textOf(held - 1), text)) return;
    }
  }

  /** How many distinct keys the owner has. */
  countOf(owner: number): number {
    return this.counts.get(owner);
  }

  private put(at: number, owner: number, hash: number, row: number): void {
    this.slots[at] = owner;
    this.slots[at + 1] = hash;
    this.slots[at + 2] = row + 1;
    this.counts.increment(owner);
    if (++this.used * 4 * SLOT > this.slots.length * 3) this.grow();
  }

  /** Every pair is distinct already, so each goes to the first free slot. */
  private grow(): void {
    const old = this.slots;
    const slots = (this.slots = new Int32Array(old.length * 2));
    const mask = slots.length / SLOT - 1;
    for (let at = 0; at < old.length; at += SLOT) {
      if (old[at + 2] === 0) continue;
      let slot = mix(old[at], old[at + 1]) & mask;
      while (slots[slot * SLOT + 2] !== 0) slot = (slot + 1) & mask;
      slots.set(old.subarray(at, at + SLOT), slot * SLOT);
    }
  }
}

const SLOT = 3;

/** Spreads an owner and a hash over the table's slots (its low bits are the slot). */
function mix(owner: number, hash: number): number {
  const mixed = Math.imul(hash ^ Math.imul(owner + 1, 0x85ebca6b), 0x9e3779b1);
  return mixed ^ (mixed >>> 15);
}

/** Blank, or only spaces: text starting with a printable character other than a space never is. */
function hasBlankKey(text: string): boolean {
  if (text.length === 0) return true;
  const first = text.charCodeAt(0);
  return (first <= 32 || first >= 127) && matchKey(text) === "";
}
