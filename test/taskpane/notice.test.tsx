import "./support/polyfills";
import { screen } from "@testing-library/react";
import { expectUnreadableRegisterToRecover } from "./support/unreadableRegister";

/** The notices' styling (src/taskpane/Notice.tsx) cannot load here, as when the connection drops. */
jest.mock("../../src/taskpane/Notice", () => {
  throw new Error("Loading chunk notice failed.");
});

it("still says what went wrong and offers Try again when the notices' script cannot load", async () => {
  await expectUnreadableRegisterToRecover(() => expect(screen.queryByText(/could not load/)).toBeNull());
});
