/**
 * What the live register costs a person when rows change under it, on the realistic register (100k licences by
 * default: a million installations) in the in-memory Excel (web profile), with the live register loaded as the
 * add-in starts it: a co-author deleting an installation row, a person clearing a required cell (the row stops
 * reading as a record) and typing it back, a person typing over an installation's ID, and a person sorting the
 * Installations table by a column (a million rows move; timed from when the sort is done, which is Excel's
 * work, and until the live register has read and applied it, though no figure changes). Each is timed from
 * the change until the live register has applied it, five times at rows spread over the table (median, min,
 * max; `…_excel_ms` is the median of the in-memory Excel's own work in it, real Excel's part), with the longest stretch the thread ran without a turn of the event loop (the in-memory Excel's own
 * answering left out, as in bench/run.ts). Merges its figures into bench/results.json.
 *
 *   node --max-old-space-size=8192 --expose-gc --import tsx bench/rowChanges.ts     (part of `npm run bench`)
 *   BENCH_ROWS_SIZE=10000 node --expose-gc --import tsx bench/rowChanges.ts          (a smaller register)
 */
import { mergeResults } from "./mergeResults";
import { startLiveRegister } from "../src/live/sharedLiveRegister";
import type { LiveRegister } from "../src/live/liveRegister";
import { monitorBlocks } from "./blockMonitor";
import { addInRuntime, hostRegister } from "./hostRegister";
import { round, spread } from "./stats";
import { syntheticRegister } from "./synthetic";

const SIZE = Number(process.env.BENCH_ROWS_SIZE ?? 100_000);
const LABEL = SIZE >= 1000 ? `${SIZE / 1000}k` : String(SIZE);
const RUNS = 5;
const TODAY = "2026-11-27";

interface Timing {
  ms: number;
  /** Of `ms`, the in-memory Excel's own work answering (deleting the row, reading cells): real Excel's, not ours. */
  excelMs: number;
  longestBlockMs: number;
}

async function main(): Promise<void> {
  const host = await hostRegister(syntheticRegister(SIZE, 20261127), "web");
  const runtime = addInRuntime(host.workbook, "bench-rows");
  const live = startLiveRegister(runtime.register, { today: () => TODAY });
  await live.ready;
  await live.trimmed();
  const bob = host.workbook.session("bob");
  const answering = () => runtime.session.stats.answeringMs + bob.stats.answeringMs;
  const { values } = host.workbook.readSheet("Installations");
  const headers = values[0].map(String);
  const column = (header: string) => String.fromCharCode(65 + headers.indexOf(header));
  const rows = values.length - 1;

  // a sort changes no figure, so the live register's version stays: its reads (of the ID column, or of the
  // rows when the IDs cannot tell) say it has heard it
  const reads = { done: 0 };
  const readRows = runtime.register.readRows!.bind(runtime.register);
  runtime.register.readRows = async (kind, address, pause) => {
    const read = await readRows(kind, address, pause);
    reads.done++;
    return read;
  };
  const readIds = runtime.register.readIds!.bind(runtime.register);
  runtime.register.readIds = async (kind, onPage) => {
    const ids = await readIds(kind, onPage);
    reads.done++;
    return ids;
  };

  /**
   * Times one change, made by `change`, until the live register has applied it; `readsRows`: a change that moves
   * no figure, applied once the live register has read its rows and nothing is left queued.
   */
  async function timed(change: () => Promise<void> | void, readsRows = false): Promise<Timing> {
    (globalThis as { gc?: () => void }).gc?.();
    const version = live.state.version;
    const readsBefore = reads.done;
    const blocks = monitorBlocks(answering);
    const answeredBefore = answering();
    const start = performance.now();
    await change();
    if (readsRows) {
      while (reads.done === readsBefore) await new Promise((resolve) => setTimeout(resolve, 2));
      await live.settled();
    } else await applied(live, version);
    const ms = performance.now() - start;
    return { ms, excelMs: answering() - answeredBefore, longestBlockMs: blocks.stop().longest };
  }

  const deletes: Timing[] = [];
  const wrong: Timing[] = [];
  const right: Timing[] = [];
  const renamed: Timing[] = [];
  for (let run = 0; run < RUNS; run++) {
    // sheet row (header on row 1) spread over the table, clear of the rows deleted before it
    const sheetRow = 2 + Math.floor(((run + 0.5) * (rows - RUNS)) / RUNS);
    const [id] = host.workbook.readSheet("Installations").values[sheetRow - 1].map(String);
    const device = String(
      host.workbook.readSheet("Installations").values[sheetRow - 1][headers.indexOf("Device")],
    );
    const cell = `${column("Device")}${sheetRow}`;
    wrong.push(await timed(() => host.workbook.typeIntoCell("Installations", cell, "")));
    right.push(await timed(() => host.workbook.typeIntoCell("Installations", cell, device)));
    renamed.push(await timed(() => host.workbook.typeIntoCell("Installations", `A${sheetRow}`, `${id}-R`)));
    deletes.push(
      await timed(() =>
        bob.run(async (context) => {
          context.workbook.tables
            .getItem("InstallationsTable")
            .rows.getItemAt(sheetRow - 2)
            .delete();
          await context.sync();
        }),
      ),
    );
  }
  const sorts: Timing[] = [];
  const sortBy = ["Device", "Installed On", "Licence ID", "Version", "User"];
  for (let run = 0; run < RUNS; run++) {
    host.workbook.sortTable("InstallationsTable", sortBy[run], run % 2 === 0 ? "Ascending" : "Descending");
    sorts.push(await timed(() => undefined, true));
  }
  live.stop();

  const figures: Record<string, number> = {};
  const record = (key: string, timings: Timing[]) => {
    const { median, min, max } = spread(timings.map((timing) => timing.ms));
    const excel = spread(timings.map((timing) => timing.excelMs)).median;
    const longest = round(Math.max(...timings.map((timing) => timing.longestBlockMs)));
    figures[`${key}_ms_${LABEL}`] = median;
    figures[`${key}_min_ms_${LABEL}`] = min;
    figures[`${key}_max_ms_${LABEL}`] = max;
    figures[`${key}_excel_ms_${LABEL}`] = excel;
    console.log(
      `${key}: median ${median} ms (min ${min}, max ${max}); the in-memory Excel answering: ${excel} ms;` +
        ` longest stretch ${longest} ms`,
    );
  };
  record("row_deleted", deletes);
  record("cell_made_wrong", wrong);
  record("cell_put_right", right);
  record("id_typed_over", renamed);
  record("table_sorted", sorts);
  figures[`table_sorted_longest_block_ms_${LABEL}`] = round(Math.max(...sorts.map((t) => t.longestBlockMs)));
  const longest = Math.max(...[deletes, wrong, right, renamed].flat().map((timing) => timing.longestBlockMs));
  figures[`row_changes_longest_block_ms_${LABEL}`] = round(longest);
  console.log(`longest stretch without a turn of the event loop: ${round(longest)} ms`);

  mergeResults(figures);
}

/** Resolves once the live register has applied a change made after `version`, and nothing is left queued. */
async function applied(live: LiveRegister, version: number): Promise<void> {
  while (live.state.version === version) await new Promise((resolve) => setTimeout(resolve, 2));
  await live.settled();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
