/**
 * The sheets read as names (issue 12, row 6): the Licences, Allocations and Installations sheets show the
 * product's name and a licence's label beside the IDs they link by, and renaming a product in the Software
 * sheet renames it in every sheet.
 */
import type { Page } from "playwright-core";
import { withPlayground } from "./support/session";
import { addressOf, eventually, readSheet, typeIntoCell } from "./support/playground";

let page: Page;

withPlayground("", (opened) => ({ page } = opened));

async function productNames(): Promise<Map<string, string>> {
  const software = await readSheet(page, "Software");
  return new Map(software.rows.map((row) => [row["Software ID"], row["Name"]]));
}

it("shows each row's product by name and each linked licence by its label", async () => {
  const names = await productNames();
  await eventually(async () => {
    const licences = await readSheet(page, "Licences");
    expect(licences.rows.length).toBeGreaterThan(0);
    for (const row of licences.rows) expect(row["Software Name"]).toBe(names.get(row["Software ID"]));
    const installations = await readSheet(page, "Installations");
    for (const row of installations.rows) {
      expect(row["Software Name"]).toBe(names.get(row["Software ID"]));
      if (row["Licence ID"] !== "")
        expect(row["Licence"].startsWith(`${names.get(row["Software ID"])} · `)).toBe(true);
    }
    const allocations = await readSheet(page, "Allocations");
    for (const row of allocations.rows) expect(row["Licence"]).not.toBe("");
  });
});

it("keeps the Licence Key out of sight in the grid: set-up created its column hidden", async () => {
  const licences = await readSheet(page, "Licences");
  expect(licences.headers).toContain("Software Name");
  expect(licences.headers).not.toContain("Licence Key");
});

it("renaming a product in the Software sheet renames it in every sheet", async () => {
  const software = await readSheet(page, "Software");
  const index = software.rows.findIndex((row) => row["Name"] === "AutoCAD");
  const id = software.rows[index]["Software ID"];
  await typeIntoCell(page, "Software", addressOf(software, "Name", software.rowNumbers[index]), "AutoCAD LT");
  await eventually(async () => {
    const licences = (await readSheet(page, "Licences")).rows.filter((row) => row["Software ID"] === id);
    expect(licences.length).toBeGreaterThan(0);
    expect(licences.map((row) => row["Software Name"])).toEqual(licences.map(() => "AutoCAD LT"));
    const installations = (await readSheet(page, "Installations")).rows.filter(
      (row) => row["Software ID"] === id,
    );
    expect(installations.map((row) => row["Software Name"])).toEqual(installations.map(() => "AutoCAD LT"));
  });
});
