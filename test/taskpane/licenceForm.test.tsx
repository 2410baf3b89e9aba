import "./support/polyfills";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { LICENCE_COMPUTED_LABELS, LICENCE_LABELS } from "../../src/domain/labels";
import { FORM_ORDER } from "../../src/taskpane/licences/draft";
import { findDialog, label, openLicence, renderPane, saveButton, typeInto } from "./support/renderPane";
import { typeText } from "./support/typing";

const STORED_LABELS = Object.entries(LICENCE_LABELS)
  .filter(([field]) => !["id", "modified", "rowVersion", "softwareId"].includes(field))
  .map(([, label]) => label);

describe("licence form", () => {
  it("shows the licence's fields under the article's panels with the sheet's labels", async () => {
    await renderPane();
    await openLicence("Adobe Acrobat Pro");
    for (const panel of ["General", "Licence details", "Purchase", "Validity", "Assignment", "Notes"]) {
      expect(screen.getByRole("heading", { name: panel })).toBeTruthy();
    }
    for (const text of STORED_LABELS) {
      expect(screen.getByLabelText(label(text), { selector: "input, textarea, select" })).toBeTruthy();
    }
    expect(screen.getByRole("combobox", { name: label("Software") })).toHaveProperty(
      "value",
      "Adobe Acrobat Pro (Adobe)",
    );
    expect(screen.getByLabelText("Quantity")).toHaveProperty("value", "5");
    expect(screen.getByLabelText(LICENCE_COMPUTED_LABELS.usedQuantity)).toHaveProperty("value", "4");
    expect(screen.getByLabelText(LICENCE_COMPUTED_LABELS.availableQuantity)).toHaveProperty("value", "1");
    expect(screen.getByLabelText(LICENCE_COMPUTED_LABELS.annualCost)).toHaveProperty("value", "£1,200.00");
    // A read-only text box that wraps at 320 px (an input would cut the sentence off).
    expect(screen.getByRole("textbox", { name: LICENCE_COMPUTED_LABELS.renewalStatus }).textContent).toBe(
      "Renewal due, 20 days left, notice due 5 Jun 2026",
    );
    expect(screen.getByText(LICENCE_COMPUTED_LABELS.complianceStatus)).toBeTruthy();
    expect(screen.getByLabelText("Vendor")).toHaveProperty("value", "Softcat");

    // FORM_ORDER, which orders the "To save, complete or correct …" summary, is the order on screen.
    const controls = FORM_ORDER.map((field) =>
      field === "softwareId"
        ? screen.getByRole("combobox", { name: label("Software") })
        : screen.getByLabelText(label(LICENCE_LABELS[field]), { selector: "input, textarea, select" }),
    );
    controls.slice(1).forEach((control, i) => {
      expect(controls[i].compareDocumentPosition(control) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    });
  });

  it("keeps the licence key hidden until Show is pressed", async () => {
    await renderPane();
    await openLicence("Adobe Acrobat Pro");
    const key = screen.getByLabelText("Licence Key") as HTMLInputElement;
    expect(key.type).toBe("password");
    fireEvent.click(screen.getByRole("button", { name: "Show licence key" }));
    expect(key.type).toBe("text");
    expect(key.value).toBe("ACR-11111-222222");
  });

  it("keeps 'ten' in Quantity with a message beside it, disables Save and writes nothing", async () => {
    const { register } = await renderPane();
    await openLicence("Adobe Acrobat Pro");
    const quantity = typeInto("Quantity", "ten");
    expect(quantity.value).toBe("ten");
    const field = quantity.closest(".fui-Field") as HTMLElement;
    expect(
      within(field).getByText("Quantity must be a number: type it in figures, such as 25."),
    ).toBeTruthy();
    expect(saveButton().getAttribute("aria-disabled")).toBe("true");
    expect(screen.getByText("To save, complete or correct Quantity.")).toBeTruthy();
    fireEvent.submit(screen.getByRole("form", { name: "Adobe Acrobat Pro" }));
    expect(register.writes).toEqual([]);
    expect(register.find("licences", "LIC-ACRO")?.quantity).toBe(5);
  });

  it("blocks an Expiry Date before the Start Date with a message saying what to change", async () => {
    const { register } = await renderPane();
    await openLicence("Adobe Acrobat Pro");
    typeInto("Start Date", "2026-06-01");
    const expiry = typeInto("Expiry Date", "2026-05-01");
    expect(
      within(expiry.closest(".fui-Field") as HTMLElement).getByText(
        "Expiry Date must be after the Start Date (1 Jun 2026): correct whichever date is wrong.",
      ),
    ).toBeTruthy();
    expect(saveButton().getAttribute("aria-disabled")).toBe("true");
    expect(register.writes).toEqual([]);
  });

  it("blocks an unknown currency code such as XX1", async () => {
    const { register } = await renderPane();
    await openLicence("Adobe Acrobat Pro");
    typeInto("Currency", "XX1");
    expect(
      screen.getByText("Currency must be a 3-letter currency code: enter one such as GBP, EUR or USD."),
    ).toBeTruthy();
    expect(saveButton().getAttribute("aria-disabled")).toBe("true");
    expect(register.writes).toEqual([]);
  });

  it("updates Available Quantity as Quantity is typed, saves a valid edit and the list shows it", async () => {
    const { register } = await renderPane();
    await openLicence("Adobe Acrobat Pro");
    typeInto("Quantity", "8");
    expect(screen.getByLabelText("Available Quantity")).toHaveProperty("value", "4");
    typeInto("Vendor", "Insight");
    fireEvent.click(saveButton());
    expect(await screen.findByText("Saved.")).toBeTruthy();
    expect(register.find("licences", "LIC-ACRO")).toMatchObject({
      quantity: 8,
      vendor: "Insight",
      rowVersion: 1,
    });
    fireEvent.click(screen.getByRole("button", { name: "Back" }));
    const list = await screen.findByRole("list", { name: "Licence list" });
    expect(
      within(list).getByRole("button", {
        name: /^Adobe Acrobat Pro, .*Subscription, Insight, .*4 of 8 used/,
      }),
    ).toBeTruthy();
  });

  it("adds a new licence, picking the software from the catalogue", async () => {
    const { register } = await renderPane();
    fireEvent.click(screen.getByRole("button", { name: "New licence" }));
    await screen.findByRole("form", { name: "New licence" });
    expect(saveButton().getAttribute("aria-disabled")).toBe("true");
    const software = screen.getByRole("combobox", { name: label("Software") });
    fireEvent.click(software);
    typeText(software, "zoo");
    fireEvent.click(await screen.findByRole("option", { name: "Zoom Workplace (Zoom)" }));
    typeInto("Quantity", "3");
    fireEvent.change(screen.getByLabelText(label("Licence Type")), { target: { value: "Subscription" } });
    fireEvent.change(screen.getByLabelText(label("Scope")), { target: { value: "Site" } });
    fireEvent.change(screen.getByLabelText(label("Allocation Rule")), { target: { value: "Concurrent" } });
    fireEvent.click(saveButton());
    await screen.findByText("Saved.");
    expect(register.tables.licences).toHaveLength(4);
    expect(register.tables.licences[3]).toMatchObject({ softwareId: "SW-ZOOM", quantity: 3, scope: "Site" });
    expect(await screen.findByRole("heading", { name: "Zoom Workplace" })).toBeTruthy();
  });

  it("adds software to the catalogue without leaving the form", async () => {
    const { register } = await renderPane();
    fireEvent.click(screen.getByRole("button", { name: "New licence" }));
    fireEvent.click(await screen.findByRole("button", { name: "Add software" }));
    typeInto("Name of the new software", "Notepad++");
    fireEvent.click(screen.getByRole("button", { name: "Add to catalogue" }));
    await waitFor(() => expect(register.tables.software).toHaveLength(4));
    expect(register.tables.software[3]).toMatchObject({ name: "Notepad++" });
    await waitFor(() =>
      expect(screen.getByLabelText(label("Software"))).toHaveProperty("value", "Notepad++"),
    );
    expect(screen.queryByText(/Pick the Software/)).toBeNull();
  });

  it("deletes a licence only after the user confirms", async () => {
    const { register } = await renderPane();
    await openLicence("AutoCAD");
    fireEvent.click(screen.getByRole("button", { name: "Delete licence" }));
    const dialog = await findDialog("Delete this licence?");
    fireEvent.click(within(dialog).getByRole("button", { name: "Cancel" }));
    expect(register.find("licences", "LIC-CAD")).toBeDefined();
    // The pane is hidden from assistive technology until the closing dialog has gone.
    fireEvent.click(await screen.findByRole("button", { name: "Delete licence" }));
    fireEvent.click(
      within(await findDialog("Delete this licence?")).getByRole("button", {
        name: "Delete licence",
      }),
    );
    expect(await screen.findByText("Licence deleted.")).toBeTruthy();
    expect(register.find("licences", "LIC-CAD")).toBeUndefined();
    expect(screen.getByText("2 licences")).toBeTruthy();
  });
});
