/**
 * LICENSE.* worksheet functions. Each reads its arguments (./arguments) and applies the same domain rule the
 * task pane and the compliance engine use; none holds a rule of its own. Excel learns the names, parameters
 * and descriptions from these JSDoc comments (custom-functions-metadata generates functions.json).
 */
import { annualCost, parsePricingModel, termRequired, trueUpCost } from "../domain/costs";
import { DEFAULT_PRICING_MODEL, PRICING_MODELS, type PricingModel } from "../domain/lists";
import {
  availableQuantity,
  DEFAULT_UNDER_USE_THRESHOLD,
  entitledQuantity,
  quantityStatus,
  shortfallQuantity,
} from "../domain/quantities";
import { DEFAULT_RENEWAL_LEAD_DAYS, daysToExpiry, renewalStatus } from "../domain/renewals";
import { referenceId } from "../domain/references";
import { countDistinctKeys, countLinkedRows } from "../domain/usage";
import {
  amountArg,
  asOfArg,
  cellReference,
  cellText,
  dateArg,
  flagArg,
  fractionArg,
  invalid,
  isBlank,
  notAvailable,
  positiveNumberArg,
  rangeArg,
  requireSameShape,
  shown,
  textArg,
  wholeNumberArg,
} from "./arguments";

function entitlement(quantity: unknown, unlimited: unknown): number | null {
  return entitledQuantity(amountArg("quantity", quantity), flagArg("unlimited", unlimited));
}

/**
 * Licences still free: quantity minus used, never below 0; "Unlimited" for an unlimited licence.
 * @customfunction AVAILABLE
 * @param quantity Number of licences purchased.
 * @param used Number of licences in use.
 * @param [unlimited] TRUE for an unlimited (enterprise or site) licence. Default FALSE.
 * @returns The available quantity, or "Unlimited".
 */
export function available(quantity: unknown, used: unknown, unlimited?: unknown): number | string {
  const entitled = entitlement(quantity, unlimited);
  return availableQuantity(entitled, amountArg("used", used)) ?? "Unlimited";
}

/**
 * Licences missing: used minus quantity, never below 0; 0 for an unlimited licence.
 * @customfunction SHORTFALL
 * @param quantity Number of licences purchased.
 * @param used Number of licences in use.
 * @param [unlimited] TRUE for an unlimited (enterprise or site) licence. Default FALSE.
 * @returns The shortfall.
 */
export function shortfall(quantity: unknown, used: unknown, unlimited?: unknown): number {
  const entitled = entitlement(quantity, unlimited);
  return shortfallQuantity(entitled, amountArg("used", used));
}

/**
 * Compliance status: Over-deployed, Under-utilized or Compliant.
 * @customfunction COMPLIANCE
 * @param quantity Number of licences purchased.
 * @param used Number of licences in use.
 * @param [unlimited] TRUE for an unlimited licence, which is always Compliant. Default FALSE.
 * @param [threshold] Share of the quantity below which use is Under-utilized, above 0 and up to 1. Default (and when blank or 0) 0.8.
 * @returns "Over-deployed", "Under-utilized" or "Compliant".
 */
export function compliance(
  quantity: unknown,
  used: unknown,
  unlimited?: unknown,
  threshold?: unknown,
): string {
  const entitled = entitlement(quantity, unlimited);
  const usedQuantity = amountArg("used", used);
  return quantityStatus(
    entitled,
    usedQuantity,
    fractionArg("threshold", threshold, DEFAULT_UNDER_USE_THRESHOLD),
  );
}

/**
 * Counts a licence's rows: without keys, the rows whose licence ID matches; with keys, the distinct devices or users on those rows.
 * @customfunction COUNTUSED
 * @param licenceId The licence ID to count (matched ignoring case and surrounding spaces).
 * @param licenceIds The Licence ID column of the installations or allocations (an entry picked from its dropdown, "AutoCAD · Trial [LIC-1]", counts as the ID in brackets).
 * @param [keys] The Device or User column beside licenceIds, the same shape, to count distinct devices or users.
 * @returns The number of rows, or of distinct devices or users.
 */
export function countUsed(licenceId: unknown, licenceIds: unknown[][], keys?: unknown[][]): number {
  const id = referenceId(textArg("licenceId", licenceId));
  const idRange = rangeArg(licenceIds);
  const ids = idRange.flat().map(cellReference);
  if (isBlank(keys)) return countLinkedRows(id, ids);
  const keyRange = rangeArg(keys);
  requireSameShape("keys", keyRange, "licenceIds", idRange);
  return countDistinctKeys(id, ids, keyRange.flat().map(cellText));
}

/**
 * Whole days from the as-of date to the expiry date; negative once expired.
 * @customfunction DAYSTOEXPIRY
 * @param expiry The expiry date.
 * @param [asOf] The date to count from. Default today.
 * @returns Days to expiry.
 */
export function daysToExpiryFn(expiry: unknown, asOf?: unknown): number {
  const expiryDate = dateArg("expiry", expiry);
  const from = asOfArg("asOf", asOf);
  if (expiryDate === undefined)
    notAvailable(
      "expiry is blank: there is no expiry date to count to. Give one, or wrap the formula in IFNA for licences without one.",
    );
  return daysToExpiry(expiryDate, from);
}

/**
 * Renewal status: Perpetual, Expired, Auto-renews, Renewal due or Active.
 * @customfunction RENEWALSTATUS
 * @param expiry The expiry date (blank for a licence with no expiry).
 * @param [perpetual] TRUE for a perpetual licence. Default FALSE.
 * @param [autoRenew] TRUE when the licence renews automatically. Default FALSE.
 * @param [leadDays] Days before expiry that renewal falls due. Default (and when blank or 0) 30.
 * @param [asOf] The date to judge on. Default today.
 * @param [start] The start date: before it the status is Not started. Default: none.
 * @returns The renewal status.
 */
export function renewalStatusFn(
  expiry: unknown,
  perpetual?: unknown,
  autoRenew?: unknown,
  leadDays?: unknown,
  asOf?: unknown,
  start?: unknown,
): string {
  const terms = {
    expiryDate: dateArg("expiry", expiry),
    perpetual: flagArg("perpetual", perpetual),
    autoRenew: flagArg("autoRenew", autoRenew),
    startDate: dateArg("start", start),
  };
  const lead = wholeNumberArg("leadDays", leadDays, DEFAULT_RENEWAL_LEAD_DAYS);
  return renewalStatus(terms, asOfArg("asOf", asOf), lead);
}

/**
 * Cost per year of a licence from its cost and pricing model.
 * @customfunction ANNUALCOST
 * @param cost The cost per payment (or in total for One-time and Multi-year).
 * @param pricingModel One-time, Monthly, Quarterly, Semi-annual, Annual or Multi-year. Blank is One-time, as in the register.
 * @param [termMonths] Length of the term in months: required for Multi-year; spreads a One-time cost.
 * @returns The annual cost.
 */
export function annualCostFn(cost: unknown, pricingModel: unknown, termMonths?: unknown): number {
  const amount = amountArg("cost", cost);
  const model = pricingModelArg(pricingModel);
  const term = positiveNumberArg("termMonths", termMonths);
  if (term === undefined && termRequired(model)) {
    notAvailable(
      `termMonths is blank, but ${model} pricing needs it: give the length of the term in months (Term (Months) in the Licences sheet).`,
    );
  }
  return annualCost(amount, model, term);
}

function pricingModelArg(value: unknown): PricingModel {
  if (isBlank(value)) return DEFAULT_PRICING_MODEL;
  const model = typeof value === "string" ? parsePricingModel(value) : undefined;
  if (model === undefined) {
    invalid(
      `pricingModel must be one of ${PRICING_MODELS.join(", ")}; got ${shown(value)}. Give one of those, or leave it blank for ${DEFAULT_PRICING_MODEL}.`,
    );
  }
  return model;
}

/**
 * Cost of buying the missing licences: shortfall times unit cost.
 * @customfunction TRUEUP
 * @param quantity Number of licences purchased.
 * @param used Number of licences in use.
 * @param unitCost Cost of one licence.
 * @param [unlimited] TRUE for an unlimited licence, which never needs a true-up. Default FALSE.
 * @returns The true-up cost.
 */
export function trueUp(quantity: unknown, used: unknown, unitCost: unknown, unlimited?: unknown): number {
  const entitled = entitlement(quantity, unlimited);
  const missing = shortfallQuantity(entitled, amountArg("used", used));
  return trueUpCost(missing, amountArg("unitCost", unitCost));
}
