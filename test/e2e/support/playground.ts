import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Locator, Page } from "playwright-core";

/** Helpers that drive the playground the way a person does: the task pane by roles and labels, the grid by cells. */

const SCREENSHOTS = path.join(__dirname, "..", "..", "..", "test-results", "screenshots");

/** Retries an assertion block until it passes (the UI updates after the host's change events), like testing-library's waitFor. */
export async function eventually<T>(check: () => Promise<T> | T, timeout = 10_000): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

export function taskPane(page: Page, coAuthor = 1): Locator {
  // includeHidden: while a modal dialog is open the rest of the page is aria-hidden, yet the pane is still
  // on screen (the tests screenshot it behind the dialog).
  return page.getByRole("complementary", { name: `Task pane of Co-author ${coAuthor}`, includeHidden: true });
}

/** Waits until the pane has read the register and shows its licence list. */
export async function waitForList(pane: Locator): Promise<void> {
  await pane.getByRole("list", { name: "Licence list" }).waitFor();
}

export function licenceForm(pane: Locator): Locator {
  return pane.getByRole("form");
}

/**
 * A licence in the pane's list by its software and, optionally, more of the words its row shows, in order
 * (its accessible name is "Software, Status, Type, Vendor, Purchase Order, usage, validity").
 */
export function licenceItem(pane: Locator, software: string, ...shown: string[]): Locator {
  const pattern = [software, ...shown].map(escapeRegExp).join(", (?:[^,]*, )*?");
  return pane
    .getByRole("list", { name: "Licence list" })
    .getByRole("button", { name: new RegExp(`^${pattern}(,|$)`) });
}

/** Opens the same licence in each co-author's pane and gives their forms, once each shows the licence's heading. */
export async function openInEachPane(
  panes: Locator[],
  heading: string,
  ...shown: string[]
): Promise<Locator[]> {
  for (const pane of panes) await licenceItem(pane, heading, ...shown).click();
  const forms = panes.map(licenceForm);
  for (const form of forms) await form.getByRole("heading", { name: heading }).waitFor();
  return forms;
}

export async function accessibleName(locator: Locator): Promise<string> {
  return (await locator.getAttribute("aria-label")) ?? (await locator.innerText());
}

/** The texts a field's aria-describedby points at: its hint and its validation message, shown beside it. */
export async function describedBy(field: Locator): Promise<string> {
  return field.evaluate((element) =>
    (element.getAttribute("aria-describedby") ?? "")
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent ?? "")
      .join(" "),
  );
}

/** The value of a field: an input's value, or the text of a read-only text box (Renewal Status). */
export async function valueOf(field: Locator): Promise<string> {
  return field.evaluate((element) =>
    element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement
      ? element.value
      : (element.textContent ?? ""),
  );
}

/**
 * One product's figures on the Dashboard by heading ("Used", "Shortfall", "Status", …), whichever layout the
 * pane's width gives the compliance grid: a table when wide, a card per product when narrow (as at 360 px).
 */
export async function productFigures(pane: Locator, product: string): Promise<Record<string, string>> {
  const table = pane.getByRole("table", { name: "Software compliance" });
  const cards = pane.getByRole("list", { name: "Software compliance" });
  // Filters take locators relative to the element they filter: start those from the page.
  const page = pane.page();
  const row = table
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: product, exact: true }) });
  const card = cards
    .getByRole("listitem")
    .filter({ has: page.locator("h3").getByText(product, { exact: true }) });
  // The dashboard can paint as a table and switch to cards once it has measured the pane, and the
  // figures can arrive after the layout: read whichever shows this product, retrying until one does.
  return eventually(async () => {
    if ((await row.count()) === 1) {
      const headers = await table.getByRole("columnheader").allInnerTexts();
      const cells = [
        await row.getByRole("rowheader").innerText(),
        ...(await row.getByRole("cell").allInnerTexts()),
      ];
      return Object.fromEntries(headers.map((header, i) => [header.trim(), cells[i]?.trim() ?? ""]));
    }
    if ((await card.count()) === 1) {
      const terms = await card.locator("dt").allInnerTexts();
      const values = await card.locator("dd").allInnerTexts();
      return {
        Product: product,
        Status: (await card.locator("h3 .fui-Badge").innerText()).trim(),
        ...Object.fromEntries(terms.map((term, i) => [term.trim(), values[i]?.trim() ?? ""])),
      };
    }
    throw new Error(`The Dashboard shows no figures for ${product}.`);
  });
}

// ---- The workbook grid ----

export async function showSheet(page: Page, sheet: string): Promise<void> {
  await page.getByRole("tablist", { name: "Sheets" }).getByRole("tab", { name: sheet, exact: true }).click();
  await page.getByRole("grid", { name: `Sheet ${sheet}` }).waitFor();
}

export interface SheetTable {
  headers: string[];
  /** Body rows of the table starting at A1 (rows with a value in column A). */
  rows: Record<string, string>[];
  /** Sheet row number (1-based) of each body row. */
  rowNumbers: number[];
  /** The column letter of each header (hidden columns, such as the Licence Key, are not shown and not listed). */
  letters: Record<string, string>;
}

/** Reads the shown sheet as the grid displays it: header row 1, body rows below while column A has a value. */
export async function readSheet(page: Page, sheet: string): Promise<SheetTable> {
  await showSheet(page, sheet);
  const { letters, cells } = await page.getByRole("grid", { name: `Sheet ${sheet}` }).evaluate((table) => ({
    letters: Array.from(table.querySelectorAll("thead th"), (th) => th.textContent ?? "").slice(1),
    cells: Array.from(table.querySelectorAll("tbody tr"), (tr) =>
      Array.from(tr.querySelectorAll("td"), (td) => td.textContent ?? ""),
    ),
  }));
  const headers = cells[0] ?? [];
  const rows: Record<string, string>[] = [];
  const rowNumbers: number[] = [];
  for (let r = 1; r < cells.length && cells[r][0] !== ""; r++) {
    rows.push(Object.fromEntries(headers.map((header, c) => [header, cells[r][c] ?? ""])));
    rowNumbers.push(r + 1);
  }
  return {
    headers: headers.filter(Boolean),
    rows,
    rowNumbers,
    letters: Object.fromEntries(headers.map((header, c) => [header, letters[c]])),
  };
}

/** A column's letter from its 0-based index (A, …, Z, AA, …). */
export function columnLetter(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** The address of a table cell by header and sheet row, e.g. ("Licence ID", 5) → "C5". */
export function addressOf(table: SheetTable, header: string, row: number): string {
  if (!table.headers.includes(header))
    throw new Error(`No column "${header}" in ${table.headers.join(", ")}`);
  return `${table.letters[header]}${row}`;
}

/** Types into a cell as a person does: double-click to edit, type, Enter to commit. */
export async function typeIntoCell(page: Page, sheet: string, address: string, text: string): Promise<void> {
  await showSheet(page, sheet);
  await page
    .getByRole("grid", { name: `Sheet ${sheet}` })
    .locator(`td[data-address="${address}"]`)
    .dblclick();
  const editor = page.getByRole("textbox", { name: `Edit ${address}`, exact: true });
  await editor.fill(text);
  await editor.press("Enter");
  await editor.waitFor({ state: "detached" });
}

export async function screenshot(target: Page | Locator, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await target.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), animations: "disabled" });
}

/** Scrolls a task pane back to its top, where messages about the open licence show. */
export async function scrollPaneToTop(pane: Locator): Promise<void> {
  await pane.evaluate((aside) => aside.querySelectorAll("div").forEach((el) => el.scrollTo({ top: 0 })));
}

/**
 * A task pane as a person would see it scrolled top to bottom: the viewport grows for the shot so the pane's
 * whole content shows at its real 360 px width, then shrinks back.
 */
export async function screenshotPane(page: Page, pane: Locator, name: string): Promise<void> {
  const hidden = await pane.evaluate((aside) =>
    Math.max(0, ...Array.from(aside.querySelectorAll("div"), (el) => el.scrollHeight - el.clientHeight)),
  );
  const size = page.viewportSize() ?? { width: 1600, height: 1000 };
  if (hidden > 0)
    await page.setViewportSize({ width: size.width, height: Math.min(size.height + hidden, 8000) });
  try {
    await screenshot(pane, name);
  } finally {
    if (hidden > 0) await page.setViewportSize(size);
  }
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
