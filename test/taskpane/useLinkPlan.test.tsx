import "./support/polyfills";
import { act, renderHook, waitFor } from "@testing-library/react";
import type { LinkPlan } from "../../src/domain/linkProposals";
import type { RegisterFigures } from "../../src/live/liveFigures";
import { useLinkPlan } from "../../src/taskpane/import/useLinkPlan";

const PLAN: LinkPlan = {
  asOf: "2026-06-15",
  reportingCurrency: "GBP",
  products: [],
  proposals: [],
  overDeployedBefore: 0,
  overDeployedAfter: 0,
  trueUpBefore: 0,
  trueUpAfter: 0,
};

/** Figures whose first plan fails once, then is worked out on the next attempt. */
function failingOnce(): RegisterFigures & { attempts: number } {
  let workedOut: LinkPlan | undefined;
  const figures = {
    attempts: 0,
    linkPlanIfWorkedOut: () => workedOut,
    linkPlanSoon: async () => {
      figures.attempts++;
      if (figures.attempts === 1) throw new Error("Index out of step");
      return (workedOut = PLAN);
    },
  };
  return figures as unknown as RegisterFigures & { attempts: number };
}

describe("the proposed links, worked out in the background", () => {
  it("says plainly when they could not be worked out, and Try again works them out", async () => {
    jest.spyOn(console, "error").mockImplementation(() => undefined);
    const figures = failingOnce();
    const { result } = renderHook(() => useLinkPlan(figures));
    expect(result.current.plan).toBeUndefined();
    await waitFor(() =>
      expect(result.current.error).toBe(
        "Could not work out the proposed links (Index out of step). Try again; if it keeps happening, save the workbook and reopen the add-in.",
      ),
    );

    act(() => result.current.retry());
    await waitFor(() => expect(result.current.plan).toBe(PLAN));
    expect(result.current.error).toBeUndefined();
    expect(figures.attempts).toBe(2);
  });
});
