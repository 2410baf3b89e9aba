import type { IsoDate } from "../../domain/dates";
import type { LicencePosition } from "../../domain/positionTypes";
import type { Licence } from "../../domain/schemas";
import { formatCount, formatDate } from "../formatting";

/** Why a licence entitles nobody on the as-of date, the way entitlementOn decides it. */
export type Lapse = "not started" | "expired";

export function lapseOn(licence: Licence, asOf: IsoDate): Lapse | undefined {
  if (licence.startDate !== undefined && licence.startDate > asOf) return "not started";
  if (
    !licence.perpetual &&
    !licence.autoRenew &&
    licence.expiryDate !== undefined &&
    licence.expiryDate < asOf
  )
    return "expired";
  return undefined;
}

/**
 * A list row's validity: "Expires 5 Jul 2026", "Expired 17 Nov 2025", "Starts 1 Jul 2026", "Perpetual". Past
 * tense once the date has gone, so the line agrees with a status that counts the licence as lapsed.
 */
export function validityText(licence: Licence, asOf: IsoDate): string {
  if (licence.startDate !== undefined && licence.startDate > asOf)
    return `Starts ${formatDate(licence.startDate)}`;
  if (licence.perpetual) return "Perpetual";
  if (!licence.expiryDate) return "No expiry date";
  if (licence.expiryDate < asOf) {
    const when = `Expired ${formatDate(licence.expiryDate)}`;
    // Presumed renewed (it still counts) until someone records the new expiry date.
    return licence.autoRenew ? `${when}, auto-renews` : when;
  }
  return `Expires ${formatDate(licence.expiryDate)}`;
}

/**
 * A list row's usage against what the licence entitles now (the position's figure, which the status is worked
 * out from): "4 of 5 used", "Unlimited, 12 used", and for a licence that entitles nobody today
 * "2 used, none entitled" (or "none entitled yet") rather than "2 of 3 used" beside an Over-deployed badge.
 */
export function usageText(licence: Licence, position: LicencePosition | undefined, asOf: IsoDate): string {
  const used = formatCount(position?.used ?? 0);
  const lapse = lapseOn(licence, asOf);
  // The validity beside it ("Expired …", "Starts …") says why.
  if (position && lapse && position.entitled === 0)
    return `${used} used, none entitled${lapse === "not started" ? " yet" : ""}`;
  const entitled = position ? position.entitled : licence.unlimited ? null : (licence.quantity ?? 0);
  if (entitled === null) return `Unlimited, ${used} used`;
  return `${used} of ${formatCount(entitled)} used`;
}
