import { displayDate, type IsoDate } from "./dates";
import { entitledQuantity } from "./quantities";
import { LICENCE_LABELS as L } from "./labels";

export interface EntitlementTerms {
  quantity?: number;
  unlimited: boolean;
  startDate?: IsoDate;
  expiryDate?: IsoDate;
  perpetual: boolean;
  autoRenew: boolean;
}

export interface Entitlement {
  /** Quantity the licence covers on the as-of date; null when Unlimited and in force. */
  entitled: number | null;
  /** Why the licence entitles nobody on the date (expired or not yet started). */
  lapsedReason?: string;
  /** Why the entitlement needs a person to look at it. */
  reviewReason?: string;
}

/**
 * What a licence entitles on a date. Outside its validity it entitles nobody, even when Unlimited: an expired
 * site licence no longer covers the site. An auto-renew licence past its expiry is presumed renewed (keeps its
 * quantity) but needs review until someone records the new expiry date.
 */
export function entitlementOn(terms: EntitlementTerms, asOf: IsoDate): Entitlement {
  const inForce = entitledQuantity(terms.quantity ?? 0, terms.unlimited);
  if (terms.startDate !== undefined && terms.startDate > asOf) {
    return {
      entitled: 0,
      lapsedReason: `Not started: it starts on ${displayDate(terms.startDate)}, so it entitles nobody yet.`,
    };
  }
  if (!terms.perpetual && terms.expiryDate !== undefined && terms.expiryDate < asOf) {
    if (terms.autoRenew) {
      return {
        entitled: inForce,
        reviewReason: `It auto-renews but expired on ${displayDate(terms.expiryDate)} and no renewed expiry is recorded: enter the new ${L.expiryDate}.`,
      };
    }
    return {
      entitled: 0,
      lapsedReason: `Expired on ${displayDate(terms.expiryDate)}, so it entitles nobody.`,
    };
  }
  return { entitled: inForce };
}
