import "./support/polyfills";
import { act, renderHook, waitFor } from "@testing-library/react";
import type { RegisterPosition } from "../../src/domain/positionTypes";
import type { RegisterFigures } from "../../src/live/liveFigures";
import { useWholePosition } from "../../src/taskpane/dashboard/useWholePosition";

const POSITION: RegisterPosition = {
  asOf: "2026-06-15",
  reportingCurrency: "GBP",
  licences: new Map(),
  products: [],
  problems: [],
};

/** Figures whose first whole position fails once, then is worked out on the next attempt. */
function failingOnce(): RegisterFigures & { attempts: number } {
  let workedOut: RegisterPosition | undefined;
  const figures = {
    attempts: 0,
    positionIfWorkedOut: () => workedOut,
    positionSoon: async () => {
      figures.attempts++;
      if (figures.attempts === 1) throw new Error("Index out of step");
      return (workedOut = POSITION);
    },
  };
  return figures as unknown as RegisterFigures & { attempts: number };
}

describe("the Dashboard's whole position", () => {
  it("says plainly when it could not be worked out, and Try again works it out", async () => {
    jest.spyOn(console, "error").mockImplementation(() => undefined);
    const figures = failingOnce();
    const { result } = renderHook(() => useWholePosition(figures));
    expect(result.current.position).toBeUndefined();
    await waitFor(() =>
      expect(result.current.error).toBe(
        "Could not work out the Dashboard's figures (Index out of step). Try again; if it keeps happening, save the workbook and reopen the add-in.",
      ),
    );

    act(() => result.current.retry());
    await waitFor(() => expect(result.current.position).toBe(POSITION));
    expect(result.current.error).toBeUndefined();
    expect(figures.attempts).toBe(2);
  });
});
