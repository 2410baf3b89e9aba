/**
 * A finance user's walk through the pane at N licences: the playground's production build (`npm run
 * build:playground` first) seeded with the benchmark's synthetic register (?licences=N), in the headless
 * Chromium the browser tests use. A purchase order typed into the search at human speed, the one licence it
 * finds opened, its vendor changed and saved, then back to the list. Prints how long each step took to show
 * and the long tasks (over 50 ms, the browser's own measure) the page's main thread ran meanwhile; a fresh
 * browser per run. Usage: node --import tsx scripts/pane-walk.ts [licences]  (default 100000; RUNS=3;
 * PLAYGROUND_DIST=folder to walk a build kept aside, relative to the project)
 *
 * Each step is timed in the page, from the person's key or click to the first frame that shows its result.
 * Playwright drives the walk, but its clicks and waits are themselves tasks on the page's busy main thread:
 * timed from Node, Save to "Saved." read 2.0 s where the page itself showed it after 0.48 s. (So there is no
 * figure from Save to the list: it would count how long Playwright took to click Back.)
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

/**
 * Installed before the page's scripts; plain text, as tsx's helpers would not exist in the page. Notes long
 * tasks, the time of the last key typed into the search and of each button clicked, and, every frame, whether
 * what a step waits for (`walk.watching`, by name) is on screen yet (`walk.seen`).
 */
const IN_PAGE_CLOCK = `(() => {
  window.longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.longTasks.push(Math.round(entry.duration));
  }).observe({ type: "longtask", buffered: true });
  const walk = (window.walk = { events: {}, watching: {}, seen: {} });
  document.addEventListener("keydown", (event) => {
    if (event.target.matches?.('[role="searchbox"], input[type="search"]')) walk.events.key = performance.now();
  }, true);
  document.addEventListener("click", (event) => {
    const button = event.target.closest?.("button");
    if (button) walk.events["click " + button.textContent.trim()] = performance.now();
  }, true);
  const frame = () => {
    for (const [name, shown] of Object.entries(walk.watching)) {
      if (!shown()) continue;
      walk.seen[name] = performance.now();
      delete walk.watching[name];
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})();`;

/** Starts watching, every frame, for what `shown` (page script text, an expression) says is on screen. */
async function watchFor(page: Page, name: string, shown: string): Promise<void> {
  await page.evaluate(`window.walk.watching[${JSON.stringify(name)}] = () => (${shown})`);
}

/** Milliseconds in the page from an event it noted to the frame that first showed `seen`. */
async function inPage(page: Page, event: string, seen: string): Promise<number> {
  await page.waitForFunction(`window.walk.seen[${JSON.stringify(seen)}] !== undefined`);
  const ms = (await page.evaluate(
    `window.walk.seen[${JSON.stringify(seen)}] - window.walk.events[${JSON.stringify(event)}]`,
  )) as number;
  return Math.round(ms);
}

interface Walk {
  /** From the last key typed to the first frame showing the search's one result. */
  searchMs: number;
  searchLongestTaskMs: number;
  /** From the click on Save to the first frame showing "Saved." in the form. */
  savedMs: number;
  /** From the click on Back to the first frame of the list showing the new vendor. */
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
    await page.addInitScript(IN_PAGE_CLOCK);
    await page.goto(`${base}playground.html?licences=${licences}`);
    const pane = taskPane(page);
    await pane.getByRole("list", { name: "Licence list" }).waitFor();
    // Let the work that follows a load (names, shared text) settle, as a person reads the list first.
    await page.waitForTimeout(3_000);
    await longestTask(page);

    const found = `1 of ${licences.toLocaleString("en-GB")} licences`;
    await watchFor(
      page,
      "search result",
      `document.querySelector('input[type="search"]')?.value === ${JSON.stringify(licence.purchaseOrder)} && ` +
        `[...document.querySelectorAll('[role="status"]')].some((el) => el.textContent === ${JSON.stringify(found)})`,
    );
    await pane.getByRole("searchbox", { name: "Search licences" }).click();
    await page.keyboard.type(licence.purchaseOrder!, { delay: KEY_DELAY_MS });
    const searchMs = await inPage(page, "key", "search result");
    const searchLongestTaskMs = await longestTask(page);

    await licenceItem(pane, product).click();
    const form = licenceForm(pane);
    await form.getByRole("heading", { name: product }).waitFor();
    await form.getByLabel("Vendor").fill("");
    await form.getByLabel("Vendor").pressSequentially(NEW_VENDOR, { delay: KEY_DELAY_MS });
    await longestTask(page);
    await watchFor(
      page,
      "saved",
      `[...document.querySelectorAll(".fui-MessageBarBody")].some((el) => el.textContent === "Saved.")`,
    );
    await form.getByRole("button", { name: "Save" }).click();
    const savedMs = await inPage(page, "click Save", "saved");
    await watchFor(
      page,
      "listed",
      `[...document.querySelectorAll('[aria-label="Licence list"] li button')].some((el) => ` +
        `(el.getAttribute("aria-label") ?? el.textContent).includes(${JSON.stringify(NEW_VENDOR)}))`,
    );
    await form.getByRole("button", { name: "Back" }).click();
    const backMs = await inPage(page, "click Back", "listed");
    return {
      searchMs,
      searchLongestTaskMs,
      savedMs,
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
  const { server, url } = await serveDist(0, "127.0.0.1", process.env.PLAYGROUND_DIST ?? "dist-playground");
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
