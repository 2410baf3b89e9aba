import "./support/polyfills";
import { renderHook, waitFor } from "@testing-library/react";
import { yieldEvery } from "../../src/domain/yielding";
import { useWorkedOut } from "../../src/taskpane/hooks/useWorkedOut";

describe("figures a person waits for, worked out soon", () => {
  it("background passes take no slice while they are worked out, and go on once they are shown", async () => {
    let finish: (value: string) => void = () => undefined;
    const soon = () => new Promise<string>((resolve) => (finish = resolve));
    const figures: { shown?: string } = {};
    const { result, rerender } = renderHook(() => useWorkedOut(figures.shown, soon, "work out the figures"));
    expect(result.current.value).toBeUndefined();

    // a background pass that has used up its slice asks for its next one
    const pause = yieldEvery(0, { background: true })();
    let resumed = false;
    void pause?.then(() => (resumed = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(resumed).toBe(false);

    figures.shown = "figures";
    finish("figures");
    rerender();
    await waitFor(() => expect(resumed).toBe(true));
    expect(result.current.value).toBe("figures");
  });
});
