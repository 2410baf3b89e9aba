import "./support/polyfills";
import { act, fireEvent, screen } from "@testing-library/react";
import { renderPane } from "./support/renderPane";

describe("view tabs", () => {
  it("switch the pane's view by click and by arrow keys, with one tab stop that follows the selection", async () => {
    await renderPane();
    const licences = screen.getByRole("tab", { name: "Licences" });
    const dashboard = screen.getByRole("tab", { name: "Dashboard" });
    expect(licences.getAttribute("aria-selected")).toBe("true");
    expect([licences.tabIndex, dashboard.tabIndex]).toEqual([0, -1]);
    expect(screen.getByRole("tabpanel", { name: "Licences" })).toBeTruthy();

    act(() => licences.focus());
    fireEvent.keyDown(licences, { key: "ArrowRight" });
    expect(dashboard.getAttribute("aria-selected")).toBe("true");
    expect(document.activeElement).toBe(dashboard);
    expect([licences.tabIndex, dashboard.tabIndex]).toEqual([-1, 0]);
    expect(screen.getByRole("tabpanel", { name: "Dashboard" })).toBeTruthy();
    expect(screen.queryByRole("tabpanel", { name: "Licences" })).toBeNull();

    fireEvent.keyDown(dashboard, { key: "ArrowLeft" });
    expect(licences.getAttribute("aria-selected")).toBe("true");
    // From the first tab, back to the last; Home returns to the first.
    // The last view loads its script when first opened: let it arrive before the next key.
    await act(async () => {
      fireEvent.keyDown(licences, { key: "ArrowLeft" });
    });
    const tabs = screen.getAllByRole("tab");
    expect(tabs[tabs.length - 1].getAttribute("aria-selected")).toBe("true");
    fireEvent.keyDown(tabs[tabs.length - 1], { key: "Home" });
    expect(licences.getAttribute("aria-selected")).toBe("true");
    fireEvent.click(dashboard);
    expect(dashboard.getAttribute("aria-selected")).toBe("true");
  });
});
