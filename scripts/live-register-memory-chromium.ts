/**
 * What the live register keeps in memory in Chromium, the engine of Excel on the web (in Chrome or Edge) and
 * of Excel on Windows (WebView2): bench/run.ts measures the same in Node, whose 64-bit heap stores every
 * reference in 8 bytes; Chromium compresses them to 4. Excel on Mac (Safari's engine) keeps 8-byte values, so
 * the Node figure stays the one for Mac.
 * The benchmark's register (same generator, seed and date) is seeded into the in-memory Excel in the page, the
 * heap is collected and read (with the typed arrays' memory, which is outside it), the register is opened into
 * the live register and the name follower's first pass as the add-in starts them, and the heap is collected and
 * read again; the difference goes into
 * bench/results.json as live_register_mb_chromium_<size> (other keys kept). One fresh browser per run.
 * Usage: node --import tsx scripts/live-register-memory-chromium.ts [sizes…]   (default 10000 100000)
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import webpack from "webpack";
import { spread } from "../bench/stats";
import { launchBrowser } from "../test/e2e/support/browser";

const ROOT = path.join(__dirname, "..");
const RESULTS = path.join(ROOT, "bench", "results.json");
const RUNS = Number(process.env.RUNS ?? 3);
// bench/run.ts's seed and date
const SEED = 20261127;
const TODAY = "2026-11-27";

/** bench/browserLiveRegister.ts as one script for the page. */
async function bundle(): Promise<string> {
  const out = mkdtempSync(path.join(tmpdir(), "live-register-memory-"));
  try {
    const stats = await new Promise<webpack.Stats>((resolve, reject) =>
      webpack(
        {
          mode: "production",
          entry: path.join(ROOT, "bench", "browserLiveRegister.ts"),
          output: { path: out, filename: "page.js" },
          resolve: { extensions: [".ts", ".tsx", ".js"] },
          module: {
            rules: [
              {
                test: /\.tsx?$/,
                exclude: /node_modules/,
                use: { loader: "ts-loader", options: { transpileOnly: true } },
              },
            ],
          },
          performance: { hints: false },
          // one script, with the parts the add-in loads later inside it: the page has nowhere to fetch them from
          plugins: [new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 })],
        },
        (error, result) => (error || !result ? reject(error) : resolve(result)),
      ),
    );
    if (stats.hasErrors()) throw new Error(stats.toString("errors-only"));
    return readFileSync(path.join(out, "page.js"), "utf8");
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

async function measure(script: string, licences: number): Promise<number> {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.addScriptTag({ content: script });
    const cdp = await page.context().newCDPSession(page);
    const heapMb = async () => {
      await cdp.send("HeapProfiler.collectGarbage");
      await cdp.send("HeapProfiler.collectGarbage");
      // typed arrays' memory is outside V8's heap (backingStorageSize, with external strings)
      const { usedSize, backingStorageSize } = await cdp.send("Runtime.getHeapUsage");
      return (usedSize + backingStorageSize) / 2 ** 20;
    };
    await page.evaluate(`seedRegister(${licences}, ${SEED}, "${TODAY}")`);
    const before = await heapMb();
    await page.evaluate(`openLiveRegister("${TODAY}")`);
    return (await heapMb()) - before;
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  const sizes = process.argv.slice(2).map(Number);
  const script = await bundle();
  const figures: Record<string, number> = {};
  for (const licences of sizes.length ? sizes : [10_000, 100_000]) {
    const runs: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      runs.push(await measure(script, licences));
      console.log(`${licences} licences, run ${i + 1}: ${runs[runs.length - 1].toFixed(1)} MB`);
    }
    const label = `${licences / 1000}k`;
    figures[`live_register_mb_chromium_${label}`] = spread(runs).median;
  }
  console.log(figures);
  const results = JSON.parse(readFileSync(RESULTS, "utf8")) as Record<string, unknown>;
  writeFileSync(RESULTS, `${JSON.stringify({ ...results, ...figures }, null, 2)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
