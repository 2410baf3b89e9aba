/**
 * Two co-authors on one workbook (?coauthors=2): each has a task pane over their own session. When both change
 * the same field of a licence, the second save is refused with a message naming that field; Reload takes
 * theirs and Keep mine saves over it (only the fields that person changed), and nothing is lost without the
 * person choosing it.
 */
import type { Browser, Locator, Page } from "playwright-core";
import { launchBrowser, openPlayground } from "./support/browser";
import {
  eventually,
  licenceForm,
  openInEachPane,
  readSheet,
  screenshot,
  screenshotPane,
  scrollPaneToTop,
  taskPane,
  waitForList,
} from "./support/playground";

const LICENCE_ID = "LIC-DEMO00000001";
const ITEM = ["Microsoft 365 E3", "Subscription", "Softcat"] as const;
const ORIGINAL_PO = "PO-2026000";

let browser: Browser;
let page: Page;
let first: Locator;
let second: Locator;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await openPlayground(browser, "?coauthors=2");
  first = taskPane(page, 1);
  second = taskPane(page, 2);
  await waitForList(first);
  await waitForList(second);
});

afterAll(async () => {
  await browser?.close();
});

async function licenceRow(): Promise<Record<string, string>> {
  const sheet = await readSheet(page, "Licences");
  const row = sheet.rows.find((r) => r["Licence ID"] === LICENCE_ID);
  if (!row) throw new Error(`${LICENCE_ID} is not in the Licences sheet`);
  return row;
}

async function saveAndWait(form: Locator): Promise<void> {
  await form.getByRole("button", { name: "Save" }).click();
  await form.getByText("Saved.", { exact: true }).waitFor();
}

test("the page has one task pane per co-author and a choice of who types in the grid", async () => {
  expect(await page.getByRole("complementary", { name: /^Task pane of Co-author/ }).count()).toBe(2);
  const typist = page.getByLabel("Typing in the grid as");
  expect(await typist.locator("option").allInnerTexts()).toEqual(["Co-author 1", "Co-author 2"]);
});

test("Reload after a conflict: the other co-author's save survives, and the message names the field both changed", async () => {
  const [mine, theirs] = await openInEachPane([first, second], ...ITEM);

  // Co-author 1 starts an edit; co-author 2 changes the Vendor too, and saves first.
  await mine.getByLabel("Purchase Order").fill("PO-MINE-0001");
  await mine.getByLabel("Vendor").fill("Vendor of co-author 1");
  await theirs.getByLabel("Vendor").fill("Vendor of co-author 2");
  await saveAndWait(theirs);
  await eventually(async () => expect((await licenceRow()).Vendor).toBe("Vendor of co-author 2"));

  // Co-author 1's form keeps their edit and says someone else changed the licence.
  await mine.getByText("Someone else changed this licence in the workbook while you were editing.").waitFor();
  expect(await mine.getByLabel("Purchase Order").inputValue()).toBe("PO-MINE-0001");

  // Saving is refused, naming the field co-author 2 changed; nothing of co-author 1's is written yet.
  await mine.getByRole("button", { name: "Save" }).click();
  const conflict = mine.getByText(/Someone else changed .* of this licence while you were editing\./);
  await conflict.waitFor();
  expect(await conflict.innerText()).toContain(
    "Someone else changed Vendor of this licence while you were editing.",
  );
  await mine.getByText("Not saved", { exact: true }).waitFor();
  expect(await licenceRow()).toMatchObject({
    Vendor: "Vendor of co-author 2",
    "Purchase Order": ORIGINAL_PO,
  });
  // Saving from the sticky footer leaves the pane scrolled down: scroll up to where the message is.
  await scrollPaneToTop(first);
  await scrollPaneToTop(second);
  await screenshot(page, "coauthors-conflict");
  await screenshotPane(page, first, "coauthor-1-conflict");

  // Reload: co-author 1 now sees co-author 2's version; the dropped edit was their explicit choice.
  await mine.getByRole("button", { name: "Reload" }).click();
  await conflict.waitFor({ state: "detached" });
  expect(await mine.getByLabel("Vendor").inputValue()).toBe("Vendor of co-author 2");
  expect(await mine.getByLabel("Purchase Order").inputValue()).toBe(ORIGINAL_PO);
  expect(await mine.getByRole("button", { name: "Save" }).isDisabled()).toBe(true);
  expect(await licenceRow()).toMatchObject({
    Vendor: "Vendor of co-author 2",
    "Purchase Order": ORIGINAL_PO,
  });
});

test("Keep mine after a conflict: co-author 1's fields are saved over the other's, their other change stays, and both panes show it", async () => {
  const mine = licenceForm(first);
  const theirs = licenceForm(second);
  // Both forms are on the licence as it is now (co-author 2's saved form followed along).
  await eventually(async () =>
    expect(await theirs.getByLabel("Vendor").inputValue()).toBe("Vendor of co-author 2"),
  );

  await mine.getByLabel("Vendor").fill("Vendor kept by co-author 1");
  await theirs.getByLabel("Vendor").fill("Vendor of co-author 2, again");
  await theirs.getByLabel("Purchase Order").fill("PO-THEIRS-0002");
  await saveAndWait(theirs);
  await eventually(async () => expect((await licenceRow())["Purchase Order"]).toBe("PO-THEIRS-0002"));

  await mine.getByRole("button", { name: "Save" }).click();
  const conflict = mine.getByText(/Someone else changed .* of this licence while you were editing\./);
  await conflict.waitFor();
  expect(await conflict.innerText()).toContain(
    "Someone else changed Vendor of this licence while you were editing.",
  );
  // Until co-author 1 chooses, co-author 2's save stands.
  expect(await licenceRow()).toMatchObject({
    Vendor: "Vendor of co-author 2, again",
    "Purchase Order": "PO-THEIRS-0002",
  });

  await mine.getByRole("button", { name: "Keep mine" }).click();
  // The pane says what the register did: saved, with co-author 2's other change kept.
  await mine
    .getByText(
      "Saved. Someone else changed Purchase Order of this licence meanwhile; their change is kept with yours.",
    )
    .waitFor();
  // Keep mine saves the field co-author 1 changed over theirs; co-author 2's Purchase Order stays.
  await eventually(async () =>
    expect(await licenceRow()).toMatchObject({
      Vendor: "Vendor kept by co-author 1",
      "Purchase Order": "PO-THEIRS-0002",
    }),
  );
  // Co-author 2 had nothing unsaved, so their form follows to the version now in the workbook.
  await eventually(async () => {
    expect(await theirs.getByLabel("Vendor").inputValue()).toBe("Vendor kept by co-author 1");
    expect(await theirs.getByLabel("Purchase Order").inputValue()).toBe("PO-THEIRS-0002");
  });
  await scrollPaneToTop(first);
  await scrollPaneToTop(second);
  await screenshot(page, "coauthors-after-keep-mine");
});
