import "./support/polyfills";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { addDays } from "../../src/domain/dates";
import { licences, TODAY } from "./support/fixtures";
import { openLicence, renderPane } from "./support/renderPane";
import { typeText } from "./support/typing";

const items = () => within(screen.getByRole("list", { name: "Licence list" })).getAllByRole("button");

describe("licence list", () => {
  it("shows every licence with its status in words and a count", async () => {
    await renderPane();
    expect(screen.getByText("3 licences")).toBeTruthy();
    expect(items().map((item) => item.getAttribute("aria-label"))).toEqual([
      "Adobe Acrobat Pro, Compliant, Subscription, Softcat, PO-1001, 4 of 5 used, Expires 5 Jul 2026",
      expect.stringMatching(/^AutoCAD, Over-deployed, Term, Autodesk, PO-2002/),
      expect.stringMatching(/^Zoom Workplace, Under-utilized, Perpetual, Zoom, PO-3003/),
    ]);
  });

  it("names each licence with the words it shows, in the order it shows them (voice control users say what they see)", async () => {
    await renderPane();
    for (const item of items()) {
      const walker = document.createTreeWalker(item, NodeFilter.SHOW_TEXT);
      const texts: string[] = [];
      while (walker.nextNode()) texts.push(walker.currentNode.textContent ?? "");
      const shown = texts
        .join(" ")
        .replace(/[^\p{L}\p{N}]+/gu, " ")
        .trim();
      const name = (item.getAttribute("aria-label") ?? "").replace(/[^\p{L}\p{N}]+/gu, " ").trim();
      expect(name).toBe(shown);
    }
  });

  it("says an expired or not-yet-started licence entitles nobody, agreeing with its badge", async () => {
    await renderPane({
      licences: [
        { ...licences[0], expiryDate: addDays(TODAY, -20) },
        { ...licences[1], startDate: addDays(TODAY, 10) },
      ],
    });
    expect(items().map((item) => item.getAttribute("aria-label"))).toEqual([
      "Adobe Acrobat Pro, Over-deployed, Subscription, Softcat, PO-1001, 4 used, none entitled, Expired 26 May 2026",
      "AutoCAD, Over-deployed, Term, Autodesk, PO-2002, 3 used, none entitled yet, Starts 25 Jun 2026",
    ]);
    expect(within(items()[0]).getByText("Expired 26 May 2026")).toBeTruthy();
    expect(within(items()[0]).getByText("4 used, none entitled")).toBeTruthy();
  });

  it("searches by software name, vendor, licence key and purchase order", async () => {
    await renderPane();
    const search = screen.getByRole("searchbox", { name: "Search licences" });
    for (const [text, expected] of [
      ["autocad", "AutoCAD"],
      ["softcat", "Adobe Acrobat Pro"],
      ["ZOO-55555", "Zoom Workplace"],
      ["po-2002", "AutoCAD"],
    ]) {
      typeText(search, text);
      expect(items()).toHaveLength(1);
      expect(items()[0].getAttribute("aria-label")).toMatch(new RegExp(`^${expected}`));
      expect(screen.getByText("1 of 3 licences")).toBeTruthy();
    }
    typeText(search, "nothing like this");
    expect(screen.getByText("No licences match. Change the search or filters to see more.")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Clear search and filters" }));
    expect(items()).toHaveLength(3);
  });

  it("filters by compliance status, licence type and expiring soon", async () => {
    await renderPane();
    fireEvent.change(screen.getByRole("combobox", { name: "Compliance Status" }), {
      target: { value: "Over-deployed" },
    });
    expect(items()).toHaveLength(1);
    expect(screen.getByText("1 of 3 licences")).toBeTruthy();

    fireEvent.change(screen.getByRole("combobox", { name: "Compliance Status" }), { target: { value: "" } });
    fireEvent.change(screen.getByRole("combobox", { name: "Licence Type" }), {
      target: { value: "Perpetual" },
    });
    expect(items().map((item) => item.getAttribute("aria-label"))).toEqual([expect.stringMatching(/^Zoom/)]);

    fireEvent.change(screen.getByRole("combobox", { name: "Licence Type" }), { target: { value: "" } });
    fireEvent.click(screen.getByRole("switch", { name: "Expiring soon (within 30 days)" }));
    expect(items().map((item) => item.getAttribute("aria-label"))).toEqual([
      expect.stringMatching(/^Adobe Acrobat Pro/),
    ]);
  });

  it("the status filter and the rows follow a co-author's edits", async () => {
    const { register } = await renderPane();
    fireEvent.change(screen.getByRole("combobox", { name: "Compliance Status" }), {
      target: { value: "Over-deployed" },
    });
    expect(items().map((item) => item.getAttribute("aria-label"))).toEqual([
      expect.stringMatching(/^AutoCAD, Over-deployed, .*3 of 2 used/),
    ]);

    act(() => register.remoteEdit("licences", "LIC-ACRO", { quantity: 3 }));
    await waitFor(() => expect(items()).toHaveLength(2));
    expect(items()[0].getAttribute("aria-label")).toMatch(/^Adobe Acrobat Pro, Over-deployed, .*4 of 3 used/);

    act(() => register.remoteEdit("installations", "INS-3", { licenceId: undefined }));
    await waitFor(() => expect(items()).toHaveLength(1));
    expect(items()[0].getAttribute("aria-label")).toMatch(/^Adobe Acrobat Pro/);
    expect(screen.getByText("1 of 3 licences")).toBeTruthy();
  });

  it("opens the licence the user selects in the sheet without taking the focus, and Show in sheet goes back to its row", async () => {
    const { register } = await renderPane();
    const search = screen.getByRole("searchbox");
    act(() => search.focus());
    act(() => register.selectInSheet("licences", "LIC-CAD"));
    expect(await screen.findByRole("heading", { name: "AutoCAD" })).toBeTruthy();
    // In Excel the grid has the focus here; the pane must leave it there so the cell can be typed into.
    expect(document.activeElement === document.body || document.activeElement === search).toBe(true);
    fireEvent.click(screen.getByRole("button", { name: "Show in sheet" }));
    expect(register.goToRecordCalls).toEqual([{ kind: "licences", id: "LIC-CAD" }]);
  });

  it("moves the focus to the licence opened from the list", async () => {
    await renderPane();
    await openLicence("AutoCAD");
    expect(document.activeElement).toBe(screen.getByRole("heading", { name: "AutoCAD" }));
  });

  it("says so when Show in sheet cannot find the licence's row", async () => {
    const { register } = await renderPane();
    await openLicence("AutoCAD");
    const spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
    register.tables.licences = register.tables.licences.filter((licence) => licence.id !== "LIC-CAD");
    fireEvent.click(screen.getByRole("button", { name: "Show in sheet" }));
    expect(
      await screen.findByText(/Could not show the licence in the Licences sheet \(This licence is no longer/),
    ).toBeTruthy();
    spy.mockRestore();
  });

  it("offers to set up a workbook that has no register and shows the list afterwards", async () => {
    const { register } = await renderPane({ notSetUp: true });
    fireEvent.click(screen.getByRole("button", { name: "Set up workbook" }));
    expect(await screen.findByRole("list", { name: "Licence list" })).toBeTruthy();
    expect(register.notSetUp).toBe(false);
  });
});
