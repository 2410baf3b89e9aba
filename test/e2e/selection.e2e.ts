/**
 * The grid and the pane side by side, at the narrowest pane Excel allows (320 px): selecting a row of the
 * Licences sheet shows that licence in the pane without taking the keyboard from the grid, so cells edit by
 * double-click and by typing; the pane's "Show in sheet" takes the grid to the licence's row.
 */
import type { Locator, Page } from "playwright-core";
import { withPlayground } from "./support/session";
import {
  addressOf,
  eventually,
  licenceForm,
  licenceItem,
  readSheet,
  screenshot,
  screenshotPane,
  showSheet,
  valueOf,
  waitForList,
} from "./support/playground";

let page: Page;
let pane: Locator;

withPlayground("?pane=320", (opened) => ({ page, pane } = opened));

const grid = () => page.getByRole("grid", { name: "Sheet Licences" });
const cell = (address: string) => grid().locator(`td[data-address="${address}"]`);
const selectedCell = () => page.getByLabel("Selected cell");

it("is laid out at 320 px", async () => {
  expect(await pane.evaluate((aside) => aside.clientWidth)).toBe(320);
});

it("opens the licence whose row the user selects in the Licences sheet", async () => {
  await showSheet(page, "Licences");
  // Row 3 holds the demo's second licence: Microsoft 365 E3, Volume License, quantity 10.
  await cell("C3").click();
  const form = licenceForm(pane);
  await form.getByRole("heading", { name: "Microsoft 365 E3" }).waitFor();
  expect(await valueOf(form.getByLabel("Quantity", { exact: true }))).toBe("10");

  // Row 5: the perpetual Adobe Acrobat Pro licence for 5 devices.
  await cell("A5").click();
  await form.getByRole("heading", { name: "Adobe Acrobat Pro" }).waitFor();
  expect(await valueOf(form.getByLabel("Quantity", { exact: true }))).toBe("5");
});

it("edits a cell by double-click while the pane opens that row's licence", async () => {
  const sheet = await readSheet(page, "Licences");
  const row = sheet.rowNumbers[1];
  expect(sheet.rows[1]["Quantity"]).toBe("10");
  const quantity = addressOf(sheet, "Quantity", row);

  await cell(quantity).dblclick();
  const editor = page.getByRole("textbox", { name: `Edit ${quantity}`, exact: true });
  const form = licenceForm(pane);
  await form.getByRole("heading", { name: "Microsoft 365 E3" }).waitFor();
  // The pane opened the licence and left the keyboard in the cell editor.
  await page.waitForTimeout(300);
  expect(await editor.evaluate((input) => input === document.activeElement)).toBe(true);
  await page.keyboard.press("Control+A");
  await page.keyboard.type("12");
  await page.keyboard.press("Enter");

  await eventually(async () => expect(await cell(quantity).innerText()).toBe("12"));
  // Enter moves down one row, as in Excel: from the edited cell, not from a row the pane's focus dropped to.
  expect(await selectedCell().innerText()).toBe(addressOf(sheet, "Quantity", row + 1));
  // Back on the edited row, the pane shows what was typed.
  await cell(quantity).click();
  await form.getByRole("heading", { name: "Microsoft 365 E3" }).waitFor();
  await eventually(async () =>
    expect(await valueOf(form.getByLabel("Quantity", { exact: true }))).toBe("12"),
  );
});

it("edits a cell by selecting it and typing, as in Excel", async () => {
  const sheet = await readSheet(page, "Licences");
  const row = sheet.rowNumbers[1];
  const vendor = addressOf(sheet, "Vendor", row);
  await cell(vendor).click();
  await licenceForm(pane).getByRole("heading", { name: "Microsoft 365 E3" }).waitFor();
  await page.waitForTimeout(300);
  await page.keyboard.type("Softcat Ltd");
  await screenshot(page, "grid-typing-320");
  await page.keyboard.press("Enter");

  await eventually(async () => expect(await cell(vendor).innerText()).toBe("Softcat Ltd"));
  expect(await selectedCell().innerText()).toBe(addressOf(sheet, "Vendor", row + 1));
  await cell(vendor).click();
  await licenceForm(pane).getByRole("heading", { name: "Microsoft 365 E3" }).waitFor();
  await eventually(async () =>
    expect(await valueOf(licenceForm(pane).getByLabel("Vendor", { exact: true }))).toBe("Softcat Ltd"),
  );
});

it("Show in sheet brings the grid to the licence's row and selects it", async () => {
  // Look elsewhere first: the Licences sheet scrolled to its far right, then another sheet.
  await showSheet(page, "Licences");
  await grid().evaluate((table) => table.parentElement!.scrollTo({ left: 1e6, top: 1e6 }));
  expect(await isInView(cell("A2"))).toBe(false);
  await showSheet(page, "Software");
  await pane.getByRole("button", { name: "Back" }).click();
  await waitForList(pane);
  await licenceItem(pane, "Zoom Workplace").first().click();
  const form = licenceForm(pane);
  await form.getByRole("heading", { name: "Zoom Workplace" }).waitFor();
  const shown = {
    Vendor: await valueOf(form.getByLabel("Vendor", { exact: true })),
    "Purchase Order": await valueOf(form.getByLabel("Purchase Order", { exact: true })),
    Quantity: await valueOf(form.getByLabel("Quantity", { exact: true })),
  };

  await form.getByRole("button", { name: "Show in sheet" }).click();
  await grid().waitFor();
  const address = await eventually(async () => {
    const text = await selectedCell().innerText();
    expect(text).toMatch(/^A\d+$/);
    return text;
  });
  const row = Number(address.slice(1));
  const sheet = await readSheet(page, "Licences");
  const record = sheet.rows[sheet.rowNumbers.indexOf(row)];
  expect({
    Vendor: record["Vendor"],
    "Purchase Order": record["Purchase Order"],
    Quantity: record["Quantity"],
  }).toEqual(shown);
  // The whole row is selected and its first cells are in view.
  expect(await cell(`A${row}`).getAttribute("aria-selected")).toBe("true");
  expect(await cell(addressOf(sheet, "Vendor", row)).getAttribute("aria-selected")).toBe("true");
  expect(await isInView(cell(`A${row}`))).toBe(true);
  await screenshot(page, "show-in-sheet-320");
  await screenshotPane(page, pane, "show-in-sheet-pane-320");
});

async function isInView(target: Locator): Promise<boolean> {
  return target.evaluate((element) => {
    const box = element.getBoundingClientRect();
    let scroller = element.parentElement;
    while (scroller && getComputedStyle(scroller).overflow !== "auto") scroller = scroller.parentElement;
    const view = (scroller ?? document.documentElement).getBoundingClientRect();
    return (
      box.top >= view.top && box.bottom <= view.bottom && box.left >= view.left && box.right <= view.right
    );
  });
}
