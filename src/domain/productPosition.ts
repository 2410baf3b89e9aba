import type { LicencePosition, ProductPosition } from "./positionTypes";
import {
  applyReview,
  describeQuantityStatus,
  quantityStatus,
  shortfallQuantity,
  availableQuantity,
} from "./quantities";
import { trueUpCost } from "./costs";

/** What the register knows about a product beyond its licences. */
export interface ProductLinks {
  /** Distinct devices with the product installed on no licence, or on a licence that is not in the register. */
  unlicensedDevices: number;
  /** Installations of the product that name a licence not in the register. */
  danglingInstallations: number;
  /** Installations of the product linked to a licence of another software. */
  misplacedInstallations: number;
}

export interface AssessedLicence {
  position: LicencePosition;
  reviewReasons: readonly string[];
}

const MAX_NAMED = 3;

/**
 * A product's position pools its licences: entitlements add up (Unlimited if any licence is), use adds up
 * plus unlicensed devices. Costs are in the reporting currency; licences whose currency has no rate are left
 * out of the totals (the caller reports the missing rate). Unlicensed devices are priced at the product's
 * average unit cost (weighted by quantity), since that is what covering them would likely cost.
 */
export function productPositionOf(
  software: { id: string; name: string },
  licences: readonly AssessedLicence[],
  links: ProductLinks,
  threshold: number,
  toReporting: (amount: number, currency: string) => number | null,
): ProductPosition {
  let purchased: number | null = 0;
  let used = links.unlicensedDevices;
  let annual = 0;
  let trueUp = 0;
  let unused = 0;
  let weightedUnitCost = 0;
  let weight = 0;
  const reviewed: string[] = [];
  // In ID order, so the sums (floating point) and the reason do not depend on the order of edits.
  const ordered = [...licences].sort((a, b) => (a.position.licenceId < b.position.licenceId ? -1 : 1));
  for (const { position, reviewReasons } of ordered) {
    purchased = purchased === null || position.entitled === null ? null : purchased + position.entitled;
    used += position.used;
    annual += position.annualCostReporting ?? 0;
    trueUp += position.trueUpCostReporting ?? 0;
    unused += position.unusedCostReporting ?? 0;
    if (reviewReasons.length > 0) reviewed.push(position.licenceId);
    const unitReporting = toReporting(position.unitCost, position.currency);
    if (position.quantity !== null && position.quantity > 0 && unitReporting !== null) {
      weightedUnitCost += unitReporting * position.quantity;
      weight += position.quantity;
    }
  }
  const averageUnitCost = weight > 0 ? weightedUnitCost / weight : 0;
  trueUp += trueUpCost(links.unlicensedDevices, averageUnitCost);

  const reviewReasons: string[] = [];
  if (reviewed.length > 0) {
    const named = reviewed.slice(0, MAX_NAMED).join(", ");
    const more = reviewed.length > MAX_NAMED ? ` and ${reviewed.length - MAX_NAMED} more` : "";
    reviewReasons.push(`Licence ${named}${more} need${reviewed.length === 1 ? "s" : ""} review.`);
  }
  if (links.danglingInstallations > 0) {
    reviewReasons.push(
      `${links.danglingInstallations} installation(s) name a licence that is not in the register.`,
    );
  }
  if (links.misplacedInstallations > 0) {
    reviewReasons.push(
      `${links.misplacedInstallations} installation(s) are linked to a licence of another software.`,
    );
  }

  const figures = quantityStatus(purchased, used, threshold);
  let figuresReason = describeQuantityStatus(figures, purchased, used, threshold);
  if (links.unlicensedDevices > 0) {
    figuresReason += ` Includes ${links.unlicensedDevices} device(s) with no licence.`;
  }
  const { status, statusReason } = applyReview(figures, figuresReason, reviewReasons);
  return {
    softwareId: software.id,
    softwareName: software.name,
    licences: licences.length,
    purchased,
    used,
    unlicensed: links.unlicensedDevices,
    available: availableQuantity(purchased, used),
    shortfall: shortfallQuantity(purchased, used),
    status,
    statusReason,
    annualCost: annual,
    trueUpExposure: trueUp,
    unusedCost: unused,
  };
}
