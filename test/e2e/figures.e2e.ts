/**
 * One rule, one answer: a licence that has expired or has not started yet entitles nobody, and the Licences
 * sheet's computed columns show the same figures as the task pane (issue 12, row 4). The demo register holds
 * an expired AutoCAD trial (2 devices) and a Figma subscription that starts in 20 days (8 users).
 */
import type { Locator, Page } from "playwright-core";
import { withPlayground } from "./support/session";
import { addressOf, eventually, licenceForm, readSheet, showSheet, valueOf } from "./support/playground";

let page: Page;
let pane: Locator;

withPlayground("", (opened) => ({ page, pane } = opened));

const FIGURES = ["Used Quantity", "Available Quantity", "Compliance Status"] as const;
const STATUSES = ["Compliant", "Over-deployed", "Under-utilized", "Review Required"];

/** Opens the licence of a grid row in the pane (by selecting its row) and reads both sides' figures. */
async function bothSides(find: (row: Record<string, string>) => boolean) {
  const sheet = await eventually(async () => {
    const read = await readSheet(page, "Licences");
    const row = read.rows.find(find);
    expect(row).toBeDefined();
    for (const figure of FIGURES) expect(row![figure]).not.toMatch(/^#/);
    return read;
  });
  const index = sheet.rows.findIndex(find);
  const grid = sheet.rows[index];
  await showSheet(page, "Licences");
  await page.locator(`td[data-address="${addressOf(sheet, "Licence ID", sheet.rowNumbers[index])}"]`).click();
  const form = licenceForm(pane);
  await form.waitFor();
  const inPane: Record<string, string> = {};
  await eventually(async () => {
    for (const figure of ["Used Quantity", "Available Quantity"])
      inPane[figure] = await valueOf(form.getByLabel(figure, { exact: true }));
    // The pane shows the status as a badge followed by its reason.
    const status = await form.getByRole("status").first().innerText();
    inPane["Compliance Status"] = STATUSES.find((name) => status.startsWith(name)) ?? status;
    expect(inPane["Used Quantity"]).toBe(grid["Used Quantity"]);
  });
  return { grid: Object.fromEntries(FIGURES.map((f) => [f, grid[f]])), inPane };
}

it("an expired trial: 0 available and over-deployed, in the grid as in the pane", async () => {
  const { grid, inPane } = await bothSides(
    (row) => row["Licence Type"] === "Trial" && row["Vendor"] === "Autodesk",
  );
  expect(grid).toEqual({
    "Used Quantity": "2",
    "Available Quantity": "0",
    "Compliance Status": "Over-deployed",
  });
  expect(inPane).toEqual(grid);
});

it("a licence starting next month: 0 available until then, in the grid as in the pane", async () => {
  const { grid, inPane } = await bothSides(
    (row) => row["Licence Type"] === "Subscription" && row["Vendor"] === "Figma",
  );
  expect(grid["Available Quantity"]).toBe("0");
  expect(grid["Compliance Status"]).toBe("Over-deployed");
  expect(inPane).toEqual(grid);
});
