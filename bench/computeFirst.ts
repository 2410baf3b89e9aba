/**
 * The compute a person meets when the add-in opens: the same work as `compute_ms` in bench/run.ts (the sheet's
 * cells through validation, repeated IDs checked, to every licence's and product's position), timed once in a
 * Node process that has done nothing else. bench/run.ts times it five times in one process, so its code is
 * already compiled and V8 has learnt which objects live long; the add-in loads its register once a session.
 *
 * Each run is a fresh process given the benchmark's register (same generator, seed and date) as the cells of its
 * sheets, read from a file; the cells are decoded and garbage collected before the clock starts, as in run.ts.
 * The child also counts the pages of memory the process touched for the first time while timed (minor page
 * faults), which this project's machines charge for dearly (`machine.first_touch_us_per_page` in results.json).
 * Median of five processes per size, with min and max; merges `compute_first_ms_<size>` (and `_min_`, `_max_`,
 * `compute_first_page_faults_<size>`) into bench/results.json.
 *
 *   node --max-old-space-size=8192 --import tsx bench/computeFirst.ts      (part of `npm run bench`)
 *   BENCH_FIRST_SIZES=10000 node --import tsx bench/computeFirst.ts          (other sizes)
 */
import { execFileSync } from "child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { computePosition } from "../src/domain/position";
import { mergeResults } from "./mergeResults";
import { deliver, parseSheetRows, toSheetPages, type SheetPages } from "./sheetRows";
import { round, spread } from "./stats";
import { syntheticRegister } from "./synthetic";

const SIZES = (process.env.BENCH_FIRST_SIZES ?? "10000,100000").split(",").map(Number);
const RUNS = 5;
const SEED = 20261127;
const TODAY = "2026-11-27";
const CHILD_FLAG = "--child";

interface FirstCompute {
  parseMs: number;
  positionMs: number;
  totalMs: number;
  pageFaults: number;
}

const label = (size: number) => (size >= 1000 ? `${size / 1000}k` : String(size));

/** In the child: one compute from the cells in `file`, printed as JSON on the last line. */
async function computeOnce(file: string): Promise<void> {
  const pages = JSON.parse(readFileSync(file, "utf8")) as SheetPages;
  const delivered = deliver(pages);
  (globalThis as { gc?: () => void }).gc?.();
  await new Promise((resolve) => setTimeout(resolve, 200));
  const faultsBefore = process.resourceUsage().minorPageFault;
  const started = performance.now();
  const parsed = await parseSheetRows(delivered);
  const parsedAt = performance.now();
  computePosition(parsed, TODAY);
  const done = performance.now();
  const result: FirstCompute = {
    parseMs: parsedAt - started,
    positionMs: done - parsedAt,
    totalMs: done - started,
    pageFaults: process.resourceUsage().minorPageFault - faultsBefore,
  };
  console.log(JSON.stringify(result));
}

function runChild(file: string): FirstCompute {
  const output = execFileSync(
    process.execPath,
    ["--max-old-space-size=8192", "--expose-gc", "--import", "tsx", __filename, CHILD_FLAG, file],
    { encoding: "utf8", maxBuffer: 1 << 20 },
  );
  const lines = output.trim().split("\n");
  return JSON.parse(lines[lines.length - 1]) as FirstCompute;
}

function measure(size: number, folder: string): Record<string, number> {
  const file = path.join(folder, `cells-${size}.json`);
  writeFileSync(file, JSON.stringify(toSheetPages(syntheticRegister(size, SEED, TODAY))));
  const runs: FirstCompute[] = [];
  for (let run = 0; run < RUNS; run++) {
    runs.push(runChild(file));
    const { parseMs, positionMs, totalMs, pageFaults } = runs[run];
    console.log(
      `${label(size)}, process ${run + 1}: parse ${round(parseMs)} ms, position ${round(positionMs)} ms, total ${round(totalMs)} ms, ${pageFaults} new pages`,
    );
  }
  rmSync(file);
  const total = spread(runs.map((run) => run.totalMs));
  return {
    [`compute_first_ms_${label(size)}`]: total.median,
    [`compute_first_min_ms_${label(size)}`]: total.min,
    [`compute_first_max_ms_${label(size)}`]: total.max,
    [`compute_first_page_faults_${label(size)}`]: spread(runs.map((run) => run.pageFaults)).median,
  };
}

function main(): void {
  const folder = mkdtempSync(path.join(os.tmpdir(), "compute-first-"));
  try {
    const figures = Object.assign({}, ...SIZES.map((size) => measure(size, folder))) as Record<
      string,
      number
    >;
    console.log(figures);
    mergeResults(figures);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

const childFile = process.argv[process.argv.indexOf(CHILD_FLAG) + 1];
if (process.argv.includes(CHILD_FLAG)) {
  computeOnce(childFile).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
} else {
  main();
}
