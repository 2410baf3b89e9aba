import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { readFileSync } from "fs";
import path from "path";
import { findDialog, renderPane } from "./support/renderPane";
import { typeText } from "./support/typing";

/** Writes and reads through the fake register yield to the event loop; a busy machine needs more than 1 s. */
const SLOW = { timeout: 10_000 };

const fixture = (name: string) =>
  new File([readFileSync(path.join(__dirname, "..", "import", "fixtures", name))], name);

async function chooseFile(name: string) {
  // The Import view arrives in its own script the first time it is opened: React only resumes a view that
  // suspended inside an awaited act.
  await act(async () => {
    fireEvent.click(screen.getByRole("tab", { name: "Import" }));
  });
  const input = (await screen.findByLabelText("Export file", {}, SLOW)) as HTMLInputElement;
  fireEvent.change(input, { target: { files: [fixture(name)] } });
  // Reading goes through FileReader and yields between batches: give a busy machine time.
  return screen.findByLabelText("Import preview", {}, { timeout: 10_000 });
}

describe("Import tab", () => {
  it("shows what the file gives before anything is written: tool, figures, rejected lines and reasons", async () => {
    const { register } = await renderPane();
    const preview = await chooseFile("intune-appinvrawdata.csv");
    expect(preview.textContent).toContain("recognised as Microsoft Intune discovered apps");
    const figure = (label: string) => within(preview).getByText(label).nextElementSibling?.textContent;
    expect(figure("Installations")).toBe("7");
    expect(figure("Devices")).toBe("3");
    expect(figure("Repeats collapsed")).toBe("1");
    expect(figure("Formula-like text kept as text")).toBe("2");
    fireEvent.click(within(preview).getByRole("button", { name: /1 rejected row/ }));
    expect(within(preview).getByRole("list", { name: "Rejected rows" }).textContent).toBe(
      "Line 8: No device: the row does not say which computer the software is on.",
    );
    expect(register.writes).toEqual([]);
  });

  it("an unknown title defaults to the product it resembles; writing remembers the alias, then links the installations", async () => {
    const { register } = await renderPane();
    await chooseFile("intune-appinvrawdata.csv");
    const titles = screen.getByRole("list", { name: "Titles not in the catalogue" });
    const acrobat = within(titles).getByLabelText("Adobe Acrobat (64-bit)") as HTMLSelectElement;
    expect(acrobat.selectedOptions[0].textContent).toBe("Another name for Adobe Acrobat Pro");

    fireEvent.click(screen.getByRole("button", { name: "Import 2 installations" }));
    await screen.findByText("Imported 2 installations; remembered 1 alias.", {}, SLOW);
    const data = await register.load();
    expect(data.software.find((s) => s.id === "SW-ACRO")?.aliases).toBe("Adobe Acrobat (64-bit)");
    expect(data.installations.filter((i) => i.source === "Intune")).toEqual([
      expect.objectContaining({
        device: "DESK-003",
        softwareId: "SW-ACRO",
        version: "24.1.20272",
        user: "cara@example.com",
      }),
      expect.objectContaining({
        device: "DESK-003",
        softwareId: "SW-ACRO",
        version: "23.8.20470",
        user: "cara@example.com",
      }),
    ]);

    const links = screen.getByRole("region", { name: "Link installations to licences" });
    await waitFor(
      () =>
        expect(within(links).getByRole("list", { name: "Proposed links by product" }).textContent).toContain(
          "Adobe Acrobat Pro",
        ),
      SLOW,
    );
    // The effect of linking in one sentence, each figure said once when linking leaves it as it is.
    expect(within(links).getByText(/^After linking: /).textContent).toBe(
      "After linking: 1 product over-deployed, as now; buying the missing licences would cost £4,500.00, as now.",
    );
    fireEvent.click(within(links).getByRole("button", { name: /^Link \d+ installations?$/ }));
    const dialog = await findDialog("Link installations to licences?");
    fireEvent.click(within(dialog).getByRole("button", { name: /^Link/ }));
    await screen.findByText(/^Linked \d+ installations? to their licences\.$/, {}, SLOW);
    const linked = (await register.load()).installations.filter((i) => i.source === "Intune");
    expect(linked.map((i) => i.licenceId)).toEqual(["LIC-ACRO", "LIC-ACRO"]);
  });

  it("after linking, the Link button waits for the figures to show the links instead of offering them again", async () => {
    const { register } = await renderPane();
    await chooseFile("intune-appinvrawdata.csv");
    fireEvent.click(screen.getByRole("button", { name: "Import 2 installations" }));
    await screen.findByText("Imported 2 installations; remembered 1 alias.", {}, SLOW);
    const links = screen.getByRole("region", { name: "Link installations to licences" });
    const linkButton = await within(links).findByRole("button", { name: /^Link \d+ installations?$/ }, SLOW);
    const offered = linkButton.textContent;
    const applied = register.holdNextChange();

    fireEvent.click(linkButton);
    fireEvent.click(
      within(await findDialog("Link installations to licences?")).getByRole("button", { name: /^Link/ }),
    );
    await screen.findByText(/^Linked \d+ installations? to their licences\.$/, {}, SLOW);
    const writes = register.writes.length;
    expect(within(links).queryByRole("button", { name: offered ?? "" })).toBeNull();
    expect(within(links).getByText("Bringing the links just made into the figures…")).toBeTruthy();

    await act(async () => applied());
    // Acrobat's two are linked now; AutoCAD's two have no licence with room, so nothing is left to link.
    await within(links).findByText(/no licence in force has room for them\.$/, {}, SLOW);
    expect(within(links).queryByRole("button", { name: /^Link / })).toBeNull();
    expect(register.writes.length).toBe(writes);
  });

  it("a file with no device column asks for the computer and reads again", async () => {
    await renderPane();
    const preview = await chooseFile("powershell-win32product-ascii.csv");
    expect(preview.textContent).toContain("PowerShell Win32_Product export");
    typeText(screen.getByLabelText("Computer these programs are on"), "fin-pc-07.corp");
    fireEvent.click(screen.getByRole("button", { name: "Read again" }));
    await waitFor(
      () => expect(screen.getByLabelText("Import preview").textContent).toContain("put on FIN-PC-07."),
      SLOW,
    );
  });

  it("Snipe-IT licences are written as licences once the person says so", async () => {
    const { register } = await renderPane();
    await chooseFile("snipeit-licences-export.csv");
    const section = screen.getByRole("region", { name: "Licences from Snipe-IT" });
    expect(section.textContent).toContain(
      "2 new licences, 2 new products and 0 seats checked out to people.",
    );
    expect(register.writes).toEqual([]);
    fireEvent.click(within(section).getByRole("button", { name: "Import 2 licences" }));
    await within(section).findByText(
      /^Added 2 licences and 0 allocations; 2 new products\. Check each new licence/,
      {},
      SLOW,
    );
    const data = await register.load();
    expect(data.licences.filter((l) => l.licenceKey === "XXXX-YYYY")).toEqual([
      expect.objectContaining({
        quantity: 25,
        cost: 14975,
        expiryDate: "2025-03-31",
        licenceType: "Subscription",
      }),
    ]);
  });

  it("a file no tool knows is mapped once: the mapping is remembered and the next file like it is read with it", async () => {
    const { register } = await renderPane();
    const unknown = await chooseFile("custom-inventory.csv");
    expect(unknown.textContent).toContain("no tool recognised");
    const form = screen.getByRole("form", { name: "Column mapping" });
    const choose = (label: string, column: string) =>
      fireEvent.change(within(form).getByLabelText(new RegExp(`^${label}`)), { target: { value: column } });
    choose("Device", "Computer");
    choose("Software title", "App");
    choose("Version", "Ver");
    fireEvent.click(within(form).getByRole("button", { name: "Read with these columns" }));
    await screen.findByText(/Column mapping remembered in this workbook/, {}, SLOW);
    await waitFor(
      () =>
        expect(screen.getByLabelText("Import preview").textContent).toContain(
          "read with your column mapping",
        ),
      SLOW,
    );
    expect(register.columnMappings).toEqual([
      {
        header: ["Computer", "App", "Ver", "Owner"],
        columns: { device: "Computer", title: "App", version: "Ver" },
      },
    ]);

    await chooseFile("custom-inventory.csv");
    await waitFor(
      () =>
        expect(screen.getByLabelText("Import preview").textContent).toContain(
          "read with your saved column mapping",
        ),
      SLOW,
    );
    const figure = (label: string) =>
      within(screen.getByLabelText("Import preview")).getByText(label).nextElementSibling?.textContent;
    expect(figure("Installations")).toBe("2");
    expect(screen.queryByRole("form", { name: "Column mapping" })).toBeNull();

    fireEvent.click(screen.getByRole("button", { name: "Change the column mapping…" }));
    const again = screen.getByRole("form", { name: "Column mapping" });
    expect((within(again).getByLabelText(/^Version/) as HTMLSelectElement).value).toBe("Ver");
    fireEvent.change(within(again).getByLabelText(/^User/), { target: { value: "Owner" } });
    fireEvent.click(within(again).getByRole("button", { name: "Read with these columns" }));
    await waitFor(() => expect(register.columnMappings[0].columns.user).toBe("Owner"), SLOW);
    expect(register.columnMappings).toHaveLength(1);
  });

  it("reads the sheet the person opened the export in: rows are the sheet's rows, and nothing is written", async () => {
    const { register } = await renderPane();
    register.openSheet = {
      sheet: "Software by computer",
      firstRow: 4,
      values: [
        ["AssetID", "AssetUnique", "Domain", "software", "version", "publisher"],
        [1, "FIN-PC-01", "CORP", "Microsoft Visio Professional", "16.0", "Microsoft Corporation"],
        [2, "", "CORP", "Slack", "4.41", "Slack Technologies"],
        [3, "FIN-PC-02", "CORP", "Microsoft Visio Professional", "16.0", "Microsoft Corporation"],
      ],
    };
    await act(async () => {
      fireEvent.click(screen.getByRole("tab", { name: "Import" }));
    });
    fireEvent.click(await screen.findByRole("button", { name: "Read the open sheet" }, SLOW));
    const preview = await screen.findByLabelText("Import preview", {}, SLOW);
    expect(preview.textContent).toContain(
      'Sheet "Software by computer": recognised as Lansweeper software by computer',
    );
    expect(preview.textContent).toContain("values read from this workbook");
    expect(within(preview).getByText("Installations").nextElementSibling?.textContent).toBe("2");
    fireEvent.click(within(preview).getByRole("button", { name: /1 rejected row/ }));
    expect(within(preview).getByRole("list", { name: "Rejected rows" }).textContent).toMatch(
      /^Line 6: No device/,
    );
    expect(register.writes).toEqual([]);
  });

  it("refuses to read one of the register's own sheets, with a plain message", async () => {
    const { register } = await renderPane();
    register.openSheet = { sheet: "Licences", firstRow: 1, values: [["Licence ID"]] };
    await act(async () => {
      fireEvent.click(screen.getByRole("tab", { name: "Import" }));
    });
    fireEvent.click(await screen.findByRole("button", { name: "Read the open sheet" }, SLOW));
    await screen.findByText(/"Licences" is one of the register's own sheets, not an export\./, {}, SLOW);
    expect(screen.queryByLabelText("Import preview")).toBeNull();
  });

  it("a mapping that uses one column twice is refused with a reason, and nothing is remembered", async () => {
    const { register } = await renderPane();
    await chooseFile("custom-inventory.csv");
    const form = screen.getByRole("form", { name: "Column mapping" });
    fireEvent.change(within(form).getByLabelText(/^Software title/), { target: { value: "App" } });
    fireEvent.change(within(form).getByLabelText(/^Publisher/), { target: { value: "App" } });
    fireEvent.click(within(form).getByRole("button", { name: "Read with these columns" }));
    await screen.findByText(
      '"App" is chosen for both Software title and Publisher: choose one column for each.',
      {},
      SLOW,
    );
    expect(register.columnMappings).toEqual([]);
    expect(register.writes).toEqual([]);
  });
});
