import type { ComplianceStatus } from "./lists";

export const DEFAULT_UNDER_USE_THRESHOLD = 0.8;

/** What a licence entitles: its quantity, or null when it is Unlimited. */
export function entitledQuantity(quantity: number, unlimited: boolean): number | null {
  return unlimited ? null : quantity;
}

/** Remaining capacity, never negative; null when unlimited. */
export function availableQuantity(entitled: number | null, used: number): number | null {
  return entitled === null ? null : Math.max(entitled - used, 0);
}

/** How many more are in use than entitled; 0 when unlimited. */
export function shortfallQuantity(entitled: number | null, used: number): number {
  return entitled === null ? 0 : Math.max(used - entitled, 0);
}

export type QuantityStatus = Exclude<ComplianceStatus, "Review Required">;

/**
 * Compliance from the figures alone: Over-deployed when more are used than entitled, Under-utilized when fewer
 * than `threshold` of a positive entitlement are used, otherwise Compliant. Unlimited is always Compliant.
 */
export function quantityStatus(
  entitled: number | null,
  used: number,
  threshold: number = DEFAULT_UNDER_USE_THRESHOLD,
): QuantityStatus {
  if (entitled === null) return "Compliant";
  if (used > entitled) return "Over-deployed";
  if (entitled > 0 && used < threshold * entitled) return "Under-utilized";
  return "Compliant";
}

/** A sentence saying why the figures give that status. */
export function describeQuantityStatus(
  status: QuantityStatus,
  entitled: number | null,
  used: number,
  threshold: number = DEFAULT_UNDER_USE_THRESHOLD,
): string {
  if (entitled === null) return `Unlimited: ${used} in use.`;
  switch (status) {
    case "Over-deployed":
      return `${used} in use but only ${entitled} entitled: ${used - entitled} short.`;
    case "Under-utilized":
      return `${used} of ${entitled} in use, below the under-use threshold of ${Math.round(threshold * 100)}%.`;
    case "Compliant":
      return `${used} of ${entitled} in use.`;
  }
}

/**
 * Review Required overrides Compliant and Under-utilized, because a doubtful figure should not read as fine.
 * It does not override Over-deployed: a known breach is the more urgent fact, so the status stays
 * Over-deployed and the review reasons are added to the reason.
 */
export function applyReview(
  status: QuantityStatus,
  statusReason: string,
  reviewReasons: readonly string[],
): { status: ComplianceStatus; statusReason: string } {
  if (reviewReasons.length === 0) return { status, statusReason };
  const review = `Review required: ${reviewReasons.join(" ")}`;
  if (status === "Over-deployed") return { status, statusReason: `${statusReason} ${review}` };
  return { status: "Review Required", statusReason: `${review} (${statusReason})` };
}
