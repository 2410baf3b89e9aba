/**
 * Selecting a row of the Licences sheet selects that licence in the pane, as it does in Excel, and the pane's
 * "Show in sheet" takes the user back to the row.
 */
import type { Browser, Page } from "playwright-core";
import { launchBrowser, openPlayground } from "./support/browser";
import { licenceForm, showSheet, taskPane, valueOf, waitForList } from "./support/playground";

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await openPlayground(browser);
  await waitForList(taskPane(page));
});

afterAll(async () => {
  await browser?.close();
});

it("opens the licence whose row the user selects in the Licences sheet", async () => {
  await showSheet(page, "Licences");
  // Row 3 holds the demo's second licence: Microsoft 365 E3, Volume License, quantity 10.
  await page.locator('td[data-address="C3"]').click();
  const form = licenceForm(taskPane(page));
  await form.waitFor();
  await form.getByRole("heading", { name: "Microsoft 365 E3" }).waitFor();
  expect(await valueOf(form.getByLabel("Quantity", { exact: true }))).toBe("10");

  // Row 5: the perpetual Adobe Acrobat Pro licence for 5 devices.
  await page.locator('td[data-address="A5"]').click();
  await form.getByRole("heading", { name: "Adobe Acrobat Pro" }).waitFor();
  expect(await valueOf(form.getByLabel("Quantity", { exact: true }))).toBe("5");
});
