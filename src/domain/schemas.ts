import { z } from "zod/mini";
import { displayDate } from "./dates";
import {
  amount,
  CURRENCY_CODE,
  currencyCode,
  flag,
  isoDate,
  oneOf,
  recordMeta,
  requiredText,
  text,
  wholeNumber,
} from "./fieldSchemas";
import {
  ALLOCATION_LABELS as A,
  INSTALLATION_LABELS as I,
  LICENCE_LABELS as L,
  DISPLAY_LABELS as D,
  SETTINGS_LABELS as S,
  SOFTWARE_LABELS as SW,
} from "./labels";
import {
  ALLOCATION_RULES,
  DEFAULT_PRICING_MODEL,
  INSTALLATION_SOURCES,
  LICENCE_TYPES,
  PRICING_MODELS,
  SCOPES,
  VIRTUALISATION_RIGHTS,
} from "./lists";

/** A display field (a name the add-in shows beside a link; see references.ts): any text, never required. */
const display = (field: keyof typeof D) => z.optional(text(D[field], 600));

/** A software catalogue entry: what licences and installations refer to. */
export const softwareSchema = z.object({
  id: requiredText(SW.id, 40),
  name: requiredText(SW.name, 200),
  publisher: z.optional(text(SW.publisher, 200)),
  version: z.optional(text(SW.version, 60)),
  category: z.optional(text(SW.category, 100)),
  /** Other titles inventory tools give this product, one a line ("Microsoft 365 Apps for enterprise - en-us"). */
  aliases: z.optional(text(SW.aliases, 4000)),
  notes: z.optional(text(SW.notes, 2000)),
  dropdownEntry: display("dropdownEntry"),
  ...recordMeta,
});
export type Software = z.infer<typeof softwareSchema>;

/**
 * Every stored field of a licence, panel by panel as the article lays them out.
 * Used Quantity, Available Quantity and Compliance Status are computed, so they are not stored here.
 */
export const licenceFieldsSchema = z.object({
  // General
  id: requiredText(L.id, 40),
  softwareId: requiredText(L.softwareId, 40),
  softwareName: display("softwareName"),
  licenceKey: z.optional(text(L.licenceKey, 500)),
  quantity: z.optional(wholeNumber(L.quantity)),
  unlimited: z._default(flag(L.unlimited), false),
  // Licence details
  licenceType: oneOf(LICENCE_TYPES, L.licenceType),
  scope: oneOf(SCOPES, L.scope),
  reviewRequired: z._default(flag(L.reviewRequired), false),
  reviewReason: z.optional(text(L.reviewReason, 500)),
  peakConcurrentUse: z.optional(wholeNumber(L.peakConcurrentUse)),
  // Purchase
  vendor: z.optional(text(L.vendor, 200)),
  purchaseOrder: z.optional(text(L.purchaseOrder, 100)),
  purchaseDate: z.optional(isoDate(L.purchaseDate)),
  invoiceDate: z.optional(isoDate(L.invoiceDate)),
  cost: z.optional(amount(L.cost)),
  currency: z._default(currencyCode(L.currency), "GBP"),
  pricingModel: z._default(oneOf(PRICING_MODELS, L.pricingModel), DEFAULT_PRICING_MODEL),
  termMonths: z.optional(
    wholeNumber(L.termMonths).check(
      z.gte(1, { error: `${L.termMonths} must be at least 1: enter the length of the term in months.` }),
    ),
  ),
  unitCost: z.optional(amount(L.unitCost)),
  // Validity
  startDate: z.optional(isoDate(L.startDate)),
  expiryDate: z.optional(isoDate(L.expiryDate)),
  perpetual: z._default(flag(L.perpetual), false),
  autoRenew: z._default(flag(L.autoRenew), false),
  renewalLeadDays: z.optional(wholeNumber(L.renewalLeadDays)),
  maintenanceIncluded: z._default(flag(L.maintenanceIncluded), false),
  supportIncluded: z._default(flag(L.supportIncluded), false),
  maintenanceExpiry: z.optional(isoDate(L.maintenanceExpiry)),
  // Assignment
  allocationRule: oneOf(ALLOCATION_RULES, L.allocationRule),
  reassignable: z._default(flag(L.reassignable), true),
  reassignmentMinDays: z.optional(wholeNumber(L.reassignmentMinDays)),
  geographicRestriction: z.optional(text(L.geographicRestriction, 200)),
  usageRestriction: z.optional(text(L.usageRestriction, 200)),
  transferable: z._default(flag(L.transferable), false),
  virtualisationRights: z._default(oneOf(VIRTUALISATION_RIGHTS, L.virtualisationRights), "Not permitted"),
  notes: z.optional(text(L.notes, 2000)),
  dropdownEntry: display("dropdownEntry"),
  ...recordMeta,
});

type LicenceFields = z.infer<typeof licenceFieldsSchema>;
type RuleContext = {
  addIssue: (issue: { code: "custom"; path: (keyof LicenceFields)[]; message: string }) => void;
};

function licenceIssue(ctx: RuleContext, field: keyof LicenceFields, message: string): void {
  ctx.addIssue({ code: "custom", path: [field], message });
}

/**
 * Rules that tie one licence's fields together; each message names the field to change. Run on every row a load
 * reads, so it makes nothing (no closure) for a row that passes.
 */
export function checkLicenceCrossFields(licence: LicenceFields, ctx: RuleContext): void {
  if (!licence.unlimited && licence.quantity === undefined) {
    licenceIssue(
      ctx,
      "quantity",
      `${L.quantity} is required unless the licence is ${L.unlimited}: enter a whole number of 0 or more.`,
    );
  }
  if (licence.perpetual && licence.expiryDate !== undefined) {
    licenceIssue(
      ctx,
      "expiryDate",
      `A ${L.perpetual} licence has no ${L.expiryDate}: clear the date or untick ${L.perpetual}.`,
    );
  }
  if (licence.startDate && licence.expiryDate && licence.expiryDate <= licence.startDate) {
    licenceIssue(
      ctx,
      "expiryDate",
      `${L.expiryDate} must be after the ${L.startDate} (${displayDate(licence.startDate)}): correct whichever date is wrong.`,
    );
  }
  if (licence.pricingModel === "Multi-year" && licence.termMonths === undefined) {
    licenceIssue(
      ctx,
      "termMonths",
      `${L.termMonths} is required for Multi-year pricing: enter the length of the term in months.`,
    );
  }
  if (licence.reviewRequired && !licence.reviewReason) {
    licenceIssue(ctx, "reviewReason", `Say why the licence needs review in ${L.reviewReason}.`);
  }
}

export const licenceSchema = licenceFieldsSchema.check(z.superRefine(checkLicenceCrossFields));
export type Licence = z.infer<typeof licenceSchema>;
/** What a form or an import provides before the register assigns the ID and metadata. */
export type LicenceInput = z.input<typeof licenceSchema>;

/** Every stored field of an allocation; allocationSchema adds the rule tying its dates together. */
export const allocationFieldsSchema = z.object({
  id: requiredText(A.id, 40),
  licenceId: requiredText(A.licenceId, 40),
  licenceLabel: display("licenceLabel"),
  user: requiredText(A.user, 200),
  department: z.optional(text(A.department, 200)),
  allocatedOn: z.optional(isoDate(A.allocatedOn)),
  revokedOn: z.optional(isoDate(A.revokedOn)),
  notes: z.optional(text(A.notes, 2000)),
  ...recordMeta,
});

type AllocationFields = z.infer<typeof allocationFieldsSchema>;

/** The rule that ties one allocation's fields together. */
export function checkAllocationCrossFields(
  allocation: AllocationFields,
  ctx: { addIssue: (issue: { code: "custom"; path: (keyof AllocationFields)[]; message: string }) => void },
): void {
  if (allocation.allocatedOn && allocation.revokedOn && allocation.revokedOn < allocation.allocatedOn) {
    ctx.addIssue({
      code: "custom",
      path: ["revokedOn"],
      message: `${A.revokedOn} cannot be before ${A.allocatedOn} (${displayDate(allocation.allocatedOn)}): correct whichever date is wrong.`,
    });
  }
}

/** A user's allocation of a licence; active while it has no Revoked On date (or one in the future). */
export const allocationSchema = allocationFieldsSchema.check(z.superRefine(checkAllocationCrossFields));
export type Allocation = z.infer<typeof allocationSchema>;

/** Software installed on a device; linked to the licence it consumes when known. */
export const installationSchema = z.object({
  id: requiredText(I.id, 40),
  softwareId: requiredText(I.softwareId, 40),
  softwareName: display("softwareName"),
  licenceId: z.optional(text(I.licenceId, 40)),
  licenceLabel: display("licenceLabel"),
  device: requiredText(I.device, 200),
  user: z.optional(text(I.user, 200)),
  version: z.optional(text(I.version, 60)),
  installedOn: z.optional(isoDate(I.installedOn)),
  source: z._default(oneOf(INSTALLATION_SOURCES, I.source), "Manual"),
  notes: z.optional(text(I.notes, 2000)),
  ...recordMeta,
});
export type Installation = z.infer<typeof installationSchema>;

const THRESHOLD_RANGE = `${S.underUseThreshold} must be more than 0% and at most 100%: enter a percentage such as 80%.`;

export type ExchangeRateReading =
  { problem?: undefined; currency: string; rate: number } | { problem: "code" | "rate"; currency: string };

/**
 * An exchange rate is a 3-letter ISO 4217 code (trimmed, upper-cased) and a number above 0; anything else is
 * not a rate, and says which of the two is wrong. The pane's settings and the Exchange Rates table's rows are
 * read by this one rule.
 */
export function readExchangeRate(code: string, rate: unknown): ExchangeRateReading {
  const currency = code.trim().toUpperCase();
  if (!CURRENCY_CODE.test(currency)) return { problem: "code", currency };
  if (typeof rate !== "number" || !Number.isFinite(rate) || rate <= 0) return { problem: "rate", currency };
  return { currency, rate };
}

/** Each entry of an exchange-rate list as a 3-letter ISO 4217 code (upper-cased) and a rate above 0. */
function readRates(rates: Record<string, unknown>) {
  const valid: Record<string, number> = {};
  const problems: { code: string; message: string }[] = [];
  for (const [code, rate] of Object.entries(rates)) {
    const read = readExchangeRate(code, rate);
    if (read.problem === undefined) valid[read.currency] = read.rate;
    else if (read.problem === "code") {
      problems.push({
        code,
        message: `"${code}" is not a currency code: enter a 3-letter code such as USD or EUR for each exchange rate.`,
      });
    } else {
      problems.push({
        code,
        message: `The exchange rate for ${read.currency} must be a number greater than 0: enter what 1 ${read.currency} is worth in the ${S.reportingCurrency}.`,
      });
    }
  }
  return { valid, problems };
}

/** Exchange rates by currency code: codes are 3-letter ISO 4217 codes (upper-cased), rates above 0. */
const exchangeRates = z.pipe(
  z
    .record(z.string(), z.unknown(), {
      error: `${S.exchangeRates} must be a list of currencies and rates: give each currency code its rate.`,
    })
    .check(
      z.superRefine((rates, ctx) => {
        for (const { code, message } of readRates(rates).problems)
          ctx.addIssue({ code: "custom", path: [code], message });
      }),
    ),
  z.transform((rates: Record<string, unknown>) => readRates(rates).valid),
);

/** Register-wide settings, kept in a small table so co-authors' edits merge cell by cell. */
export const settingsSchema = z.object({
  reportingCurrency: z._default(currencyCode(S.reportingCurrency), "GBP"),
  /**
   * Above 0: a blank cell reaches LICENSE.COMPLIANCE as 0 in Excel on Windows, so 0 there means the default,
   * and a register threshold of 0 could not be re-performed with the function.
   */
  underUseThreshold: z._default(
    z
      .number({ error: `${S.underUseThreshold} must be a number: enter a percentage such as 80%.` })
      .check(z.gt(0, { error: THRESHOLD_RANGE }), z.lte(1, { error: THRESHOLD_RANGE })),
    0.8,
  ),
  /** At least 1, for the same reason: a notice period of 0 reads as blank, so as the default. */
  defaultRenewalLeadDays: z._default(
    wholeNumber(S.defaultRenewalLeadDays).check(
      z.gte(1, {
        error: `${S.defaultRenewalLeadDays} must be at least 1: enter the days of notice you want, such as 30.`,
      }),
    ),
    30,
  ),
  expiringSoonDays: z._default(wholeNumber(S.expiringSoonDays), 30),
  /** Units of the reporting currency per unit of each other currency, e.g. { USD: 0.79 } when reporting in GBP. */
  exchangeRates: z._default(exchangeRates, {}),
});
export type Settings = z.infer<typeof settingsSchema>;
export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});
