/**
 * What the live register keeps in memory in Chromium, the engine of Excel on the web (in Chrome or Edge) and
 * of Excel on Windows (WebView2): bench/run.ts measures the same in Node, whose 64-bit heap stores every
 * reference in 8 bytes; Chromium compresses them to 4. Excel on Mac (Safari's engine) keeps 8-byte values, so
 * the Node figure stays the one for Mac.
 * The benchmark's register (same generator, seed and date) is seeded into the in-memory Excel in the page, the
 * heap is collected and read (with the typed arrays' memory, which is outside it), the register is opened into
 * the live register and the name follower's first pass as the add-in starts them, and the heap is collected and
 * read again (each reading once repeated collections agree, bench/settledMemory.ts); the difference goes into
 * bench/results.json as live_register_mb_chromium_<size> (other keys kept). One fresh browser per run.
 * Usage: node --import tsx scripts/live-register-memory-chromium.ts [sizes…]   (default 10000 100000)
 */
import { settledMb } from "../bench/settledMemory";
import { spread } from "../bench/stats";
import { TODAY, bundleBenchPage, saveResults, sizeLabel, sizesToMeasure, withSeededPage } from "./bench-page";

const RUNS = Number(process.env.RUNS ?? 3);

async function measure(script: string, licences: number): Promise<number> {
  return withSeededPage(script, licences, async (page, cdp) => {
    const heapMb = () =>
      settledMb(async () => {
        await cdp.send("HeapProfiler.collectGarbage");
        // typed arrays' memory is outside V8's heap (backingStorageSize, with external strings)
        const { usedSize, backingStorageSize } = await cdp.send("Runtime.getHeapUsage");
        return (usedSize + backingStorageSize) / 2 ** 20;
      });
    const before = await heapMb();
    await page.evaluate(`openLiveRegister("${TODAY}")`);
    return (await heapMb()) - before;
  });
}

async function main(): Promise<void> {
  const script = await bundleBenchPage();
  const figures: Record<string, number> = {};
  for (const licences of sizesToMeasure()) {
    const runs: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      runs.push(await measure(script, licences));
      console.log(`${licences} licences, run ${i + 1}: ${runs[runs.length - 1].toFixed(1)} MB`);
    }
    const label = sizeLabel(licences);
    figures[`live_register_mb_chromium_${label}`] = spread(runs).median;
  }
  console.log(figures);
  saveResults(figures);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
