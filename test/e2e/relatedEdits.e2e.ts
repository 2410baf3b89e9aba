/**
 * Correcting a user allocation from the task pane at 320 px, with two co-authors (?coauthors=2): Edit opens
 * the allocation's values, Save changes its cells in the Allocations sheet (typed text stays text, never a
 * formula), Escape closes without writing, and a co-author's change to the same field is refused with what
 * was typed kept until Keep mine. A date left part-typed, in an allocation or in the licence itself, is refused
 * with a message under it and the sheet keeps the date. Screenshots of the form and the refusal are kept in
 * test-results/screenshots.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Locator, Page } from "playwright-core";
import { launchBrowser, openPlayground } from "./support/browser";
import {
  eventually,
  licenceForm,
  openInEachPane,
  readSheet,
  screenshot,
  screenshotPane,
  taskPane,
  waitForList,
} from "./support/playground";

const ITEM = ["Microsoft 365 E3", "Subscription", "Softcat"] as const;
/** The Licences row of ITEM. */
const LICENCE_ID = "LIC-DEMO00000001";

let browser: Browser;
let page: Page;
let first: Locator;
let second: Locator;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await openPlayground(browser, "?pane=320&coauthors=2");
  first = taskPane(page, 1);
  second = taskPane(page, 2);
  await waitForList(first);
  await waitForList(second);
});

afterAll(async () => {
  await browser?.close();
});

/** An allocation's row in the Allocations sheet, by its ID. */
async function allocationRow(id: string): Promise<Record<string, string>> {
  const row = (await readSheet(page, "Allocations")).rows.find((r) => r["Allocation ID"] === id);
  if (!row) throw new Error(`${id} is not in the Allocations sheet`);
  return row;
}

/** The user of the list's first allocation (its Edit button says whose) and that allocation's ID in the sheet. */
async function firstAllocation(form: Locator): Promise<{ user: string; id: string }> {
  const edit = form.getByRole("list", { name: "User allocations" }).getByRole("button", { name: /^Edit / });
  const user = ((await edit.first().getAttribute("aria-label")) ?? "").replace(/^Edit /, "");
  const row = (await readSheet(page, "Allocations")).rows.find((r) => r.User === user);
  if (!row) throw new Error(`${user} is not in the Allocations sheet`);
  return { user, id: row["Allocation ID"] };
}

const isFocused = (locator: Locator) => locator.evaluate((element) => element === document.activeElement);

test("a corrected user and department reach the allocation's cells, as text", async () => {
  const [form] = await openInEachPane([first], ...ITEM);
  const { user, id } = await firstAllocation(form);

  await form.getByRole("button", { name: `Edit ${user}`, exact: true }).click();
  const editor = form.getByRole("group", { name: `Edit ${user}'s allocation` });
  const userField = editor.getByLabel("User");
  expect(await userField.inputValue()).toBe(user);
  expect(await isFocused(userField)).toBe(true);
  await userField.fill("Priya Shah-Edwards");
  await editor.getByLabel("Department").fill("=SUM(1,2)");
  await screenshotPane(page, first, "allocation-edit-320");
  await editor.getByRole("button", { name: "Save" }).click();

  await form.getByText("Saved Priya Shah-Edwards's allocation.").waitFor();
  const list = form.getByRole("list", { name: "User allocations" });
  await list.getByText("Priya Shah-Edwards (=SUM(1,2))").waitFor();
  // The corrected name moved the row; the keyboard is still on its Edit button (before the grid takes it).
  const edit = form.getByRole("button", { name: "Edit Priya Shah-Edwards", exact: true });
  await eventually(async () => expect(await isFocused(edit)).toBe(true));
  await screenshotPane(page, first, "allocation-saved-320");
  await eventually(async () =>
    expect(await allocationRow(id)).toMatchObject({ User: "Priya Shah-Edwards", Department: "=SUM(1,2)" }),
  );

  // Escape closes a changed form without writing, and the keyboard is back on the row's Edit button.
  await edit.click();
  await editor
    .or(form.getByRole("group", { name: /^Edit Priya/ }))
    .first()
    .getByLabel("User")
    .fill("Nobody");
  await page.keyboard.press("Escape");
  await form.getByRole("group", { name: /^Edit Priya/ }).waitFor({ state: "detached" });
  await eventually(async () => expect(await isFocused(edit)).toBe(true));
  expect((await allocationRow(id)).User).toBe("Priya Shah-Edwards");

  // A date cleared part-way gives the browser's date box no value, as a blank one: Save says so and writes
  // nothing, rather than blanking the Allocated On the person was correcting.
  const allocatedOn = (await allocationRow(id))["Allocated On"];
  expect(allocatedOn).not.toBe("");
  await edit.click();
  const editing = form.getByRole("group", { name: "Edit Priya Shah-Edwards's allocation" });
  const date = editing.getByLabel("Allocated On");
  await date.click();
  await page.keyboard.press("Backspace");
  await editing.getByRole("button", { name: "Save" }).click();
  await editing
    .getByText("Allocated On is not a whole date: fill in the day, month and year, or clear it.")
    .waitFor();
  await screenshotPane(page, first, "allocation-part-date-320");
  await page.keyboard.press("Escape");
  await editing.waitFor({ state: "detached" });
  expect((await allocationRow(id))["Allocated On"]).toBe(allocatedOn);
});

test("a co-author's change to the same allocation is refused, keeping what was typed until Keep mine", async () => {
  await first.getByRole("button", { name: "Back" }).click();
  await waitForList(first);
  const [mine, theirs] = await openInEachPane([first, second], ...ITEM);
  const { user, id } = await firstAllocation(mine);

  await mine.getByRole("button", { name: `Edit ${user}`, exact: true }).click();
  const myEditor = mine.getByRole("group", { name: `Edit ${user}'s allocation` });
  await myEditor.getByLabel("Department").fill("Finance (mine)");

  await theirs.getByRole("button", { name: `Edit ${user}`, exact: true }).click();
  const theirEditor = theirs.getByRole("group", { name: `Edit ${user}'s allocation` });
  await theirEditor.getByLabel("Department").fill("Legal (theirs)");
  await theirEditor.getByRole("button", { name: "Save" }).click();
  await eventually(async () => expect((await allocationRow(id)).Department).toBe("Legal (theirs)"));

  await myEditor.getByRole("button", { name: "Save" }).click();
  const refusal = myEditor.getByText(/^Not saved\. Someone else changed Department of this allocation/);
  await refusal.waitFor();
  expect(await myEditor.getByLabel("Department").inputValue()).toBe("Finance (mine)");
  expect((await allocationRow(id)).Department).toBe("Legal (theirs)");
  await screenshotPane(page, first, "allocation-conflict-320");

  await myEditor.getByRole("button", { name: "Keep mine" }).click();
  await eventually(async () => expect((await allocationRow(id)).Department).toBe("Finance (mine)"));
  await licenceForm(first).getByText(`Saved ${user}'s allocation.`).waitFor();
});

test("a licence's Expiry Date cleared part-way is refused under the field, and the sheet keeps its date", async () => {
  if (await licenceForm(first).isVisible()) await first.getByRole("button", { name: "Back" }).click();
  await waitForList(first);
  const [form] = await openInEachPane([first], ...ITEM);
  const licenceRow = async () =>
    (await readSheet(page, "Licences")).rows.find((r) => r["Licence ID"] === LICENCE_ID) ?? {};
  const expiry = (await licenceRow())["Expiry Date"];
  expect(expiry).toBeTruthy();

  // Vendor changed too: the refusal keeps it on screen, unsaved.
  await form.getByLabel("Vendor").fill("Insight");
  const date = form.getByLabel("Expiry Date");
  await date.click();
  await page.keyboard.press("Backspace");
  // Save is aria-disabled now (it stays focusable), as for "ten" in Quantity; the person clicks it anyway.
  await form.getByRole("button", { name: "Save" }).click({ force: true });
  const message = "Expiry Date is not a whole date: fill in the day, month and year, or clear it.";
  await form.getByText(message).waitFor();
  await form.getByText("To save, complete or correct Expiry Date.").waitFor();
  await date.scrollIntoViewIfNeeded();
  await screenshot(first, "licence-part-date-320");
  // Enter in the box does not save past the message either.
  await date.focus();
  await page.keyboard.press("Enter");
  await form.getByText(message).waitFor();
  expect(await form.getByLabel("Vendor").inputValue()).toBe("Insight");
  expect(await licenceRow()).toMatchObject({ "Expiry Date": expiry, Vendor: "Softcat" });

  await form.getByRole("button", { name: "Undo changes" }).click();
  await form.getByText(message).waitFor({ state: "detached" });
});

/** An Intune export of `count` devices with Microsoft 365 Apps, named BULK-001 and on; gives its path. */
function bulkExport(count: number): string {
  const header =
    "ApplicationKey,ApplicationName,ApplicationPublisher,ApplicationShortVersion,ApplicationVersion,DeviceId," +
    "DeviceName,OSDescription,OSVersion,Platform,UserId,EmailAddress,UserName";
  const rows = Array.from({ length: count }, (_, i) => {
    const n = String(i + 1).padStart(3, "0");
    return (
      `k${n},Microsoft 365 Apps for enterprise - en-us,Microsoft Corporation,16.0,16.0.17328.20162,d-${n},` +
      `BULK-${n}.corp.example.com,Windows 11 Enterprise,10.0.22631,Windows,u${n},u${n}@example.com,User ${n}`
    );
  });
  const file = path.join(mkdtempSync(path.join(tmpdir(), "related-long-")), "AppInvRawData.csv");
  writeFileSync(file, [header, ...rows].join("\n"));
  return file;
}

test("closing the form of a row of a long list puts the keyboard back on that row, though the form pushed it out of the drawn window", async () => {
  // 250 installations imported and linked to the licence: a list this long draws only the rows in view
  if (await licenceForm(first).isVisible()) await first.getByRole("button", { name: "Back" }).click();
  await first.getByRole("tab", { name: "Import" }).click();
  await first.getByLabel("Export file").setInputFiles(bulkExport(250));
  await first.getByRole("button", { name: "Import 250 installations" }).click();
  await first.getByText(/^Imported 250 installations/).waitFor();
  await first.getByRole("tab", { name: "Licences" }).click();
  await waitForList(first);
  const [form] = await openInEachPane([first], ...ITEM);
  await form.getByRole("button", { name: /^Link \d+ unlinked installations$/ }).click();
  await form.getByText(/^Linked \d+ installations to this licence\.$/).waitFor();

  // The person scrolls to the middle of the list and corrects a row there.
  const list = form.getByRole("list", { name: "Installations" });
  await list.evaluate((element) => element.scrollIntoView({ block: "center" }));
  const drawn = list.getByRole("button", { name: /^Edit BULK-/ });
  await eventually(async () => expect(await drawn.count()).toBeGreaterThan(3));
  expect(await drawn.count()).toBeLessThan(100);
  const user = (await drawn.nth(Math.floor((await drawn.count()) / 2)).getAttribute("aria-label"))!;
  const device = user.replace(/^Edit /, "");
  const edit = form.getByRole("button", { name: user, exact: true });
  await edit.click();
  const editor = form.getByRole("group", { name: `Edit the installation on ${device}` });
  await editor.getByLabel("Version").fill("2026");
  // The form opens under the list's 250 rows, and the browser scrolls to it: the row is no longer drawn.
  await edit.waitFor({ state: "detached" });
  await editor.getByRole("button", { name: "Save" }).click();

  await form.getByText(`Saved the installation on ${device}.`).waitFor();
  await eventually(async () => expect(await isFocused(edit)).toBe(true));
  expect(await edit.isVisible()).toBe(true);
  await screenshotPane(page, first, "installation-long-list-saved-320");
});
