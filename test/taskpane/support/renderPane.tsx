import "./polyfills";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { TaskPaneRoot } from "../../../src/taskpane/mount";
import { FakeRegister, type FakeRegisterSeed } from "./fakeRegister";
import { seed, TODAY } from "./fixtures";
import { typeText } from "./typing";

/** Renders the whole pane over a fake register seeded with the test fixtures, and waits for the list. */
export async function renderPane(extra: Partial<FakeRegisterSeed> = {}) {
  const register = new FakeRegister(seed(extra));
  const view = render(<TaskPaneRoot register={register} today={TODAY} />);
  if (extra.notSetUp) await screen.findByRole("button", { name: "Set up workbook" });
  else await screen.findByRole("list", { name: "Licence list" });
  return { register, ...view };
}

export async function waitForWrite(register: FakeRegister, count: number) {
  await waitFor(() => expect(register.writes.length).toBeGreaterThanOrEqual(count));
}

/** Selects a licence in the list by its software name, and waits for its form. */
export async function openLicence(softwareName: string) {
  const list = screen.getByRole("list", { name: "Licence list" });
  const item = within(list)
    .getAllByRole("button")
    .find((button) => button.getAttribute("aria-label")?.startsWith(`${softwareName},`));
  if (!item) throw new Error(`No licence of ${softwareName} in the list`);
  fireEvent.click(item);
  return screen.findByRole("form", { name: softwareName });
}

/** A field's label as the user reads it; required fields carry a trailing "*". */
export function label(text: string): RegExp {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*\\*?$`);
}

/** Finds an open dialog and moves focus into it, as the browser does (jsdom has no layout for Tabster). */
export async function findDialog(name: string) {
  const dialog = await screen.findByRole("alertdialog", { name, hidden: true });
  act(() => dialog.querySelector("button")?.focus());
  await waitFor(() => expect(dialog.getAttribute("aria-hidden")).toBeNull());
  return dialog;
}

/** Types into a labelled field and leaves it, as a user tabbing through the form would. */
export function typeInto(text: string, value: string) {
  const input = screen.getByLabelText(label(text), { selector: "input, textarea" });
  fireEvent.focus(input);
  typeText(input, value);
  fireEvent.blur(input);
  return input as HTMLInputElement;
}

export const saveButton = () => screen.getByRole("button", { name: "Save" });
