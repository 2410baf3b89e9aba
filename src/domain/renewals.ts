import { addDays, daysBetween, type IsoDate } from "./dates";
import type { RenewalStatus } from "./lists";

export const DEFAULT_RENEWAL_LEAD_DAYS = 30;

export interface RenewalTerms {
  startDate?: IsoDate;
  expiryDate?: IsoDate;
  perpetual: boolean;
  autoRenew: boolean;
}

/** Whole days from asOf to the expiry: 0 on the expiry date itself, negative once it has passed. */
export function daysToExpiry(expiryDate: IsoDate, asOf: IsoDate): number {
  return daysBetween(asOf, expiryDate);
}

/** The date the renewal notice falls due: the expiry minus the lead time. */
export function noticeDate(expiryDate: IsoDate, leadDays: number): IsoDate {
  return addDays(expiryDate, -leadDays);
}

/**
 * The licence's own lead time, else the register's default. A lead time of 0 counts as blank: Excel on
 * Windows passes a blank cell to LICENSE.RENEWALSTATUS as 0, so the function cannot tell the two apart, and
 * the register reads it the same way so that the function re-performs the register's figure.
 */
export function renewalLeadDays(
  licence: { renewalLeadDays?: number },
  settings: { defaultRenewalLeadDays?: number },
): number {
  return licence.renewalLeadDays || settings.defaultRenewalLeadDays || DEFAULT_RENEWAL_LEAD_DAYS;
}

/**
 * Perpetual; Not started before the start date; Expired once the expiry has passed (auto-renew too: the
 * register then needs the renewed expiry); within the lead time Auto-renews or Renewal due; else Active.
 * A licence with no expiry date that is not perpetual is Active (an open-ended term).
 */
export function renewalStatus(terms: RenewalTerms, asOf: IsoDate, leadDays: number): RenewalStatus {
  const days = terms.expiryDate === undefined ? null : daysToExpiry(terms.expiryDate, asOf);
  return renewalStatusForDays(terms, asOf, days, leadDays);
}

/** renewalStatus when the days to expiry are already known (null when there is no expiry date). */
export function renewalStatusForDays(
  terms: Omit<RenewalTerms, "expiryDate">,
  asOf: IsoDate,
  days: number | null,
  leadDays: number,
): RenewalStatus {
  if (terms.perpetual) return "Perpetual";
  if (terms.startDate !== undefined && terms.startDate > asOf) return "Not started";
  if (days === null) return "Active";
  if (days < 0) return "Expired";
  if (days <= leadDays) return terms.autoRenew ? "Auto-renews" : "Renewal due";
  return "Active";
}
