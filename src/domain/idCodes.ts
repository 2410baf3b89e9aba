/**
 * IDs as the add-in writes them ("LIC-7Q2M9KX4BD0R") and as most people type them are short runs of letters,
 * digits and hyphens. Such text, matched as matchKey does (letters in either case), is coded here as two
 * numbers, and CodedIndex finds a code among a hundred thousand by comparing numbers. A Map would hash each
 * cell's text, which is a new string in every read (a call out of the compiled code), and then read the
 * stored text to compare: at 100,000 licences a million installations look up their licence, and those two
 * steps were most of the time it took.
 */

/** Characters a code can hold, each worth its place in the string plus one (0 marks the end of a short ID). */
const SYMBOL = new Int8Array(128).fill(-1);
for (let i = 0; i < 10; i++) SYMBOL[48 + i] = 1 + i;
for (let i = 0; i < 26; i++) {
  SYMBOL[65 + i] = 11 + i;
  SYMBOL[97 + i] = 11 + i;
}
SYMBOL[45] = 37; // "-"
const BASE = 38;
/** Characters per number: 38^10 is below 2^53, so each number holds its ten exactly. */
const PER_NUMBER = 10;
export const MAX_CODED_LENGTH = 2 * PER_NUMBER;

/** The last text coded by codeOf: its two numbers and a hash of them. */
export const code = { high: 0, low: 0, hash: 0 };

/**
 * Codes text of up to twenty letters, digits and hyphens into `code` and says whether it could. Texts that
 * matchKey makes equal ("LIC-1", "lic-1") get the same code, and no others do; text with anything else in it
 * (spaces, accents, other punctuation) is not coded.
 */
export function codeOf(text: string): boolean {
  const length = text.length;
  if (length === 0 || length > MAX_CODED_LENGTH) return false;
  let high = 0;
  let low = 0;
  let hash = 0x811c9dc5;
  for (let i = 0; i < MAX_CODED_LENGTH; i++) {
    let symbol = 0;
    if (i < length) {
      const char = text.charCodeAt(i);
      symbol = char < 128 ? SYMBOL[char] : -1;
      if (symbol < 0) return false;
    }
    if (i < PER_NUMBER) high = high * BASE + symbol;
    else low = low * BASE + symbol;
    hash = Math.imul(hash ^ symbol, 0x01000193);
  }
  code.high = high;
  code.low = low;
  code.hash = hash;
  return true;
}

/** Positions (0, 1, 2…) by code, in typed arrays: an open-addressing table that never removes. */
export class CodedIndex {
  private mask = 1023;
  private codes = new Float64Array(2 * 1024);
  private hashes = new Int32Array(1024);
  /** Position + 1 in each slot; 0 is an empty slot. */
  private positions = new Int32Array(1024);
  private count = 0;

  /** The position stored for the code last made by codeOf, or -1. */
  find(): number {
    const { high, low } = code;
    let slot = code.hash & this.mask;
    for (;;) {
      const stored = this.positions[slot];
      if (stored === 0) return -1;
      if (this.codes[2 * slot] === high && this.codes[2 * slot + 1] === low) return stored - 1;
      slot = (slot + 1) & this.mask;
    }
  }

  /** Stores a position for the code last made by codeOf, which must not be stored yet. */
  add(position: number): void {
    if (2 * (this.count + 1) > this.mask) this.grow();
    this.place(code.high, code.low, code.hash, position + 1);
    this.count++;
  }

  private place(high: number, low: number, hash: number, stored: number): void {
    let slot = hash & this.mask;
    while (this.positions[slot] !== 0) slot = (slot + 1) & this.mask;
    this.codes[2 * slot] = high;
    this.codes[2 * slot + 1] = low;
    this.hashes[slot] = hash;
    this.positions[slot] = stored;
  }

  private grow(): void {
    const { codes, hashes, positions } = this;
    const size = 2 * positions.length;
    this.mask = size - 1;
    this.codes = new Float64Array(2 * size);
    this.hashes = new Int32Array(size);
    this.positions = new Int32Array(size);
    for (let slot = 0; slot < positions.length; slot++) {
      if (positions[slot] !== 0)
        this.place(codes[2 * slot], codes[2 * slot + 1], hashes[slot], positions[slot]);
    }
  }
}
