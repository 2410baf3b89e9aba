/**
 * Back from a licence's form in a register of 10,000 licences, in the narrowest pane: the list draws only the
 * rows in view, so the row the person came from must be scrolled to and drawn again before the keyboard can go
 * back to it. Screenshot: test-results/screenshots/back-to-list-320.png.
 */
import type { Browser, Locator, Page } from "playwright-core";
import { launchBrowser, openPlayground } from "./support/browser";
import { eventually, licenceForm, screenshot, taskPane } from "./support/playground";

let browser: Browser;
let page: Page;
let pane: Locator;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await openPlayground(browser, "?licences=10000&pane=320");
  pane = taskPane(page);
  // Seeding and loading 10,000 licences (and 100,000 installations) takes a few seconds in a browser.
  await pane.getByRole("list", { name: "Licence list" }).waitFor({ timeout: 60_000 });
}, 90_000);

afterAll(async () => {
  await browser?.close();
});

const list = () => pane.getByRole("list", { name: "Licence list" });

/** The focused element's licence row: its place in the list and its accessible name. */
function focusedRow(): Promise<{ place?: string | null; name?: string | null }> {
  return page.evaluate(() => ({
    place: document.activeElement?.closest("li")?.getAttribute("aria-posinset"),
    name: document.activeElement?.getAttribute("aria-label"),
  }));
}

/** Whether the focused element is wholly inside the box that scrolls the list, away from its edges. */
function focusedInView(): Promise<boolean> {
  return list().evaluate((ul) => {
    let scroller = ul.parentElement;
    while (scroller && !/(auto|scroll)/.test(getComputedStyle(scroller).overflowY))
      scroller = scroller.parentElement;
    const focused = document.activeElement?.getBoundingClientRect();
    const box = (scroller ?? document.documentElement).getBoundingClientRect();
    return focused !== undefined && focused.top > box.top + 100 && focused.bottom < box.bottom - 100;
  });
}

test("Back scrolls the list to the licence the person opened, far down, and puts the keyboard on its row", async () => {
  await pane.getByText("10,000 licences", { exact: true }).waitFor();
  // scroll the pane well past the rows first drawn, as a person looking for a licence would
  await list().evaluate((ul) => {
    let scroller = ul.parentElement;
    while (scroller && !/(auto|scroll)/.test(getComputedStyle(scroller).overflowY))
      scroller = scroller.parentElement;
    scroller!.scrollTop = 40_000;
  });
  const row = await eventually(async () => {
    const places = await list()
      .getByRole("listitem")
      .evaluateAll((items) => items.map((item) => Number(item.getAttribute("aria-posinset"))));
    const place = places[Math.floor(places.length / 2)];
    if (place < 300) throw new Error(`the list shows rows from ${places[0]}, not yet scrolled`);
    return list().locator(`li[aria-posinset="${place}"]`);
  });
  const place = await row.getAttribute("aria-posinset");
  const name = await row.getByRole("button").getAttribute("aria-label");
  await row.getByRole("button").click();
  const form = licenceForm(pane);
  await form.getByRole("heading").first().waitFor();
  expect(await list().count()).toBe(0);

  await form.getByRole("button", { name: "Back", exact: true }).click();
  await eventually(async () => expect(await focusedRow()).toEqual({ place, name }));
  await eventually(async () => expect(await focusedInView()).toBe(true));

  // Escape in the form is Back too
  await page.keyboard.press("Enter");
  await form.getByRole("heading").first().waitFor();
  await page.keyboard.press("Escape");
  await eventually(async () => expect(await focusedRow()).toEqual({ place, name }));
  await eventually(async () => expect(await focusedInView()).toBe(true));
  // what a keyboard user sees, the row's focus ring included: the pane as it is scrolled, not its whole length
  await page.mouse.move(0, 0);
  await screenshot(pane, "back-to-list-320");
});
