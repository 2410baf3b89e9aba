import "./support/polyfills";
import { act, fireEvent, screen, within } from "@testing-library/react";
import { findDialog, label, openLicence, renderPane, saveButton, typeInto } from "./support/renderPane";

describe("saving over someone else's changes", () => {
  it("says who changed what, keeps my draft through the reload, and Keep mine overwrites", async () => {
    const { register } = await renderPane();
    await openLicence("Adobe Acrobat Pro");
    typeInto("Quantity", "9");
    act(() => register.remoteEdit("licences", "LIC-ACRO", { quantity: 7, vendor: "Insight" }));
    expect(
      await screen.findByText(/Someone else changed this licence in the workbook while you were editing/),
    ).toBeTruthy();
    expect(screen.getByLabelText(label("Quantity"))).toHaveProperty("value", "9");

    fireEvent.click(saveButton());
    expect(
      await screen.findByText(
        /Someone else changed Quantity and Vendor of this licence while you were editing\./,
      ),
    ).toBeTruthy();
    expect(register.find("licences", "LIC-ACRO")).toMatchObject({ quantity: 7, vendor: "Insight" });
    // Save is in the sticky footer, the message at the top of the form: focus moves to the message, and the
    // footer says in a line beside Save, as an alert, that nothing was saved.
    expect(document.activeElement).toBe(screen.getByRole("group", { name: "Not saved" }));
    const footerLine = screen.getByText("Not saved: someone else changed this licence.");
    expect(footerLine.closest("[role=alert]")).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "Keep mine" }));
    expect(await screen.findByText("Saved.")).toBeTruthy();
    expect(screen.queryByText(/^Not saved/)).toBeNull();
    expect(register.find("licences", "LIC-ACRO")).toMatchObject({ quantity: 9, vendor: "Softcat" });
    expect(register.writes.at(-1)).toMatchObject({ op: "update", id: "LIC-ACRO", force: true });
  });

  it("Reload takes their version and drops mine", async () => {
    const { register } = await renderPane();
    await openLicence("Adobe Acrobat Pro");
    typeInto("Vendor", "Mine Ltd");
    act(() => register.remoteEdit("licences", "LIC-ACRO", { vendor: "Theirs plc" }));
    await screen.findByText(/Someone else changed this licence in the workbook/);
    fireEvent.click(saveButton());
    await screen.findByText(/Someone else changed Vendor of this licence/);
    fireEvent.click(screen.getByRole("button", { name: "Reload" }));
    expect(screen.getByLabelText(label("Vendor"))).toHaveProperty("value", "Theirs plc");
    expect(register.find("licences", "LIC-ACRO")?.vendor).toBe("Theirs plc");
  });

  it("offers Save as new when the licence was deleted while I was editing", async () => {
    const { register } = await renderPane();
    await openLicence("AutoCAD");
    typeInto("Vendor", "Insight");
    act(() => register.remoteDelete("licences", "LIC-CAD"));
    await screen.findByText(/This licence is no longer in the register/);
    fireEvent.click(saveButton());
    expect(
      await screen.findByText(/Someone else deleted this licence while you were editing\./),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Save as new" }));
    await screen.findByText("Saved.");
    expect(register.tables.licences.find((licence) => licence.softwareId === "SW-CAD")).toMatchObject({
      vendor: "Insight",
      quantity: 2,
    });
  });
});

describe("after a save", () => {
  it("says when the register merged someone else's changes to other fields with this save", async () => {
    const { register } = await renderPane();
    await openLicence("AutoCAD");
    typeInto("Vendor", "Insight");
    const update = register.update.bind(register);
    jest.spyOn(register, "update").mockImplementationOnce(async (kind, record, options) => {
      const result = await update(kind, record, options);
      const message =
        "Saved. Someone else changed Purchase Order meanwhile; their change is kept with yours.";
      return result.ok ? { ...result, merged: { fields: ["purchaseOrder"], message } } : result;
    });
    fireEvent.click(saveButton());
    expect(
      await screen.findByText(
        "Saved. Someone else changed Purchase Order meanwhile; their change is kept with yours.",
      ),
    ).toBeTruthy();
  });

  it("drops 'Saved.' once a co-author saves the same licence, and says what they changed", async () => {
    const { register } = await renderPane();
    await openLicence("AutoCAD");
    typeInto("Vendor", "Insight");
    fireEvent.click(saveButton());
    await screen.findByText("Saved.");

    act(() => register.remoteEdit("licences", "LIC-CAD", { purchaseOrder: "PO-THEIRS" }));
    expect(
      await screen.findByText(
        "Your save went in, then someone else changed Purchase Order of this licence. The form shows the licence as it is now.",
      ),
    ).toBeTruthy();
    expect(screen.queryByText("Saved.")).toBeNull();
    expect(screen.getByLabelText(label("Purchase Order"))).toHaveProperty("value", "PO-THEIRS");
    expect(screen.getByLabelText(label("Vendor"))).toHaveProperty("value", "Insight");
  });
});

describe("leaving a form with unsaved changes", () => {
  it("asks before Back discards the edits", async () => {
    const { register } = await renderPane();
    await openLicence("Adobe Acrobat Pro");
    typeInto("Vendor", "Insight");
    fireEvent.click(screen.getByRole("button", { name: "Back" }));
    let dialog = await findDialog("Discard changes?");
    fireEvent.click(within(dialog).getByRole("button", { name: "Keep editing" }));
    expect(screen.getByLabelText(label("Vendor"))).toHaveProperty("value", "Insight");

    // The closing dialog keeps the pane aria-hidden until its exit transition ends: wait for Back to return.
    fireEvent.click(await screen.findByRole("button", { name: "Back" }));
    dialog = await findDialog("Discard changes?");
    fireEvent.click(within(dialog).getByRole("button", { name: "Discard changes" }));
    expect(await screen.findByRole("list", { name: "Licence list" })).toBeTruthy();
    expect(register.writes).toEqual([]);
  });

  it("keeps the edited form when a row is selected in the sheet, offering that licence without a dialog, and keeps the draft across the Dashboard tab", async () => {
    const { register } = await renderPane();
    await openLicence("Adobe Acrobat Pro");
    typeInto("Vendor", "Insight");
    fireEvent.click(screen.getByRole("tab", { name: "Dashboard" }));
    fireEvent.click(screen.getByRole("tab", { name: "Licences" }));
    expect(screen.getByLabelText(label("Vendor"))).toHaveProperty("value", "Insight");

    const focused = document.activeElement;
    act(() => register.selectInSheet("licences", "LIC-CAD"));
    expect(await screen.findByText(/You selected AutoCAD \(Term\) in the sheet/)).toBeTruthy();
    // Nothing modal opened and nothing took the focus: the person may be typing in the grid.
    expect(screen.queryByRole("alertdialog", { hidden: true })).toBeNull();
    expect(document.activeElement).toBe(focused);
    expect(screen.getByRole("form", { name: "Adobe Acrobat Pro" })).toBeTruthy();
    expect(screen.getByLabelText(label("Vendor"))).toHaveProperty("value", "Insight");

    fireEvent.click(screen.getByRole("button", { name: "Open AutoCAD (Term)" }));
    const dialog = await findDialog("Discard changes?");
    fireEvent.click(within(dialog).getByRole("button", { name: "Discard changes" }));
    expect(await screen.findByRole("form", { name: "AutoCAD" })).toBeTruthy();
    expect(register.writes).toEqual([]);
  });

  it("Stay here keeps the edits and drops the notice", async () => {
    const { register } = await renderPane();
    await openLicence("Adobe Acrobat Pro");
    typeInto("Vendor", "Insight");
    act(() => register.selectInSheet("licences", "LIC-CAD"));
    fireEvent.click(await screen.findByRole("button", { name: "Stay here" }));
    expect(screen.queryByText(/You selected AutoCAD/)).toBeNull();
    expect(screen.getByLabelText(label("Vendor"))).toHaveProperty("value", "Insight");
  });
});

describe("a co-author's change made at the same time as my save", () => {
  it("says my change was replaced instead of a stale 'Saved.', and shows the value that replaced it", async () => {
    const { register } = await renderPane();
    await openLicence("Adobe Acrobat Pro");
    typeInto("Quantity", "9");
    fireEvent.click(saveButton());
    expect(await screen.findByText("Saved.")).toBeTruthy();
    const message =
      "Your change to Quantity of licence LIC-ACRO was replaced by a co-author's change made at the same time. Check the value and save it again if yours is right.";
    act(() => register.remoteReplacedMySave("licences", "LIC-ACRO", { quantity: 12 }, message));
    expect(await screen.findByText(message)).toBeTruthy();
    expect(screen.queryByText("Saved.")).toBeNull();
    // the form shows the value that replaced mine, though the Row Version is the one my save left
    expect(screen.getByLabelText(label("Quantity"))).toHaveProperty("value", "12");
  });
});
