/**
 * Importing an Intune export in the playground at the narrowest task pane (320 px): the preview before
 * anything is written, titles matched to the demo catalogue by the aliases it suggests, the installations
 * written, the Dashboard following, and the installations linked to their licences with one confirmation.
 */
import path from "node:path";
import type { Locator, Page } from "playwright-core";
import { withPlayground } from "./support/session";
import { eventually, productFigures, readSheet, screenshotPane } from "./support/playground";

const EXPORT = path.join(__dirname, "..", "import", "fixtures", "intune-appinvrawdata.csv");

let page: Page;
let pane: Locator;

withPlayground("?pane=320", (opened) => ({ page, pane } = opened));

/** A figure of one product in the Dashboard's compliance grid, by its column header. */
async function dashboardFigure(product: string, column: string): Promise<string> {
  await pane.getByRole("tab", { name: "Dashboard" }).click();
  return (await productFigures(pane, product))[column];
}

it("previews the export before writing anything", async () => {
  const usedBefore = await dashboardFigure("Microsoft 365 E3", "Used");
  const installationsBefore = (await readSheet(page, "Installations")).rows.length;
  await pane.getByRole("tab", { name: "Import" }).click();
  await pane.getByLabel("Export file").setInputFiles(EXPORT);
  const preview = pane.getByLabel("Import preview");
  await expect(preview.innerText()).resolves.toContain("recognised as Microsoft Intune discovered apps");
  await expect(preview.innerText()).resolves.toMatch(/Installations\s+7/);
  await preview.getByRole("button", { name: /1 rejected row/ }).click();
  await expect(preview.getByRole("list", { name: "Rejected rows" }).innerText()).resolves.toBe(
    "Line 8: No device: the row does not say which computer the software is on.",
  );
  await screenshotPane(page, pane, "import-preview-320");
  expect((await readSheet(page, "Installations")).rows.length).toBe(installationsBefore);
  expect(await dashboardFigure("Microsoft 365 E3", "Used")).toBe(usedBefore);
});

it("writes the installations of the titles it matched, and the Dashboard follows", async () => {
  const usedBefore = Number(await dashboardFigure("Microsoft 365 E3", "Used"));
  await pane.getByRole("tab", { name: "Import" }).click();
  const titles = pane.getByRole("list", { name: "Titles not in the catalogue" });
  await expect(titles.getByLabel("Microsoft 365 Apps for enterprise - en-us").inputValue()).resolves.toMatch(
    /^alias:/,
  );
  await pane.getByRole("button", { name: "Import 4 installations" }).click();
  await pane.getByText("Imported 4 installations; remembered 2 aliases.").waitFor();
  await screenshotPane(page, pane, "import-written-320");
  const rows = (await readSheet(page, "Installations")).rows.filter((row) => row.Source === "Intune");
  expect(rows.map((row) => row.Device).sort()).toEqual(["DESK-003", "DESK-003", "LAPTOP-001", "LAPTOP-002"]);
  await eventually(async () =>
    expect(Number(await dashboardFigure("Microsoft 365 E3", "Used"))).toBe(usedBefore + 2),
  );
});

it("links the imported installations to licences that entitle them, after one confirmation", async () => {
  await pane.getByRole("tab", { name: "Import" }).click();
  const links = pane.getByRole("region", { name: "Link installations to licences" });
  await links.getByRole("button", { name: /^Link \d+ installations?$/ }).click();
  await screenshotPane(page, pane, "import-link-confirm-320");
  await page
    .getByRole("alertdialog", { name: "Link installations to licences?" })
    .getByRole("button", { name: /^Link/ })
    .click();
  await links.getByText(/^Linked \d+ installations? to their licences\.$/).waitFor();
  await screenshotPane(page, pane, "import-linked-320");
  const rows = (await readSheet(page, "Installations")).rows.filter((row) => row.Source === "Intune");
  expect(rows.filter((row) => row["Licence ID"] !== "").length).toBeGreaterThan(0);
});
