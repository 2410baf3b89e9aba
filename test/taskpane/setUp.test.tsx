import "./support/polyfills";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import type { DataIssue } from "../../src/workbook/registerApi";
import { TaskPaneRoot } from "../../src/taskpane/mount";
import { FakeRegister } from "./support/fakeRegister";
import { TODAY } from "./support/fixtures";
import { renderPane } from "./support/renderPane";

const missing = (sheet: string, table: string): DataIssue => ({
  sheet,
  row: 1,
  column: "ID",
  address: "A1",
  message: `The ${sheet} table (${table}) is missing. Choose "Set up workbook" to recreate it.`,
  fix: "set-up",
});

describe("setting up the workbook", () => {
  it("offers Set up workbook in a new workbook, whose load finds no tables and no records, then shows the list", async () => {
    const register = new FakeRegister({
      issues: [missing("Software", "SoftwareTable"), missing("Licences", "LicencesTable")],
    });
    render(<TaskPaneRoot register={register} today={TODAY} />);
    expect(await screen.findByText("This workbook has no licence register yet")).toBeTruthy();
    expect(screen.queryByRole("list", { name: "Licence list" })).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Set up workbook" }));
    expect(await screen.findByText("No licences yet. Select New licence to add the first one.")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Set up workbook" })).toBeNull();
  });

  it("offers to put back a missing table or column while showing the register that is there", async () => {
    const { register } = await renderPane({ issues: [missing("Installations", "InstallationsTable")] });
    expect(screen.getByText("Part of the register is missing")).toBeTruthy();
    expect(screen.getByText("3 licences")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Set up workbook" }));
    // "3 licences" shows before and after the repair: wait for the warning to go, not for the count.
    await waitFor(() => expect(screen.queryByText("Part of the register is missing")).toBeNull());
    expect(screen.getByText("3 licences")).toBeTruthy();
    expect(register.issues).toEqual([]);
  });

  it("shows no set-up for data issues that set-up does not fix", async () => {
    await renderPane({
      issues: [
        {
          sheet: "Licences",
          row: 5,
          column: "Quantity",
          address: "D5",
          message: "Quantity must be a number: type it in figures, such as 25.",
        },
      ],
    });
    expect(screen.queryByRole("button", { name: "Set up workbook" })).toBeNull();
  });
});
