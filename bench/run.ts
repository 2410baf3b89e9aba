/**
 * Live compliance at scale: this design (one live index, per-row formulas passing only the licence ID,
 * streamed updates) against the naive one (every row's formula given the whole Installations columns,
 * COUNTIFS-style, O(licences × installations)). Prints a table and writes bench/results.json.
 *
 *   node --max-old-space-size=8192 --expose-gc --import tsx bench/run.ts   (what `npm run bench` should run)
 *   BENCH_SIZES=1000,10000 npm run bench   (skip the 100k register)
 */
import { writeFileSync } from "fs";
import os from "os";
import path from "path";
import { isoDateToExcelSerial } from "../src/domain/dates";
import { computePosition } from "../src/domain/position";
import { countDistinctKeys } from "../src/domain/usage";
import { LICENSE_FUNCTIONS, STREAMING_FUNCTIONS } from "../src/functions/functionTable";
import type { LiveRegister } from "../src/live/liveRegister";
import { startLiveRegister } from "../src/live/sharedLiveRegister";
import { attachCalculation, type CalculationEngine } from "../src/host";
import { installCustomFunctionsGlobal } from "../src/host/customFunctionsRuntime";
import { hostRegister } from "./hostRegister";
import { parseSheetRows, toSheetRows } from "./sheetRows";
import { syntheticRegister, type SyntheticRegister } from "./synthetic";

installCustomFunctionsGlobal();

const TODAY = "2026-11-27";
const SIZES = (process.env.BENCH_SIZES ?? "1000,10000,100000").split(",").map(Number);
/** Above this many licences the naive design is measured on a sample of rows and scaled (rows are independent). */
const NAIVE_FULL_LIMIT = 1_000;
const NAIVE_SAMPLE = 200;
/** The naive design is not run at all above this size (hours of work). */
const NAIVE_LIMIT = 10_000;
const LIVE_EDITS = 5;

type Row = Record<string, number | string | null>;
const table: Row[] = [];
const results: Record<string, unknown> = {};

const time = async <T>(work: () => Promise<T> | T): Promise<{ ms: number; value: T }> => {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
};
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const label = (n: number) => (n >= 1000 ? `${n / 1000}k` : String(n));
const round = (ms: number) => Math.round(ms * 10) / 10;
/**
 * Collects garbage before a timed step when node runs with --expose-gc, so a step is not charged for the
 * garbage of the benchmark's own set-up (synthetic records, seeded sheets) that the add-in never makes.
 */
const collectGarbage = () => (globalThis as { gc?: () => void }).gc?.();

/** Naive used quantity: each licence scans the whole Licence ID and Device columns, as COUNTIFS would. */
function naiveCompute(synthetic: SyntheticRegister, licenceIndexes: number[]): void {
  const ids = synthetic.installations.map((i) => i.licenceId ?? "");
  const devices = synthetic.installations.map((i) => i.device);
  for (const index of licenceIndexes) {
    countDistinctKeys(synthetic.licences[index].id, structuredClone(ids), structuredClone(devices));
  }
}

function sample(count: number, size: number): number[] {
  const step = Math.max(1, Math.floor(count / size));
  const picked: number[] = [];
  for (let i = 0; i < count && picked.length < size; i += step) picked.push(i);
  return picked;
}

async function measureCompute(size: number, synthetic: SyntheticRegister, row: Row): Promise<void> {
  const sheetRows = toSheetRows(synthetic);
  collectGarbage();
  const ours = await time(async () => {
    const parsed = await time(() => parseSheetRows(sheetRows));
    const position = await time(() => computePosition(parsed.value, TODAY));
    return { parseMs: parsed.ms, positionMs: position.ms };
  });
  row.compute_ms = round(ours.ms);
  row.parse_ms = round(ours.value.parseMs);
  row.position_ms = round(ours.value.positionMs);
  results[`compute_ms_${label(size)}`] = round(ours.ms);
  if (size > NAIVE_LIMIT) return;
  const rows = size <= NAIVE_FULL_LIMIT ? sample(size, size) : sample(size, NAIVE_SAMPLE);
  const naive = await time(() => naiveCompute(synthetic, rows));
  row.naive_compute_ms = round((naive.ms * size) / rows.length);
}

async function waitForUpdate(live: LiveRegister, engine: CalculationEngine): Promise<void> {
  await new Promise<void>((resolve) => {
    const stop = live.onUpdated(() => {
      stop();
      resolve();
    });
  });
  await engine.whenIdle();
}

async function measureHost(size: number, synthetic: SyntheticRegister, row: Row): Promise<void> {
  const host = await hostRegister(synthetic);
  host.session.stats.reset();
  const load = await time(() => host.register.load());
  row.load_ms = round(load.ms);
  row.load_syncs = host.session.stats.syncs;
  row.load_max_request_bytes = host.session.stats.maxRequestBytes;
  results[`load_syncs_${label(size)}`] = host.session.stats.syncs;
  results[`load_max_request_bytes_${label(size)}`] = host.session.stats.maxRequestBytes;

  const live = startLiveRegister(host.register, { today: () => TODAY });
  row.live_start_ms = round((await time(() => live.ready)).ms);
  const built = await host.register.buildDashboard!();
  if (!built.ok) throw new Error(built.error.message);

  collectGarbage();
  const first = await time(async () => {
    const engine = attachCalculation(host.workbook, {
      functions: LICENSE_FUNCTIONS as never,
      streaming: STREAMING_FUNCTIONS,
      today: () => isoDateToExcelSerial(TODAY),
    });
    await engine.whenIdle();
    return engine;
  });
  const engine = first.value;
  row.first_calc_ms = round(first.ms);
  row.invocations = engine.stats.invocations;
  results[`first_calc_ms_${label(size)}`] = round(first.ms);

  // one installation edit at a time: move installation k to licence k+1 and back
  const timings: number[] = [];
  for (let edit = 0; edit < LIVE_EDITS; edit++) {
    const k = edit * 7;
    const installation = synthetic.installations[k];
    const to = synthetic.licences.findIndex((l) => l.id === installation.licenceId) + 1;
    if (to <= 0 || to >= synthetic.licences.length) continue;
    collectGarbage();
    const t = await time(async () => {
      const updated = waitForUpdate(live, engine);
      host.workbook.typeIntoCell("Installations", `C${k + 2}`, synthetic.licences[to].id);
      await updated;
    });
    timings.push(t.ms);
    const restored = waitForUpdate(live, engine);
    host.workbook.typeIntoCell("Installations", `C${k + 2}`, installation.licenceId ?? "");
    await restored;
  }
  row.live_update_ms = round(median(timings));
  results[`live_update_ms_${label(size)}`] = round(median(timings));

  if (size <= NAIVE_LIMIT) {
    const rows = size <= NAIVE_FULL_LIMIT ? sample(size, size) : sample(size, NAIVE_SAMPLE);
    const naive = await time(async () => {
      await host.session.run(async (context) => {
        const sheet = context.workbook.worksheets.add("Naive");
        sheet.getRangeByIndexes(0, 0, rows.length, 1).formulas = rows.map((i) => [
          `=LICENSE.COUNTUSED("${synthetic.licences[i].id}",InstallationsTable[Licence ID],InstallationsTable[Device])`,
        ]);
        await context.sync();
      });
      await engine.whenIdle();
    });
    row.naive_first_calc_ms = round((naive.ms * size) / rows.length);
    row.naive_measured_rows = rows.length;
    if (size === 10_000) {
      results.naive_first_calc_ms_10k = row.naive_first_calc_ms;
      results.naive_over_ours_first_calc_10k = round((naive.ms * size) / rows.length / first.ms);
    }
  }
  engine.detach();
  live.stop();
}

async function main(): Promise<void> {
  for (const size of SIZES) {
    const synthetic = syntheticRegister(size, 20261127, TODAY);
    const row: Row = {
      licences: size,
      installations: synthetic.installations.length,
      allocations: synthetic.allocations.length,
    };
    await measureCompute(size, synthetic, row);
    await measureHost(size, synthetic, row);
    if (size > NAIVE_LIMIT) row.naive = "skipped (O(N×M): hours)";
    table.push(row);
    console.log(`${label(size)} done`, row);
  }
  console.table(table);
  const output = {
    ...results,
    machine: {
      os: `${os.type()} ${os.release()} ${os.arch()}`,
      cpus: os.cpus().length,
      cpu: os.cpus()[0]?.model,
      memory_gb: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
    },
    notes: [
      "compute: sheet cells -> validated records (src/workbook parseRow) -> computePosition, every licence and product.",
      "first_calc: attaching the host's calculation engine to the Licences table (and the Dashboard's POSITION spill) until idle; the live register is already loaded.",
      "live_update: typeIntoCell in the Installations Licence ID column until the live register has applied it and the engine is idle (median of 5).",
      `naive: LICENSE.COUNTUSED(id, InstallationsTable[Licence ID], InstallationsTable[Device]) per licence row, each invocation given copies of the columns; above ${NAIVE_FULL_LIMIT} licences measured on ${NAIVE_SAMPLE} rows and scaled linearly; not run above ${NAIVE_LIMIT}. It computes Used Quantity only, so the ratio understates the difference.`,
    ],
    table,
  };
  writeFileSync(path.join(__dirname, "results.json"), `${JSON.stringify(output, null, 2)}\n`);
  console.log(JSON.stringify(results, null, 2));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
