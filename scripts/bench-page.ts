/** The pages the Chromium benchmarks run (bench/browser*.ts bundled), and where their figures go. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { CDPSession, Page } from "playwright-core";
import webpack from "webpack";
import { launchBrowser } from "../test/e2e/support/browser";

const ROOT = path.join(__dirname, "..");
const RESULTS = path.join(ROOT, "bench", "results.json");
// bench/run.ts's seed and date
export const SEED = 20261127;
export const TODAY = "2026-11-27";

/**
 * A page's script (bench/browserLiveRegister.ts unless another is named) as one script; `readableNames` leaves it
 * unminified, for a profile.
 */
export async function bundleBenchPage({
  readableNames = false,
  entry = "browserLiveRegister.ts",
} = {}): Promise<string> {
  const out = mkdtempSync(path.join(tmpdir(), "bench-page-"));
  try {
    const stats = await new Promise<webpack.Stats>((resolve, reject) =>
      webpack(
        {
          mode: "production",
          entry: path.join(ROOT, "bench", entry),
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
          optimization: { minimize: !readableNames },
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

/** A bench page's script in a fresh headless Chromium; the browser is closed once `work` is done. */
export async function withPage<T>(
  script: string,
  work: (page: Page, cdp: CDPSession) => Promise<T>,
): Promise<T> {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.addScriptTag({ content: script });
    return await work(page, await page.context().newCDPSession(page));
  } finally {
    await browser.close();
  }
}

/** The bench page with the benchmark's register of `licences` seeded into its in-memory Excel. */
export function withSeededPage<T>(
  script: string,
  licences: number,
  work: (page: Page, cdp: CDPSession) => Promise<T>,
): Promise<T> {
  return withPage(script, async (page, cdp) => {
    await page.evaluate(`seedRegister(${licences}, ${SEED}, "${TODAY}")`);
    return work(page, cdp);
  });
}

/** The sizes (licences) named on the command line, or 10,000 and 100,000. */
export function sizesToMeasure(): number[] {
  const sizes = process.argv.slice(2).map(Number);
  return sizes.length ? sizes : [10_000, 100_000];
}

/** A size as results.json's keys end: 10k, 100k. */
export const sizeLabel = (licences: number): string => `${licences / 1000}k`;

/** Adds the figures to bench/results.json, keeping its other keys. */
export function saveResults(figures: Record<string, number>): void {
  const results = JSON.parse(readFileSync(RESULTS, "utf8")) as Record<string, unknown>;
  writeFileSync(RESULTS, `${JSON.stringify({ ...results, ...figures }, null, 2)}\n`);
}
