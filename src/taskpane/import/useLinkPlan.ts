import { useEffect, useState } from "react";
import type { IsoDate } from "../../domain/dates";
import { planLinks, type LinkPlan } from "../../domain/linkProposals";
import { yieldEvery, type Pause } from "../../domain/yielding";
import type { RegisterData } from "../../workbook/registerApi";
import { unexpectedSentence } from "../messages";

export interface LinkPlanState {
  /** The latest plan worked out; undefined until the first is ready. */
  plan?: LinkPlan;
  /** Whether `plan` was worked out from the register as it is now (not before the latest change). */
  current: boolean;
  /** A plain sentence when the plan could not be worked out. */
  error?: string;
}

/** Thrown from the pause of a plan whose register has changed since, to stop its work. */
const SUPERSEDED = new Error("superseded");

/**
 * The proposed links for the register as it is, worked out in the background a slice at a time: at 100,000
 * licences planning indexes the register twice (before and after linking), several seconds of work that would
 * otherwise hold up the pane and the custom functions after every change while the Import tab is open. A change
 * stops the plan under way and starts another; the last plan stays on screen meanwhile.
 */
export function useLinkPlan(data: RegisterData, today: IsoDate): LinkPlanState {
  const [state, setState] = useState<{ plan?: LinkPlan; from?: RegisterData; error?: string }>({});
  useEffect(() => {
    let superseded = false;
    const slices = yieldEvery();
    const pause: Pause = () => {
      if (superseded) throw SUPERSEDED;
      return slices();
    };
    planLinks(data, today, pause).then(
      (plan) => !superseded && setState({ plan, from: data }),
      (reason: unknown) =>
        !superseded &&
        reason !== SUPERSEDED &&
        setState((last) => ({ ...last, error: unexpectedSentence(reason, "work out the proposed links") })),
    );
    return () => {
      superseded = true;
    };
  }, [data, today]);
  return { plan: state.plan, current: state.from === data, error: state.error };
}
