/**
 * How long after the register is loaded the task pane's licence list is visible, at 10k and 100k licences:
 * the playground's production build (`npm run build:playground` first) seeded with the benchmark's synthetic
 * register (?licences=N), in the headless Chromium the browser tests use. Five fresh pages per size; the
 * median, min and max go into bench/results.json as pane_list_visible_ms_10k / _100k (other keys kept).
 * Usage: node --import tsx scripts/pane-list-visible.ts [sizes…]  (default 10000 100000)
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { spread as summary } from "../bench/stats";
import { launchBrowser } from "../test/e2e/support/browser";

const RUNS = Number(process.env.RUNS ?? 5);
const RESULTS = path.join(__dirname, "..", "bench", "results.json");

interface Run {
  /** From navigation start to the register seeded into the in-memory workbook. */
  seededMs: number;
  /** From navigation start to the live register loaded (what the pane reads). */
  loadedMs: number;
  /** From the register loaded to the first frame with licences in the list. */
  listVisibleMs: number;
}

/**
 * Installed before the page's scripts: notes the first animation frame in which the list shows a licence.
 * Plain text, not a function: tsx's helpers would not exist in the page.
 */
const WATCH_FOR_LIST = `(() => {
  const check = () => {
    const item = document.querySelector('[aria-label="Licence list"] li button');
    if (item && item.getBoundingClientRect().height > 0) window.listVisibleAt = performance.now();
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})();`;

/** One fresh browser per run (the bundled Chromium is single-process: closing a page's context ends it). */
async function measure(base: string, licences: number): Promise<Run> {
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, locale: "en-GB" });
    const page = await context.newPage();
    await page.addInitScript(WATCH_FOR_LIST);
    await page.goto(`${base}playground.html?licences=${licences}`);
    await page.waitForFunction("'listVisibleAt' in window", undefined, { timeout: 900_000, polling: 500 });
    const [seeded, loaded, visible] = (await page.evaluate(`[
      performance.getEntriesByName("playground:seeded")[0].startTime,
      performance.getEntriesByName("playground:register-loaded")[0].startTime,
      window.listVisibleAt,
    ]`)) as number[];
    return {
      seededMs: Math.round(seeded),
      loadedMs: Math.round(loaded),
      listVisibleMs: Math.round(visible - loaded),
    };
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  const sizes = process.argv.slice(2).map(Number);
  // @ts-expect-error -- a plain ES module without types, loaded as one (it may not be required)
  const { serveDist } = await import("./serve-dist.mjs");
  const { server, url } = await serveDist(0, "127.0.0.1", "dist-playground");
  const base = url.endsWith("/") ? url : `${url}/`;
  const figures: Record<string, unknown> = {};
  try {
    for (const licences of sizes.length ? sizes : [10_000, 100_000]) {
      const runs: Run[] = [];
      for (let i = 0; i < RUNS; i++) {
        runs.push(await measure(base, licences));
        console.log(`${licences} licences, run ${i + 1}:`, runs[runs.length - 1]);
      }
      const visible = summary(runs.map((run) => run.listVisibleMs));
      const label = licences % 1000 === 0 ? `${licences / 1000}k` : String(licences);
      figures[`pane_list_visible_ms_${label}`] = visible.median;
      figures[`pane_list_visible_min_ms_${label}`] = visible.min;
      figures[`pane_list_visible_max_ms_${label}`] = visible.max;
      console.log(
        `${licences} licences: list visible ${JSON.stringify(visible)} ms after the register loaded;`,
        `register seeded ${JSON.stringify(summary(runs.map((run) => run.seededMs)))} ms and loaded`,
        `${JSON.stringify(summary(runs.map((run) => run.loadedMs)))} ms after navigation`,
      );
    }
  } finally {
    server.close();
  }
  // Read just before writing: the benchmark may have written its own keys meanwhile.
  const results = JSON.parse(readFileSync(RESULTS, "utf8")) as Record<string, unknown>;
  writeFileSync(RESULTS, `${JSON.stringify({ ...results, ...figures }, null, 2)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
