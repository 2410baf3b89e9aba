/**
 * A finance user's walk through the pane at N licences: the playground's production build (`npm run
 * build:playground` first) seeded with the benchmark's synthetic register (?licences=N), in the headless
 * Chromium the browser tests use. A purchase order typed into the search at human speed, the one licence it
 * finds opened, its vendor changed and saved, then back to the list. Prints how long each step took to show
 * and the long tasks (over 50 ms, the browser's own measure) the page's main thread ran meanwhile; a fresh
 * browser per run. Usage: node --import tsx scripts/pane-walk.ts [licences]  (default 100000; RUNS=3)
 */
import type { Page } from "playwright-core";
import { spread } from "../bench/stats";
import { syntheticRegister } from "../src/playground/syntheticRegister";
import { launchBrowser } from "../test/e2e/support/browser";
import { licenceForm, licenceItem, taskPane } from "../test/e2e/support/playground";

const RUNS = Number(process.env.RUNS ?? 3);
const NEW_VENDOR = "Walk Vendor";
/** Typing speed of a person: a key every 150 ms. */
const KEY_DELAY_MS = 150;

/** Installed before the page's scripts; plain text, as tsx's helpers would not exist in the page. */
const NOTE_LONG_TASKS = `(() => {
  window.longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.longTasks.push(Math.round(entry.duration));
  }).observe({ type: "longtask", buffered: true });
})();`;

interface Walk {
  /** From the last key typed to the search's one result shown. */
  searchMs: number;
  searchLongestTaskMs: number;
  /** From Save to "Saved." in the form. */
  savedMs: number;
  /** From Save to the list showing the new vendor, after going back. */
  listShowsSaveMs: number;
  /** From Back to the list showing the new vendor. */
  backMs: number;
  saveLongestTaskMs: number;
}

/** A licence whose purchase order no other licence has, and its product's name. */
function uniqueLicence(licences: number) {
  const register = syntheticRegister(licences);
  const counts = new Map<string, number>();
  for (const licence of register.licences)
    counts.set(licence.purchaseOrder!, (counts.get(licence.purchaseOrder!) ?? 0) + 1);
  const licence = register.licences
    .slice(licences / 2)
    .find((item) => counts.get(item.purchaseOrder!) === 1)!;
  return { licence, product: register.software.find((item) => item.id === licence.softwareId)!.name };
}

/** The longest task noted since the last call. */
async function longestTask(page: Page): Promise<number> {
  const tasks = (await page.evaluate("window.longTasks.splice(0)")) as number[];
  return Math.max(0, ...tasks);
}

async function walk(base: string, licences: number): Promise<Walk> {
  const { licence, product } = uniqueLicence(licences);
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, locale: "en-GB" });
    const page = await context.newPage();
    page.setDefaultTimeout(900_000);
    await page.addInitScript(NOTE_LONG_TASKS);
    await page.goto(`${base}playground.html?licences=${licences}`);
    const pane = taskPane(page);
    await pane.getByRole("list", { name: "Licence list" }).waitFor();
    // Let the work that follows a load (names, shared text) settle, as a person reads the list first.
    await page.waitForTimeout(3_000);
    await longestTask(page);

    await pane.getByRole("searchbox", { name: "Search licences" }).click();
    await page.keyboard.type(licence.purchaseOrder!, { delay: KEY_DELAY_MS });
    const typed = Date.now();
    await pane.getByText(`1 of ${licences.toLocaleString("en-GB")} licences`, { exact: true }).waitFor();
    const searchMs = Date.now() - typed;
    const searchLongestTaskMs = await longestTask(page);

    await licenceItem(pane, product).click();
    const form = licenceForm(pane);
    await form.getByRole("heading", { name: product }).waitFor();
    await form.getByLabel("Vendor").fill("");
    await form.getByLabel("Vendor").pressSequentially(NEW_VENDOR, { delay: KEY_DELAY_MS });
    await longestTask(page);
    const save = Date.now();
    await form.getByRole("button", { name: "Save" }).click();
    await form.getByText("Saved.", { exact: true }).waitFor();
    const savedMs = Date.now() - save;
    const back = Date.now();
    await form.getByRole("button", { name: "Back" }).click();
    await licenceItem(pane, product, NEW_VENDOR).waitFor();
    const listShowsSaveMs = Date.now() - save;
    const backMs = Date.now() - back;
    // Work the save set off may still be running once the list shows it: the names beside the links.
    await page.waitForTimeout(3_000);
    return {
      searchMs,
      searchLongestTaskMs,
      savedMs,
      listShowsSaveMs,
      backMs,
      saveLongestTaskMs: await longestTask(page),
    };
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  const licences = Number(process.argv[2] ?? 100_000);
  // @ts-expect-error -- a plain ES module without types, loaded as one (it may not be required)
  const { serveDist } = await import("./serve-dist.mjs");
  const { server, url } = await serveDist(0, "127.0.0.1", "dist-playground");
  const base = url.endsWith("/") ? url : `${url}/`;
  try {
    const walks: Walk[] = [];
    for (let i = 0; i < RUNS; i++) {
      walks.push(await walk(base, licences));
      console.log(`${licences} licences, run ${i + 1}:`, walks[walks.length - 1]);
    }
    for (const key of Object.keys(walks[0]) as (keyof Walk)[]) {
      console.log(`${key}: ${JSON.stringify(spread(walks.map((each) => each[key])))}`);
    }
  } finally {
    server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
