import { existsSync } from "node:fs";
import { chromium as pw, type Browser, type Page } from "playwright-core";

/**
 * Headless Chromium for the browser tests: CHROME_PATH when set, else the Chromium inside @sparticuz/chromium
 * (works on machines with no system browser), else /usr/bin/chromium.
 */
export async function launchBrowser(): Promise<Browser> {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv && existsSync(fromEnv)) return pw.launch({ executablePath: fromEnv, headless: true });
  try {
    const { default: chromium } = await import("@sparticuz/chromium");
    return await pw.launch({
      executablePath: await chromium.executablePath(),
      args: chromium.args,
      headless: true,
    });
  } catch (error) {
    if (existsSync("/usr/bin/chromium"))
      return pw.launch({ executablePath: "/usr/bin/chromium", headless: true });
    throw error;
  }
}

export function baseUrl(): string {
  const url = process.env.E2E_BASE_URL;
  if (!url) throw new Error("E2E_BASE_URL is not set: run the browser tests with `node scripts/e2e.mjs`.");
  return url.endsWith("/") ? url : `${url}/`;
}

/**
 * Opens the playground (e.g. query "?pane=320" for the narrowest task pane) in a fresh browser context, so
 * axe-core can open its own pages beside it.
 */
export async function openPlayground(browser: Browser, query = ""): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1600, height: 1000 },
    // Dates in the form's date inputs as a UK user sees them (the pane formats dates en-GB).
    locale: "en-GB",
  });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(`${baseUrl()}playground.html${query}`);
  return page;
}
