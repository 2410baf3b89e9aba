/**
 * The Dashboard sheet in the playground (issue 8, item 5): built from the pane, it shows figures, not #NAME?,
 * and they are the pane's: products by status, how many products, and the licences due for renewal.
 */
import type { Locator, Page } from "playwright-core";
import { withPlayground } from "./support/session";
import { eventually, screenshot, showSheet } from "./support/playground";

let page: Page;
let pane: Locator;

withPlayground("", (opened) => ({ page, pane } = opened));

/** What a cell of the shown sheet displays. */
async function cell(address: string): Promise<string> {
  return (await page.locator(`td[data-address="${address}"]`).textContent()) ?? "";
}

const STATUS_ROWS = { Compliant: 5, "Over-deployed": 6, "Under-utilized": 7, "Review Required": 8 };

it("builds a Dashboard sheet whose counts and renewals are the pane's", async () => {
  await pane.getByRole("tab", { name: "Dashboard" }).click();
  await pane.getByRole("button", { name: "Build dashboard" }).click();
  await pane.getByText("The Dashboard sheet is ready.").waitFor();

  // the pane's figures
  const counts = Object.fromEntries(
    await pane
      .getByRole("list", { name: "Products by compliance status" })
      .getByRole("listitem")
      .evaluateAll((items) =>
        items.map((item) => {
          const words = (item.textContent ?? "").trim().match(/^(.*?)\s*([\d,]+)$/)!;
          return [words[1].trim(), words[2]];
        }),
      ),
  );
  const products = Object.values(counts).reduce((sum, n) => sum + Number(n), 0);
  const renewals = await pane.getByRole("list", { name: "Upcoming renewals" }).getByRole("listitem").count();
  expect(products).toBeGreaterThan(0);
  expect(renewals).toBeGreaterThan(0);

  await showSheet(page, "Dashboard");
  await eventually(async () => {
    for (const [status, row] of Object.entries(STATUS_ROWS)) {
      expect([await cell(`A${row}`), await cell(`B${row}`)]).toEqual([status, counts[status]]);
    }
    expect(await cell("B9")).toBe(String(products));
    expect(await cell("O5")).toBe(String(renewals));
    expect(await cell("N6")).toBe("Licence ID");
    expect(await cell(`N${6 + renewals}`)).toMatch(/^LIC-/);
  });
  const shown = await page
    .getByRole("grid", { name: "Sheet Dashboard" })
    .locator("td")
    .evaluateAll((cells) => cells.map((td) => td.textContent ?? ""));
  expect(shown.filter((text) => /^#(NAME\?|REF!|BUSY!|VALUE!|N\/A|SPILL!|CALC!)$/.test(text))).toEqual([]);
  await screenshot(page, "dashboard-sheet");
});
