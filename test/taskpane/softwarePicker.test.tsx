import "./support/polyfills";
import { fireEvent, render, screen, within } from "@testing-library/react";
import { TaskPaneRoot } from "../../src/taskpane/mount";
import { FakeRegister } from "./support/fakeRegister";
import { seed, TODAY } from "./support/fixtures";
import { label, renderPane } from "./support/renderPane";
import { typeText } from "./support/typing";

/** The "To save, complete or correct …" line under the form. */
const saveHint = () => screen.getByText(/^To save, complete or correct/).textContent ?? "";

async function newLicenceForm() {
  await renderPane();
  fireEvent.click(screen.getByRole("button", { name: "New licence" }));
  await screen.findByRole("form", { name: "New licence" });
  return screen.getByRole("combobox", { name: label("Software") }) as HTMLInputElement;
}

describe("software picker", () => {
  it("chooses nothing when the person opens the list and tabs on", async () => {
    const software = await newLicenceForm();
    fireEvent.focus(software);
    fireEvent.click(software);
    await screen.findByRole("listbox");
    fireEvent.keyDown(software, { key: "Tab" });
    fireEvent.blur(software);
    expect(software.value).toBe("");
    expect(saveHint()).toMatch(/correct Software, /);
  });

  it("names Software in the hint again once typed text is deleted, and keeps the deleted text out of the draft", async () => {
    const software = await newLicenceForm();
    fireEvent.focus(software);
    typeText(software, "Zoom Workplace");
    expect(saveHint()).not.toMatch(/Software/);
    typeText(software, "");
    expect(saveHint()).toMatch(/correct Software, /);
    fireEvent.keyDown(software, { key: "Tab" });
    fireEvent.blur(software);
    expect(software.value).toBe("");
    expect(saveHint()).toMatch(/correct Software, /);
  });

  it("takes the product the person moves to with the arrow keys", async () => {
    const software = await newLicenceForm();
    fireEvent.focus(software);
    fireEvent.keyDown(software, { key: "ArrowDown" });
    await screen.findByRole("listbox");
    fireEvent.keyDown(software, { key: "ArrowDown" });
    fireEvent.keyDown(software, { key: "Tab" });
    fireEvent.blur(software);
    expect(software.value).toBe("AutoCAD (Autodesk)");
    expect(saveHint()).not.toMatch(/Software/);
  });

  it("takes a product whose name is typed in full", async () => {
    const software = await newLicenceForm();
    fireEvent.focus(software);
    typeText(software, "autocad");
    fireEvent.blur(software);
    expect(software.value).toBe("AutoCAD (Autodesk)");
  });

  it("says to pick from the list when the text is no product", async () => {
    const software = await newLicenceForm();
    fireEvent.focus(software);
    typeText(software, "Auto");
    fireEvent.blur(software);
    expect(software.value).toBe("Auto");
    expect(saveHint()).toMatch(/correct Software, /);
    expect(screen.getByText(/Pick the Software from the catalogue list/)).toBeTruthy();
  });
});

describe("software picker with nothing to list", () => {
  it("says no product matches the typed text and how to add it, instead of an empty list", async () => {
    const software = await newLicenceForm();
    fireEvent.focus(software);
    typeText(software, "Notepad++");
    fireEvent.click(software);
    const list = await screen.findByRole("listbox");
    const only = within(list).getByRole("option");
    expect(only.textContent).toBe(
      'No software in the catalogue matches "Notepad++": use "Add software" to add it.',
    );
    fireEvent.click(only);
    expect(software.value).toBe("Notepad++");
    expect(saveHint()).toMatch(/correct Software, /);
  });

  it("says the catalogue is empty when a new register has no software yet", async () => {
    render(
      <TaskPaneRoot
        register={new FakeRegister(seed({ software: [], licences: [], allocations: [], installations: [] }))}
        today={TODAY}
      />,
    );
    fireEvent.click(await screen.findByRole("button", { name: "New licence" }));
    await screen.findByRole("form", { name: "New licence" });
    const software = screen.getByRole("combobox", { name: label("Software") });
    fireEvent.click(software);
    const list = await screen.findByRole("listbox");
    expect(within(list).getByRole("option").textContent).toBe(
      'The catalogue has no software yet: use "Add software" below.',
    );
  });
});
