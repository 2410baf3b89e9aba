import type { CellValue } from "./inputParsing";

/**
 * One column of a worksheet's cells, kept in typed arrays rather than as one JavaScript value per cell. Real
 * Excel keeps its cells in its own process; the in-memory Excel keeps them in the add-in's heap, where a million
 * rows of a dozen text cells were millions of strings for every major garbage collection to mark (600 MB at
 * 100,000 licences, marking steps of up to 400 ms in the add-in's tasks, which Excel never costs it). Here texts
 * are joined into chunks of a few thousand, and a row keeps which chunk its text is in, where it starts and how
 * long it is. Texts written since the last chunk wait in a list of their own until there are enough of them.
 */

const enum Kind {
  Empty,
  /** In `chunks[chunkOf[row]]`, from `starts[row]`, `lengths[row]` long. */
  Chunked,
  /** In `pending[starts[row]]`. */
  Pending,
  Number,
  True,
  False,
}

/** Texts joined into one chunk. */
const CHUNK_TEXTS = 4096;
/** Characters of texts no row holds any more that make the column repack its chunks, at least. */
const MIN_GARBAGE_CHARS = 1 << 20;

type Places = Uint8Array | Int32Array | Float64Array;

export class CellColumn<T extends CellValue = CellValue> {
  /** Rows up to the last one written (as an array's length: writing a blank just past the end counts). */
  length = 0;
  private kinds = new Uint8Array(16);
  private chunkOf = new Int32Array(16);
  private starts = new Int32Array(16);
  private lengths = new Int32Array(16);
  /** Made when the column first holds a number. */
  private numbers: Float64Array | undefined;
  private chunks: string[] = [];
  private chunkedChars = 0;
  /** Characters in the chunks that no row holds any more, counted high where rows shared a text. */
  private garbageChars = 0;
  private pending: string[] = [];
  /** Rows that were given a pending text (some since given something else). */
  private pendingRows: number[] = [];

  get(row: number): T | undefined {
    if (row < 0 || row >= this.length) return undefined;
    switch (this.kinds[row] as Kind) {
      case Kind.Chunked: {
        const start = this.starts[row];
        return this.chunks[this.chunkOf[row]].substring(start, start + this.lengths[row]) as T;
      }
      case Kind.Pending:
        return this.pending[this.starts[row]] as T;
      case Kind.Number:
        return this.numbers![row] as T;
      case Kind.True:
        return true as T;
      case Kind.False:
        return false as T;
      default:
        return undefined;
    }
  }

  /**
   * Writes `value` (undefined for a blank) at `row`. A blank past the end leaves the column as it is, except
   * just past it, where it lengthens the column as writing an array's next place does.
   */
  set(row: number, value: T | undefined): void {
    if (row >= this.length) {
      if (value === undefined && row > this.length) return;
      this.ensureCapacity(row + 1);
      this.kinds.fill(Kind.Empty, this.length, row + 1);
      this.length = row + 1;
    } else if (this.kinds[row] === Kind.Chunked) this.garbageChars += this.lengths[row];
    if (value === undefined) this.kinds[row] = Kind.Empty;
    else if (typeof value === "string") this.setText(row, value);
    else if (typeof value === "number") {
      this.numbers ??= new Float64Array(this.kinds.length);
      this.numbers[row] = value;
      this.kinds[row] = Kind.Number;
    } else this.kinds[row] = value ? Kind.True : Kind.False;
    if (this.garbageChars > Math.max(MIN_GARBAGE_CHARS, this.chunkedChars / 2)) this.repack();
  }

  private setText(row: number, text: string): void {
    // a column repeating the text above (a calculated column's formula, a note on every row) keeps one copy
    const above = row - 1;
    if (above >= 0 && this.kinds[above] === Kind.Chunked && this.lengths[above] === text.length) {
      if (this.get(above) === text) {
        this.chunkOf[row] = this.chunkOf[above];
        this.starts[row] = this.starts[above];
        this.lengths[row] = text.length;
        this.kinds[row] = Kind.Chunked;
        return;
      }
    }
    if (above >= 0 && this.kinds[above] === Kind.Pending && this.pending[this.starts[above]] === text) {
      this.starts[row] = this.starts[above];
    } else {
      this.starts[row] = this.pending.length;
      this.pending.push(text);
    }
    this.kinds[row] = Kind.Pending;
    this.pendingRows.push(row);
    if (this.pending.length >= CHUNK_TEXTS) this.flush();
  }

  /** Joins the pending texts into a chunk; a text no row holds any more is left out. */
  private flush(): void {
    if (this.pending.length === 0) return;
    const offsets = new Int32Array(this.pending.length).fill(-1);
    const parts: string[] = [];
    let offset = 0;
    const chunk = this.chunks.length;
    for (const row of this.pendingRows) {
      if (this.kinds[row] !== Kind.Pending) continue;
      const index = this.starts[row];
      const text = this.pending[index];
      if (offsets[index] < 0) {
        offsets[index] = offset;
        parts.push(text);
        offset += text.length;
      }
      this.chunkOf[row] = chunk;
      this.starts[row] = offsets[index];
      this.lengths[row] = text.length;
      this.kinds[row] = Kind.Chunked;
    }
    this.chunks.push(parts.join(""));
    this.chunkedChars += offset;
    this.pending = [];
    this.pendingRows = [];
  }

  /** Builds the chunks again from the texts rows hold, once enough of them hold texts no row does. */
  private repack(): void {
    this.flush();
    const old = this.chunks;
    this.chunks = [];
    this.chunkedChars = 0;
    this.garbageChars = 0;
    let parts: string[] = [];
    let offset = 0;
    const close = () => {
      this.chunks.push(parts.join(""));
      this.chunkedChars += offset;
      parts = [];
      offset = 0;
    };
    let previous = -1;
    let previousChunk = -1;
    let previousStart = -1;
    let previousLength = -1;
    for (let row = 0; row < this.length; row++) {
      if (this.kinds[row] !== Kind.Chunked) continue;
      const chunk = this.chunkOf[row];
      const start = this.starts[row];
      const length = this.lengths[row];
      if (
        previous === row - 1 &&
        chunk === previousChunk &&
        start === previousStart &&
        length === previousLength
      ) {
        this.chunkOf[row] = this.chunkOf[row - 1];
        this.starts[row] = this.starts[row - 1];
      } else {
        if (parts.length === CHUNK_TEXTS) close();
        this.chunkOf[row] = this.chunks.length;
        this.starts[row] = offset;
        parts.push(old[chunk].substring(start, start + length));
        offset += length;
      }
      previous = row;
      previousChunk = chunk;
      previousStart = start;
      previousLength = length;
    }
    if (parts.length > 0) close();
  }

  /** Deletes (count < 0) or inserts (count > 0) blank rows at `at`, as splicing an array would. */
  shift(at: number, count: number): void {
    if (at >= this.length || count === 0) return;
    this.flush();
    if (count < 0) {
      const removed = Math.min(-count, this.length - at);
      for (let row = at; row < at + removed; row++)
        if (this.kinds[row] === Kind.Chunked) this.garbageChars += this.lengths[row];
      for (const places of this.places()) places.copyWithin(at, at + removed, this.length);
      this.length -= removed;
      return;
    }
    this.ensureCapacity(this.length + count);
    for (const places of this.places()) places.copyWithin(at + count, at, this.length);
    this.kinds.fill(Kind.Empty, at, at + count);
    this.length += count;
  }

  /** The first and last rows that hold something, or undefined. */
  filledSpan(): [number, number] | undefined {
    let first = 0;
    while (first < this.length && this.kinds[first] === Kind.Empty) first++;
    if (first === this.length) return undefined;
    let last = this.length - 1;
    while (this.kinds[last] === Kind.Empty) last--;
    return [first, last];
  }

  clone(): CellColumn<T> {
    this.flush();
    const copy = new CellColumn<T>();
    copy.length = this.length;
    copy.kinds = this.kinds.slice();
    copy.chunkOf = this.chunkOf.slice();
    copy.starts = this.starts.slice();
    copy.lengths = this.lengths.slice();
    copy.numbers = this.numbers?.slice();
    copy.chunks = this.chunks.slice();
    copy.chunkedChars = this.chunkedChars;
    copy.garbageChars = this.garbageChars;
    return copy;
  }

  private places(): Places[] {
    const places: Places[] = [this.kinds, this.chunkOf, this.starts, this.lengths];
    if (this.numbers) places.push(this.numbers);
    return places;
  }

  private ensureCapacity(rows: number): void {
    if (rows <= this.kinds.length) return;
    const capacity = Math.max(rows, this.kinds.length * 2);
    const grown = <A extends Places>(places: A, make: (n: number) => A): A => {
      const next = make(capacity);
      next.set(places);
      return next;
    };
    this.kinds = grown(this.kinds, (n) => new Uint8Array(n));
    this.chunkOf = grown(this.chunkOf, (n) => new Int32Array(n));
    this.starts = grown(this.starts, (n) => new Int32Array(n));
    this.lengths = grown(this.lengths, (n) => new Int32Array(n));
    if (this.numbers) this.numbers = grown(this.numbers, (n) => new Float64Array(n));
  }
}
