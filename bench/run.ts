/**
 * What a person with a large register waits for, on realistic data (bench/synthetic.ts: fixed seed,
 * installations in random order, optional columns filled). Each timing is the median of RUNS runs, with the
 * fastest and slowest; no garbage collection is forced inside a timed step. Prints a table and merges its
 * figures into bench/results.json (keys written by other scripts are kept).
 *
 *   node --max-old-space-size=8192 --expose-gc --import tsx bench/run.ts   (what `npm run bench` runs)
 *   BENCH_SIZES=1000,10000 npm run bench   (skip the 100k register)
 *   BENCH_EXCEL=windows npm run bench      (imitate another Excel; default web, whose 5 MB limits apply)
 */
import { existsSync, readFileSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { isoDateToExcelSerial } from "../src/domain/dates";
import { yieldEvery } from "../src/domain/yielding";
import { computePosition } from "../src/domain/position";
import { LICENSE_FUNCTIONS, STREAMING_FUNCTIONS } from "../src/functions/functionTable";
import { LiveFigures } from "../src/live/liveFigures";
import { followNames } from "../src/live/liveNames";
import type { LiveRegister } from "../src/live/liveRegister";
import { startLiveRegister } from "../src/live/sharedLiveRegister";
import { attachCalculation, isExcelPlatform, type CalculationEngine, type ExcelPlatform } from "../src/host";
import { installCustomFunctionsGlobal } from "../src/host/customFunctionsRuntime";
import type { Register } from "../src/workbook/registerApi";
import { monitorBlocks } from "./blockMonitor";
import { editOf, editTargets, licenceEditOf, type EditTargets } from "./editTargets";
import { firstTouchMicrosPerPage } from "./firstTouch";
import { monitorCpu, windowsOverThresholdInARow } from "./cpuMonitor";
import { addInRuntime, hostRegister, type HostRegister } from "./hostRegister";
import { deliver, parseSheetRows, toSheetPages, type SheetPages } from "./sheetRows";
import { settledMb } from "./settledMemory";
import { round, spread, time, type Spread } from "./stats";
import { syntheticRegister, type SyntheticRegister } from "./synthetic";

installCustomFunctionsGlobal();

const TODAY = "2026-11-27";
const SEED = 20261127;
const SIZES = (process.env.BENCH_SIZES ?? "1000,10000,100000").split(",").map(Number);
const RUNS = Math.max(5, Number(process.env.BENCH_RUNS ?? 5));
/** Licences whose naive count is timed; the rest are scaled from them (each licence's count is independent). */
const NAIVE_SAMPLE = 50;
/** Keys this script used to write and no longer does (their meaning changed): removed from results.json. */
const RETIRED_KEYS = ["naive_first_calc_ms_10k", "naive_over_ours_first_calc_10k"];
const EXCEL: ExcelPlatform = isExcelPlatform(process.env.BENCH_EXCEL) ? process.env.BENCH_EXCEL : "web";

type Row = Record<string, number | string | null>;
const table: Row[] = [];
const results: Record<string, unknown> = {};

const label = (n: number) => (n >= 1000 ? `${n / 1000}k` : String(n));
/** Between runs, outside the timings: each run starts from the same heap, not the previous run's garbage. */
const collectGarbage = () => (globalThis as { gc?: () => void }).gc?.();
/** The JS heap and the typed arrays' memory, which V8 keeps outside its heap (ArrayBuffer backing stores). */
const heapMb = () =>
  settledMb(() => {
    collectGarbage();
    const { heapUsed, arrayBuffers } = process.memoryUsage();
    return (heapUsed + arrayBuffers) / 2 ** 20;
  });
/** Starts whose kept memory is measured; the figure is their median. */
const MEMORY_STARTS = 3;

function record(row: Row, size: number, key: string, figures: Spread): void {
  row[key] = figures.median;
  results[`${key}_${label(size)}`] = figures.median;
  results[`${key.replace(/_ms$/, "")}_min_ms_${label(size)}`] = figures.min;
  results[`${key.replace(/_ms$/, "")}_max_ms_${label(size)}`] = figures.max;
}

/**
 * Between a person's edits, outside the timings: a moment's pause, as a person takes, with no collection forced. A
 * forced collection of the bench's whole heap (3–4.5 s at 100k, most of it the in-memory Excel) before each edit
 * made the edit after it slower than anything a person meets: the first edit at 100k took 613 ms after one and
 * 118 ms after a pause (bench/README.md, "Edits after a forced collection").
 */
const betweenEdits = () => new Promise<void>((resolve) => setTimeout(resolve, 1000));

/**
 * The last run's garbage collected, then the same pause: work a person starts with a click (the Dashboard's first
 * figures) right after a forced collection of the whole heap had its longest stretch at its start: 132 and 135 ms in
 * a scratch copy's first two runs, against 47–81 ms after a pause (bench/README.md, "The Dashboard's first figures
 * after a pause").
 */
const collectedThenPaused = async () => {
  collectGarbage();
  await betweenEdits();
};

async function repeat(
  runs: number,
  work: (run: number) => Promise<number>,
  between: () => void | Promise<void> = collectGarbage,
): Promise<number[]> {
  const timings: number[] = [];
  for (let run = 0; run < runs; run++) {
    await between();
    timings.push(await work(run));
  }
  return timings;
}

/**
 * What a sheet of per-row formulas does, =COUNTIFS(Installations[Licence ID], [@[Licence ID]]): for each
 * licence, one scan of the installations' Licence ID column, counting exact matches. The cheapest such
 * formula (no distinct devices, no case folding), so our lead over it is if anything understated.
 */
function naiveCount(licenceIds: readonly string[], installationLicenceIds: readonly string[]): number {
  let total = 0;
  for (const id of licenceIds) {
    let count = 0;
    for (let row = 0; row < installationLicenceIds.length; row++) {
      if (installationLicenceIds[row] === id) count++;
    }
    total += count;
  }
  return total;
}

/** Compute from the cells to every position, timed; gives the median. */
async function measureCompute(size: number, pages: SheetPages, row: Row): Promise<number> {
  const parse: number[] = [];
  const position: number[] = [];
  const total = await repeat(RUNS, async () => {
    const delivered = deliver(pages);
    const all = await time(async () => {
      const parsed = await time(() => parseSheetRows(delivered));
      const computed = await time(() => computePosition(parsed.value, TODAY));
      parse.push(parsed.ms);
      position.push(computed.ms);
    });
    return all.ms;
  });
  record(row, size, "compute_ms", spread(total));
  row.parse_ms = spread(parse).median;
  row.position_ms = spread(position).median;
  return spread(total).median;
}

async function measureNaive(
  size: number,
  synthetic: SyntheticRegister,
  computeMs: number,
  row: Row,
): Promise<void> {
  const installationLicenceIds = synthetic.installations.map((i) => i.licenceId ?? "");
  const step = Math.max(1, Math.floor(size / NAIVE_SAMPLE));
  const sampled = synthetic.licences.filter((_, i) => i % step === 0).map((l) => l.id);
  const naive = await repeat(
    RUNS,
    async () => (await time(() => naiveCount(sampled, installationLicenceIds))).ms,
  );
  const naiveMs = (spread(naive).median * size) / sampled.length;
  row.naive_compute_ms = round(naiveMs);
  results[`naive_compute_ms_${label(size)}`] = round(naiveMs);
  results[`naive_over_ours_compute_${label(size)}`] = round(naiveMs / computeMs);
}

/** Resolves when the live register has applied the next change (and the engine, if any, is idle). */
async function nextUpdate(live: LiveRegister, engine?: CalculationEngine): Promise<void> {
  await new Promise<void>((resolve) => {
    const stop = live.onUpdated(() => {
      stop();
      resolve();
    });
  });
  await engine?.whenIdle();
}

/**
 * An open task pane's share of an update: on each change of the live register's state it reads the records
 * and the whole register's position (what the pane reads with its dashboard open), a task later, as React
 * renders after a store notification. Rendering itself is not included.
 */
async function openPane(live: LiveRegister): Promise<{ rendered: () => Promise<void>; close: () => void }> {
  // the Dashboard works out the whole register's figures when it opens, a slice at a time
  await live.figures.positionSoon();
  let pending: Promise<void> = Promise.resolve();
  const close = live.subscribe(() => {
    pending = new Promise((resolve) =>
      setImmediate(() => {
        if (live.isReady) {
          // what the Licences tab reads on each change: the licences, listed
          void live.data().licences;
          live.position();
        }
        resolve();
      }),
    );
  });
  return { rendered: () => pending, close };
}

/**
 * The Dashboard's first figures for the whole register as it works them out when opened (a slice at a time,
 * giving the thread back between slices), each run on figures made afresh over the live register's index; and
 * the longest stretch without an event-loop turn meanwhile.
 */
async function measureDashboardFirst(size: number, live: LiveRegister, row: Row): Promise<void> {
  const blocks: number[] = [];
  const firsts = await repeat(
    RUNS,
    async () => {
      const figures = new LiveFigures(live.index, () => yieldEvery());
      const monitor = monitorBlocks();
      const first = await time(() => figures.positionSoon());
      blocks.push(monitor.stop().longest);
      return first.ms;
    },
    collectedThenPaused,
  );
  record(row, size, "dashboard_first_ms", spread(firsts));
  row.dashboard_first_longest_block_ms = round(Math.max(...blocks));
  results[`dashboard_first_longest_block_ms_${label(size)}`] = round(Math.max(...blocks));
}

/** Types `other` into a cell (timed until the live register has applied it and `wait` is done), then `back` (not timed). */
async function typedAndBack(
  host: HostRegister,
  live: LiveRegister,
  { sheet, cell, other, back }: { sheet: string; cell: string; other: string; back: string },
  wait: () => Promise<void>,
): Promise<number> {
  const edit = await time(async () => {
    const updated = nextUpdate(live).then(wait);
    host.workbook.typeIntoCell(sheet, cell, other);
    await updated;
  });
  const restored = nextUpdate(live).then(wait);
  host.workbook.typeIntoCell(sheet, cell, back);
  await restored;
  return edit.ms;
}

/** Moves installation k to another licence (timed), then back (not timed). */
const editInstallation = (
  host: HostRegister,
  targets: EditTargets,
  live: LiveRegister,
  k: number,
  wait: () => Promise<void>,
) => typedAndBack(host, live, { sheet: "Installations", ...editOf(targets, k) }, wait);

/** A licence's vendor typed over in the Licences sheet (timed), then typed back as it was (not timed). */
function editLicenceVendor(
  host: HostRegister,
  targets: EditTargets,
  live: LiveRegister,
  k: number,
  wait: () => Promise<void>,
): Promise<number> {
  const { cell, id } = licenceEditOf(targets, k);
  const back = String(live.record("licences", id)?.vendor ?? "");
  return typedAndBack(host, live, { sheet: "Licences", cell, other: `Bench Vendor ${k}`, back }, wait);
}

/**
 * The live register and the name follower, started as the add-in starts them (src/taskpane/index.tsx);
 * `namesCaughtUp` settles when the follower's first pass, over every record, is done.
 */
function startAsTheAddIn(register: Register): {
  live: LiveRegister;
  namesCaughtUp: Promise<void>;
  stop: () => void;
} {
  const live = startLiveRegister(register, { today: () => TODAY });
  let caughtUp: () => void = () => undefined;
  const namesCaughtUp = new Promise<void>((resolve) => (caughtUp = resolve));
  const stopNames = followNames(register, live, { onPass: () => caughtUp() });
  return {
    live,
    namesCaughtUp,
    stop: () => {
      stopNames();
      live.stop();
    },
  };
}

/**
 * Waits until a closed runtime's register has been collected, so the next start's heap holds none of its rows
 * (a real start has no earlier runtime); says so when it is still reachable after a few collections.
 */
async function untilCollected(closed: WeakRef<object> | undefined): Promise<void> {
  for (let attempt = 0; closed?.deref() !== undefined; attempt++) {
    if (attempt === 5) {
      console.warn("An earlier start's register is still reachable: this start's heap holds its rows too.");
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    collectGarbage();
  }
}

/** The heap one start keeps, in a runtime of its own, closed afterwards (its locals end with this call). */
async function memoryOfAStart(
  host: HostRegister,
): Promise<{ liveMb: number; cpuShares: number[]; closed: WeakRef<object> }> {
  const before = await heapMb();
  const runtime = addInRuntime(host.workbook, "bench-memory");
  const cpu = monitorCpu(() => runtime.session.stats.answeringMs);
  const addIn = startAsTheAddIn(runtime.register);
  await addIn.live.ready;
  await addIn.namesCaughtUp;
  await addIn.live.trimmed();
  const cpuShares = cpu.stop();
  const liveMb = (await heapMb()) - before;
  addIn.stop();
  runtime.session.close();
  return { liveMb, cpuShares, closed: new WeakRef(runtime.register) };
}

/** The host measures under BENCH_EXCEL (web by default): a load over Excel on the web's 5 MB limits fails the run. */
async function measureHost(size: number, host: HostRegister, targets: EditTargets, row: Row): Promise<void> {
  // Memory first, each start in a runtime of its own on a register nothing has read yet: what opening it into
  // the live register keeps. Each runtime is closed afterwards, so what it read does not stay in the heap.
  let previous: WeakRef<object> | undefined;
  const kept: number[] = [];
  const cpuShares: number[][] = [];
  for (let start = 0; start < MEMORY_STARTS; start++) {
    await untilCollected(previous);
    const memory = await memoryOfAStart(host);
    previous = memory.closed;
    kept.push(memory.liveMb);
    cpuShares.push(memory.cpuShares);
  }
  const keptMb = spread(kept);
  row.live_register_mb = keptMb.median;
  results[`live_register_mb_${label(size)}`] = keptMb.median;
  results[`live_register_min_mb_${label(size)}`] = keptMb.min;
  results[`live_register_max_mb_${label(size)}`] = keptMb.max;
  // the busiest of the starts: Office watches every start, not a typical one
  const busiest = Math.max(0, ...cpuShares.flat());
  row.cpu_busiest_5s_pct = cpuShares.some((shares) => shares.length > 0) ? round(100 * busiest) : null;
  results[`cpu_busiest_5s_pct_${label(size)}`] = row.cpu_busiest_5s_pct;
  results[`cpu_windows_over_90_in_a_row_${label(size)}`] = Math.max(
    ...cpuShares.map((shares) => windowsOverThresholdInARow(shares)),
  );

  // Opening the register into the live register and applying one edit, watching for long synchronous work.
  // Each run is the add-in opened afresh, as in a new runtime: a register that has read nothing yet, whose
  // session is closed afterwards (its event handlers go with it), so no earlier run's rows stay in the heap.
  const blocks: number[] = [];
  const blocksWithHost: number[] = [];
  const startsAnswering: number[] = [];
  const starts = await repeat(RUNS, async (run) => {
    await untilCollected(previous);
    const runtime = addInRuntime(host.workbook, `bench-start-${run}`);
    previous = new WeakRef(runtime.register);
    const monitor = monitorBlocks(() => runtime.session.stats.answeringMs);
    const started = await time(async () => {
      const addIn = startAsTheAddIn(runtime.register);
      await addIn.live.ready;
      return addIn;
    });
    startsAnswering.push(runtime.session.stats.answeringMs);
    await started.value.namesCaughtUp;
    await editInstallation(host, targets, started.value.live, run * 13, async () => undefined);
    const { longest, longestWithExcluded } = monitor.stop();
    blocks.push(longest);
    blocksWithHost.push(longestWithExcluded);
    started.value.stop();
    runtime.session.close();
    // what the runtime still had under way (a write of names after the edit) ends, so one collection frees it
    await new Promise((resolve) => setTimeout(resolve, 1000));
    return started.ms;
  });
  record(row, size, "live_start_ms", spread(starts));
  record(row, size, "live_start_excel_ms", spread(startsAnswering));
  record(row, size, "longest_block_ms", spread(blocks));
  results[`longest_block_ms_${label(size)}`] = round(Math.max(...blocks));
  row.longest_block_ms = round(Math.max(...blocks));
  results[`longest_block_with_host_ms_${label(size)}`] = round(Math.max(...blocksWithHost));

  host.session.stats.reset();
  const loads = await repeat(RUNS, async () => (await time(() => host.register.load())).ms);
  row.load_ms = spread(loads).median;
  row.load_syncs = host.session.stats.syncs / RUNS;
  row.load_max_request_bytes = host.session.stats.maxRequestBytes;
  row.load_max_response_bytes = host.session.stats.maxResponseBytes;
  results[`load_syncs_${label(size)}`] = host.session.stats.syncs / RUNS;
  results[`load_max_request_bytes_${label(size)}`] = host.session.stats.maxRequestBytes;
  results[`load_max_response_bytes_${label(size)}`] = host.session.stats.maxResponseBytes;

  const live = startLiveRegister(host.register, { today: () => TODAY });
  await live.ready;
  const built = await host.register.buildDashboard!();
  if (!built.ok) throw new Error(built.error.message);

  let engine: CalculationEngine | undefined;
  const attach = () =>
    attachCalculation(host.workbook, {
      functions: LICENSE_FUNCTIONS as never,
      streaming: STREAMING_FUNCTIONS,
      today: () => isoDateToExcelSerial(TODAY),
    });
  const firstCalc = await repeat(RUNS, async () => {
    engine?.detach();
    const attached = await time(async () => {
      const calculation = attach();
      await calculation.whenIdle();
      return calculation;
    });
    engine = attached.value;
    return attached.ms;
  });
  record(row, size, "first_calc_ms", spread(firstCalc));
  row.invocations = engine!.stats.invocations;

  // before the edits: its runs begin from a collected heap, which the edits, spaced as a person's, leave uncollected
  await measureDashboardFirst(size, live, row);

  const closed = await repeat(
    RUNS,
    (run) => editInstallation(host, targets, live, run * 7, () => engine!.whenIdle()),
    betweenEdits,
  );
  record(row, size, "live_update_ms", spread(closed));

  const pane = await openPane(live);
  const calculatedAndRendered = async () => {
    await engine!.whenIdle();
    await pane.rendered();
  };
  const open = await repeat(
    RUNS,
    (run) => editInstallation(host, targets, live, run * 7 + 3, calculatedAndRendered),
    betweenEdits,
  );
  record(row, size, "live_update_pane_open_ms", spread(open));
  const licenceEdits = await repeat(
    RUNS,
    (run) => editLicenceVendor(host, targets, live, run * 13 + 5, calculatedAndRendered),
    betweenEdits,
  );
  pane.close();
  record(row, size, "licence_edit_pane_open_ms", spread(licenceEdits));

  engine!.detach();
  live.stop();
}

/** Measured before the bench fills the heap. */
const FIRST_TOUCH_US_PER_PAGE = firstTouchMicrosPerPage();

function machine() {
  return {
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    cpus: os.cpus().length,
    cpu: os.cpus()[0]?.model,
    memory_gb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    load_average_at_start: os.loadavg().map((n) => Math.round(n * 100) / 100),
    first_touch_us_per_page: FIRST_TOUCH_US_PER_PAGE,
  };
}

const NOTES = [
  "Data (bench/synthetic.ts, seed 20261127): per 1,000 licences about 10,000 installations and 3,000 allocations, one product per 10 licences; installations and allocations in random order, not grouped by licence; optional columns (vendor, purchase order, dates, versions, notes, display names) filled on most rows.",
  `Timings: median of ${RUNS} runs (…_min_ms_… and …_max_ms_… give the spread); garbage collected between runs, never inside a timed step.`,
  "compute: sheet cells -> validated records exactly as a load parses them (src/workbook TableRecords, repeated IDs checked) -> computePosition, every licence and product. Each run gets the cells afresh as Office.js delivers them (decoded from JSON pages: flat strings, new objects every run). Meanwhile the benchmark holds the cells only as JSON text and not the generator's records, so collections during a run trace what the add-in would hold, as real Excel keeps its copy of the cells in its own process.",
  "naive_compute: a per-row COUNTIFS sheet's work: for each licence one scan of the installations' Licence ID column counting exact matches, timed on 50 licences and scaled to all; naive_over_ours_compute is naive_compute / compute.",
  `host: the in-memory Excel imitates Excel ${EXCEL} (BENCH_EXCEL; src/host profiles); request and response sizes are UTF-8 bytes of their JSON, and on the web a request or response over 5 MB fails the run.`,
  "load: Register.load() against the in-memory Excel host (paged reads within Excel on the web's 5 MB limit: pages of 2 MB, as the in-memory Excel answers at once, 4 MB where round trips are slow, bench/roundTrips.ts); load_max_response_bytes is its largest response.",
  "live_start: the add-in opened in a runtime of its own (a new session on the in-memory Excel, a register that has read nothing), opening the register into the live register until ready (load, parse, index). Each run's session is closed afterwards, which ends its event handlers as closing an add-in does, so no earlier run's rows are in the heap. live_start_excel is the part of it the in-memory Excel spent answering (reading its cells and writing each response's JSON), which real Excel does in its own process.",
  "longest_block: the longest stretch without an event-loop turn while opening the register into the live register, the name follower's first pass over every record (both as the add-in starts them), and applying one installation edit, in the same fresh runtimes as live_start; the key is the worst of the runs. The in-memory Excel answers requests on the same thread, where real Excel answers from its own process, so its time answering (writing the response's JSON included) is left out, and each answer arrives in a task of its own, as Excel's do; decoding the JSON is counted, as Office.js does it on the add-in's thread. longest_block_with_host counts the answering too.",
  `live_register_mb: JS heap and typed-array memory (ArrayBuffer backing stores, outside V8's heap) kept after opening the register into the live register, the name follower's first pass and the pass that shares repeated text, as the add-in starts them (live register, its index, the workbook register's memory of the records read, the names), after garbage collection: the median of ${MEMORY_STARTS} starts, each in a runtime of its own (…_min_mb_… and …_max_mb_… give the spread), each reading taken once repeated collections agree within 0.5 MB (V8 frees dead typed arrays' memory after the collection, on a helper thread).`,
  "cpu: in the same starts as live_register_mb (until the background passes are done), the process's CPU time less the in-memory Excel's answering, per 5-second window, as a share of one core (garbage collector threads included, so it can pass 100%). Office on Windows and Mac checks every 5 seconds and asks the person whether to stop an add-in over 90% at three checks. cpu_busiest_5s_pct is the busiest full window of any of them (null when each took under 5 s); cpu_windows_over_90_in_a_row the most windows over 90% in a row in any of them.",
  "machine.first_touch_us_per_page: microseconds for the first write to each 4 KB page of a new 64 MB buffer (bench/firstTouch.ts, median of three). A collection that moves surviving objects into pages not used before, and a table that grows into a new buffer, pay this for each page, so machines that charge differently give different longest_block and compute figures for the same code.",
  "first_calc: attaching the host's calculation engine to the Licences table (and the Dashboard's POSITION spill) until idle; the live register is already loaded.",
  "live_update: typing a Licence ID in the Installations sheet until the live register has applied it and the engine is idle; a second's pause between edits, as a person takes, and no collection forced before them.",
  "dashboard_first: the Dashboard's first figures for the whole register (every licence, product and problem), worked out a slice at a time as the Dashboard does when it opens (LiveFigures.positionSoon), on figures made afresh over the live register's index each run, from a collected heap after a second's pause (as a person clicks; not straight after the forced collection), measured before the edits; dashboard_first_longest_block is the longest stretch without an event-loop turn meanwhile (worst run). Until this round the Dashboard worked them out in one stretch: live_update_pane_open's slowest run was that stretch.",
  "live_update_pane_open: the same with the Dashboard's figures worked out (dashboard_first) and a reader subscribed to the live register reading, after each change, the records, the list of licences (as the Licences tab does) and the whole register's position (what the pane reads with its dashboard open; the licence list reads only its shown licences' figures); React rendering not included.",
  "licence_edit_pane_open: with the same reader subscribed, a licence's Vendor typed over in the Licences sheet (a different licence each run, spread over the sheet) until the live register has applied it, the reader has run and every affected cell is recalculated; a second's pause between edits.",
];

function writeResults(): void {
  const file = path.join(__dirname, "results.json");
  // Other scripts and helpers add their own keys: re-read just before writing and keep theirs.
  const existing = existsSync(file)
    ? (JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>)
    : {};
  for (const key of RETIRED_KEYS) delete existing[key];
  const output = { ...existing, ...results, machine: machine(), excel: EXCEL, notes: NOTES, table };
  writeFileSync(file, `${JSON.stringify(output, null, 2)}\n`);
}

/** The register's cells as SheetPages; its records, and the rows they were made from, go out of scope on return. */
function sheetPages(size: number, row: Row): SheetPages {
  const synthetic = syntheticRegister(size, SEED, TODAY);
  row.installations = synthetic.installations.length;
  row.allocations = synthetic.allocations.length;
  return toSheetPages(synthetic);
}

/**
 * The register of one size measured without the host, then put into the host. The generator's records go out
 * of scope on return: the add-in never holds them, so they must not weigh on its heap and pauses.
 */
async function prepare(size: number, row: Row): Promise<{ host: HostRegister; targets: EditTargets }> {
  // compute with nothing of the benchmark's in the heap but the cells as text; the generator runs again
  // afterwards, with the same seed, for what needs its records
  const computeMs = await measureCompute(size, sheetPages(size, row), row);
  const synthetic = syntheticRegister(size, SEED, TODAY);
  await measureNaive(size, synthetic, computeMs, row);
  return { host: await hostRegister(synthetic, EXCEL), targets: editTargets(synthetic) };
}

async function main(): Promise<void> {
  for (const size of SIZES) {
    const row: Row = { licences: size };
    const { host, targets } = await prepare(size, row);
    await measureHost(size, host, targets, row);
    table.push(row);
    console.log(`${label(size)} done`, row);
    // after each size, so a long run stopped part-way still leaves what it measured
    writeResults();
  }
  console.table(table);
  console.log(JSON.stringify(results, null, 2));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
