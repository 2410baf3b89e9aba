/**
 * The longest stretch the add-in's thread runs without a break, measured in Chromium, the engine of Excel on the
 * web (in Chrome or Edge) and of Excel on Windows (WebView2). bench/run.ts measures it in Node, whose heap is laid
 * out differently (8-byte references, a young generation twice the size). Here the benchmark's register (same
 * generator, seed and date) is seeded into the in-memory Excel in the page; then, RUNS times, the add-in starts
 * in a runtime of its own (live register and name follower, as the add-in starts them) and one installation is
 * moved to another licence and back. Chromium's Long Tasks API reports every task over 50 ms as it ran; from
 * each, the in-memory Excel's answering within it is taken out (real Excel answers from its own process; JSON
 * decoding stays in, as Office.js does it on the add-in's thread). A gap between two turns of a task re-queued
 * in the page was tried first and dropped: in Chromium it also counts the time such a task waits behind others,
 * which is not the add-in's stretch. The worst run goes into bench/results.json as
 * longest_block_ms_chromium_<size> (with _min_ and the worst with the in-memory Excel; other keys kept); 0 means
 * no task over 50 ms.
 * Usage: node --import tsx scripts/longest-block-chromium.ts [sizes…]   (default 10000 100000)
 */
import { round } from "../bench/stats";
import type { WatchedStart } from "../bench/browserLiveRegister";
import { TODAY, bundleBenchPage, saveResults, sizeLabel, sizesToMeasure, withSeededPage } from "./bench-page";

const RUNS = Number(process.env.RUNS ?? 5);

async function measure(script: string, licences: number): Promise<WatchedStart[]> {
  return withSeededPage(script, licences, async (page, cdp) => {
    const runs: WatchedStart[] = [];
    for (let run = 0; run < RUNS; run++) {
      // as bench/run.ts does between runs: the last run's register collected, never inside a timed step
      await cdp.send("HeapProfiler.collectGarbage");
      runs.push((await page.evaluate(`openWatchingBlocks("${TODAY}", ${run})`)) as WatchedStart);
      const { longest, longestWithHost } = runs[run];
      console.log(
        `${licences} licences, run ${run + 1}: longest task ${longest.toFixed(1)} ms (${longestWithHost.toFixed(1)} with the in-memory Excel)`,
      );
    }
    return runs;
  });
}

async function main(): Promise<void> {
  const script = await bundleBenchPage();
  const figures: Record<string, number> = {};
  for (const licences of sizesToMeasure()) {
    const runs = await measure(script, licences);
    const label = sizeLabel(licences);
    const longest = runs.map((run) => run.longest);
    figures[`longest_block_ms_chromium_${label}`] = round(Math.max(...longest));
    figures[`longest_block_min_ms_chromium_${label}`] = round(Math.min(...longest));
    figures[`longest_block_with_host_ms_chromium_${label}`] = round(
      Math.max(...runs.map((run) => run.longestWithHost)),
    );
  }
  console.log(figures);
  saveResults(figures);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
