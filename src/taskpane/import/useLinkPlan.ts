import type { LinkPlan } from "../../domain/linkProposals";
import type { RegisterFigures } from "../../live/liveFigures";
import { useWorkedOut } from "../hooks/useWorkedOut";

export interface LinkPlanState {
  /** Undefined while it is first worked out. */
  plan?: LinkPlan;
  /** A plain sentence when it could not be worked out. */
  error?: string;
  /** Works it out again after an error. */
  retry: () => void;
}

/**
 * The proposed links for the register as it is. The first time (and after a change touching many products)
 * every product is planned a slice at a time (linkPlanSoon); after that a change plans again only the products
 * it touched, at once, so the plan on screen is always the register's as it is now.
 */
export function useLinkPlan(figures: RegisterFigures): LinkPlanState {
  const { value, error, retry } = useWorkedOut(
    figures.linkPlanIfWorkedOut(),
    figures.linkPlanSoon,
    "work out the proposed links",
  );
  return { plan: value, error, retry };
}
