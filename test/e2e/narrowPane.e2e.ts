/**
 * The task pane at 320 px, the narrowest Excel allows: every text wraps instead of being cut, the dashboard
 * shows every figure and the totals without sideways scrolling, and the Software picker chooses nothing for
 * the person. Screenshots of each view are kept in test-results/screenshots.
 */
import type { Locator, Page } from "playwright-core";
import { withPlayground } from "./support/session";
import { licenceForm, licenceItem, screenshot, screenshotPane } from "./support/playground";

let page: Page;
let pane: Locator;

withPlayground("?pane=320", (opened) => ({ page, pane } = opened));

/**
 * Texts a person cannot read in full: an element reaching past the pane's right edge, a read-only field whose
 * value is wider than its box, or a box whose content is wider than it (cut off, ellipsised or spilling out).
 * Each as "what it says (where)".
 */
async function cutTexts(target: Locator): Promise<string[]> {
  return target.evaluate((root) => {
    const edge = root.getBoundingClientRect().right + 1;
    const found: string[] = [];
    const describe = (element: Element, text: string) =>
      `${text.trim().slice(0, 60)} (${element.tagName.toLowerCase()}${element.getAttribute("aria-label") ? ` "${element.getAttribute("aria-label")}"` : ""})`;
    for (const element of root.querySelectorAll<HTMLElement>("*")) {
      if (element.closest("[hidden]") || element.getClientRects().length === 0) continue;
      const text = element instanceof HTMLInputElement ? element.value : (element.innerText ?? "");
      if (!text.trim()) continue;
      const style = getComputedStyle(element);
      if (element.getBoundingClientRect().right > edge) found.push(describe(element, text));
      else if (
        element instanceof HTMLInputElement &&
        element.readOnly &&
        element.scrollWidth > element.clientWidth + 1
      )
        found.push(describe(element, text));
      // Content wider than its box: hidden, ellipsised or spilling over its neighbours.
      else if (
        style.display !== "inline" &&
        element.clientWidth > 0 &&
        element.scrollWidth > element.clientWidth + 1 &&
        !["auto", "scroll"].includes(style.overflowX)
      )
        found.push(describe(element, text));
    }
    return found;
  });
}

/** Whether anything in the pane scrolls sideways. */
async function scrollsSideways(target: Locator): Promise<boolean> {
  return target.evaluate((root) =>
    [root, ...root.querySelectorAll<HTMLElement>("*")].some(
      (element) =>
        ["auto", "scroll"].includes(getComputedStyle(element).overflowX) &&
        element.scrollWidth > element.clientWidth + 1,
    ),
  );
}

it("shows the licence list without cutting any text", async () => {
  expect(await pane.evaluate((aside) => aside.clientWidth)).toBe(320);
  expect(await cutTexts(pane)).toEqual([]);
  expect(await scrollsSideways(pane)).toBe(false);
  await screenshotPane(page, pane, "list-320");
});

it("shows an open licence, its Renewal Status and its related lists without cutting any text", async () => {
  await licenceItem(pane, "Microsoft 365 E3").first().click();
  const form = licenceForm(pane);
  await form.getByRole("heading", { name: "Microsoft 365 E3" }).waitFor();
  const renewal = await form.getByLabel("Renewal Status").innerText();
  expect(renewal).toMatch(/notice due \d{1,2} \w{3} \d{4}/);
  await form.getByRole("button", { name: "Allocate to a user" }).click();
  await form.getByRole("button", { name: "Add installation" }).click();
  expect(await cutTexts(pane)).toEqual([]);
  expect(await scrollsSideways(pane)).toBe(false);
  await screenshotPane(page, pane, "licence-320");
});

it("shows the dashboard as cards, every figure and the totals visible without sideways scrolling", async () => {
  await pane.getByRole("tablist", { name: "Views" }).getByRole("tab", { name: "Dashboard" }).click();
  const grid = pane.getByRole("list", { name: "Software compliance" });
  await grid.waitFor();
  const cards = grid.getByRole("listitem");
  expect(await cards.first().getByRole("heading").innerText()).toMatch(/^Total, 12 products/);
  // The totals card and each product's card carry all nine figures.
  const terms = await cards.first().locator("dt").allInnerTexts();
  expect(terms).toEqual([
    "Licences",
    "Purchased",
    "Used",
    "Unlicensed",
    "Available",
    "Shortfall",
    "Annual cost",
    "True-up exposure",
    "Cost of unused licences",
  ]);
  expect(await cards.count()).toBe(13);
  for (const value of await cards.first().locator("dd").allInnerTexts()) expect(value).not.toBe("");
  expect(await cutTexts(pane)).toEqual([]);
  expect(await scrollsSideways(pane)).toBe(false);
  await screenshotPane(page, pane, "dashboard-320");
});

it("chooses no software for the person who opens the list and tabs on, and says Software is still to do", async () => {
  await pane.getByRole("tablist", { name: "Views" }).getByRole("tab", { name: "Licences" }).click();
  await pane.getByRole("button", { name: "Back" }).click();
  await pane.getByRole("button", { name: "New licence" }).click();
  const form = licenceForm(pane);
  const software = form.getByRole("combobox", { name: /^Software/ });
  const hint = form.getByText(/^To save, complete or correct/);

  await software.click();
  await page.getByRole("listbox").waitFor();
  await page.keyboard.press("Tab");
  expect(await software.inputValue()).toBe("");
  expect(await hint.innerText()).toMatch(/correct Software, /);

  await software.click();
  await page.keyboard.type("Ad");
  expect(await hint.innerText()).toMatch(/correct Software, /);
  await page.keyboard.press("Backspace");
  await page.keyboard.press("Backspace");
  await page.keyboard.press("Tab");
  expect(await software.inputValue()).toBe("");
  expect(await hint.innerText()).toMatch(/correct Software, /);

  // Moving to a product with the arrow keys and tabbing on takes it.
  await software.click();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Tab");
  expect(await software.inputValue()).not.toBe("");
  expect(await hint.innerText()).not.toMatch(/Software/);
  await screenshotPane(page, pane, "new-licence-320");
});

it("shows the settings, an exchange rate's message and the tabs without cutting any text", async () => {
  await pane.getByRole("tablist", { name: "Views" }).getByRole("tab", { name: "Settings" }).click();
  const form = pane.getByRole("form", { name: "Settings" });
  await form.waitFor();
  await form.getByRole("button", { name: "Add a currency" }).click();
  await form.getByRole("textbox", { name: "Currency code" }).last().fill("CHF");
  const rate = form.getByRole("textbox", { name: "Rate for CHF" });
  await rate.fill("a lot");
  await rate.blur();
  await form.getByText(/^Type the rate as a number more than 0/).waitFor();
  expect(await cutTexts(pane)).toEqual([]);
  expect(await scrollsSideways(pane)).toBe(false);
  // the four views' tabs share one line
  const tops = await pane
    .getByRole("tablist", { name: "Views" })
    .getByRole("tab")
    .evaluateAll((tabs) => tabs.map((tab) => tab.getBoundingClientRect().top));
  expect(new Set(tops).size).toBe(1);
  await screenshotPane(page, pane, "settings-320");
});

it("in a browser window as narrow as the pane, puts the grid above the pane instead of under it", async () => {
  const wide = page.viewportSize()!;
  await page.setViewportSize({ width: 320, height: 700 });
  try {
    const grid = page.getByRole("main");
    await pane.getByRole("tablist", { name: "Views" }).getByRole("tab", { name: "Licences" }).click();
    const [gridBox, paneBox] = [await grid.boundingBox(), await pane.boundingBox()];
    expect(gridBox!.y + gridBox!.height).toBeLessThanOrEqual(paneBox!.y + 1);
    expect(paneBox!.x).toBeGreaterThanOrEqual(0);
    expect(paneBox!.x + paneBox!.width).toBeLessThanOrEqual(320);
    await screenshot(page, "window-320");
  } finally {
    await page.setViewportSize(wide);
  }
});
