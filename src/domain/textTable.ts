/**
 * Whole numbers (a record's row) found by their exact text, in a hash table kept in typed arrays.
 *
 * A load looks up text just decoded from JSON: a million IDs at 100,000 licences, none of them hashed
 * before. A Map hashes each new string and then, at that size, waits on memory for its bucket, its entry and
 * the key it compares with; on this project's machine that cost about 1 µs per ID. This table hashes the
 * characters itself and keeps each key's hash beside its slot, so a lookup usually touches one slot and one
 * hash before it compares text: a million IDs took 0.36 s against the Map's 1.0 s (bench/README.md).
 *
 * Keys are never removed; a load's lookups are built once and only read after.
 */
/** What a reader of such a table needs; a Map is one too. */
export interface TextLookup<V> {
  get(text: string): V | undefined;
  has(text: string): boolean;
  readonly size: number;
}

/** Rows found by text, each with its place in the order they were added (-1 for text not there). */
export interface RowLookup extends TextLookup<number> {
  indexOf(text: string): number;
  /** The row of the text added so many places in. */
  rowAt(place: number): number;
}

export class TextTable implements RowLookup {
  private slots: Int32Array;
  private hashes: Int32Array;
  /** Four bytes a row where an array of numbers takes eight: 1.4 million rows at 100,000 licences. */
  private values: Int32Array;
  /**
   * The texts, unless the caller holds them (`keyOf`). Made at the expected size: a growing array copies itself
   * into a larger one, and at a million texts on a large heap each copy was a pause of its own in a load.
   */
  private readonly keyAt: string[] | undefined;
  private readonly keyOf: (entry: number) => string;
  private count = 0;
  private shift: number;

  /**
   * `expected`: how many keys it will likely hold, so a table of known size never grows. `keyOf`: the text of
   * the entry added so many places in, where the caller keeps it already (a record's ID, in the records it read
   * in the order it added them); it must give that text from the moment the entry is set, for as long as the
   * table is used. Without it the table keeps the texts itself.
   */
  constructor(expected = 8, keyOf?: (entry: number) => string) {
    const bits = Math.max(4, Math.ceil(Math.log2(Math.max(1, expected) * 2)));
    this.slots = new Int32Array(1 << bits);
    this.hashes = new Int32Array(Math.max(8, expected));
    this.values = new Int32Array(Math.max(8, expected));
    if (keyOf) this.keyOf = keyOf;
    else {
      const keyAt = (this.keyAt = new Array<string>(Math.max(8, expected)));
      this.keyOf = (entry) => keyAt[entry];
    }
    this.shift = 32 - bits;
  }

  get size(): number {
    return this.count;
  }

  get(text: string): number | undefined {
    const entry = this.entryOf(text, hashText(text));
    return entry >= 0 ? this.values[entry] : undefined;
  }

  has(text: string): boolean {
    return this.entryOf(text, hashText(text)) >= 0;
  }

  /** How many texts were added before this one; -1 when it is not there. */
  indexOf(text: string): number {
    return this.entryOf(text, hashText(text));
  }

  /** The text added so many places in. */
  textAt(place: number): string {
    if (place < 0 || place >= this.count) throw new RangeError(`No text was added at place ${place}.`);
    return this.keyOf(place);
  }

  rowAt(place: number): number {
    if (place < 0 || place >= this.count) throw new RangeError(`No text was added at place ${place}.`);
    return this.values[place];
  }

  /** `value`: a whole number that fits in 32 bits (a row number); anything else is refused. */
  set(text: string, value: number): this {
    checkValue(value);
    const hash = hashText(text);
    const entry = this.entryOf(text, hash);
    if (entry >= 0) this.values[entry] = value;
    else this.add(text, hash, value);
    return this;
  }

  /**
   * Adds the text with `value` unless it is there already, and then leaves it as it is: the value it already
   * had, or undefined when it was added. One look for text that is usually new (a row's ID in a load).
   * `hash`: the text's hashText, where the caller has worked it out already.
   */
  setIfAbsent(text: string, value: number, hash = hashText(text)): number | undefined {
    checkValue(value);
    const entry = this.entryOf(text, hash);
    if (entry >= 0) return this.values[entry];
    this.add(text, hash, value);
    return undefined;
  }

  private add(text: string, hash: number, value: number): void {
    if ((this.count + 1) * 2 > this.slots.length) this.grow();
    const added = this.count++;
    if (this.keyAt) this.keyAt[added] = text;
    if (added === this.hashes.length) {
      this.hashes = copyInto(new Int32Array(added * 2), this.hashes);
      this.values = copyInto(new Int32Array(added * 2), this.values);
    }
    this.values[added] = value;
    this.hashes[added] = hash;
    this.slots[this.freeSlot(hash)] = added + 1;
  }

  *entries(): IterableIterator<[string, number]> {
    for (let entry = 0; entry < this.count; entry++) yield [this.keyOf(entry), this.values[entry]];
  }

  /** The entry holding this text, or -1. Slots hold entry + 1, so 0 is empty. */
  private entryOf(text: string, hash: number): number {
    const { slots, hashes } = this;
    const mask = slots.length - 1;
    for (let slot = Math.imul(hash, 0x9e3779b1) >>> this.shift; ; slot = (slot + 1) & mask) {
      const held = slots[slot];
      if (held === 0) return -1;
      if (hashes[held - 1] === hash && this.keyOf(held - 1) === text) return held - 1;
    }
  }

  private freeSlot(hash: number): number {
    const { slots } = this;
    const mask = slots.length - 1;
    let slot = Math.imul(hash, 0x9e3779b1) >>> this.shift;
    while (slots[slot] !== 0) slot = (slot + 1) & mask;
    return slot;
  }

  private grow(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    this.shift -= 1;
    for (let entry = 0; entry < this.count; entry++) {
      this.slots[this.freeSlot(this.hashes[entry])] = entry + 1;
    }
  }
}

/** FNV-1a over the UTF-16 code units: cheap, and spreads IDs that differ in one character. */
export function hashText(text: string): number {
  let hash = 0x811c9dc5 | 0;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash;
}

function checkValue(value: number): void {
  if ((value | 0) !== value)
    throw new RangeError(`A TextTable holds whole numbers of 32 bits, not ${value}.`);
}

function copyInto(target: Int32Array, source: Int32Array): Int32Array {
  target.set(source);
  return target;
}
