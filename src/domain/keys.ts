import { GeneratedIdReader, IdNumberTable } from "./generatedIdNumbers";

/**
 * IDs, devices and users are typed by people, so they match trimmed and case-insensitively:
 * " LIC-1 " is "lic-1", and "PC-07" is "pc-07". Every comparison of such text goes through here.
 */
export function matchKey(value: string): string {
  return isMatchKey(value) ? value : value.trim().toLowerCase();
}

/** Text that is already its own key (printable ASCII, no capitals, no spaces) needs no new string. */
function isMatchKey(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code <= 32 || code >= 127 || (code >= 65 && code <= 90)) return false;
  }
  return true;
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

/**
 * Counts distinct keys, reused from one small group to the next. Most groups (one licence's devices or users)
 * hold a few dozen keys: comparing each new key with those seen is cheaper than hashing it, and leaves no
 * garbage; a group past LINEAR_MAX keys moves to a set.
 */
export class DistinctKeys {
  private static readonly LINEAR_MAX = 32;
  /**
   * The first seenCount entries: each one a key, or text whose key is itself with capitals made small
   * (lowercasingGivesKey). Emptied by its count, not its length: a length of 0 gives the array's room back, and
   * the next group would make it again (a hundred thousand times in a large load).
   */
  private readonly seen: string[] = [];
  private seenCount = 0;
  private readonly many = new Set<string>();

  /** Adds an already-matched key; blank keys are not counted. */
  add(key: string): void {
    if (key === "") return;
    if (this.many.size > 0) {
      this.many.add(key);
      return;
    }
    if (!this.seenBefore(key)) this.remember(key);
  }

  /**
   * Adds typed text by its matchKey. Plain text (a million devices and users in a large load) is compared
   * with what was seen letter by letter, capitals as small ones, instead of being copied into a key first.
   */
  addText(text: string): void {
    if (this.many.size > 0) {
      this.add(matchKey(text));
      return;
    }
    const keyOrPlain = lowercasingGivesKey(text) ? text : matchKey(text);
    if (keyOrPlain !== "" && !this.seenBefore(keyOrPlain)) this.remember(keyOrPlain);
  }

  private seenBefore(keyOrPlain: string): boolean {
    const seen = this.seen;
    for (let i = 0; i < this.seenCount; i++) if (sameIgnoringCapitals(seen[i], keyOrPlain)) return true;
    return false;
  }

  private remember(keyOrPlain: string): void {
    const seen = this.seen;
    seen[this.seenCount++] = keyOrPlain;
    if (this.seenCount > DistinctKeys.LINEAR_MAX) {
      for (let i = 0; i < this.seenCount; i++) this.many.add(matchKey(seen[i]));
      this.seenCount = 0;
    }
  }

  get size(): number {
    return this.many.size > 0 ? this.many.size : this.seenCount;
  }

  clear(): void {
    this.seenCount = 0;
    // Set.clear makes a new table even for an empty set
    if (this.many.size > 0) this.many.clear();
  }
}

/**
 * A hash of the text's matchKey (FNV-1a over its code units), made without making the key when lowercasing gives
 * it: texts with the same key have the same hash.
 */
export function matchKeyHash(text: string): number {
  const plain = lowercasingGivesKey(text);
  const key = plain ? text : matchKey(text);
  let hash = 0x811c9dc5 | 0;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ smallLetter(key.charCodeAt(i)), 0x01000193);
  return hash;
}

/** Whether two texts have the same matchKey, without making the keys when lowercasing gives them. */
export function sameMatchKey(a: string, b: string): boolean {
  if (lowercasingGivesKey(a) && lowercasingGivesKey(b)) return sameIgnoringCapitals(a, b);
  return matchKey(a) === matchKey(b);
}

/**
 * Text whose matchKey is itself with its capitals made small: printable ASCII, with no space at either end
 * (so trimming leaves it as it is, and lowercasing changes A to Z only).
 */
function lowercasingGivesKey(text: string): boolean {
  const last = text.length - 1;
  if (last < 0 || text.charCodeAt(0) === 32 || text.charCodeAt(last) === 32) return false;
  for (let i = 0; i <= last; i++) {
    const code = text.charCodeAt(i);
    if (code < 32 || code >= 127) return false;
  }
  return true;
}

const smallLetter = (code: number): number => (code >= 65 && code <= 90 ? code + 32 : code);

/**
 * Whether two keys or plain texts have the same key: equal once capitals A to Z are made small. A key is
 * already small, and plain text holds no other letters that lowercasing would change.
 */
function sameIgnoringCapitals(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y && smallLetter(x) !== smallLetter(y)) return false;
  }
  return true;
}

/**
 * Entries found by typed text, matched as matchKey says. Each distinct text is matched once and remembered,
 * so a million rows naming a hundred thousand IDs cost a million lookups and no new strings. Entries are
 * never removed (an empty entry costs little and keeps the texts that found it valid).
 *
 * Given the prefix of the IDs it is keyed by ("LIC"), text in the generated ID form is found by its number
 * instead (GeneratedIdReader): most rows name a licence by the ID the add-in gave it.
 */
export class MatchedMap<T> {
  /** In the order their keys were first seen; an entry's place here is its index. */
  private readonly entries: T[] = [];
  private readonly byKey = new Map<string, number>();
  private readonly byText = new Map<string, number>();
  private readonly ids: GeneratedIdReader | undefined;
  private readonly byIdNumber = new IdNumberTable();

  constructor(idPrefix?: string) {
    this.ids = idPrefix === undefined ? undefined : new GeneratedIdReader(idPrefix);
  }

  get(text: string): T | undefined {
    const index = this.indexOf(text);
    return index < 0 ? undefined : this.entries[index];
  }

  /**
   * The index of the text's entry, or -1 when there is none. A load finds a million rows' entries by index, so
   * that it reads no entry it does not need (bench/README.md).
   */
  indexOf(text: string): number {
    const ids = this.ids;
    if (ids?.read(text)) return this.byIdNumber.get(ids.high, ids.low);
    const found = this.byText.get(text);
    if (found !== undefined) return found;
    const key = matchKey(text);
    if (ids?.read(key)) return this.byIdNumber.get(ids.high, ids.low);
    const byKey = this.byKey.get(key);
    if (byKey !== undefined) this.byText.set(text, byKey);
    return byKey ?? -1;
  }

  /** The entry at an index indexOf or obtainIndex gave. */
  at(index: number): T {
    return this.entries[index];
  }

  /**
   * The index of text in the generated ID form, found by its number; -1 for other text (which indexOf finds)
   * and for a generated ID with no entry. For a caller that has a cheaper way than hashing text to find the
   * entry of hand-typed text.
   */
  indexByIdNumber(text: string): number {
    return this.ids?.read(text) ? this.byIdNumber.get(this.ids.high, this.ids.low) : -1;
  }

  /** Makes room for this many entries in generated ID form at once, so a load of known size never grows it. */
  reserve(expected: number): void {
    if (this.ids) this.byIdNumber.reserve(expected);
  }

  /** The entry for the text's key, made by `create` (given the key) when there is none. */
  obtain(text: string, create: (key: string) => T): T {
    return this.entries[this.obtainIndex(text, create)];
  }

  /** The index of the entry for the text's key, made by `create` (given the key) when there is none. */
  obtainIndex(text: string, create: (key: string) => T): number {
    const found = this.indexOf(text);
    if (found >= 0) return found;
    const key = matchKey(text);
    const index = this.entries.length;
    this.entries.push(create(key));
    const ids = this.ids;
    if (ids?.read(key)) this.byIdNumber.set(ids.high, ids.low, index);
    else {
      this.byKey.set(key, index);
      this.byText.set(text, index);
    }
    return index;
  }

  /** Entries in the order their keys were first seen. */
  values(): IterableIterator<T> {
    return this.entries.values();
  }
}
