import type { RecordKind } from "../domain/ids";
import { hashText, TextTable } from "../domain/textTable";
import { forEachPaced, type Pause } from "../domain/yielding";
import { RECORD_KINDS, RECORD_TABLES } from "./tables";

type Records = Readonly<Record<RecordKind, readonly object[]>>;

/** Thrown through forEachPaced from a pause, to end the pass when it is aborted. */
const ABORTED = Symbol("aborted");

function endIfAborted(reason: unknown): typeof ABORTED {
  if (reason === ABORTED) return ABORTED;
  throw reason;
}

/**
 * Columns of people, devices, departments, vendors and notes (ColumnSpec.repeats) name the same few hundred
 * thousand values in over a million cells, and Excel delivers each cell's text as a string of its own. After a load, this pass
 * points every such field at one copy of its text, so the copies read from the sheet can be freed. It runs once
 * the figures are up, a slice at a time, because a lookup per cell costs about a seventh of a large load's parse
 * time and nothing waits for it. Each field keeps an equal value, so a reader cannot tell it ran (JavaScript
 * compares text by value). One copy serves every table: installations and allocations name the same people.
 * Returns how many cells now share an earlier copy. `signal` ends the pass when it next has the thread back (the register
 * stopped, or a newer load replaced these records), leaving the cells done so far shared and the rest as read.
 */
export async function shareRepeatedText(
  records: Records,
  pause: Pause,
  signal?: AbortSignal,
): Promise<number> {
  const copies = new TextCopies();
  let shared = 0;
  for (const kind of RECORD_KINDS) {
    const fields = RECORD_TABLES[kind].columns.flatMap((column) =>
      column.repeats && column.field ? [column.field] : [],
    );
    if (fields.length === 0) continue;
    if (signal?.aborted) break;
    const pauseUnlessAborted: Pause = () => {
      if (signal?.aborted) return Promise.reject(ABORTED);
      return pause()?.then(() => {
        if (signal?.aborted) throw ABORTED;
      });
    };
    const done = forEachPaced(records[kind], pauseUnlessAborted, (record) => {
      const row = record as Record<string, unknown>;
      for (const field of fields) {
        const text = row[field];
        if (typeof text !== "string") continue;
        const copy = copies.earlierCopy(text);
        if (copy !== undefined) {
          row[field] = copy;
          shared++;
        }
      }
    });
    if ((await done.catch(endIfAborted)) === ABORTED) return shared;
  }
  return shared;
}

/**
 * The first copy of each text seen, in hash tables of our own (TextTable): a Map hashed each text read from the
 * sheet a second time, its own way: at 100,000 licences the pass took 3.5–4.7 s in Node and 2.8–3.2 s in
 * Chromium, and 2.0–2.9 s and 2.2–2.8 s this way (bench/README.md). Many small tables instead of one large
 * one: a table that grows rebuilds itself in one go, and one table of the 800,000 people and devices of such a
 * register would be a pause the pass's slices cannot break up. Each small one rebuilds in a few milliseconds.
 */
class TextCopies {
  private static readonly SHARD_BITS = 6;
  private readonly shards = Array.from({ length: 1 << TextCopies.SHARD_BITS }, () => new TextTable());

  /** The copy kept of equal text seen before; undefined the first time, when this text becomes the copy. */
  earlierCopy(text: string): string | undefined {
    const hash = hashText(text);
    const shard = this.shards[hash >>> (32 - TextCopies.SHARD_BITS)];
    const earlier = shard.setIfAbsent(text, shard.size, hash);
    return earlier === undefined ? undefined : shard.textAt(earlier);
  }
}
