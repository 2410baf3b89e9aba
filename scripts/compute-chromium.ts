/**
 * bench/run.ts's compute (sheet cells -> validated records -> every licence's and product's position) measured in
 * Chromium, the engine of Excel on the web (in Chrome or Edge) and of Excel on Windows (WebView2): the same code on
 * the same data (generator, seed and date), each run from cells delivered afresh as Office.js delivers them, with
 * garbage collected between runs and never inside one. One fresh browser per size; the median of RUNS runs (with
 * the fastest and slowest, and the parse and position medians) goes into bench/results.json as
 * compute_ms_chromium_<size> (other keys kept).
 * Usage: node --import tsx scripts/compute-chromium.ts [sizes…]   (default 10000 100000)
 */
import { spread } from "../bench/stats";
import { SEED, TODAY, bundleBenchPage, saveResults, sizeLabel, sizesToMeasure, withPage } from "./bench-page";

const RUNS = Math.max(5, Number(process.env.RUNS ?? 5));

interface Run {
  parse: number;
  position: number;
  total: number;
}

async function measure(script: string, licences: number): Promise<Run[]> {
  return withPage(script, async (page, cdp) => {
    await page.evaluate(`makeSheetRows(${licences}, ${SEED}, "${TODAY}")`);
    const runs: Run[] = [];
    for (let run = 0; run < RUNS; run++) {
      await page.evaluate("deliverCells()");
      await cdp.send("HeapProfiler.collectGarbage");
      runs.push((await page.evaluate(`computeOnce("${TODAY}")`)) as Run);
      const { parse, position, total } = runs[run];
      console.log(
        `${licences} licences, run ${run + 1}: ${total.toFixed(0)} ms (parse ${parse.toFixed(0)}, position ${position.toFixed(0)})`,
      );
    }
    return runs;
  });
}

async function main(): Promise<void> {
  const script = await bundleBenchPage({ entry: "browserCompute.ts" });
  const figures: Record<string, number> = {};
  for (const licences of sizesToMeasure()) {
    const runs = await measure(script, licences);
    const label = sizeLabel(licences);
    const total = spread(runs.map((run) => run.total));
    figures[`compute_ms_chromium_${label}`] = total.median;
    figures[`compute_min_ms_chromium_${label}`] = total.min;
    figures[`compute_max_ms_chromium_${label}`] = total.max;
    figures[`compute_parse_ms_chromium_${label}`] = spread(runs.map((run) => run.parse)).median;
    figures[`compute_position_ms_chromium_${label}`] = spread(runs.map((run) => run.position)).median;
  }
  console.log(figures);
  saveResults(figures);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
