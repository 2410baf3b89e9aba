import "./support/polyfills";
import { act, screen } from "@testing-library/react";
import { mountTaskPane } from "../../src/taskpane/mount";
import { FakeRegister } from "./support/fakeRegister";
import { seed } from "./support/fixtures";
import { expectUnreadableRegisterToRecover } from "./support/unreadableRegister";

describe("task pane shell", () => {
  it("mounts into an element, loads the register and unmounts", async () => {
    const element = document.createElement("div");
    document.body.appendChild(element);
    const register = new FakeRegister(seed());
    let unmount = () => undefined as void;
    act(() => {
      unmount = mountTaskPane(element, register, { officeTheme: { bodyBackgroundColor: "#1f1f1f" } });
    });
    expect(await screen.findByText("3 licences")).toBeTruthy();
    expect(screen.getByRole("tab", { name: "Licences" }).getAttribute("aria-selected")).toBe("true");
    act(() => unmount());
    expect(element.childElementCount).toBe(0);
    element.remove();
  });

  it("says in plain words when the register cannot be read, and Try again recovers", async () => {
    await expectUnreadableRegisterToRecover();
  });

  it("shows how much of a large register it has read while it loads", async () => {
    const register = new FakeRegister(seed());
    let finish = () => undefined as void;
    register.holdNextLoad = { progress: 0.4, until: new Promise<void>((resolve) => (finish = resolve)) };
    const element = document.createElement("div");
    document.body.appendChild(element);
    let unmount = () => undefined as void;
    act(() => {
      unmount = mountTaskPane(element, register);
    });
    expect(await screen.findByText("Loading the licence register… 40% read")).toBeTruthy();
    act(() => finish());
    expect(await screen.findByText("3 licences")).toBeTruthy();
    act(() => unmount());
    element.remove();
  });

  it("follows a co-author's change to the register", async () => {
    const register = new FakeRegister(seed());
    const element = document.createElement("div");
    document.body.appendChild(element);
    let unmount = () => undefined as void;
    act(() => {
      unmount = mountTaskPane(element, register);
    });
    await screen.findByText("3 licences");
    act(() => register.remoteDelete("licences", "LIC-ZOOM"));
    expect(await screen.findByText("2 licences")).toBeTruthy();
    act(() => unmount());
    element.remove();
  });
});
