/**
 * Excel on the web's asynchronous co-authoring (?mergeDelay): two co-authors save the same field of a licence
 * within the merge delay, so both saves succeed on their own copies and Excel keeps the later one. The person
 * whose change was replaced is told so in their form, instead of a stale "Saved.", at the narrowest pane.
 */
import type { Locator, Page } from "playwright-core";
import { withPlayground } from "./support/session";
import { eventually, openInEachPane, readSheet, screenshotPane, taskPane } from "./support/playground";

/** Long enough for two saves on a loaded machine before either reaches the other copy. */
const MERGE_DELAY_MS = 8_000;
const LICENCE_ID = "LIC-DEMO00000001";
const ITEM = ["Microsoft 365 E3", "Subscription", "Softcat"] as const;

let page: Page;
let first: Locator;
let second: Locator;

withPlayground(`?coauthors=2&pane=320&mergeDelay=${MERGE_DELAY_MS}`, (opened) => {
  ({ page, pane: first } = opened);
  second = taskPane(page, 2);
});

it("tells the co-author whose saved Vendor was replaced by a save made at the same time", async () => {
  await second.getByRole("list", { name: "Licence list" }).waitFor();
  const [mine, theirs] = await openInEachPane([first, second], ...ITEM);

  await mine.getByLabel("Vendor").fill("Vendor of co-author 1");
  await theirs.getByLabel("Vendor").fill("Vendor of co-author 2");
  await mine.getByRole("button", { name: "Save" }).click();
  await mine.getByText("Saved.", { exact: true }).waitFor();
  await theirs.getByRole("button", { name: "Save" }).click();
  await theirs.getByText("Saved.", { exact: true }).waitFor();

  // Once both saves have reached the file, the later one holds the cell and the first pane says so.
  const replaced = mine.getByText(/Your change to Vendor .* was replaced by a co-author's change/);
  await replaced.waitFor({ timeout: MERGE_DELAY_MS * 3 });
  await eventually(async () => {
    const row = (await readSheet(page, "Licences")).rows.find((r) => r["Licence ID"] === LICENCE_ID);
    expect(row?.Vendor).toBe("Vendor of co-author 2");
  }, MERGE_DELAY_MS * 2);
  expect(await mine.getByText("Saved.", { exact: true }).count()).toBe(0);
  // The form shows what the licence holds now, so the person can see the value that replaced theirs.
  expect(await mine.getByLabel("Vendor").inputValue()).toBe("Vendor of co-author 2");
  await screenshotPane(page, first, "coauthor-1-change-replaced-320");
}, 90_000);
