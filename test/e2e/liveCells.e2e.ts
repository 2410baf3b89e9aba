/**
 * The Licences sheet's live columns after a save from the pane: the add-in writes the row back, formulas
 * included, and every rewritten formula is a new call in Excel that must get its own value (issue 12, row 1).
 */
import type { Page } from "playwright-core";
import { withPlayground } from "./support/session";
import { eventually, licenceForm, licenceItem, readSheet, taskPane } from "./support/playground";

const LIVE_COLUMNS = ["Used Quantity", "Available Quantity", "Compliance Status"];

let page: Page;

withPlayground("", (opened) => ({ page } = opened));

async function licenceRow(id: string): Promise<Record<string, string>> {
  const row = (await readSheet(page, "Licences")).rows.find((r) => r["Licence ID"] === id);
  expect(row).toBeDefined();
  return row!;
}

it("saving a licence's Vendor from the pane leaves its Used, Available and Compliance figures, not #BUSY!", async () => {
  const id = "LIC-DEMO00000005"; // AutoCAD, Term, Autodesk: 8 purchased, 11 devices
  const before = await eventually(async () => {
    const row = await licenceRow(id);
    for (const column of LIVE_COLUMNS) expect(row[column]).not.toMatch(/^#/);
    return row;
  });

  const pane = taskPane(page);
  await licenceItem(pane, "AutoCAD", "Term", "Autodesk").click();
  const form = licenceForm(pane);
  await form.getByRole("heading", { name: "AutoCAD" }).waitFor();
  await form.getByLabel("Vendor").fill("Autodesk Reseller Ltd");
  await form.getByRole("button", { name: "Save" }).click();
  await form.getByText("Saved.", { exact: true }).waitFor();

  await eventually(async () => {
    const row = await licenceRow(id);
    expect(row.Vendor).toBe("Autodesk Reseller Ltd");
    // none of these figures changed, so only a new call's first value can replace #BUSY!
    for (const column of LIVE_COLUMNS) expect([column, row[column]]).toEqual([column, before[column]]);
  });
});
