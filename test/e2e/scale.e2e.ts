/**
 * A register of 10,000 licences in the playground (?licences=10000, the benchmark's synthetic register): the
 * pane shows its list without rendering every licence, the keyboard walks past what was first rendered, a
 * search finds one licence, and an edit is saved and shows in the list and in the Licences sheet.
 */
import type { Browser, Locator, Page } from "playwright-core";
import { syntheticRegister } from "../../src/playground/syntheticRegister";
import { RECORD_TABLES } from "../../src/workbook/tables";
import { launchBrowser, openPlayground } from "./support/browser";
import { columnLetter, eventually, licenceForm, licenceItem, taskPane } from "./support/playground";

const LICENCES = 10_000;
const NEW_VENDOR = "E2E Scale Vendor";

let browser: Browser;
let page: Page;
let pane: Locator;

/** A licence of the synthetic register whose purchase order no other licence has, and its product's name. */
function uniqueLicence() {
  const { licences, software } = syntheticRegister(LICENCES);
  const counts = new Map<string, number>();
  for (const licence of licences)
    counts.set(licence.purchaseOrder!, (counts.get(licence.purchaseOrder!) ?? 0) + 1);
  const licence = licences.slice(LICENCES / 2).find((item) => counts.get(item.purchaseOrder!) === 1)!;
  return { licence, product: software.find((item) => item.id === licence.softwareId)!.name };
}

beforeAll(async () => {
  browser = await launchBrowser();
  page = await openPlayground(browser, `?licences=${LICENCES}`);
  pane = taskPane(page);
  // Seeding and loading 10,000 licences (and 100,000 installations) takes a few seconds in a browser.
  await pane.getByRole("list", { name: "Licence list" }).waitFor({ timeout: 60_000 });
}, 90_000);

afterAll(async () => {
  await browser?.close();
});

const list = () => pane.getByRole("list", { name: "Licence list" });

test("shows the list of 10,000 licences, rendering only the rows in view", async () => {
  await pane.getByText("10,000 licences", { exact: true }).waitFor();
  const rendered = await list().getByRole("listitem").count();
  expect(rendered).toBeGreaterThan(3);
  expect(rendered).toBeLessThan(100);
  // Each item tells a screen reader where it is in the whole list.
  expect(await list().getByRole("listitem").first().getAttribute("aria-setsize")).toBe(String(LICENCES));
});

test("Tab walks through the licences past those first rendered", async () => {
  const rendered = await list().getByRole("listitem").count();
  await list().getByRole("button").first().focus();
  // A person tabs at human speed: let the list draw the rows scrolled into view between presses (two frames),
  // as a busy machine may not have done so before an instant next key press.
  for (let n = 0; n < rendered + 5; n++) {
    await page.keyboard.press("Tab");
    await page.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
    );
  }
  const place = await page.evaluate(() =>
    document.activeElement?.closest("li")?.getAttribute("aria-posinset"),
  );
  expect(place).toBe(String(rendered + 6));
});

test("a search finds one licence by its purchase order, and an edit shows in the list and the sheet", async () => {
  const { licence, product } = uniqueLicence();
  await pane.getByRole("searchbox", { name: "Search licences" }).fill(licence.purchaseOrder!);
  await pane.getByText(`1 of ${LICENCES.toLocaleString("en-GB")} licences`, { exact: true }).waitFor();
  expect(await list().getByRole("button").count()).toBe(1);
  await licenceItem(pane, product, licence.purchaseOrder!).waitFor();

  await licenceItem(pane, product).click();
  const form = licenceForm(pane);
  await form.getByRole("heading", { name: product }).waitFor();
  await form.getByLabel("Vendor").fill(NEW_VENDOR);
  await form.getByRole("button", { name: "Save" }).click();
  await form.getByText("Saved.", { exact: true }).waitFor();
  await form.getByRole("button", { name: "Back" }).click();
  // The search is kept, and the licence's row shows the new vendor.
  await licenceItem(pane, product, NEW_VENDOR, licence.purchaseOrder!).waitFor();

  await licenceItem(pane, product).click();
  await licenceForm(pane).getByRole("button", { name: "Show in sheet" }).click();
  const grid = page.getByRole("grid", { name: "Sheet Licences" });
  const column = (header: string) =>
    columnLetter(RECORD_TABLES.licences.columns.findIndex((item) => item.header === header));
  const shown = (address: string) =>
    grid.locator(`td[data-address="${address}"]`).innerText({ timeout: 1_000 });
  // The grid selects the licence's row (until it does, the selection is wherever it was).
  await eventually(async () => {
    const row = (await page.getByLabel("Selected cell").innerText()).replace(/^[A-Z]+/, "");
    expect(await shown(`${column("Licence ID")}${row}`)).toBe(licence.id);
    expect(await shown(`${column("Vendor")}${row}`)).toBe(NEW_VENDOR);
  }, 20_000);
});

test("the Dashboard's renewals draw only those in view, and still only those once its tab is hidden", async () => {
  await pane.getByRole("tab", { name: "Dashboard" }).click();
  await pane.getByRole("heading", { name: "Software compliance" }).waitFor({ timeout: 30_000 });
  const renewals = page.locator('ul[aria-label="Upcoming renewals"] > li');
  expect(Number(await renewals.first().getAttribute("aria-setsize"))).toBeGreaterThan(200);
  expect(await renewals.count()).toBeLessThan(100);
  // hidden with its tab, its items measure 0 high: it must not take that as room to draw them all
  await pane.getByRole("tab", { name: "Licences" }).click();
  await page.waitForFunction(
    () =>
      (
        document
          .querySelector('ul[aria-label="Upcoming renewals"]')
          ?.closest("[role=tabpanel]") as HTMLElement
      )?.hidden,
  );
  await page.waitForTimeout(500);
  expect(await renewals.count()).toBeLessThan(100);
});
