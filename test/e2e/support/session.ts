import type { Browser, Locator, Page } from "playwright-core";
import { launchBrowser, openPlayground } from "./browser";
import { taskPane, waitForList } from "./playground";

export interface OpenedPlayground {
  page: Page;
  /** The first co-author's task pane, its licence list shown. */
  pane: Locator;
}

/**
 * One page of the playground for a test file: opened before its tests (query e.g. "?pane=320") with the
 * licence list shown, handed to `opened`, and closed after them.
 */
export function withPlayground(query: string, opened: (playground: OpenedPlayground) => void): void {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
    const page = await openPlayground(browser, query);
    const pane = taskPane(page);
    await waitForList(pane);
    opened({ page, pane });
  });
  afterAll(async () => {
    await browser?.close();
  });
}
