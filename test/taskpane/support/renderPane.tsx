import "./polyfills";
import { render, screen, waitFor } from "@testing-library/react";
import { TaskPaneRoot } from "../../../src/taskpane/mount";
import { FakeRegister, type FakeRegisterSeed } from "./fakeRegister";
import { seed, TODAY } from "./fixtures";

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
