import "./polyfills";
import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import { mountTaskPane } from "../../../src/taskpane/mount";
import { FakeRegister } from "./fakeRegister";
import { seed } from "./fixtures";

const UNREADABLE_REGISTER_NOTICE =
  "Could not read the licence register from the workbook (The workbook is busy). Try again; if it keeps happening, save the workbook and reopen the add-in.";

/**
 * Mounts the pane as Office does over a register whose first read fails ("The workbook is busy"), expects the
 * sentence a person reads, runs `whileShown` with it on screen, then expects Try again to load the register and
 * the sentence to go. Unmounts and restores the console whatever happens.
 */
export async function expectUnreadableRegisterToRecover(
  whileShown: () => void = () => undefined,
): Promise<void> {
  const register = new FakeRegister(seed());
  register.failNextLoad = new Error("The workbook is busy");
  const spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
  const element = document.createElement("div");
  document.body.appendChild(element);
  let unmount = () => undefined as void;
  // The test's clock moves only while the waits below poll, so the pane's own retry (2 s after the failure)
  // cannot stand in for Try again: the register must be read within 1 s of that clock after the click.
  jest.useFakeTimers();
  try {
    act(() => {
      unmount = mountTaskPane(element, register);
    });
    expect(await screen.findByText(UNREADABLE_REGISTER_NOTICE)).toBeTruthy();
    whileShown();
    fireEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByText("3 licences", undefined, { timeout: 1_000 })).toBeTruthy();
    await waitFor(() => expect(screen.queryByText(/Could not read/)).toBeNull());
  } finally {
    jest.useRealTimers();
    spy.mockRestore();
    act(() => unmount());
    element.remove();
  }
}
