import "./support/polyfills";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { label, openLicence, renderPane } from "./support/renderPane";
import { typeText } from "./support/typing";

/** Opens a row's inline form with its Edit button, and gives the form. */
function edit(row: string, formName: string) {
  fireEvent.click(screen.getByRole("button", { name: `Edit ${row}` }));
  return screen.getByRole("group", { name: formName });
}

/** Types into a field of one inline form and leaves it. */
function typeIn(form: HTMLElement, field: string, value: string) {
  const input = within(form).getByLabelText(label(field), { selector: "input" });
  fireEvent.focus(input);
  typeText(input, value);
  fireEvent.blur(input);
  return input as HTMLInputElement;
}

const valueIn = (form: HTMLElement, field: string) =>
  (within(form).getByLabelText(label(field), { selector: "input" }) as HTMLInputElement).value;

describe("correcting a user allocation", () => {
  it("opens the allocation's own values, saves the corrected user and department, and the list shows them", async () => {
    const { register } = await renderPane();
    await openLicence("Adobe Acrobat Pro");
    const form = edit("Amira Khan", "Edit Amira Khan's allocation");
    expect(valueIn(form, "User")).toBe("Amira Khan");
    expect(valueIn(form, "Department")).toBe("Finance");
    expect(valueIn(form, "Allocated On")).toBe("2026-05-16");
    // The first field has the keyboard, so the person types straight away.
    expect(document.activeElement).toBe(within(form).getByLabelText(label("User")));

    typeIn(form, "User", "Amira Khan-Jones");
    typeIn(form, "Department", "  Procurement ");
    fireEvent.click(within(form).getByRole("button", { name: "Save" }));

    expect(await screen.findByText("Saved Amira Khan-Jones's allocation.")).toBeTruthy();
    expect(register.writes).toEqual([{ op: "update", kind: "allocations", id: "ALC-1", force: undefined }]);
    expect(register.find("allocations", "ALC-1")).toMatchObject({
      user: "Amira Khan-Jones",
      department: "Procurement",
      allocatedOn: "2026-05-16",
      licenceId: "LIC-ACRO",
    });
    const list = screen.getByRole("list", { name: "User allocations" });
    expect(within(list).getByText("Amira Khan-Jones (Procurement)")).toBeTruthy();
    expect(within(list).queryByText("Amira Khan (Finance)")).toBeNull();
    expect(screen.getByText("4 active allocations, 0 revoked")).toBeTruthy();
    expect(screen.queryByRole("group", { name: /allocation$/ })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Edit Amira Khan-Jones" }));
  });

  it("refuses a date the allocation's rules forbid, says which, and writes nothing", async () => {
    const { register } = await renderPane({
      allocations: [
        {
          id: "ALC-GONE",
          licenceId: "LIC-ACRO",
          user: "Gary Gone",
          allocatedOn: "2026-01-05",
          revokedOn: "2026-03-01",
          rowVersion: 0,
        },
      ],
    });
    await openLicence("Adobe Acrobat Pro");
    const form = edit("Gary Gone", "Edit Gary Gone's allocation");
    expect(valueIn(form, "Revoked On")).toBe("2026-03-01");
    typeIn(form, "Allocated On", "2026-04-01");
    fireEvent.click(within(form).getByRole("button", { name: "Save" }));

    expect(
      within(form).getByText(
        "Revoked On cannot be before Allocated On (1 Apr 2026): correct whichever date is wrong.",
      ),
    ).toBeTruthy();
    expect(within(form).getByRole("button", { name: "Save" })).toHaveProperty("disabled", true);
    typeIn(form, "User", "");
    expect(within(form).getByText("User is required: fill it in.")).toBeTruthy();
    expect(register.writes).toEqual([]);
    expect(register.find("allocations", "ALC-GONE")).toMatchObject({
      user: "Gary Gone",
      allocatedOn: "2026-01-05",
    });
  });

  it("refuses to save over a co-author's change to the same allocation, keeps what was typed, then Keep mine saves it", async () => {
    const { register } = await renderPane();
    await openLicence("Adobe Acrobat Pro");
    const form = edit("Ben Carter", "Edit Ben Carter's allocation");
    typeIn(form, "User", "Benjamin Carter");
    typeIn(form, "Department", "Finance");
    act(() => register.remoteEdit("allocations", "ALC-2", { department: "Sales" }));
    fireEvent.click(within(form).getByRole("button", { name: "Save" }));

    expect(
      await within(form).findByText(
        /^Not saved\. Someone else changed Department of this allocation while you were editing\./,
      ),
    ).toBeTruthy();
    expect(register.writes).toEqual([]);
    expect(register.find("allocations", "ALC-2")).toMatchObject({ user: "Ben Carter", department: "Sales" });
    expect(valueIn(form, "User")).toBe("Benjamin Carter");
    expect(valueIn(form, "Department")).toBe("Finance");
    // The list follows the co-author once their change is read; the form still holds this person's values.
    expect(await screen.findByText("Ben Carter (Sales)")).toBeTruthy();
    expect(valueIn(form, "Department")).toBe("Finance");

    fireEvent.click(within(form).getByRole("button", { name: "Keep mine" }));
    expect(await screen.findByText("Saved Benjamin Carter's allocation.")).toBeTruthy();
    expect(register.writes).toEqual([{ op: "update", kind: "allocations", id: "ALC-2", force: true }]);
    expect(register.find("allocations", "ALC-2")).toMatchObject({
      user: "Benjamin Carter",
      department: "Finance",
    });
  });

  it("offers to add back an allocation a co-author deleted while it was being corrected", async () => {
    const { register } = await renderPane();
    await openLicence("Adobe Acrobat Pro");
    const form = edit("Dev Patel", "Edit Dev Patel's allocation");
    typeIn(form, "Department", "Marketing");
    act(() => register.remoteDelete("allocations", "ALC-4"));
    expect(await screen.findByText("3 active allocations, 0 revoked")).toBeTruthy();
    fireEvent.click(within(form).getByRole("button", { name: "Save" }));

    expect(
      await within(form).findByText(
        /^Not saved\. Someone else deleted this allocation while you were editing/,
      ),
    ).toBeTruthy();
    expect(valueIn(form, "Department")).toBe("Marketing");
    fireEvent.click(within(form).getByRole("button", { name: "Add it back" }));
    expect(await screen.findByText("4 active allocations, 0 revoked")).toBeTruthy();
    expect(register.tables.allocations.find((a) => a.user === "Dev Patel")).toMatchObject({
      department: "Marketing",
      licenceId: "LIC-ACRO",
    });
    // The keyboard is on the added-back row's Edit button once the form has closed.
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole("button", { name: "Edit Dev Patel" })),
    );
  });

  it("Cancel, Escape and an unchanged Save write nothing and give the keyboard back to the row's Edit button", async () => {
    const { register } = await renderPane();
    await openLicence("Adobe Acrobat Pro");

    let form = edit("Chloé Martin", "Edit Chloé Martin's allocation");
    typeIn(form, "User", "Chloe Martin");
    fireEvent.click(within(form).getByRole("button", { name: "Cancel" }));
    expect(screen.queryByRole("group", { name: "Edit Chloé Martin's allocation" })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Edit Chloé Martin" }));

    form = edit("Chloé Martin", "Edit Chloé Martin's allocation");
    // Opened again, it shows the allocation as it is, not what was typed and cancelled.
    expect(valueIn(form, "User")).toBe("Chloé Martin");
    const department = typeIn(form, "Department", "Sales");
    fireEvent.keyDown(department, { key: "Escape" });
    expect(screen.queryByRole("group", { name: "Edit Chloé Martin's allocation" })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Edit Chloé Martin" }));

    form = edit("Chloé Martin", "Edit Chloé Martin's allocation");
    typeIn(form, "Department", " Finance ");
    fireEvent.keyDown(within(form).getByLabelText(label("Department")), { key: "Enter" });
    expect(screen.queryByRole("group", { name: "Edit Chloé Martin's allocation" })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Edit Chloé Martin" }));

    expect(register.writes).toEqual([]);
    expect(register.find("allocations", "ALC-3")).toMatchObject({
      user: "Chloé Martin",
      department: "Finance",
    });
  });
});

describe("correcting an installation", () => {
  it("saves a corrected device and version, and the list shows them", async () => {
    const { register } = await renderPane();
    await openLicence("AutoCAD");
    const form = edit("LT-0002", "Edit the installation on LT-0002");
    expect(valueIn(form, "Device")).toBe("LT-0002");
    expect(within(form).getByRole("combobox", { name: "Source" })).toHaveProperty("value", "Manual");
    typeIn(form, "Device", "LT-0020");
    typeIn(form, "Version", "2025");
    fireEvent.click(within(form).getByRole("button", { name: "Save" }));

    expect(await screen.findByText("Saved the installation on LT-0020.")).toBeTruthy();
    expect(register.writes).toEqual([{ op: "update", kind: "installations", id: "INS-2", force: undefined }]);
    expect(register.find("installations", "INS-2")).toMatchObject({
      device: "LT-0020",
      version: "2025",
      licenceId: "LIC-CAD",
      softwareId: "SW-CAD",
    });
    const list = screen.getByRole("list", { name: "Installations" });
    expect(within(list).getByText("LT-0020")).toBeTruthy();
    expect(within(list).getByText(/User 2 · Version 2025/)).toBeTruthy();
    expect(screen.getByText("3 linked installations")).toBeTruthy();
  });

  it("refuses a blank device with what to do, and writes nothing", async () => {
    const { register } = await renderPane();
    await openLicence("AutoCAD");
    const form = edit("LT-0001", "Edit the installation on LT-0001");
    typeIn(form, "Device", "   ");
    expect(within(form).getByText("Device is required: fill it in.")).toBeTruthy();
    fireEvent.click(within(form).getByRole("button", { name: "Save" }));
    expect(register.writes).toEqual([]);
  });
});
