/** A count for each ordinal (a licence's place in the index), in a typed array that grows to the largest given. */
export class OrdinalCounts {
  private counts: Int32Array;

  /** `size`: the ordinals expected, so that a count of known size never grows. */
  constructor(size = 1024) {
    this.counts = new Int32Array(Math.max(size, 1));
  }

  get(ordinal: number): number {
    return ordinal < this.counts.length ? this.counts[ordinal] : 0;
  }

  set(ordinal: number, count: number): void {
    if (ordinal >= this.counts.length) {
      const larger = new Int32Array(Math.max(this.counts.length * 2, ordinal + 1));
      larger.set(this.counts);
      this.counts = larger;
    }
    this.counts[ordinal] = count;
  }

  /** Adds one to the ordinal's count and gives the count it had. */
  increment(ordinal: number): number {
    const before = this.get(ordinal);
    this.set(ordinal, before + 1);
    return before;
  }
}
