import { useEffect, useState } from "react";
import type { LinkPlan } from "../../domain/linkProposals";
import type { RegisterFigures } from "../../live/liveFigures";
import { unexpectedSentence } from "../messages";

export interface LinkPlanState {
  /** Undefined while it is first worked out. */
  plan?: LinkPlan;
  /** A plain sentence when it could not be worked out. */
  error?: string;
  /** Works it out again after an error. */
  retry: () => void;
}

/**
 * The proposed links for the register as it is. The first time, every product is planned a slice at a time
 * (linkPlanSoon), so the pane and the custom functions keep answering meanwhile; after that each change plans
 * again only the products it touched, at once, so the plan on screen is always the register's as it is now.
 */
export function useLinkPlan(figures: RegisterFigures): LinkPlanState {
  const plan = figures.linkPlanIfWorkedOut();
  const [error, setError] = useState<string>();
  const [, setWorkedOut] = useState(0);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (plan) return;
    let current = true;
    figures.linkPlanSoon().then(
      () => current && setWorkedOut((count) => count + 1),
      (reason: unknown) => current && setError(unexpectedSentence(reason, "work out the proposed links")),
    );
    return () => {
      current = false;
    };
  }, [figures, plan, attempt]);
  const retry = () => {
    setError(undefined);
    setAttempt((count) => count + 1);
  };
  return plan ? { plan, retry } : { error, retry };
}
