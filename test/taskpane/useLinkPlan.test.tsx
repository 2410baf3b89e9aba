import "./support/polyfills";
import { renderHook, waitFor } from "@testing-library/react";
import { useLinkPlan } from "../../src/taskpane/import/useLinkPlan";
import type { RegisterData } from "../../src/workbook/registerApi";
import { AS_OF, installation, licence, register } from "../domain/fixtures";

const unlinkedOn = (devices: string[]) =>
  devices.map((device, i) => installation({ id: `U-${i}`, device, licenceId: undefined }));

const registerWith = (devices: string[]): RegisterData =>
  ({
    ...register({ licences: [licence({ id: "L-1", quantity: 5 })], installations: unlinkedOn(devices) }),
    issues: [],
  }) as RegisterData;

describe("the proposed links, worked out in the background", () => {
  it("keeps the last plan on screen after a change, marked out of date, until the new one is worked out", async () => {
    const first = registerWith(["PC-1"]);
    const { result, rerender } = renderHook(({ data }) => useLinkPlan(data, AS_OF), {
      initialProps: { data: first },
    });
    expect(result.current).toEqual({ plan: undefined, current: false, error: undefined });
    await waitFor(() => expect(result.current.current).toBe(true));
    expect(result.current.plan?.proposals.map((p) => p.device)).toEqual(["PC-1"]);

    rerender({ data: registerWith(["PC-1", "PC-2"]) });
    // the Link button acts on the plan shown, so it must know the plan is from before the change
    expect(result.current.current).toBe(false);
    expect(result.current.plan?.proposals).toHaveLength(1);
    await waitFor(() => expect(result.current.current).toBe(true));
    expect(result.current.plan?.proposals.map((p) => p.device)).toEqual(["PC-1", "PC-2"]);
  });
});
