/**
 * What linking every unlinked installation costs a person, on the realistic register (100k licences by default:
 * a million installations, about 44,000 of them linked to no licence but with a licence that can take them), in
 * the in-memory Excel (web profile), with the live register and the name follower started as the add-in starts
 * them. Each run is a workbook of its own (a run links the installations):
 *
 *  - link_plan_first: the Import tab's first link plan, every catalogue product planned (LiveFigures.linkPlanSoon);
 *  - link_all_saved: from "Link" until the save of every proposal has finished (updateMany, as LinkPanel does);
 *  - link_all_done: from "Link" until the live register has applied the save and the plan is worked out again
 *    (nothing left to link);
 *  - link_all_longest_block: the longest stretch the thread ran without a turn of the event loop meanwhile, the
 *    in-memory Excel's own answering left out (as in bench/run.ts); the key is the worst run.
 *
 * Median of five runs, with min and max. Merges its figures into bench/results.json.
 *
 *   node --max-old-space-size=8192 --expose-gc --import tsx bench/linkAll.ts     (part of `npm run bench`)
 *   BENCH_LINK_SIZE=10000 node --expose-gc --import tsx bench/linkAll.ts          (a smaller register)
 */
import { mergeResults } from "./mergeResults";
import type { Installation } from "../src/domain/schemas";
import { followNames } from "../src/live/liveNames";
import { startLiveRegister } from "../src/live/sharedLiveRegister";
import { monitorBlocks } from "./blockMonitor";
import { addInRuntime, hostRegister } from "./hostRegister";
import { round, spread, time } from "./stats";
import { syntheticRegister } from "./synthetic";

const SIZE = Number(process.env.BENCH_LINK_SIZE ?? 100_000);
const LABEL = SIZE >= 1000 ? `${SIZE / 1000}k` : String(SIZE);
const RUNS = 5;
const TODAY = "2026-11-27";
/** How often the plan is looked at while the live register applies the save. */
const LOOK_EVERY_MS = 25;

const collectGarbage = () => (globalThis as { gc?: () => void }).gc?.();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Run {
  planMs: number;
  proposals: number;
  savedMs: number;
  doneMs: number;
  longestBlockMs: number;
}

async function linkAllOnce(): Promise<Run> {
  const host = await hostRegister(syntheticRegister(SIZE, 20261127, TODAY), "web");
  const runtime = addInRuntime(host.workbook, "bench-link");
  const live = startLiveRegister(runtime.register, { today: () => TODAY });
  let caughtUp: () => void = () => undefined;
  const namesCaughtUp = new Promise<void>((resolve) => (caughtUp = resolve));
  const stopNames = followNames(runtime.register, live, { onPass: () => caughtUp() });
  await live.ready;
  await namesCaughtUp;
  collectGarbage();

  const plan = await time(() => live.figures.linkPlanSoon());
  const updated = plan.value.proposals.flatMap(({ installationId, licenceId }) => {
    const installation = live.record("installations", installationId);
    return installation ? [{ ...installation, licenceId } as Installation] : [];
  });
  const monitor = monitorBlocks(() => runtime.session.stats.answeringMs);
  const started = performance.now();
  const saved = await runtime.register.updateMany("installations", updated);
  if (!saved.ok) throw new Error(`Linking failed: ${saved.error.message}`);
  const savedMs = performance.now() - started;
  while ((await live.figures.linkPlanSoon()).proposals.length > 0) await sleep(LOOK_EVERY_MS);
  const doneMs = performance.now() - started;
  const { longest } = monitor.stop();
  stopNames();
  live.stop();
  runtime.session.close();
  host.session.close();
  return { planMs: plan.ms, proposals: updated.length, savedMs, doneMs, longestBlockMs: longest };
}

async function main(): Promise<void> {
  const runs: Run[] = [];
  for (let run = 0; run < RUNS; run++) {
    runs.push(await linkAllOnce());
    console.log(`run ${run + 1}:`, runs[runs.length - 1]);
  }
  const figures: Record<string, number> = {};
  const record = (name: string, values: number[]) => {
    const { median, min, max } = spread(values);
    figures[`${name}_ms_${LABEL}`] = median;
    figures[`${name}_min_ms_${LABEL}`] = min;
    figures[`${name}_max_ms_${LABEL}`] = max;
  };
  record(
    "link_plan_first",
    runs.map((run) => run.planMs),
  );
  record(
    "link_all_saved",
    runs.map((run) => run.savedMs),
  );
  record(
    "link_all_done",
    runs.map((run) => run.doneMs),
  );
  figures[`link_all_longest_block_ms_${LABEL}`] = round(Math.max(...runs.map((run) => run.longestBlockMs)));
  figures[`link_all_installations_${LABEL}`] = runs[0].proposals;
  console.log(figures);

  mergeResults(figures);
}

main()
  .then(() => process.exit(0))
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
