import "./support/polyfills";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { INSTALLATION_SOURCES } from "../../src/domain/lists";
import { installations, TODAY } from "./support/fixtures";
import { findDialog, label, openLicence, renderPane, typeInto } from "./support/renderPane";

describe("user allocations", () => {
  it("allocates the licence to a user, then revokes and removes the allocation", async () => {
    const { register } = await renderPane();
    await openLicence("Adobe Acrobat Pro");
    expect(screen.getByText("4 active allocations, 0 revoked")).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "Allocate to a user" }));
    const form = screen.getByRole("group", { name: "Allocate to a user" });
    fireEvent.click(within(form).getByRole("button", { name: "Allocate" }));
    expect(within(form).getByText("User is required: fill it in.")).toBeTruthy();
    expect(register.writes).toEqual([]);

    typeInto("User", "Ella Jones");
    typeInto("Department", "Finance");
    fireEvent.click(within(form).getByRole("button", { name: "Allocate" }));
    expect(await screen.findByText("5 active allocations, 0 revoked")).toBeTruthy();
    expect(screen.getByLabelText(label("Available Quantity"))).toHaveProperty("value", "0");
    const added = register.tables.allocations.find((allocation) => allocation.user === "Ella Jones");
    expect(added).toMatchObject({ licenceId: "LIC-ACRO", department: "Finance", allocatedOn: TODAY });

    fireEvent.click(screen.getByRole("button", { name: "Revoke Ella Jones" }));
    expect(await screen.findByText("4 active allocations, 1 revoked")).toBeTruthy();
    expect(register.find("allocations", added!.id)?.revokedOn).toBe(TODAY);

    fireEvent.click(screen.getByRole("button", { name: "Remove Ella Jones" }));
    const dialog = await findDialog("Remove this allocation?");
    fireEvent.click(within(dialog).getByRole("button", { name: "Remove allocation" }));
    expect(await screen.findByText("4 active allocations, 0 revoked")).toBeTruthy();
    expect(register.find("allocations", added!.id)).toBeUndefined();
  });

  it("while a form is open, says why the rows' Edit buttons are off, and turns them on again when it closes", async () => {
    await renderPane();
    await openLicence("Adobe Acrobat Pro");
    const editButtons = () =>
      within(screen.getByRole("list", { name: "User allocations" })).getAllByRole("button", {
        name: /^Edit /,
      });
    const hint = "To edit an allocation, first save or cancel the form below.";
    expect(screen.queryByText(hint)).toBeNull();

    fireEvent.click(screen.getByRole("button", { name: "Allocate to a user" }));
    expect(screen.getByText(hint)).toBeTruthy();
    expect(editButtons().every((button) => (button as HTMLButtonElement).disabled)).toBe(true);

    const form = screen.getByRole("group", { name: "Allocate to a user" });
    fireEvent.click(within(form).getByRole("button", { name: "Cancel" }));
    await waitFor(() => expect(screen.queryByText(hint)).toBeNull());
    expect(editButtons().some((button) => (button as HTMLButtonElement).disabled)).toBe(false);

    fireEvent.click(editButtons()[0]);
    expect(screen.getByText(hint)).toBeTruthy();
  });

  it("says which allocations have not started, are active until a date or were revoked, each once", async () => {
    const dated = (id: string, user: string, dates: { allocatedOn?: string; revokedOn?: string }) => ({
      id,
      licenceId: "LIC-ACRO",
      user,
      ...dates,
      rowVersion: 0,
    });
    await renderPane({
      allocations: [
        dated("ALC-NEXT", "Nina Next", { allocatedOn: "2026-07-01" }),
        dated("ALC-LEAVER", "Liam Leaver", { allocatedOn: "2026-01-05", revokedOn: "2026-08-31" }),
        dated("ALC-GONE", "Gary Gone", { allocatedOn: "2026-01-05", revokedOn: "2026-03-01" }),
        dated("ALC-HERE", "Hana Here", { allocatedOn: "2026-02-10" }),
      ],
    });
    await openLicence("Adobe Acrobat Pro");
    // An allocation starting next month is not revoked: it is counted apart, and cannot be revoked yet.
    expect(screen.getByText("2 active allocations, 1 revoked, 1 not started yet")).toBeTruthy();
    const list = screen.getByRole("list", { name: "User allocations" });
    expect(
      within(list)
        .getAllByRole("listitem")
        .map((item) => item.textContent),
    ).toEqual([
      "Hana HereAllocated 10 Feb 2026 · ActiveEditRevokeRemove",
      "Liam LeaverAllocated 5 Jan 2026 · Active until 31 Aug 2026EditRevokeRemove",
      "Nina NextNot started: allocated from 1 Jul 2026EditRemove",
      "Gary GoneAllocated 5 Jan 2026 · Revoked 1 Mar 2026EditRemove",
    ]);
  });
});

describe("installations", () => {
  it("links the software's unlinked installations to the licence and says how many", async () => {
    const { register } = await renderPane();
    await openLicence("AutoCAD");
    expect(screen.getByText("3 linked installations")).toBeTruthy();
    expect(screen.getByText(/2 installations of AutoCAD are linked to no licence/)).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "Link 2 unlinked installations" }));
    expect(await screen.findByText("Linked 2 installations to this licence.")).toBeTruthy();
    expect(await screen.findByText("5 linked installations")).toBeTruthy();
    expect(register.tables.installations.every((installation) => installation.licenceId === "LIC-CAD")).toBe(
      true,
    );
    expect(screen.getByLabelText(label("Used Quantity"))).toHaveProperty("value", "5");
  });

  /** Links AutoCAD's two unlinked installations, holding back the news of the save the live register applies. */
  async function linkHoldingTheFiguresBack() {
    const { register } = await renderPane();
    await openLicence("AutoCAD");
    const applied = register.holdNextChange();
    fireEvent.click(screen.getByRole("button", { name: "Link 2 unlinked installations" }));
    expect(await screen.findByText("Linked 2 installations to this licence.")).toBeTruthy();
    const expectWaiting = () => {
      expect(screen.queryByRole("button", { name: "Link 2 unlinked installations" })).toBeNull();
      expect(screen.getByText("Bringing the links just made into the figures…")).toBeTruthy();
    };
    const bringIn = async () => {
      await act(async () => applied());
      expect(await screen.findByText("5 linked installations")).toBeTruthy();
      expect(screen.queryByText("Bringing the links just made into the figures…")).toBeNull();
      expect(screen.queryByRole("button", { name: /unlinked installation/ })).toBeNull();
      expect(register.writes.filter((write) => write.op === "update")).toHaveLength(2);
    };
    return { register, expectWaiting, bringIn };
  }

  it("does not offer the same links again while the figures catch up with a save just made", async () => {
    const { expectWaiting, bringIn } = await linkHoldingTheFiguresBack();
    // The save has answered but the figures still show the two as unlinked: linking them again would save them twice.
    expectWaiting();
    await bringIn();
  });

  it("a co-author's edit that lands before the links are brought in does not bring the Link button back", async () => {
    const { register, expectWaiting, bringIn } = await linkHoldingTheFiguresBack();
    // the figures are worked out again for the co-author's edit, still without this person's links
    const reads = register.readRowsCount;
    act(() => register.remoteEdit("licences", "LIC-ZOOM", { vendor: "Insight" }));
    await waitFor(() => expect(register.readRowsCount).toBe(reads + 1));
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expectWaiting();
    await bringIn();
  });

  it("offers the software's unlinked installations as co-authors link, delete, clear and move them", async () => {
    const extra = (id: string, device: string, fields: { softwareId: string; licenceId?: string }) => ({
      id,
      device,
      source: "Discovery" as const,
      rowVersion: 0,
      ...fields,
    });
    const { register } = await renderPane({
      installations: [
        ...installations,
        extra("INS-SPACES", "LT-0102", { softwareId: " sw-cad", licenceId: "  " }),
        extra("INS-GONE", "LT-0103", { softwareId: "SW-CAD", licenceId: "LIC-OLD" }),
        extra("INS-ZOOM", "LT-0104", { softwareId: "SW-ZOOM" }),
      ],
    });
    await openLicence("AutoCAD");
    typeInto("Vendor", "Insight");
    expect(screen.getByText(/3 installations of AutoCAD are linked to no licence/)).toBeTruthy();

    act(() => register.remoteEdit("installations", "INS-U1", { licenceId: "LIC-CAD" }));
    expect(await screen.findByText(/2 installations of AutoCAD are linked to no licence/)).toBeTruthy();
    act(() => register.remoteDelete("installations", "INS-U2"));
    expect(await screen.findByText(/1 installation of AutoCAD is linked to no licence/)).toBeTruthy();
    act(() => register.remoteEdit("installations", "INS-GONE", { licenceId: undefined }));
    act(() => register.remoteEdit("installations", "INS-ZOOM", { softwareId: "SW-CAD" }));
    expect(await screen.findByText(/3 installations of AutoCAD are linked to no licence/)).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "Link 3 unlinked installations" }));
    expect(await screen.findByText("Linked 3 installations to this licence.")).toBeTruthy();
    expect(
      ["INS-SPACES", "INS-GONE", "INS-ZOOM"].map((id) => register.find("installations", id)?.licenceId),
    ).toEqual(["LIC-CAD", "LIC-CAD", "LIC-CAD"]);
    expect(screen.queryByRole("button", { name: /unlinked installation/ })).toBeNull();
    expect(screen.getByLabelText(label("Vendor"))).toHaveProperty("value", "Insight");
  });

  it("records where an added installation came from (the Installations sheet's Source)", async () => {
    const { register } = await renderPane();
    await openLicence("AutoCAD");
    fireEvent.click(screen.getByRole("button", { name: "Add installation" }));
    const form = screen.getByRole("group", { name: "Add an installation" });
    const source = within(form).getByRole("combobox", { name: "Source" });
    expect(source).toHaveProperty("value", "Manual");
    expect([...source.querySelectorAll("option")].map((option) => option.textContent)).toEqual([
      ...INSTALLATION_SOURCES,
    ]);
    typeInto("Device", "LT-0300");
    fireEvent.change(source, { target: { value: "Discovery" } });
    fireEvent.click(within(form).getByRole("button", { name: "Add installation" }));
    expect(await screen.findByText("4 linked installations")).toBeTruthy();
    const added = register.tables.installations.find((installation) => installation.device === "LT-0300");
    expect(added).toMatchObject({ source: "Discovery", licenceId: "LIC-CAD" });
    expect(screen.getByText(/Source: Discovery/)).toBeTruthy();
  });

  it("says why the installations' Edit buttons are off while an installation is being added", async () => {
    await renderPane();
    await openLicence("AutoCAD");
    const hint = "To edit an installation, first save or cancel the form below.";
    expect(screen.queryByText(hint)).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Add installation" }));
    expect(screen.getByText(hint)).toBeTruthy();
    expect(screen.getByRole("button", { name: "Edit LT-0001" })).toHaveProperty("disabled", true);
  });

  it("adds, unlinks and removes installations", async () => {
    const { register } = await renderPane();
    await openLicence("AutoCAD");
    fireEvent.click(screen.getByRole("button", { name: "Add installation" }));
    typeInto("Device", "LT-0200");
    fireEvent.click(
      within(screen.getByRole("group", { name: "Add an installation" })).getByRole("button", {
        name: "Add installation",
      }),
    );
    expect(await screen.findByText("4 linked installations")).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "Unlink LT-0001" }));
    expect(await screen.findByText("3 linked installations")).toBeTruthy();
    expect(register.find("installations", "INS-1")?.licenceId).toBeUndefined();
    expect(screen.getByText(/3 installations of AutoCAD are linked to no licence/)).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "Remove LT-0002" }));
    fireEvent.click(
      within(await findDialog("Remove this installation?")).getByRole("button", {
        name: "Remove installation",
      }),
    );
    expect(await screen.findByText("2 linked installations")).toBeTruthy();
    expect(register.find("installations", "INS-2")).toBeUndefined();
  });
});
