import "./support/polyfills";
import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import { mountTaskPane } from "../../src/taskpane/mount";
import { FakeRegister } from "./support/fakeRegister";
import { seed } from "./support/fixtures";

/** The notices' styling (src/taskpane/Notice.tsx) cannot load here, as when the connection drops. */
jest.mock("../../src/taskpane/Notice", () => {
  throw new Error("Loading chunk notice failed.");
});

it("still says what went wrong and offers Try again when the notices' script cannot load", async () => {
  const register = new FakeRegister(seed());
  register.failNextLoad = new Error("The workbook is busy");
  const spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
  const element = document.createElement("div");
  document.body.appendChild(element);
  let unmount = () => undefined as void;
  act(() => {
    unmount = mountTaskPane(element, register);
  });
  expect(
    await screen.findByText(
      "Could not read the licence register from the workbook (The workbook is busy). Try again; if it keeps happening, save the workbook and reopen the add-in.",
    ),
  ).toBeTruthy();
  expect(screen.queryByText(/could not load/)).toBeNull();
  fireEvent.click(screen.getByRole("button", { name: "Try again" }));
  expect(await screen.findByText("3 licences")).toBeTruthy();
  await waitFor(() => expect(screen.queryByText(/Could not read/)).toBeNull());
  spy.mockRestore();
  act(() => unmount());
  element.remove();
});
