import "./support/polyfills";
import { act, fireEvent, screen, within } from "@testing-library/react";
import { addDays } from "../../src/domain/dates";
import { licences, TODAY } from "./support/fixtures";
import { renderPane } from "./support/renderPane";

/** A row's texts: the product (the row's header), then its figures. */
const cells = (row: HTMLElement) =>
  [within(row).getByRole("rowheader"), ...within(row).getAllByRole("cell")].map((cell) => cell.textContent);

/** Opens the Dashboard and waits while its figures are first worked out (in slices, so they arrive a turn later). */
async function openDashboard() {
  fireEvent.click(screen.getByRole("tab", { name: "Dashboard" }));
  await screen.findByRole("heading", { name: "Software compliance" });
}

describe("dashboard", () => {
  it("says it is working out the figures until they are there", async () => {
    await renderPane();
    fireEvent.click(screen.getByRole("tab", { name: "Dashboard" }));
    expect(await screen.findByText(`Working out the figures for ${licences.length} licences…`)).toBeTruthy();
    await screen.findByRole("heading", { name: "Software compliance" });
    expect(screen.queryByText(/Working out the figures/)).toBeNull();
  });

  it("shows each product's compliance with the over-deployed product's used, available and shortfall", async () => {
    await renderPane();
    await openDashboard();
    const grid = screen.getByRole("table", { name: "Software compliance" });
    const rows = within(grid).getAllByRole("row");
    const autocad = rows.find((row) => row.textContent?.startsWith("AutoCAD"));
    // Status straight after Product, where it shows without scrolling the grid sideways.
    expect(within(grid).getAllByRole("columnheader")[1].textContent).toBe("Status");
    expect(cells(autocad!)).toEqual([
      "AutoCAD",
      "Over-deployed",
      "1",
      "2",
      "5",
      "2",
      "0",
      "3",
      "£3,000.00",
      "£4,500.00",
      "£0.00",
    ]);
    const total = rows.find((row) => row.textContent?.startsWith("Total"));
    expect(cells(total!).slice(0, 8)).toEqual(["Total", "", "3", "17", "9", "2", "11", "3"]);

    const counts = screen.getByRole("list", { name: "Products by compliance status" });
    expect(
      within(counts)
        .getAllByRole("listitem")
        .map((item) => item.textContent),
    ).toEqual(["Compliant1", "Over-deployed1", "Under-utilized1", "Review Required0"]);
  });

  it("in a pane too narrow for the table, shows the totals first and then a card per product with every figure", async () => {
    // The grid measures its width as laid out; jsdom lays nothing out, so give it the narrowest pane's.
    const measure = jest.spyOn(HTMLElement.prototype, "getBoundingClientRect").mockReturnValue({
      width: 296,
      height: 0,
      top: 0,
      left: 0,
      right: 296,
      bottom: 0,
      x: 0,
      y: 0,
    } as DOMRect);
    try {
      await renderPane();
      await openDashboard();
      expect(screen.queryByRole("table", { name: "Software compliance" })).toBeNull();
      const cards = within(screen.getByRole("list", { name: "Software compliance" })).getAllByRole(
        "listitem",
      );
      const figures = (card: HTMLElement) =>
        Object.fromEntries(
          [...card.querySelectorAll("dl > div")].map((pair) => [
            pair.querySelector("dt")?.textContent,
            pair.querySelector("dd")?.textContent,
          ]),
        );
      expect(within(cards[0]).getByRole("heading").textContent).toBe("Total, 3 products");
      expect(figures(cards[0])).toMatchObject({ Licences: "3", Purchased: "17", Used: "9", Shortfall: "3" });
      const autocad = cards.find((card) =>
        within(card).getByRole("heading").textContent?.startsWith("AutoCAD"),
      );
      expect(within(autocad!).getByRole("heading").textContent).toBe("AutoCADOver-deployed");
      expect(figures(autocad!)).toEqual({
        Licences: "1",
        Purchased: "2",
        Used: "5",
        Unlicensed: "2",
        Available: "0",
        Shortfall: "3",
        "Annual cost": "£3,000.00",
        "True-up exposure": "£4,500.00",
        "Cost of unused licences": "£0.00",
      });
      expect(cards).toHaveLength(4);
    } finally {
      measure.mockRestore();
    }
  });

  it("lists renewals in the next 90 days, saying a notice date gone by was due, and opens a licence from there", async () => {
    await renderPane();
    await openDashboard();
    const renewals = screen.getByRole("list", { name: "Upcoming renewals" });
    const items = within(renewals).getAllByRole("button");
    expect(items.map((item) => item.textContent)).toEqual([
      "Adobe Acrobat Pro — 20 days leftSubscription, Softcat · expires 5 Jul 2026 · notice was due 5 Jun 2026 · does not auto-renew",
    ]);
    fireEvent.click(items[0]);
    expect(await screen.findByRole("form", { name: "Adobe Acrobat Pro" })).toBeTruthy();
  });

  it("says a renewal notice still to come is due on its date", async () => {
    const acrobat = licences.find((licence) => licence.id === "LIC-ACRO")!;
    await renderPane({ licences: [{ ...acrobat, expiryDate: addDays(TODAY, 60) }] });
    await openDashboard();
    const renewals = screen.getByRole("list", { name: "Upcoming renewals" });
    expect(within(renewals).getByRole("button").textContent).toContain("· notice due 15 Jul 2026 ·");
  });

  it("lists data issues and goes to the cell when one is selected; register-wide ones are plain text", async () => {
    const { register } = await renderPane({
      // No USD rate in Settings: a problem of the whole register, with no cell or record to go to.
      licences: [{ ...licences[0], currency: "USD" }, ...licences.slice(1)],
      issues: [
        {
          sheet: "Licences",
          row: 7,
          column: "Quantity",
          address: "D7",
          message: "Quantity must be a number: type it in figures, such as 25.",
          recordId: "LIC-X",
        },
      ],
    });
    await openDashboard();
    const issues = screen.getByRole("list", { name: "Data issues" });
    const item = within(issues).getByRole("button", { name: /Licences, row 7, Quantity/ });
    expect(item.textContent).toContain("Quantity must be a number: type it in figures, such as 25.");
    fireEvent.click(item);
    expect(register.goToCellCalls).toEqual([{ sheet: "Licences", address: "D7" }]);

    const rate = within(issues)
      .getByText(/^No exchange rate from USD/)
      .closest("li") as HTMLElement;
    expect(within(rate).queryByRole("button")).toBeNull();
    expect(within(issues).getAllByRole("button")).toHaveLength(1);
    expect(within(issues).getAllByRole("listitem")).toHaveLength(2);
  });

  it("follows a co-author's edit while open: the product's row and the data issues change", async () => {
    const { register } = await renderPane();
    await openDashboard();
    const autocad = () =>
      within(screen.getByRole("table", { name: "Software compliance" }))
        .getAllByRole("row")
        .find((row) => row.textContent?.startsWith("AutoCAD"))!;
    expect(cells(autocad()).slice(1, 6)).toEqual(["Over-deployed", "1", "2", "5", "2"]);
    expect(screen.getByText("No data issues found.")).toBeTruthy();

    act(() => register.remoteEdit("installations", "INS-3", { licenceId: "LIC-GONE" }));
    const issue = await screen.findByText(
      "Installation INS-3 names licence LIC-GONE, which is not in the register: change its Licence ID to a licence in the Licences sheet, or clear it.",
    );
    expect(issue.closest("button")?.textContent).toMatch(/^Installations, INS-3/);
    // moved off its licence, the installation counts as unlicensed
    expect(cells(autocad()).slice(1, 6)).toEqual(["Over-deployed", "1", "2", "5", "3"]);

    act(() => register.remoteEdit("installations", "INS-3", { licenceId: "LIC-CAD" }));
    expect(await screen.findByText("No data issues found.")).toBeTruthy();
    expect(cells(autocad()).slice(1, 6)).toEqual(["Over-deployed", "1", "2", "5", "2"]);
  });
});
