import "./support/polyfills";
import { act, fireEvent, screen, within } from "@testing-library/react";
import { allocations, installations, TODAY } from "./support/fixtures";
import { label, openLicence, renderPane, typeInto } from "./support/renderPane";

/** The related list's rows as the person reads them, top to bottom. */
const rowsOf = (name: string) =>
  within(screen.getByRole("list", { name }))
    .getAllByRole("listitem")
    .map((item) => item.textContent);

describe("the licence form's figures as the draft stands", () => {
  it("follow the Allocation Rule and Quantity typed, from the licence's own rows", async () => {
    await renderPane();
    await openLicence("Adobe Acrobat Pro");
    // User-based: its 4 users with active allocations
    expect(screen.getByLabelText(label("Used Quantity"))).toHaveProperty("value", "4");
    fireEvent.change(screen.getByLabelText(label("Allocation Rule")), { target: { value: "Device-based" } });
    // no installations are linked to Acrobat, so no devices use it
    expect(screen.getByLabelText(label("Used Quantity"))).toHaveProperty("value", "0");
    expect(screen.getByLabelText(label("Available Quantity"))).toHaveProperty("value", "5");
    typeInto("Quantity", "3");
    expect(screen.getByLabelText(label("Available Quantity"))).toHaveProperty("value", "3");
    fireEvent.change(screen.getByLabelText(label("Allocation Rule")), { target: { value: "User-based" } });
    expect(screen.getByLabelText(label("Used Quantity"))).toHaveProperty("value", "4");
    expect(screen.getByLabelText(label("Available Quantity"))).toHaveProperty("value", "0");
  });
});

describe("a licence's related lists", () => {
  const typedLoosely = {
    installations: [
      ...installations,
      {
        id: "INS-LOOSE",
        softwareId: "SW-CAD",
        licenceId: " lic-cad ",
        device: "LT-0000",
        source: "Manual" as const,
        rowVersion: 0,
      },
    ],
    allocations: [
      ...allocations,
      { id: "ALC-LOOSE", licenceId: "Lic-Acro ", user: "Aaron Bell", allocatedOn: TODAY, rowVersion: 0 },
    ],
  };

  it("include rows whose Licence ID was typed with other case or spaces, in the same order", async () => {
    await renderPane(typedLoosely);
    await openLicence("AutoCAD");
    expect(screen.getByText("4 linked installations")).toBeTruthy();
    expect(rowsOf("Installations").map((text) => text?.slice(0, 7))).toEqual([
      "LT-0000",
      "LT-0001",
      "LT-0002",
      "LT-0003",
    ]);
    fireEvent.click(screen.getByRole("button", { name: "Back" }));
    await openLicence("Adobe Acrobat Pro");
    expect(screen.getByText("5 active allocations, 0 revoked")).toBeTruthy();
    expect(rowsOf("User allocations")[0]).toMatch(/^Aaron Bell/);
  });

  it("show a co-author's edit to the open licence's installations while its form is being edited", async () => {
    const { register } = await renderPane();
    await openLicence("AutoCAD");
    typeInto("Vendor", "Insight");
    act(() => register.remoteEdit("installations", "INS-2", { device: "LT-0999" }));
    expect(await screen.findByText(/^LT-0999/)).toBeTruthy();
    expect(rowsOf("Installations").map((text) => text?.slice(0, 7))).toEqual([
      "LT-0001",
      "LT-0003",
      "LT-0999",
    ]);
    act(() => register.remoteEdit("installations", "INS-U1", { licenceId: "lic-cad" }));
    expect(await screen.findByText("4 linked installations")).toBeTruthy();
    expect(screen.getByLabelText(label("Vendor"))).toHaveProperty("value", "Insight");
  });
});
