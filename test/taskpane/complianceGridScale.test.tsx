import "./support/polyfills";
import { act, fireEvent, screen, within } from "@testing-library/react";
import { syntheticRegister } from "../../src/playground/syntheticRegister";
import { renderPane } from "./support/renderPane";
import { typeText } from "./support/typing";

/** 20,000 licences of the benchmark's synthetic register: one product per ten licences. */
const PRODUCTS = 2_000;
const { software, licences } = syntheticRegister(PRODUCTS * 10);

/** Each card and row is laid out this tall; jsdom lays nothing out, so the grid is told. */
const ITEM_PX = 100;

/**
 * Lays the pane out as a browser would at the given width: every element that wide, at the top of the page
 * (moving up as the page scrolls), each item ITEM_PX tall.
 */
function layOut(width: number) {
  const rect = jest.spyOn(HTMLElement.prototype, "getBoundingClientRect").mockImplementation(() => {
    const top = -window.scrollY;
    return { width, height: 0, top, left: 0, right: width, bottom: top, x: 0, y: top } as DOMRect;
  });
  const height = jest.spyOn(HTMLElement.prototype, "offsetHeight", "get").mockReturnValue(ITEM_PX);
  return () => {
    rect.mockRestore();
    height.mockRestore();
  };
}

/** Scrolls the page (the task pane in Excel is a page of its own) to `y` pixels. */
function scrollTo(y: number) {
  Object.defineProperty(window, "scrollY", { value: y, configurable: true });
  act(() => {
    window.dispatchEvent(new Event("scroll"));
  });
}

async function openDashboard() {
  await renderPane({ software, licences });
  fireEvent.click(screen.getByRole("tab", { name: "Dashboard" }));
}

const titles = (cards: HTMLElement) =>
  within(cards)
    .getAllByRole("heading")
    .map((heading) => heading.firstChild?.textContent);

let restore: () => void;
afterEach(() => {
  restore();
  scrollTo(0);
});

describe("the compliance grid of a register with 2,000 products", () => {
  it("as cards in a narrow pane, draws only those in view, and the ones further down once scrolled to", async () => {
    restore = layOut(296);
    await openDashboard();
    const cards = await screen.findByRole("list", { name: "Software compliance" });
    expect(titles(cards)).toContain("Total, 2,000 products");
    const first = within(cards).getAllByRole("listitem");
    expect(first.length).toBeGreaterThan(3);
    expect(first.length).toBeLessThan(50);
    // each card says where it stands among all of them (the totals' card first)
    expect(first[1].getAttribute("aria-posinset")).toBe("2");
    expect(first[1].getAttribute("aria-setsize")).toBe(String(PRODUCTS + 1));
    expect(titles(cards)).toContain("Product 1");

    // to the end of the list (as tall as its cards, measured or guessed)
    scrollTo(Number.parseFloat(cards.style.height));
    expect(titles(cards)).toContain("Product 2000");
    expect(titles(cards)).not.toContain("Product 1");
    expect(within(cards).getAllByRole("listitem").length).toBeLessThan(50);
  });

  it("finds a product by name, with its figures, and says how many of all match", async () => {
    restore = layOut(296);
    await openDashboard();
    const cards = await screen.findByRole("list", { name: "Software compliance" });
    expect(titles(cards)).not.toContain("Product 1234");
    typeText(screen.getByRole("searchbox", { name: "Find a product" }), " product 1234 ");
    expect(await screen.findByText("1 of 2,000 products")).toBeTruthy();
    const found = screen.getByRole("list", { name: "Software compliance" });
    expect(titles(found)).toEqual(["Total, 1 product", "Product 1234"]);
    const card = within(found).getAllByRole("listitem")[1];
    // ten licences of the product, each of a quantity the generator chose
    expect(within(card).getByText("Licences").nextSibling?.textContent).toBe("10");

    typeText(screen.getByRole("searchbox", { name: "Find a product" }), "Nothing by this name");
    expect(await screen.findByText("No product's name matches. Change the search to see more.")).toBeTruthy();
  });

  it("as a table in a wide pane, draws only the rows in view, each saying its place among all the rows", async () => {
    restore = layOut(1_000);
    await openDashboard();
    const table = await screen.findByRole("table", { name: "Software compliance" });
    // the header, the products and the totals
    expect(table.getAttribute("aria-rowcount")).toBe(String(PRODUCTS + 2));
    const rowHeaders = () =>
      within(table)
        .getAllByRole("rowheader")
        .map((cell) => cell.textContent);
    const rows = within(table).getAllByRole("row");
    expect(rows.length).toBeLessThan(50);
    expect(rowHeaders()).toContain("Product 1");
    expect(rowHeaders()).toContain("Total");
    expect(rows.find((row) => row.textContent?.startsWith("Product 2"))?.getAttribute("aria-rowindex")).toBe(
      "3",
    );

    // the page scrolled to its end, past every product's row
    scrollTo(PRODUCTS * ITEM_PX * 2);
    expect(rowHeaders()).toContain("Product 2000");
    expect(rowHeaders()).not.toContain("Product 1");
    expect(within(table).getAllByRole("row").length).toBeLessThan(50);
  });
});
