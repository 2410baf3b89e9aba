/**
 * A person sorting a table in the grid (the sort buttons stand for Excel's): Excel raises onRowSorted, not
 * onChanged, and the pane's data issues must follow the rows they are about.
 */
import type { Locator, Page } from "playwright-core";
import { withPlayground } from "./support/session";
import { addressOf, readSheet, screenshot, typeIntoCell } from "./support/playground";

let page: Page;
let pane: Locator;

withPlayground("", (opened) => ({ page, pane } = opened));

it("a sort in the grid moves a data issue with its row, and the pane says where it went", async () => {
  const sheet = await readSheet(page, "Installations");
  const first = sheet.rowNumbers[0];
  const last = sheet.rowNumbers[sheet.rowNumbers.length - 1];
  const device = addressOf(sheet, "Device", first);
  const id = sheet.rows[0]["Installation ID"];
  await typeIntoCell(page, "Installations", device, "");

  await pane.getByRole("tab", { name: "Dashboard" }).click();
  const issues = pane.getByRole("list", { name: "Data issues" });
  const issueOnRow = (row: number) => issues.getByText(`Installations, row ${row}, Device`, { exact: true });
  await issueOnRow(first).waitFor();

  // a blank sorts last, A to Z or Z to A
  await page
    .getByRole("grid", { name: "Sheet Installations" })
    .locator(`td[data-address="${device}"]`)
    .click();
  await page.getByRole("button", { name: "Sort A to Z" }).click();
  await issueOnRow(last).waitFor();
  expect(await issueOnRow(first).count()).toBe(0);
  const sorted = await readSheet(page, "Installations");
  expect(sorted.rows[sorted.rows.length - 1]).toMatchObject({ "Installation ID": id, Device: "" });
  await screenshot(page, "installations-sorted");
});

it("the sort buttons say what to do when the selected cell is in no table", async () => {
  await readSheet(page, "Installations");
  await page.getByRole("grid", { name: "Sheet Installations" }).locator('td[data-address="A1"]').click();
  await page.getByRole("button", { name: "Sort Z to A" }).click();
  await page
    .getByRole("alert")
    .getByText("Select a cell in a table's rows to sort the table by its column.")
    .waitFor();
});
