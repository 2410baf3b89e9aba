import { ID_ALPHABET } from "./ids";

/** Each character's value in the ID alphabet, capital or small; -1 for any other character below 128. */
const DIGITS = new Int8Array(128).fill(-1);
for (let value = 0; value < ID_ALPHABET.length; value++) {
  DIGITS[ID_ALPHABET.charCodeAt(value)] = value;
  DIGITS[ID_ALPHABET.toLowerCase().charCodeAt(value)] = value;
}
const BODY_LENGTH = 12;
const HALF = BODY_LENGTH / 2;

/**
 * Reads an ID in the form the add-in generates for one kind of record (its prefix, a hyphen and 12 base-32
 * characters, in any case: "LIC-0A1B2C3D4E5F") as the number its 12 characters spell, in two halves of 30 bits.
 *
 * A million rows name a licence by ID text just decoded from JSON. Hashing each new string and comparing it with
 * the key it finds waits on memory at that size (about 1.4 µs an ID on this project's machine); reading the
 * characters as a number and finding it in typed arrays took a sixth of that (bench/README.md).
 *
 * Whether text reads as a number depends only on its matchKey: text that reads has no spaces, and its key is the
 * same characters made small, which read as the same number. So text that does not read but whose key does
 * (" LIC-0A1B… ") is found by reading its key, and two texts with the same key always meet.
 */
export class GeneratedIdReader {
  /** The halves of the last ID read: the first six characters' value and the last six's. */
  high = 0;
  low = 0;
  private readonly prefix: Int32Array;

  constructor(prefix: string) {
    this.prefix = Int32Array.from(prefix.toLowerCase(), (letter) => letter.charCodeAt(0));
  }

  /** Whether the text is an ID of this kind in the generated form; its number is then in `high` and `low`. */
  read(text: string): boolean {
    const prefix = this.prefix;
    const start = prefix.length + 1;
    if (text.length !== start + BODY_LENGTH || text.charCodeAt(prefix.length) !== 45) return false;
    for (let i = 0; i < prefix.length; i++) if ((text.charCodeAt(i) | 32) !== prefix[i]) return false;
    let high = 0;
    let low = 0;
    for (let i = start; i < start + HALF; i++) {
      const digit = digitAt(text, i);
      if (digit < 0) return false;
      high = high * 32 + digit;
    }
    for (let i = start + HALF; i < start + BODY_LENGTH; i++) {
      const digit = digitAt(text, i);
      if (digit < 0) return false;
      low = low * 32 + digit;
    }
    this.high = high;
    this.low = low;
    return true;
  }
}

function digitAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  return code < 128 ? DIGITS[code] : -1;
}

/**
 * Whole numbers found by a generated ID's number (GeneratedIdReader's two halves), in a hash table kept in one
 * typed array: a slot's two halves and its value sit side by side, so a lookup usually reads one cache line and
 * no text.
 */
export class IdNumberTable {
  /** Per slot: high half, low half, value plus one (0: an empty slot), and a fourth to keep slots aligned. */
  private slots: Int32Array;
  private count = 0;
  private shift: number;

  constructor(expected = 8) {
    const bits = bitsFor(expected);
    this.slots = new Int32Array(SLOT * (1 << bits));
    this.shift = 32 - bits;
  }

  /**
   * Makes room for `expected` numbers at once, so a load that knows how many it will add never grows the table
   * part-way (at 100,000 licences the last growth moved 65,536 numbers in one stretch).
   */
  reserve(expected: number): void {
    const bits = bitsFor(expected);
    if (bits > 32 - this.shift) this.resize(bits);
  }

  get size(): number {
    return this.count;
  }

  /** The value kept for the number, or -1. */
  get(high: number, low: number): number {
    return this.slots[this.slotOf(high, low) + 2] - 1;
  }

  /** `value`: a whole number from 0 that fits in 31 bits (a place in a list). */
  set(high: number, low: number, value: number): void {
    if (!Number.isInteger(value) || value < 0 || value >= 0x7fffffff)
      throw new RangeError(`An IdNumberTable holds whole numbers from 0 to 2³¹ − 2, not ${value}.`);
    let at = this.slotOf(high, low);
    if (this.slots[at + 2] === 0) {
      if ((this.count + 1) * 2 * SLOT > this.slots.length) {
        this.grow();
        at = this.slotOf(high, low);
      }
      this.count++;
      this.slots[at] = high;
      this.slots[at + 1] = low;
    }
    this.slots[at + 2] = value + 1;
  }

  /** Where the slot holding the number starts, or the empty slot where it would go. */
  private slotOf(high: number, low: number): number {
    const slots = this.slots;
    const mask = slots.length / SLOT - 1;
    let slot = (Math.imul(high, 0x9e3779b1) ^ Math.imul(low, 0x85ebca6b)) >>> this.shift;
    for (;;) {
      const at = slot * SLOT;
      if (slots[at + 2] === 0 || (slots[at] === high && slots[at + 1] === low)) return at;
      slot = (slot + 1) & mask;
    }
  }

  private grow(): void {
    this.resize(33 - this.shift);
  }

  /** Copies each slot's numbers one by one: a typed-array view per slot made an object for every number moved. */
  private resize(bits: number): void {
    const old = this.slots;
    const slots = (this.slots = new Int32Array(SLOT * (1 << bits)));
    this.shift = 32 - bits;
    for (let at = 0; at < old.length; at += SLOT) {
      if (old[at + 2] === 0) continue;
      const to = this.slotOf(old[at], old[at + 1]);
      slots[to] = old[at];
      slots[to + 1] = old[at + 1];
      slots[to + 2] = old[at + 2];
    }
  }
}

const SLOT = 4;

/** Bits of a table's size that keeps `expected` numbers at most half full. */
function bitsFor(expected: number): number {
  return Math.max(4, Math.ceil(Math.log2(Math.max(1, expected) * 2)));
}
