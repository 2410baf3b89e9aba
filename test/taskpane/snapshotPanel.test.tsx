import "./support/polyfills";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { fireEvent, render, screen } from "@testing-library/react";
import { SnapshotPanel } from "../../src/taskpane/dashboard/SnapshotPanel";
import type { Register, SnapshotReport } from "../../src/workbook/registerApi";
import { typeText } from "./support/typing";

function renderPanel(takeSnapshot: Register["takeSnapshot"]) {
  const register = {
    takeSnapshot,
    buildDashboard: jest.fn(async () => ({
      ok: true as const,
      value: { sheet: "Dashboard", gridAddress: "A14", created: true },
    })),
  } as unknown as Register;
  render(
    <FluentProvider theme={webLightTheme}>
      <SnapshotPanel register={register} />
    </FluentProvider>,
  );
  return register;
}

const report: SnapshotReport = {
  sheet: "Snapshot 2026-11-27",
  asOf: "2026-11-27",
  takenBy: "Ana Silva",
  takenAt: "2026-11-27T10:00:00.000Z",
  products: 3,
};

describe("Snapshot compliance position", () => {
  it("asks for Taken by before taking a snapshot", () => {
    const take = jest.fn();
    renderPanel(take);
    fireEvent.click(screen.getByRole("button", { name: "Snapshot compliance position" }));
    expect(take).not.toHaveBeenCalled();
    expect(screen.getByText("Enter your name, so the snapshot says who took it.")).toBeTruthy();
  });

  it("takes the snapshot with the name given, shows progress, then a plain confirmation", async () => {
    let finish: () => void = () => undefined;
    const take = jest.fn(
      (_by: string, _asOf?: string, onProgress?: (message: string, fraction: number) => void) =>
        new Promise<{ ok: true; value: SnapshotReport }>((resolve) => {
          onProgress?.("Writing the snapshot", 0.5);
          finish = () => resolve({ ok: true, value: report });
        }),
    );
    renderPanel(take);
    typeText(screen.getByRole("textbox", { name: /Taken by/ }), "Ana Silva");
    fireEvent.click(screen.getByRole("button", { name: "Snapshot compliance position" }));
    expect(take.mock.calls[0][0]).toBe("Ana Silva");
    expect(await screen.findByText("Writing the snapshot")).toBeTruthy();
    finish();
    expect(await screen.findByText('Snapshot saved to the sheet "Snapshot 2026-11-27".')).toBeTruthy();
  });

  it("builds the Dashboard sheet", async () => {
    const register = renderPanel(jest.fn());
    fireEvent.click(screen.getByRole("button", { name: "Build dashboard" }));
    expect(await screen.findByText("The Dashboard sheet is ready.")).toBeTruthy();
    expect(register.buildDashboard).toHaveBeenCalled();
  });
});
