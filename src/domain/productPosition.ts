import type { LicencePosition, ProductPosition } from "./positionTypes";
import {
  applyReview,
  describeQuantityStatus,
  quantityStatus,
  shortfallQuantity,
  availableQuantity,
} from "./quantities";
import { trueUpCost, unusedCost } from "./costs";
import { counted } from "./wording";

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
 * plus unlicensed devices, and every figure follows from those two totals. Shortfall and available are
 * purchased against used; the status is Over-deployed exactly when there is a shortfall (a review can turn
 * Compliant or Under-utilized into Review Required, never hide a shortfall). True-up exposure is the
 * shortfall priced at the product's unit price, and the cost of unused licences is what is available priced
 * the same way, so a product whose spare licences cover another licence's overuse has neither. The unit
 * price is what the product's licences cost per licence purchased, averaged over them weighted by quantity,
 * in the reporting currency and rounded to the penny (see productUnitPrice). Annual cost is the licences'
 * annual costs added up. Licences whose currency has no rate are left out of the money figures (the caller
 * reports the missing rate).
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
  const reviewed: string[] = [];
  // In ID order, so the sums (floating point) and the reason do not depend on the order of edits.
  const ordered = [...licences].sort((a, b) => (a.position.licenceId < b.position.licenceId ? -1 : 1));
  for (const { position, reviewReasons } of ordered) {
    purchased = purchased === null || position.entitled === null ? null : purchased + position.entitled;
    used += position.used;
    annual += position.annualCostReporting ?? 0;
    if (reviewReasons.length > 0) reviewed.push(position.licenceId);
  }
  const unitPrice = productUnitPrice(
    ordered.map(({ position }) => position),
    toReporting,
  );
  const available = availableQuantity(purchased, used);
  const shortfall = shortfallQuantity(purchased, used);

  const reviewReasons: string[] = [];
  if (reviewed.length > 0) {
    const named = reviewed.slice(0, MAX_NAMED).join(", ");
    const more = reviewed.length > MAX_NAMED ? ` and ${reviewed.length - MAX_NAMED} more` : "";
    reviewReasons.push(`Licence ${named}${more} need${reviewed.length === 1 ? "s" : ""} review.`);
  }
  if (links.danglingInstallations > 0) {
    reviewReasons.push(
      `${counted(links.danglingInstallations, "installation")} ${links.danglingInstallations === 1 ? "names" : "name"} a licence that is not in the register: see the Dashboard's Data issues to correct ${links.danglingInstallations === 1 ? "it" : "them"}.`,
    );
  }
  if (links.misplacedInstallations > 0) {
    reviewReasons.push(
      `${counted(links.misplacedInstallations, "installation")} ${links.misplacedInstallations === 1 ? "is" : "are"} linked to a licence of another software: see the Dashboard's Data issues to correct ${links.misplacedInstallations === 1 ? "it" : "them"}.`,
    );
  }

  const figures = quantityStatus(purchased, used, threshold);
  let figuresReason = describeQuantityStatus(figures, purchased, used, threshold);
  if (links.unlicensedDevices > 0) {
    figuresReason += ` Includes ${counted(links.unlicensedDevices, "device")} with no licence.`;
  }
  const { status, statusReason } = applyReview(figures, figuresReason, reviewReasons);
  return {
    softwareId: software.id,
    softwareName: software.name,
    licences: licences.length,
    purchased,
    used,
    unlicensed: links.unlicensedDevices,
    available,
    shortfall,
    status,
    statusReason,
    annualCost: annual,
    unitPrice,
    trueUpExposure: trueUpCost(shortfall, unitPrice),
    unusedCost: unusedCost(available, unitPrice),
  };
}

/**
 * The price of one more licence of a product: its licences' unit costs (recorded, else annual cost per
 * licence purchased) averaged weighted by quantity purchased, in the reporting currency, rounded to the
 * penny so that shortfall × unit price on the sheet re-performs the true-up exactly. Unlimited licences,
 * licences of no quantity and licences whose currency has no rate do not count; 0 when none does.
 */
export function productUnitPrice(
  licences: readonly Pick<LicencePosition, "quantity" | "unitCost" | "currency">[],
  toReporting: (amount: number, currency: string) => number | null,
): number {
  let weighted = 0;
  let weight = 0;
  for (const licence of licences) {
    const unit = toReporting(licence.unitCost, licence.currency);
    if (licence.quantity === null || licence.quantity <= 0 || unit === null) continue;
    weighted += unit * licence.quantity;
    weight += licence.quantity;
  }
  return weight > 0 ? Math.round((weighted / weight) * 100) / 100 : 0;
}
