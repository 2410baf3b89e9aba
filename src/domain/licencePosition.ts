import { annualCost, reportingRate, trueUpCost, unitCost, unusedCost } from "./costs";
import type { IsoDate } from "./dates";
import { entitlementOn } from "./entitlement";
import type { LicencePosition } from "./positionTypes";
import {
  applyReview,
  availableQuantity,
  DEFAULT_UNDER_USE_THRESHOLD,
  describeQuantityStatus,
  quantityStatus,
  shortfallQuantity,
} from "./quantities";
import { daysToExpiry, noticeDate, renewalLeadDays, renewalStatusForDays } from "./renewals";
import type { Licence, Settings } from "./schemas";
import { usedQuantity, type UsageCounts } from "./usage";
import { LICENCE_LABELS as L, SHEET_NAMES } from "./labels";
import { counted } from "./wording";

/** What the register knows about a licence's links, beyond its own fields. */
export interface LicenceLinks {
  tally: UsageCounts;
  /** Linked installations whose software is not the licence's software. */
  mismatchedInstallations: number;
  /** Whether the licence's software is in the catalogue. */
  softwareKnown: boolean;
}

export function underUseThreshold(settings: Partial<Pick<Settings, "underUseThreshold">>): number {
  return settings.underUseThreshold ?? DEFAULT_UNDER_USE_THRESHOLD;
}

/** The position of one licence on a date, from its fields and its links. Constant time. */
export function licencePositionOf(
  licence: Licence,
  links: LicenceLinks,
  settings: Settings,
  asOf: IsoDate,
): LicencePosition {
  return assessLicence(licence, links, settings, asOf).position;
}

/** The position plus the review reasons behind it, which the product aggregate needs. */
export function assessLicence(
  licence: Licence,
  links: LicenceLinks,
  settings: Settings,
  asOf: IsoDate,
): { position: LicencePosition; reviewReasons: string[] } {
  const threshold = underUseThreshold(settings);
  const { entitled, lapsedReason, reviewReason: entitlementReview } = entitlementOn(licence, asOf);
  const usage = usedQuantity(licence.allocationRule, links.tally, licence.peakConcurrentUse);
  const used = usage.used;
  const available = availableQuantity(entitled, used);
  const shortfall = shortfallQuantity(entitled, used);

  const reviewReasons: string[] = [];
  if (licence.reviewRequired) reviewReasons.push(licence.reviewReason || "Marked for review.");
  if (entitlementReview) reviewReasons.push(entitlementReview);
  if (usage.reviewReason) reviewReasons.push(usage.reviewReason);
  if (links.mismatchedInstallations > 0) {
    reviewReasons.push(
      `${counted(links.mismatchedInstallations, "linked installation")} ${links.mismatchedInstallations === 1 ? "is" : "are"} of a different software from the licence's: see the Dashboard's Data issues to relink ${links.mismatchedInstallations === 1 ? "it" : "them"}.`,
    );
  }
  if (!links.softwareKnown)
    reviewReasons.push(
      `Its software ${licence.softwareId} is not in the software catalogue: add it to the ${SHEET_NAMES.software} sheet, or change the licence's ${L.softwareId}.`,
    );

  const figures = quantityStatus(entitled, used, threshold);
  const figuresReason = describeQuantityStatus(figures, entitled, used, threshold);
  const { status, statusReason } = applyReview(
    figures,
    lapsedReason ? `${lapsedReason} ${figuresReason}` : figuresReason,
    reviewReasons,
  );

  const leadDays = renewalLeadDays(licence, settings);
  const annual = annualCost(licence.cost ?? 0, licence.pricingModel, licence.termMonths);
  const unit = unitCost(licence.unitCost, annual, licence.quantity);
  const trueUp = trueUpCost(shortfall, unit);
  const unused = unusedCost(available, unit);
  const rate = reportingRate(licence.currency, settings.reportingCurrency, settings.exchangeRates);
  const days = licence.expiryDate === undefined ? null : daysToExpiry(licence.expiryDate, asOf);

  const position: LicencePosition = {
    licenceId: licence.id,
    softwareId: licence.softwareId,
    quantity: licence.unlimited ? null : (licence.quantity ?? 0),
    unlimited: licence.unlimited,
    entitled,
    used,
    available,
    shortfall,
    status,
    statusReason,
    renewalStatus: renewalStatusForDays(licence, asOf, days, leadDays),
    daysToExpiry: days,
    noticeDate: licence.expiryDate === undefined ? null : noticeDate(licence.expiryDate, leadDays),
    currency: licence.currency,
    annualCost: annual,
    unitCost: unit,
    trueUpCost: trueUp,
    unusedCost: unused,
    annualCostReporting: rate === null ? null : annual * rate,
    trueUpCostReporting: rate === null ? null : trueUp * rate,
    unusedCostReporting: rate === null ? null : unused * rate,
  };
  return { position, reviewReasons };
}
