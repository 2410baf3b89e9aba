/**
 * One person's day with the register in the browser playground (production build, headless Chromium): a new
 * catalogue entry and licence through the form, installations beyond its quantity, input the form refuses,
 * and typing in the grid that the pane follows. The tests run in order on one page, each building on the last.
 */
import type { Locator, Page } from "playwright-core";
import { withPlayground } from "./support/session";
import {
  addressOf,
  describedBy,
  eventually,
  licenceForm,
  licenceItem,
  productFigures,
  readSheet,
  screenshotPane,
  typeIntoCell,
  valueOf,
  waitForList,
} from "./support/playground";

const SOFTWARE = "E2E Render Farm";
const PUBLISHER = "E2E Labs";
const VENDOR = "E2E Vendor";
const PURCHASE_ORDER = "PO-E2E-0001";
const DEMO_LICENCES = 24;

let page: Page;
let pane: Locator;
/** Filled by the first test: the new licence's ID as the grid shows it. */
let licenceId = "";
let softwareId = "";

withPlayground("", (opened) => ({ page, pane } = opened));

/**
 * The licence's calculated columns in the grid agree with the pane. A column whose LICENSE.* function the
 * workbook does not know yet (#NAME?: the calculation engine and the live functions are still landing) is
 * left out; any other value, #BUSY! included until it settles, must be the expected one.
 */
async function expectGridFigures(id: string, expected: Record<string, string>): Promise<string[]> {
  return eventually(async () => {
    const row = (await readSheet(page, "Licences")).rows.find((r) => r["Licence ID"] === id);
    expect(row).toBeDefined();
    const checked = Object.keys(expected).filter((column) => row![column] !== "#NAME?");
    expect(Object.fromEntries(checked.map((column) => [column, row![column]]))).toEqual(
      Object.fromEntries(checked.map((column) => [column, expected[column]])),
    );
    return checked;
  });
}

/** Each test starts from the list; a test that failed half-way may have left a form open. */
beforeEach(async () => {
  if (!(await licenceForm(pane).isVisible())) return;
  await licenceForm(pane).getByRole("button", { name: "Back" }).click();
  const list = pane.getByRole("list", { name: "Licence list" });
  const discard = page.getByRole("alertdialog").getByRole("button", { name: "Discard changes" });
  await list.or(discard).first().waitFor();
  if (await discard.isVisible()) await discard.click();
  await waitForList(pane);
});

async function backToList(): Promise<void> {
  await licenceForm(pane).getByRole("button", { name: "Back" }).click();
  await waitForList(pane);
}

test("adds a software to the catalogue from the form, then a licence that lands in the Licences sheet with its ID", async () => {
  const softwareBefore = (await readSheet(page, "Software")).rows.length;
  const licencesBefore = (await readSheet(page, "Licences")).rows.length;
  expect(licencesBefore).toBe(DEMO_LICENCES);

  await pane.getByRole("button", { name: "New licence" }).click();
  const form = licenceForm(pane);
  await form.getByRole("heading", { name: "New licence" }).waitFor();

  // Inline "Add software": the entry goes to the Software sheet and is picked for this licence.
  await form.getByRole("button", { name: "Add software" }).click();
  const adding = form.getByRole("group", { name: "Add software to the catalogue" });
  await adding.getByLabel("Name of the new software").fill(SOFTWARE);
  await adding.getByLabel("Publisher").fill(PUBLISHER);
  await adding.getByRole("button", { name: "Add to catalogue" }).click();
  await adding.waitFor({ state: "detached" });
  await eventually(async () =>
    expect(await form.getByRole("combobox", { name: "Software" }).inputValue()).toBe(
      `${SOFTWARE} (${PUBLISHER})`,
    ),
  );
  const software = await readSheet(page, "Software");
  expect(software.rows).toHaveLength(softwareBefore + 1);
  const added = software.rows.find((row) => row.Name === SOFTWARE);
  expect(added?.Publisher).toBe(PUBLISHER);
  softwareId = added?.["Software ID"] ?? "";
  expect(softwareId).toMatch(/^SW-[A-Z0-9]+$/);

  // The rest of the licence.
  const save = form.getByRole("button", { name: "Save" });
  expect(await save.isDisabled()).toBe(true);
  await form.getByLabel("Quantity", { exact: true }).fill("2");
  await form.getByLabel("Licence Type").selectOption("Perpetual");
  await form.getByLabel("Scope").selectOption("Individual");
  await form.getByLabel("Vendor").fill(VENDOR);
  await form.getByLabel("Purchase Order").fill(PURCHASE_ORDER);
  await form.getByLabel("Cost", { exact: true }).fill("1,200");
  await form.getByLabel("Start Date").fill("2026-01-05");
  await form.getByRole("switch", { name: "Perpetual" }).check();
  await form.getByLabel("Allocation Rule").selectOption("Device-based");
  await eventually(async () => expect(await save.isEnabled()).toBe(true));
  // The draft's figures before saving: nothing installed yet.
  expect(await form.getByLabel("Used Quantity").inputValue()).toBe("0");
  expect(await form.getByLabel("Available Quantity").inputValue()).toBe("2");
  await screenshotPane(page, pane, "form-new-licence");

  await save.click();
  await form.getByText("Saved.", { exact: true }).waitFor();
  await form.getByRole("heading", { name: SOFTWARE }).waitFor();
  // Saved, Save has nothing left to do, yet the keyboard stays on it rather than falling to the page's top.
  expect(await save.evaluate((button) => button === document.activeElement)).toBe(true);
  expect(await save.isDisabled()).toBe(true);
  // Saved, the form offers the related lists.
  await form.getByRole("region", { name: "Installations" }).waitFor();

  // The Licences sheet has one more row, with a generated ID and the catalogue entry's ID.
  const licences = await eventually(async () => {
    const sheet = await readSheet(page, "Licences");
    expect(sheet.rows).toHaveLength(licencesBefore + 1);
    return sheet;
  });
  const row = licences.rows.find((r) => r["Purchase Order"] === PURCHASE_ORDER);
  expect(row).toBeDefined();
  licenceId = row!["Licence ID"];
  expect(licenceId).toMatch(/^LIC-[A-Z0-9]+$/);
  expect(licenceId).not.toMatch(/DEMO/);
  expect(row).toMatchObject({
    "Software ID": softwareId,
    "Software Name": SOFTWARE,
    Quantity: "2",
    "Licence Type": "Perpetual",
    Scope: "Individual",
    Vendor: VENDOR,
    Cost: "1,200.00",
    Currency: "GBP",
    "Start Date": "2026-01-05",
    "Expiry Date": "",
    Perpetual: "TRUE",
    "Allocation Rule": "Device-based",
  });
  expect(new Set(licences.rows.map((r) => r["Licence ID"])).size).toBe(licences.rows.length);
  // Its calculated columns agree with the figures the form shows.
  const annualCost = (await form.getByLabel("Annual Cost").inputValue()).replace("£", "");
  expect(annualCost).toBe("0.00"); // a one-time purchase has no annual cost
  const checked = await expectGridFigures(licenceId, {
    "Used Quantity": "0",
    "Available Quantity": "2",
    "Compliance Status": "Under-utilized",
    "Annual Cost": annualCost,
    "Renewal Status": await valueOf(form.getByLabel("Renewal Status")),
  });
  // The plain functions calculate in the playground now; USED and STATUS join when the live functions land.
  expect(checked).toEqual(expect.arrayContaining(["Annual Cost", "Renewal Status"]));

  // The list has it too, with its position.
  await backToList();
  await pane
    .getByRole("status")
    .filter({ hasText: `${DEMO_LICENCES + 1} licences` })
    .waitFor();
  const item = licenceItem(pane, SOFTWARE, "Perpetual", VENDOR);
  expect(await item.getAttribute("aria-label")).toBe(
    `${SOFTWARE}, Under-utilized, Perpetual, ${VENDOR}, ${PURCHASE_ORDER}, 0 of 2 used, Perpetual`,
  );
});

test("installations beyond the quantity show Over-deployed with Used, Available and Shortfall in the list, form, grid and dashboard", async () => {
  expect(licenceId).not.toBe("");
  const installationsBefore = (await readSheet(page, "Installations")).rows.length;
  await licenceItem(pane, SOFTWARE, "Perpetual", VENDOR).click();
  const form = licenceForm(pane);
  const installations = form.getByRole("region", { name: "Installations" });
  await installations.getByText("0 linked installations").waitFor();

  for (const [n, device] of ["E2E-PC-01", "E2E-PC-02", "E2E-PC-03"].entries()) {
    await installations.getByRole("button", { name: "Add installation" }).click();
    const adding = installations.getByRole("group", { name: "Add an installation" });
    await adding.getByLabel("Device").fill(device);
    await adding.getByLabel("User").fill(`E2E User ${n + 1}`);
    await adding.getByRole("button", { name: "Add installation" }).click();
    await adding.waitFor({ state: "detached" });
    await installations
      .getByText(`${n + 1} linked installation${n === 0 ? "" : "s"}`, { exact: true })
      .waitFor();
  }

  // The form: 3 used of 2, none available, 1 short.
  await eventually(async () => {
    expect(await form.getByLabel("Used Quantity").inputValue()).toBe("3");
    expect(await form.getByLabel("Available Quantity").inputValue()).toBe("0");
  });
  const status = form.getByRole("region", { name: "Licence details" }).getByRole("status");
  await eventually(async () => {
    const text = await status.innerText();
    expect(text).toContain("Over-deployed");
    expect(text).toContain("3 in use but only 2 entitled: 1 short.");
  });
  expect(await installations.getByRole("list", { name: "Installations" }).getByRole("listitem").count()).toBe(
    3,
  );
  await screenshotPane(page, pane, "form-over-deployed");

  // The Installations sheet has the three rows, linked to the licence.
  const sheet = await readSheet(page, "Installations");
  expect(sheet.rows).toHaveLength(installationsBefore + 3);
  const linked = sheet.rows.filter((row) => row["Licence ID"] === licenceId);
  expect(linked.map((row) => row.Device).sort()).toEqual(["E2E-PC-01", "E2E-PC-02", "E2E-PC-03"]);
  expect(linked.every((row) => row["Software ID"] === softwareId && row.Source === "Manual")).toBe(true);

  // The grid's calculated columns say the same, where the workbook evaluates them.
  await expectGridFigures(licenceId, {
    "Used Quantity": "3",
    "Available Quantity": "0",
    "Compliance Status": "Over-deployed",
  });

  // The list.
  await backToList();
  expect(await licenceItem(pane, SOFTWARE, "Perpetual").getAttribute("aria-label")).toBe(
    `${SOFTWARE}, Over-deployed, Perpetual, ${VENDOR}, ${PURCHASE_ORDER}, 3 of 2 used, Perpetual`,
  );
  await screenshotPane(page, pane, "list");

  // The dashboard's compliance grid: Purchased 2, Used 3, Available 0, Shortfall 1.
  await pane.getByRole("tab", { name: "Dashboard" }).click();
  const figures = await productFigures(pane, SOFTWARE);
  expect(figures).toMatchObject({
    Product: SOFTWARE,
    Licences: "1",
    Purchased: "2",
    Used: "3",
    Available: "0",
    Shortfall: "1",
    Status: "Over-deployed",
  });
  await screenshotPane(page, pane, "dashboard");
  await pane.getByRole("tab", { name: "Licences" }).click();
  await waitForList(pane);
});

test("refuses a Quantity of 'ten', an expiry before the start and currency 'XX1' beside each field, with Save disabled and nothing written", async () => {
  const before = (await readSheet(page, "Licences")).rows.length;
  await pane.getByRole("button", { name: "New licence" }).click();
  const form = licenceForm(pane);
  await form.getByRole("heading", { name: "New licence" }).waitFor();
  const save = form.getByRole("button", { name: "Save" });

  // A valid licence first, so the three bad values below are what blocks it.
  const softwarePicker = form.getByRole("combobox", { name: "Software" });
  await softwarePicker.click();
  await softwarePicker.pressSequentially("E2E Render");
  await page.getByRole("option", { name: `${SOFTWARE} (${PUBLISHER})` }).click();
  await form.getByLabel("Quantity", { exact: true }).fill("5");
  await form.getByLabel("Licence Type").selectOption("Subscription");
  await form.getByLabel("Scope").selectOption("Department");
  await form.getByLabel("Allocation Rule").selectOption("User-based");
  await form.getByLabel("Start Date").fill("2026-03-01");
  await form.getByLabel("Expiry Date").fill("2027-02-28");
  await eventually(async () => expect(await save.isEnabled()).toBe(true));

  const quantity = form.getByLabel("Quantity", { exact: true });
  await quantity.fill("ten");
  await quantity.blur();
  const expiry = form.getByLabel("Expiry Date");
  await expiry.fill("2026-02-01");
  await expiry.blur();
  const currency = form.getByLabel("Currency");
  await currency.fill("XX1");
  await currency.blur();

  await eventually(async () => {
    expect(await quantity.getAttribute("aria-invalid")).toBe("true");
    expect(await describedBy(quantity)).toContain(
      "Quantity must be a number: type it in figures, such as 25.",
    );
    expect(await expiry.getAttribute("aria-invalid")).toBe("true");
    expect(await describedBy(expiry)).toContain(
      "Expiry Date must be after the Start Date (1 Mar 2026): correct whichever date is wrong.",
    );
    expect(await currency.getAttribute("aria-invalid")).toBe("true");
    expect(await describedBy(currency)).toContain(
      "Currency must be a 3-letter currency code: enter one such as GBP, EUR or USD.",
    );
  });
  // What was typed stays on screen, to correct.
  expect(await quantity.inputValue()).toBe("ten");
  expect(await currency.inputValue()).toBe("XX1");
  expect(await save.isDisabled()).toBe(true);
  // The summary by the Save button names the three fields (and only those).
  const summary = await form.getByRole("status").filter({ hasText: "To save" }).innerText();
  expect(summary).toMatch(/^To save, complete or correct [\w ,]+\.$/);
  expect(
    summary
      .replace("To save, complete or correct ", "")
      .replace(".", "")
      .split(/, | and /)
      .sort(),
  ).toEqual(["Currency", "Expiry Date", "Quantity"]);
  await screenshotPane(page, pane, "form-invalid");

  // Enter in a field submits the form: still nothing is written, every message shows.
  await quantity.press("Enter");
  expect((await readSheet(page, "Licences")).rows).toHaveLength(before);

  // Leaving asks before dropping the edits. Keep editing (Escape) puts the keyboard back on Back, not on the
  // page's top; discarding writes nothing either.
  const back = form.getByRole("button", { name: "Back" });
  await back.focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("alertdialog", { name: "Discard changes?" });
  await dialog.waitFor();
  await page.keyboard.press("Escape");
  await dialog.waitFor({ state: "detached" });
  await eventually(async () =>
    expect(await back.evaluate((button) => button === document.activeElement)).toBe(true),
  );
  expect(await quantity.inputValue()).toBe("ten");
  await back.click();
  await dialog.getByRole("button", { name: "Discard changes" }).click();
  await waitForList(pane);
  await pane
    .getByRole("status")
    .filter({ hasText: `${before} licences` })
    .waitFor();
  expect((await readSheet(page, "Licences")).rows).toHaveLength(before);
});

test("typing a Licence ID into the Installations grid links the installation, and the open form and the list follow", async () => {
  // An AutoCAD installation found by discovery that is linked to no licence.
  const sheet = await readSheet(page, "Installations");
  const index = sheet.rows.findIndex(
    (row) => row["Software ID"] === "SW-DEMO00000003" && row["Licence ID"] === "",
  );
  expect(index).toBeGreaterThanOrEqual(0);
  const device = sheet.rows[index].Device;

  // The AutoCAD Term licence (Device-based, 8 purchased, 11 devices) open in the pane.
  await licenceItem(pane, "AutoCAD", "Over-deployed", "Term", "Autodesk", "11 of 8 used").click();
  const form = licenceForm(pane);
  await form.getByRole("heading", { name: "AutoCAD" }).waitFor();
  const installations = form.getByRole("region", { name: "Installations" });
  await installations.getByText("11 linked installations", { exact: true }).waitFor();
  expect(await form.getByLabel("Used Quantity").inputValue()).toBe("11");

  await typeIntoCell(
    page,
    "Installations",
    addressOf(sheet, "Licence ID", sheet.rowNumbers[index]),
    "LIC-DEMO00000005",
  );

  await installations.getByText("12 linked installations", { exact: true }).waitFor();
  await installations
    .getByRole("list", { name: "Installations" })
    .getByText(device, { exact: true })
    .waitFor();
  await eventually(async () => expect(await form.getByLabel("Used Quantity").inputValue()).toBe("12"));
  await eventually(async () =>
    expect(
      await form.getByRole("region", { name: "Licence details" }).getByRole("status").innerText(),
    ).toContain("12 in use but only 8 entitled: 4 short."),
  );

  await expectGridFigures("LIC-DEMO00000005", {
    "Used Quantity": "12",
    "Available Quantity": "0",
    "Compliance Status": "Over-deployed",
  });

  // A whole row typed below the table: a new installation of the E2E licence's software, linked to it.
  const last = sheet.rowNumbers[sheet.rowNumbers.length - 1] + 1;
  const typed: [string, string][] = [
    ["Installation ID", "INS-E2E-TYPED-1"],
    ["Software ID", softwareId],
    ["Licence ID", licenceId],
    ["Device", "E2E-PC-TYPED"],
  ];
  for (const [header, text] of typed)
    await typeIntoCell(page, "Installations", addressOf(sheet, header, last), text);
  const after = await readSheet(page, "Installations");
  expect(after.rows.find((row) => row["Installation ID"] === "INS-E2E-TYPED-1")).toMatchObject({
    "Software ID": softwareId,
    "Licence ID": licenceId,
    Device: "E2E-PC-TYPED",
  });

  await backToList();
  await eventually(async () => {
    expect(await licenceItem(pane, "AutoCAD", "Term").getAttribute("aria-label")).toContain("12 of 8 used");
    expect(await licenceItem(pane, SOFTWARE, "Perpetual").getAttribute("aria-label")).toBe(
      `${SOFTWARE}, Over-deployed, Perpetual, ${VENDOR}, ${PURCHASE_ORDER}, 4 of 2 used, Perpetual`,
    );
  });
});
