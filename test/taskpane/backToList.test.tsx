import "./support/polyfills";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { syntheticRegister } from "../../src/playground/syntheticRegister";
import { fakePageLayoutEachTest, ROW_PX, scrollPageTo } from "./support/pageLayout";
import { findDialog, openLicence, renderPane } from "./support/renderPane";
import { typeText } from "./support/typing";

/**
 * Leaving a licence's form puts the keyboard on that licence's row in the list, so a keyboard or screen-reader
 * user carries on from where they were; the search box when the licence has gone.
 */
const list = () => screen.getByRole("list", { name: "Licence list" });
const rowOf = (softwareName: string) =>
  within(list())
    .getAllByRole("button")
    .find((button) => button.getAttribute("aria-label")?.startsWith(`${softwareName},`));

describe("back from a licence's form to the list", () => {
  it("Back puts the focus on the row of the licence the person came from", async () => {
    await renderPane();
    await openLicence("AutoCAD");
    fireEvent.click(screen.getByRole("button", { name: "Back" }));
    await screen.findByRole("list", { name: "Licence list" });
    await waitFor(() => expect(document.activeElement).toBe(rowOf("AutoCAD")));
  });

  it("Escape in the form does the same, and the search and filters are as the person left them", async () => {
    await renderPane();
    typeText(screen.getByRole("searchbox"), "zoom");
    await waitFor(() => expect(within(list()).getAllByRole("button")).toHaveLength(1));
    const form = await openLicence("Zoom Workplace");
    fireEvent.keyDown(within(form).getByRole("heading", { name: "Zoom Workplace" }), { key: "Escape" });
    await screen.findByRole("list", { name: "Licence list" });
    await waitFor(() => expect(document.activeElement).toBe(rowOf("Zoom Workplace")));
    expect((screen.getByRole("searchbox") as HTMLInputElement).value).toBe("zoom");
    expect(screen.getByText("1 of 3 licences")).toBeTruthy();
  });

  it("after deleting the licence, the focus goes to the search box", async () => {
    const { register } = await renderPane();
    await openLicence("AutoCAD");
    // the live register applies the delete a moment after it is saved: meanwhile the row is still listed
    const applied = register.holdNextChange();
    fireEvent.click(screen.getByRole("button", { name: "Delete licence" }));
    fireEvent.click(
      within(await findDialog("Delete this licence?")).getByRole("button", { name: "Delete licence" }),
    );
    expect(await screen.findByText("Licence deleted.")).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole("searchbox")));
    await act(async () => applied());
    expect(document.activeElement).toBe(screen.getByRole("searchbox"));
  });
});

describe("back to a list of 1,000 licences, which draws only the rows in view", () => {
  const { software, licences } = syntheticRegister(1_000);
  fakePageLayoutEachTest(licences.length);

  it("scrolls the list back to the licence's row, drawn again, and focuses it", async () => {
    await renderPane({ software, licences });
    scrollPageTo(600 * ROW_PX);
    const shown = within(list()).getAllByRole("listitem");
    const row = shown[Math.floor(shown.length / 2)];
    const place = row.getAttribute("aria-posinset");
    expect(Number(place)).toBeGreaterThan(500);
    const name = within(row).getByRole("button").getAttribute("aria-label")!;
    fireEvent.click(within(row).getByRole("button"));
    await screen.findByRole("form");
    // the form is at the top of the page; the list behind it is gone
    scrollPageTo(0);
    fireEvent.click(screen.getByRole("button", { name: "Back" }));
    await screen.findByRole("list", { name: "Licence list" });
    await waitFor(() => expect(document.activeElement?.getAttribute("aria-label")).toBe(name));
    expect(document.activeElement?.closest("li")?.getAttribute("aria-posinset")).toBe(place);
    expect(window.scrollY).toBeGreaterThan(500 * ROW_PX);
  });
});
