/**
 * What fills Chromium's long tasks while the add-in starts: the same starts as scripts/longest-block-chromium.ts
 * (the benchmark's register seeded into the in-memory Excel in the page, then RUNS starts in runtimes of their own,
 * each with one installation edit), each under a CPU profile sampled every 0.2 ms. Every task over 50 ms of the
 * add-in's own time is listed with how much of it the garbage collector took and the functions that took the rest
 * (their own time, not counting what they called). The profile's clock is lined up with the page's by a marked
 * busy loop run just before each start. Nothing goes into bench/results.json: a profile slows what it watches.
 * PROFILE_DIR=<folder> also keeps each start's profile, to open in the browser's developer tools.
 * Usage: node --import tsx scripts/long-tasks-chromium.ts [licences]   (default 100000)
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { LongTask, WatchedStart } from "../bench/browserLiveRegister";
import { TODAY, bundleBenchPage, withSeededPage } from "./bench-page";

const RUNS = Number(process.env.RUNS ?? 3);
const LONG_TASK_MS = 50;
const SAMPLING_MICROSECONDS = 200;
const MARK = "profileAlignmentMark";
const NOT_CODE = new Set(["(garbage collector)", "(program)", "(idle)", "(root)"]);

/** The parts of a CPU profile (Chrome DevTools Protocol, Profiler.Profile) read here. */
interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; lineNumber: number } }[];
  startTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

interface Sample {
  /** Page clock, ms. */
  at: number;
  ms: number;
  name: string;
}

/** The profile's samples, each with the function it was in and its time on the page's clock. */
function samplesOf(profile: CpuProfile, markStartedAt: number): Sample[] {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const nameOf = (id: number) => {
    const { functionName, lineNumber } = nodes.get(id)!.callFrame;
    return functionName.startsWith("(") ? functionName : `${functionName || "(anonymous)"}:${lineNumber + 1}`;
  };
  let clock = profile.startTime;
  const timed = (profile.samples ?? []).map((id, i) => {
    clock += profile.timeDeltas?.[i] ?? 0;
    return { microseconds: clock, id };
  });
  const mark = timed.find(({ id }) => nodes.get(id)!.callFrame.functionName === MARK);
  if (!mark) throw new Error("The profile has no sample of the alignment mark: lengthen its busy loop.");
  const offset = mark.microseconds / 1000 - markStartedAt;
  return timed.map(({ microseconds, id }, i) => ({
    at: microseconds / 1000 - offset,
    ms: (profile.timeDeltas?.[i + 1] ?? 0) / 1000,
    name: nameOf(id),
  }));
}

function describe(task: LongTask, samples: Sample[], startedAt: number): string {
  const inside = samples.filter(({ at }) => at >= task.start && at <= task.end);
  const byName = new Map<string, number>();
  for (const { name, ms } of inside) byName.set(name, (byName.get(name) ?? 0) + ms);
  const collector = byName.get("(garbage collector)") ?? 0;
  const code = [...byName].filter(([name]) => !NOT_CODE.has(name)).sort((a, b) => b[1] - a[1]);
  const top = code.slice(0, 5).map(([name, ms]) => `${name} ${ms.toFixed(0)}`);
  return (
    `${((task.start - startedAt) / 1000).toFixed(1).padStart(5)} s in: ${task.own.toFixed(0).padStart(4)} ms own, ` +
    `garbage collector ${collector.toFixed(0).padStart(3)} ms; ${top.join(", ")}`
  );
}

async function main(): Promise<void> {
  const licences = Number(process.argv[2] ?? 100_000);
  const script = await bundleBenchPage({ readableNames: true });
  await withSeededPage(script, licences, async (page, cdp) => {
    for (let run = 0; run < RUNS; run++) {
      await cdp.send("HeapProfiler.collectGarbage");
      await cdp.send("Profiler.enable");
      await cdp.send("Profiler.setSamplingInterval", { interval: SAMPLING_MICROSECONDS });
      await cdp.send("Profiler.start");
      const markStartedAt = (await page.evaluate(
        `(function ${MARK}() { const t = performance.now(); while (performance.now() - t < 30); return t; })()`,
      )) as number;
      const watched = (await page.evaluate(`openWatchingBlocks("${TODAY}", ${run})`)) as WatchedStart;
      const { profile } = (await cdp.send("Profiler.stop")) as { profile: CpuProfile };
      if (process.env.PROFILE_DIR) {
        mkdirSync(process.env.PROFILE_DIR, { recursive: true });
        writeFileSync(
          path.join(process.env.PROFILE_DIR, `start-${run + 1}.cpuprofile`),
          JSON.stringify(profile),
        );
      }
      const samples = samplesOf(profile, markStartedAt);
      const long = watched.tasks.filter((task) => task.own > LONG_TASK_MS).sort((a, b) => b.own - a.own);
      console.log(
        `${licences} licences, start ${run + 1}: ${long.length} tasks over ${LONG_TASK_MS} ms of its own`,
      );
      for (const task of long) console.log(`  ${describe(task, samples, markStartedAt)}`);
    }
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
