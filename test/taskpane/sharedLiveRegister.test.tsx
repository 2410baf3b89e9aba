/**
 * One register in memory: the task pane and the LICENSE cells read the same live register, loaded once and
 * patched from change events, so neither a co-author's edit nor the pane's own save reads the whole
 * register again.
 */
import "./support/polyfills";
import { act, render, screen, waitFor, within } from "@testing-library/react";
import { used } from "../../src/functions/liveFunctions";
import type { LiveRegister } from "../../src/live/liveRegister";
import { startLiveRegister } from "../../src/live/sharedLiveRegister";
import { TaskPaneRoot } from "../../src/taskpane/mount";
import { FakeRegister } from "./support/fakeRegister";
import { seed, TODAY } from "./support/fixtures";
import { openLicence, saveButton, typeInto } from "./support/renderPane";

let live: LiveRegister | undefined;
afterEach(() => live?.stop());

const item = (softwareName: string) =>
  within(screen.getByRole("list", { name: "Licence list" }))
    .getAllByRole("button")
    .find((button) => button.getAttribute("aria-label")?.startsWith(`${softwareName},`))!;

function cell() {
  const results: unknown[] = [];
  return {
    results,
    setResult: (value: unknown) => results.push(value),
    latest: () => results[results.length - 1],
  };
}

async function openShared() {
  const register = new FakeRegister(seed());
  live = startLiveRegister(register, { today: () => TODAY });
  const autocadUsed = cell();
  used("LIC-CAD", autocadUsed as unknown as CustomFunctions.StreamingInvocation<number>);
  render(<TaskPaneRoot register={register} live={live} today={TODAY} />);
  await screen.findByRole("list", { name: "Licence list" });
  return { register, autocadUsed };
}

it("the pane and the LICENSE cells share one load of the register", async () => {
  const { register, autocadUsed } = await openShared();
  expect(register.loadCount).toBe(1);
  expect(autocadUsed.latest()).toBe(3);
  expect(item("AutoCAD").getAttribute("aria-label")).toContain("3 of 2 used");
});

it("a co-author's edit reaches the cell and the pane without loading the register again", async () => {
  const { register, autocadUsed } = await openShared();
  act(() => register.remoteEdit("installations", "INS-3", { licenceId: undefined }));
  await waitFor(() => expect(item("AutoCAD").getAttribute("aria-label")).toContain("2 of 2 used"));
  expect(autocadUsed.latest()).toBe(2);
  expect(register.loadCount).toBe(1);
});

it("the pane's own save is applied from the saved record, with no read at all", async () => {
  const { register } = await openShared();
  await openLicence("AutoCAD");
  typeInto("Quantity", "3");
  act(() => saveButton().click());
  await screen.findByText("Saved.");
  act(() => screen.getByRole("button", { name: "Back" }).click());
  await waitFor(() => expect(item("AutoCAD").getAttribute("aria-label")).toContain("3 of 3 used"));
  expect(register.loadCount).toBe(1);
  expect(register.readRowsCount).toBe(0);
});
