/**
 * The Settings view in the playground with two co-authors, in the narrowest pane (320 px): a new under-use
 * threshold typed as a percentage in the pane lands in the Settings sheet's Value cell, shown there as the same
 * percentage (82.5% as 82.5%); a new Expiring Soon (Days) lands in its cell and in the licence list's filter; a
 * co-author's change to the same setting refuses the save without losing what was typed, and saving again keeps
 * the typed value.
 */
import type { Locator, Page } from "playwright-core";
import { withPlayground } from "./support/session";
import {
  eventually,
  readSheet,
  screenshot,
  screenshotPane,
  taskPane,
  waitForList,
} from "./support/playground";

let page: Page;
let mine: Locator;

withPlayground("?pane=320&coauthors=2", (opened) => ({ page, pane: mine } = opened));

const settingCell = async (setting: string) =>
  (await readSheet(page, "Settings")).rows.find((row) => row["Setting"] === setting)?.["Value"];
const thresholdCell = () => settingCell("Under-use Threshold");

async function openSettings(pane: Locator): Promise<Locator> {
  await pane.getByRole("tablist", { name: "Views" }).getByRole("tab", { name: "Settings" }).click();
  const form = pane.getByRole("form", { name: "Settings" });
  await form.waitFor();
  return form;
}

const threshold = (form: Locator) => form.getByRole("textbox", { name: "Under-use Threshold" });

it("saves a new under-use threshold to the Settings sheet, which shows the percentage typed", async () => {
  expect(await thresholdCell()).toBe("80.0%");
  const form = await openSettings(mine);
  expect(await threshold(form).inputValue()).toBe("80");
  const save = form.getByRole("button", { name: "Save" });
  expect(await save.isDisabled()).toBe(true);

  await threshold(form).fill("65");
  await save.click();
  await form.getByText("Saved.", { exact: true }).waitFor();
  await screenshotPane(page, mine, "settings-saved-320");
  await eventually(async () => expect(await thresholdCell()).toBe("65.0%"));
  expect(await threshold(form).inputValue()).toBe("65");
});

it("saves Expiring Soon (Days) and a threshold with a decimal place, and the sheet shows both as typed", async () => {
  const form = await openSettings(mine);
  const expiring = form.getByRole("textbox", { name: "Expiring Soon (Days)" });
  expect(await expiring.inputValue()).toBe("30");
  await expiring.fill("twenty");
  await expiring.blur();
  await form
    .getByText("Type the Expiring Soon (Days) as a whole number of days, 0 or more, such as 30.")
    .waitFor();

  await expiring.fill("45");
  await threshold(form).fill("82.5");
  await form.getByRole("button", { name: "Save" }).click();
  await form.getByText("Saved.", { exact: true }).waitFor();
  await screenshotPane(page, mine, "settings-expiring-soon-320");
  await eventually(async () => expect(await settingCell("Expiring Soon (Days)")).toBe("45"));
  expect(await thresholdCell()).toBe("82.5%");
  await screenshot(page, "settings-sheet-320");

  await mine.getByRole("tablist", { name: "Views" }).getByRole("tab", { name: "Licences" }).click();
  await mine.getByRole("switch", { name: "Expiring soon (within 45 days)" }).waitFor();
});

it("refuses a save over a co-author's threshold, keeps what was typed, and the second save keeps it", async () => {
  const theirs = taskPane(page, 2);
  await waitForList(theirs);
  const form = await openSettings(mine);
  const other = await openSettings(theirs);
  await eventually(async () => expect(await threshold(other).inputValue()).toBe("82.5"));

  await threshold(form).fill("90");
  await threshold(other).fill("70");
  await other.getByRole("textbox", { name: "Reporting Currency" }).fill("EUR");
  await other.getByRole("button", { name: "Save" }).click();
  await other.getByText("Saved.", { exact: true }).waitFor();
  // the currency this person did not touch follows the co-author's; their typed threshold stays
  await eventually(async () =>
    expect(await form.getByRole("textbox", { name: "Reporting Currency" }).inputValue()).toBe("EUR"),
  );
  expect(await threshold(form).inputValue()).toBe("90");

  await form.getByRole("button", { name: "Save" }).click();
  await form.getByText(/someone else changed Under-use Threshold to 70% \(you changed it to 90%\)/).waitFor();
  await screenshotPane(page, mine, "settings-conflict-320");
  expect(await threshold(form).inputValue()).toBe("90");
  expect(await thresholdCell()).toBe("70.0%");

  await form.getByRole("button", { name: "Save" }).click();
  await form.getByText("Saved.", { exact: true }).waitFor();
  await eventually(async () => expect(await thresholdCell()).toBe("90.0%"));
});
