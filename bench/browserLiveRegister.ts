/**
 * Runs in Chromium (scripts/live-register-memory-chromium.ts bundles it): the benchmark's register, seeded as
 * bench/run.ts seeds it, then opened into the live register and the name follower as the add-in starts them,
 * in two steps the measuring script calls so that it can read the heap between them; and the same start in a
 * runtime of its own, watched for long stretches as bench/run.ts watches it.
 */
import { followNames } from "../src/live/liveNames";
import type { LiveRegister } from "../src/live/liveRegister";
import { startLiveRegister } from "../src/live/sharedLiveRegister";
import type { Register } from "../src/workbook/registerApi";
import { editOf, editTargets, type EditTargets } from "./editTargets";
import { addInRuntime, hostRegister, type HostRegister } from "./hostRegister";
import { syntheticRegister } from "./synthetic";

/** One of Chromium's long tasks, in the page's clock (performance.now), and its time less the in-memory Excel's. */
export interface LongTask {
  start: number;
  end: number;
  own: number;
}

export interface WatchedStart {
  longest: number;
  longestWithHost: number;
  tasks: LongTask[];
}

interface BenchPage {
  seedRegister(licences: number, seed: number, today: string): Promise<void>;
  openLiveRegister(today: string): Promise<void>;
  /**
   * The longest task (ms) of one start in a fresh runtime and one installation edit, less the in-memory Excel's
   * answering within it, and with it; and every task over 50 ms, with its own time (the answering taken out).
   */
  openWatchingBlocks(today: string, run: number): Promise<WatchedStart>;
  /** What the page keeps alive: the workbook, then the live register too (it stays open while measured). */
  kept: { host?: HostRegister; live?: unknown; targets?: EditTargets };
}

const page = window as unknown as BenchPage;
page.kept = {};

page.seedRegister = async (licences, seed, today) => {
  // The generator's records go out of scope here, as in bench/run.ts: the add-in never holds them.
  const synthetic = syntheticRegister(licences, seed, today);
  page.kept.targets = editTargets(synthetic);
  page.kept.host = await hostRegister(synthetic, "web");
};

/** The live register and the name follower as the add-in starts them; `namesCaughtUp` after the first pass. */
function startAsTheAddIn(register: Register, today: string) {
  const live = startLiveRegister(register, { today: () => today });
  let caughtUp: () => void = () => undefined;
  const namesCaughtUp = new Promise<void>((resolve) => (caughtUp = resolve));
  const stopNames = followNames(register, live, { onPass: () => caughtUp() });
  return { live, namesCaughtUp, stop: () => (stopNames(), live.stop()) };
}

page.openLiveRegister = async (today) => {
  const { live, namesCaughtUp } = startAsTheAddIn(page.kept.host!.register, today);
  await live.ready;
  await namesCaughtUp;
  await live.trimmed();
  page.kept.live = live;
};

const nextUpdate = (live: LiveRegister) =>
  new Promise<void>((resolve) => {
    const stop = live.onUpdated(() => {
      stop();
      resolve();
    });
  });

/**
 * The in-memory Excel's answering, sync by sync: when each answer was done and how long it took, from the running
 * total the session keeps (real Excel answers from its own process, so this is not the add-in's work).
 */
function recordAnswers(stats: { answeringMs: number }): { at: number; ms: number }[] {
  const answers: { at: number; ms: number }[] = [];
  let total = stats.answeringMs;
  Object.defineProperty(stats, "answeringMs", {
    get: () => total,
    set: (value: number) => {
      if (value > total) answers.push({ at: performance.now(), ms: value - total });
      total = value;
    },
  });
  return answers;
}

/** How far past a long task's reported end its own work may have ended (its times are rounded to the millisecond). */
const ENTRY_ROUNDING_MS = 2;

/** Chromium's long tasks (over 50 ms), each as it ran: the stretches the thread gave nothing else a turn. */
function watchLongTasks(): { stop(): Promise<{ start: number; end: number }[]> } {
  const tasks: { start: number; end: number }[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      tasks.push({ start: entry.startTime, end: entry.startTime + entry.duration });
  });
  observer.observe({ type: "longtask" });
  return {
    async stop() {
      // entries are reported after their task, when the browser has a moment
      await new Promise((resolve) => setTimeout(resolve, 500));
      observer.disconnect();
      return tasks;
    },
  };
}

page.openWatchingBlocks = async (today, run) => {
  const { workbook } = page.kept.host!;
  const runtime = addInRuntime(workbook, `blocks-${run}`);
  const answers = recordAnswers(runtime.session.stats);
  const longTasks = watchLongTasks();
  const addIn = startAsTheAddIn(runtime.register, today);
  await addIn.live.ready;
  await addIn.namesCaughtUp;
  const { cell, other, back } = editOf(page.kept.targets!, run * 13);
  const moved = nextUpdate(addIn.live);
  workbook.typeIntoCell("Installations", cell, other);
  await moved;
  const movedBack = nextUpdate(addIn.live);
  workbook.typeIntoCell("Installations", cell, back);
  await movedBack;
  const tasks = await longTasks.stop();
  addIn.stop();
  runtime.session.close();
  const owned = tasks.map(({ start, end }) => {
    // a long task's start and length are whole milliseconds: an answer done at its very end lands just past it
    const answering = answers.filter(({ at }) => at >= start && at <= end + ENTRY_ROUNDING_MS);
    return { start, end, own: end - start - answering.reduce((sum, { ms }) => sum + ms, 0) };
  });
  return {
    longest: Math.max(0, ...owned.map((task) => task.own)),
    longestWithHost: Math.max(0, ...tasks.map(({ start, end }) => end - start)),
    tasks: owned,
  };
};
