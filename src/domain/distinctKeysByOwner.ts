import { matchKey, matchKeyHash, sameMatchKey } from "./keys";

/** Groups up to this size are counted by comparing each entry with the ones before it; larger ones by a map. */
const PAIRWISE_MAX = 16;

/**
 * Distinct keys (matchKey) counted for many owners at once (each licence's devices, or its users). As a load's
 * pass reaches each row, its text is hashed and its owner, hash and row noted in typed arrays, in order. The
 * counts are made when first asked for: the entries are grouped by owner (a counting sort) and each owner's few
 * hashes compared among themselves. A hash table of every (owner, hash) pair, which this replaced, waited on
 * memory for each row at a million rows (bench/README.md). Two texts whose hashes meet are compared, so a
 * collision never merges two keys. Blank keys are not counted.
 */
export class DistinctKeysByOwner {
  private owners: Int32Array;
  private hashes: Int32Array;
  private rows: Int32Array;
  private size = 0;
  /** By owner, once counted; undefined again after an add. */
  private counts: Int32Array | undefined;

  /**
   * `expected`: how many entries it will likely hold. `textOf`: the text of a row added earlier, read only when
   * two hashes meet. `hash`: matchKeyHash, or any other hash of the text's matchKey (tests give worse ones).
   */
  constructor(
    expected: number,
    private readonly textOf: (row: number) => string,
    private readonly hash: (text: string) => number = matchKeyHash,
  ) {
    const capacity = Math.max(8, Math.ceil(expected));
    this.owners = new Int32Array(capacity);
    this.hashes = new Int32Array(capacity);
    this.rows = new Int32Array(capacity);
  }

  /** Counts the text of row `row` (a whole number from 0) for `owner` (an ordinal from 0). */
  add(owner: number, text: string, row: number): void {
    if (hasBlankKey(text)) return;
    if (this.size === this.owners.length) this.grow();
    const at = this.size++;
    this.owners[at] = owner;
    this.hashes[at] = this.hash(text);
    this.rows[at] = row;
    this.counts = undefined;
  }

  /** How many distinct keys the owner has. */
  countOf(owner: number): number {
    const counts = (this.counts ??= this.countAll());
    return owner < counts.length ? counts[owner] : 0;
  }

  private countAll(): Int32Array {
    const { owners, size } = this;
    let owned = 0;
    for (let at = 0; at < size; at++) owned = Math.max(owned, owners[at] + 1);
    // start[owner]..start[owner + 1]: the owner's entries in `order`, in the order they were added
    const start = new Int32Array(owned + 1);
    for (let at = 0; at < size; at++) start[owners[at] + 1]++;
    for (let owner = 0; owner < owned; owner++) start[owner + 1] += start[owner];
    const next = start.slice(0, owned);
    const order = new Int32Array(size);
    for (let at = 0; at < size; at++) order[next[owners[at]]++] = at;
    const counts = new Int32Array(owned);
    for (let owner = 0; owner < owned; owner++) {
      const from = start[owner];
      const to = start[owner + 1];
      counts[owner] =
        to - from <= PAIRWISE_MAX ? this.pairwise(order, from, to) : this.byHash(order, from, to);
    }
    return counts;
  }

  /** Distinct keys among order[from..to): an entry counts unless one before it has the same key. */
  private pairwise(order: Int32Array, from: number, to: number): number {
    let distinct = 0;
    for (let i = from; i < to; i++) {
      let seen = false;
      for (let j = from; j < i && !seen; j++) seen = this.sameKey(order[j], order[i]);
      if (!seen) distinct++;
    }
    return distinct;
  }

  /** The same for a large group: each entry compared only with the distinct ones of its hash. */
  private byHash(order: Int32Array, from: number, to: number): number {
    const firsts = new Map<number, number[]>();
    let distinct = 0;
    for (let i = from; i < to; i++) {
      const entry = order[i];
      const ofHash = firsts.get(this.hashes[entry]);
      if (!ofHash) firsts.set(this.hashes[entry], [entry]);
      else if (ofHash.some((first) => this.sameKey(first, entry))) continue;
      else ofHash.push(entry);
      distinct++;
    }
    return distinct;
  }

  private sameKey(a: number, b: number): boolean {
    return (
      this.hashes[a] === this.hashes[b] && sameMatchKey(this.textOf(this.rows[a]), this.textOf(this.rows[b]))
    );
  }

  private grow(): void {
    const capacity = this.owners.length * 2;
    const larger = (from: Int32Array) => {
      const to = new Int32Array(capacity);
      to.set(from);
      return to;
    };
    this.owners = larger(this.owners);
    this.hashes = larger(this.hashes);
    this.rows = larger(this.rows);
  }
}

/** Blank, or only spaces: text starting with a printable character other than a space never is. */
function hasBlankKey(text: string): boolean {
  if (text.length === 0) return true;
  const first = text.charCodeAt(0);
  return (first <= 32 || first >= 127) && matchKey(text) === "";
}
