import { PRICING_MODELS, type PricingModel } from "./lists";
import { matchKey } from "./keys";

const PAYMENTS_PER_YEAR: Partial<Record<PricingModel, number>> = {
  Monthly: 12,
  Quarterly: 4,
  "Semi-annual": 2,
  Annual: 1,
};

const MODELS_BY_KEY = new Map<string, PricingModel>(PRICING_MODELS.map((model) => [matchKey(model), model]));

/** The pricing model named by text, ignoring case and surrounding spaces; undefined when it is not one. */
export function parsePricingModel(text: string): PricingModel | undefined {
  return MODELS_BY_KEY.get(matchKey(text));
}

/** Multi-year cost cannot be spread over years without the length of the term. */
export function termRequired(model: PricingModel): boolean {
  return model === "Multi-year";
}

/**
 * Cost per year. Periodic models multiply by payments a year (termMonths ignored); Multi-year and One-time
 * spread the cost over the term (cost × 12 / termMonths). A One-time cost with no term is a sunk purchase,
 * so it costs nothing a year; Multi-year without a term cannot be annualised and also gives 0
 * (the licence schema requires the term, so that only happens with unchecked data).
 */
export function annualCost(cost: number, model: PricingModel, termMonths?: number): number {
  const perYear = PAYMENTS_PER_YEAR[model];
  if (perYear !== undefined) return cost * perYear;
  if (termMonths === undefined || termMonths <= 0) return 0;
  return (cost * 12) / termMonths;
}

/** The licence's recorded unit cost, else its annual cost per licence purchased, else 0. */
export function unitCost(
  recordedUnitCost: number | undefined,
  annual: number,
  quantity: number | undefined,
): number {
  if (recordedUnitCost !== undefined) return recordedUnitCost;
  if (quantity !== undefined && quantity > 0) return annual / quantity;
  return 0;
}

/** What buying the missing licences would cost. */
export function trueUpCost(shortfall: number, unit: number): number {
  return shortfall * unit;
}

/** What the licences bought but not used cost; 0 when unlimited (available is null). */
export function unusedCost(available: number | null, unit: number): number {
  return available === null ? 0 : available * unit;
}

/**
 * Units of the reporting currency per unit of `currency`: 1 for the reporting currency itself, else the rate in
 * Settings.exchangeRates, else null, so a missing rate is never mistaken for 1.
 */
export function reportingRate(
  currency: string,
  reportingCurrency: string,
  rates: Readonly<Record<string, number>>,
): number | null {
  if (currency === reportingCurrency) return 1;
  const from = currency.trim().toUpperCase();
  if (from === reportingCurrency.trim().toUpperCase()) return 1;
  return rates[from] ?? rates[currency] ?? null;
}

/** An amount in the reporting currency; null when no rate is known. */
export function toReportingCurrency(
  amount: number,
  currency: string,
  reportingCurrency: string,
  rates: Readonly<Record<string, number>>,
): number | null {
  const rate = reportingRate(currency, reportingCurrency, rates);
  return rate === null ? null : amount * rate;
}
