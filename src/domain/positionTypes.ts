import type { ComplianceStatus, RenewalStatus } from "./lists";

/** The computed position of one licence on a given date: what the compliance engine returns. */
export interface LicencePosition {
  licenceId: string;
  softwareId: string;
  /** Licences purchased; null when Unlimited. */
  quantity: number | null;
  unlimited: boolean;
  /** Quantity the licence entitles on the as-of date (0 when expired or not yet started). */
  entitled: number | null;
  used: number;
  /** null when Unlimited. */
  available: number | null;
  shortfall: number;
  status: ComplianceStatus;
  /** Why the status is what it is, in a sentence (always set for Review Required). */
  statusReason: string;
  renewalStatus: RenewalStatus;
  daysToExpiry: number | null;
  /** Date the renewal notice falls due (expiry minus the lead time), when there is an expiry. */
  noticeDate: string | null;
  currency: string;
  annualCost: number;
  unitCost: number;
  trueUpCost: number;
  unusedCost: number;
  /** The same three costs converted into the reporting currency (null when no rate is known). */
  annualCostReporting: number | null;
  trueUpCostReporting: number | null;
  unusedCostReporting: number | null;
}

/** The aggregate position of one software product across all its licences. */
export interface ProductPosition {
  softwareId: string;
  softwareName: string;
  licences: number;
  /** Total entitled quantity; null when any licence of the product is Unlimited. */
  purchased: number | null;
  used: number;
  /** Installations of the product linked to no licence. */
  unlicensed: number;
  available: number | null;
  shortfall: number;
  status: ComplianceStatus;
  statusReason: string;
  annualCost: number;
  /** What one more licence costs: the quantity-weighted average unit cost, to the penny (productUnitPrice). */
  unitPrice: number;
  /** shortfall × unitPrice. */
  trueUpExposure: number;
  /** available × unitPrice; 0 when unlimited. */
  unusedCost: number;
}

export interface RegisterPosition {
  asOf: string;
  reportingCurrency: string;
  licences: Map<string, LicencePosition>;
  products: ProductPosition[];
  /** Problems found while computing (dangling references, missing figures), shown beside the data issues. */
  problems: { recordId: string; message: string }[];
}
