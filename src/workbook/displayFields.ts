import type { DisplayUpdate } from "../domain/references";
import { forEachPaced, yieldEvery, type Pause } from "../domain/yielding";
import { literalText } from "./cells";
import { locate, type LocateOptions } from "./locate";
import { MAX_WRITE_BYTES, RANGE_OPERATION_BYTES, jsonBytes, utf8Bytes } from "./payload";
import type { Span } from "./silentEdits";
import { positionOf } from "./tableLayout";
import type { RecordTableSpec } from "./tables/types";

/** Cells about to be written, as sheet rows and columns (zero-based), one span per range. */
export type BeforeWrite = (spans: Span[]) => void;

interface Write {
  row: number;
  position: number;
  value: string;
}

/**
 * Writes records' display fields by ID, and only those cells: never Row Version or Modified, so nobody's save
 * is refused for it. Rows are found as saves find them (locate): a few IDs in one small request, many by
 * reading the ID column. Consecutive rows of a column are written as one range, in requests within Excel's
 * size limit. A co-author moving rows between the read and the write could put a name on the wrong row for
 * a moment: the names are derived, never a person's data, and the next pass (the change that write causes)
 * puts it right. `beforeWrite` hears of each request's cells before it is sent, so the change events they raise
 * can be told from anyone else's. Returns how many cells were written.
 */
export async function writeDisplayFields(
  context: Excel.RequestContext,
  spec: RecordTableSpec,
  updates: readonly DisplayUpdate[],
  options: LocateOptions,
  beforeWrite: BeforeWrite = () => undefined,
): Promise<number> {
  if (updates.length === 0) return 0;
  const { table, layout, rowOf } = await locate(
    context,
    spec,
    updates.map((update) => update.id),
    options,
  );

  // linking every unlinked installation names tens of thousands of rows: the thread is given back between slices
  const pause = yieldEvery();
  const writes: Write[] = [];
  await forEachPaced(updates, pause, (update) => {
    const row = rowOf.get(update.id);
    if (row === undefined) return;
    for (const [field, value] of Object.entries(update.fields)) {
      const column = spec.columns.find((c) => c.field === field);
      const position = column ? positionOf(layout, column.header) : -1;
      if (position >= 0) writes.push({ row, position, value });
    }
  });
  const body = table.getDataBodyRange();
  let pending: Span[] = [];
  let pendingBytes = 0;
  const send = async () => {
    beforeWrite(pending);
    await context.sync();
    pending = [];
    pendingBytes = 0;
  };
  for (const run of await runsOf(writes, pause)) {
    await pause();
    const cells = run.values.map((value) => [literalText(value)]);
    const bytes = jsonBytes(cells) + RANGE_OPERATION_BYTES;
    if (pendingBytes > 0 && pendingBytes + bytes > MAX_WRITE_BYTES) await send();
    body.getCell(run.row, run.position).getResizedRange(run.values.length - 1, 0).values = cells;
    const firstRow = layout.headerRow + 1 + run.row;
    const column = layout.firstColumn + run.position;
    pending.push({
      firstRow,
      lastRow: firstRow + run.values.length - 1,
      firstColumn: column,
      lastColumn: column,
    });
    pendingBytes += bytes;
  }
  if (pendingBytes > 0) await send();
  return writes.length;
}

/** Writes of one column on consecutive rows, joined so that each becomes one range of at most half a request. */
async function runsOf(
  writes: Write[],
  pause: Pause,
): Promise<{ row: number; position: number; values: string[] }[]> {
  const sorted = [...writes].sort((a, b) => a.position - b.position || a.row - b.row);
  const runs: { row: number; position: number; values: string[]; bytes: number }[] = [];
  await forEachPaced(sorted, pause, (write) => {
    const last = runs[runs.length - 1];
    const bytes = utf8Bytes(write.value) + 8;
    if (
      last &&
      last.position === write.position &&
      last.row + last.values.length === write.row &&
      last.bytes + bytes <= MAX_WRITE_BYTES / 2
    ) {
      last.values.push(write.value);
      last.bytes += bytes;
    } else runs.push({ row: write.row, position: write.position, values: [write.value], bytes });
  });
  return runs;
}
