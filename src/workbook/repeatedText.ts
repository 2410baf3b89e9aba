import type { RecordKind } from "../domain/ids";
import { hashText } from "../domain/textTable";
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
 * The first copy of each text seen, held in many small maps instead of one large one. A map that grows
 * rebuilds itself in one go, and one map of the 800,000 people and devices of a 100,000-licence register took
 * about 200 ms to rebuild: a pause the pass's slices cannot break up. Each small map rebuilds in a few.
 */
class TextCopies {
  private static readonly SHARD_BITS = 6;
  private readonly shards = Array.from(
    { length: 1 << TextCopies.SHARD_BITS },
    () => new Map<string, string>(),
  );

  /** The copy kept of equal text seen before; undefined the first time, when this text becomes the copy. */
  earlierCopy(text: string): string | undefined {
    const shard = this.shards[hashText(text) >>> (32 - TextCopies.SHARD_BITS)];
    const copy = shard.get(text);
    if (copy === undefined) shard.set(text, text);
    return copy;
  }
}
