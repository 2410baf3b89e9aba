import "./support/polyfills";
import { fireEvent, screen } from "@testing-library/react";
import { label, renderPane } from "./support/renderPane";

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
    fireEvent.change(software, { target: { value: "Zoom Workplace" } });
    expect(saveHint()).not.toMatch(/Software/);
    fireEvent.change(software, { target: { value: "" } });
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
    fireEvent.change(software, { target: { value: "autocad" } });
    fireEvent.blur(software);
    expect(software.value).toBe("AutoCAD (Autodesk)");
  });

  it("says to pick from the list when the text is no product", async () => {
    const software = await newLicenceForm();
    fireEvent.focus(software);
    fireEvent.change(software, { target: { value: "Auto" } });
    fireEvent.blur(software);
    expect(software.value).toBe("Auto");
    expect(saveHint()).toMatch(/correct Software, /);
    expect(screen.getByText(/Pick the Software from the catalogue list/)).toBeTruthy();
  });
});
