/**
 * axe-core's WCAG 2.1 A and AA rules over every view of the task pane, in a wide pane and at 320 px: the
 * licence list, an open licence, its related lists with their add forms, the dashboard, the import view, the
 * settings, the set-up of a new workbook, a save conflict between two co-authors and a confirmation dialog. Any serious or critical
 * violation fails the test, which lists each one with where it is.
 */
import type { Browser, Locator, Page } from "playwright-core";
import { paneSelector, seriousViolations, type Finding } from "./support/axe";
import { launchBrowser, openPlayground } from "./support/browser";
import { licenceForm, licenceItem, screenshotPane, taskPane, waitForList } from "./support/playground";

// Pages stay open until the browser closes: the bundled Chromium runs as a single process, where closing a
// context can end the browser.
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const WIDTHS = [800, 320];

describe.each(WIDTHS)("task pane %i px wide", (width) => {
  const findings: Finding[] = [];
  let page: Page;
  let pane: Locator;
  const check = async (view: string, within = paneSelector()) => {
    findings.push(...(await seriousViolations(page, within, view)));
  };

  it("list, open licence, related lists, dialog and dashboard", async () => {
    page = await openPlayground(browser, `?pane=${width}`);
    pane = taskPane(page);
    await waitForList(pane);
    await check("licence list");

    await licenceItem(pane, "AutoCAD").first().click();
    const form = licenceForm(pane);
    await form.getByRole("heading", { name: "AutoCAD" }).waitFor();
    await check("open licence");

    await form.getByRole("button", { name: "Allocate to a user" }).click();
    await form.getByRole("button", { name: "Add installation" }).click();
    await form.getByRole("group", { name: "Add an installation" }).waitFor();
    await check("related lists with their add forms");

    await form.getByRole("button", { name: "Delete licence" }).click();
    const dialog = page.getByRole("alertdialog", { name: "Delete this licence?" });
    await dialog.waitFor();
    await check("delete dialog", '[role="alertdialog"]');
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await dialog.waitFor({ state: "detached" });

    await pane.getByRole("tablist", { name: "Views" }).getByRole("tab", { name: "Dashboard" }).click();
    await pane.getByRole("heading", { name: "Software compliance" }).waitFor();
    await check("dashboard");
    if (width === 320) await screenshotPane(page, pane, "dashboard-320");

    await pane.getByRole("tablist", { name: "Views" }).getByRole("tab", { name: "Import" }).click();
    await pane.getByRole("region", { name: "Choose an export" }).waitFor();
    await check("import");

    await pane.getByRole("tablist", { name: "Views" }).getByRole("tab", { name: "Settings" }).click();
    await pane.getByRole("form", { name: "Settings" }).waitFor();
    await check("settings");

    expect(findings).toEqual([]);
  });

  it("set-up of a new workbook", async () => {
    page = await openPlayground(browser, `?pane=${width}&workbook=empty`);
    pane = taskPane(page);
    await pane.getByRole("button", { name: "Set up workbook" }).waitFor();
    findings.length = 0;
    await check("set-up");
    expect(findings).toEqual([]);
  });

  it("a save refused because a co-author changed the same field", async () => {
    page = await openPlayground(browser, `?pane=${width}&coauthors=2`);
    const first = taskPane(page, 1);
    const second = taskPane(page, 2);
    await waitForList(first);
    await waitForList(second);
    await licenceItem(first, "Microsoft 365 E3").first().click();
    await licenceItem(second, "Microsoft 365 E3").first().click();
    const mine = licenceForm(first);
    const theirs = licenceForm(second);
    await mine.getByLabel("Vendor").fill("Vendor of co-author 1");
    await theirs.getByLabel("Vendor").fill("Vendor of co-author 2");
    await theirs.getByRole("button", { name: "Save" }).click();
    await theirs.getByText("Saved.", { exact: true }).waitFor();
    await mine.getByRole("button", { name: "Save" }).click();
    await mine.getByText("Not saved", { exact: true }).waitFor();
    findings.length = 0;
    await check("conflict");
    if (width === 320) await screenshotPane(page, first, "conflict-320");
    expect(findings).toEqual([]);
  });
});
