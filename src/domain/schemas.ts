import { z } from "zod";
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
const display = (field: keyof typeof D) => text(D[field], 600).optional();

/** A software catalogue entry: what licences and installations refer to. */
export const softwareSchema = z.object({
  id: requiredText(SW.id, 40),
  name: requiredText(SW.name, 200),
  publisher: text(SW.publisher, 200).optional(),
  version: text(SW.version, 60).optional(),
  category: text(SW.category, 100).optional(),
  /** Other titles inventory tools give this product, one a line ("Microsoft 365 Apps for enterprise - en-us"). */
  aliases: text(SW.aliases, 4000).optional(),
  notes: text(SW.notes, 2000).optional(),
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
  licenceKey: text(L.licenceKey, 500).optional(),
  quantity: wholeNumber(L.quantity).optional(),
  unlimited: flag(L.unlimited).default(false),
  // Licence details
  licenceType: oneOf(LICENCE_TYPES, L.licenceType),
  scope: oneOf(SCOPES, L.scope),
  reviewRequired: flag(L.reviewRequired).default(false),
  reviewReason: text(L.reviewReason, 500).optional(),
  peakConcurrentUse: wholeNumber(L.peakConcurrentUse).optional(),
  // Purchase
  vendor: text(L.vendor, 200).optional(),
  purchaseOrder: text(L.purchaseOrder, 100).optional(),
  purchaseDate: isoDate(L.purchaseDate).optional(),
  invoiceDate: isoDate(L.invoiceDate).optional(),
  cost: amount(L.cost).optional(),
  currency: currencyCode(L.currency).default("GBP"),
  pricingModel: oneOf(PRICING_MODELS, L.pricingModel).default(DEFAULT_PRICING_MODEL),
  termMonths: wholeNumber(L.termMonths)
    .min(1, { error: `${L.termMonths} must be at least 1.` })
    .optional(),
  unitCost: amount(L.unitCost).optional(),
  // Validity
  startDate: isoDate(L.startDate).optional(),
  expiryDate: isoDate(L.expiryDate).optional(),
  perpetual: flag(L.perpetual).default(false),
  autoRenew: flag(L.autoRenew).default(false),
  renewalLeadDays: wholeNumber(L.renewalLeadDays).optional(),
  maintenanceIncluded: flag(L.maintenanceIncluded).default(false),
  supportIncluded: flag(L.supportIncluded).default(false),
  maintenanceExpiry: isoDate(L.maintenanceExpiry).optional(),
  // Assignment
  allocationRule: oneOf(ALLOCATION_RULES, L.allocationRule),
  reassignable: flag(L.reassignable).default(true),
  reassignmentMinDays: wholeNumber(L.reassignmentMinDays).optional(),
  geographicRestriction: text(L.geographicRestriction, 200).optional(),
  usageRestriction: text(L.usageRestriction, 200).optional(),
  transferable: flag(L.transferable).default(false),
  virtualisationRights: oneOf(VIRTUALISATION_RIGHTS, L.virtualisationRights).default("Not permitted"),
  notes: text(L.notes, 2000).optional(),
  dropdownEntry: display("dropdownEntry"),
  ...recordMeta,
});

type LicenceFields = z.infer<typeof licenceFieldsSchema>;
type RuleContext = {
  addIssue: (issue: { code: "custom"; path: (keyof LicenceFields)[]; message: string }) => void;
};

/** Rules that tie one licence's fields together; each message names the field to change. */
export function checkLicenceCrossFields(licence: LicenceFields, ctx: RuleContext): void {
  const issue = (field: keyof LicenceFields, message: string) =>
    ctx.addIssue({ code: "custom", path: [field], message });
  if (!licence.unlimited && licence.quantity === undefined) {
    issue(
      "quantity",
      `${L.quantity} is required unless the licence is ${L.unlimited}: enter a whole number of 0 or more.`,
    );
  }
  if (licence.perpetual && licence.expiryDate !== undefined) {
    issue(
      "expiryDate",
      `A ${L.perpetual} licence has no ${L.expiryDate}: clear the date or untick ${L.perpetual}.`,
    );
  }
  if (licence.startDate && licence.expiryDate && licence.expiryDate <= licence.startDate) {
    issue(
      "expiryDate",
      `${L.expiryDate} must be after the ${L.startDate} (${displayDate(licence.startDate)}).`,
    );
  }
  if (licence.pricingModel === "Multi-year" && licence.termMonths === undefined) {
    issue(
      "termMonths",
      `${L.termMonths} is required for Multi-year pricing: enter the length of the term in months.`,
    );
  }
  if (licence.reviewRequired && !licence.reviewReason) {
    issue("reviewReason", `Say why the licence needs review in ${L.reviewReason}.`);
  }
}

export const licenceSchema = licenceFieldsSchema.superRefine(checkLicenceCrossFields);
export type Licence = z.infer<typeof licenceSchema>;
/** What a form or an import provides before the register assigns the ID and metadata. */
export type LicenceInput = z.input<typeof licenceSchema>;

/** Every stored field of an allocation; allocationSchema adds the rule tying its dates together. */
export const allocationFieldsSchema = z.object({
  id: requiredText(A.id, 40),
  licenceId: requiredText(A.licenceId, 40),
  licenceLabel: display("licenceLabel"),
  user: requiredText(A.user, 200),
  department: text(A.department, 200).optional(),
  allocatedOn: isoDate(A.allocatedOn).optional(),
  revokedOn: isoDate(A.revokedOn).optional(),
  notes: text(A.notes, 2000).optional(),
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
      message: `${A.revokedOn} cannot be before ${A.allocatedOn} (${displayDate(allocation.allocatedOn)}).`,
    });
  }
}

/** A user's allocation of a licence; active while it has no Revoked On date (or one in the future). */
export const allocationSchema = allocationFieldsSchema.superRefine(checkAllocationCrossFields);
export type Allocation = z.infer<typeof allocationSchema>;

/** Software installed on a device; linked to the licence it consumes when known. */
export const installationSchema = z.object({
  id: requiredText(I.id, 40),
  softwareId: requiredText(I.softwareId, 40),
  softwareName: display("softwareName"),
  licenceId: text(I.licenceId, 40).optional(),
  licenceLabel: display("licenceLabel"),
  device: requiredText(I.device, 200),
  user: text(I.user, 200).optional(),
  version: text(I.version, 60).optional(),
  installedOn: isoDate(I.installedOn).optional(),
  source: oneOf(INSTALLATION_SOURCES, I.source).default("Manual"),
  notes: text(I.notes, 2000).optional(),
  ...recordMeta,
});
export type Installation = z.infer<typeof installationSchema>;

const THRESHOLD_RANGE = `${S.underUseThreshold} must be more than 0 and at most 1, such as 0.8 for 80%.`;

/** Exchange rates by currency code: codes are 3-letter ISO 4217 codes (upper-cased), rates above 0. */
const exchangeRates = z
  .record(z.string(), z.unknown(), { error: `${S.exchangeRates} must be a list of currencies and rates.` })
  .transform((rates, ctx) => {
    const valid: Record<string, number> = {};
    for (const [code, rate] of Object.entries(rates)) {
      const currency = code.trim().toUpperCase();
      if (!CURRENCY_CODE.test(currency)) {
        ctx.addIssue({
          code: "custom",
          path: [code],
          message: `"${code}" is not a currency code: each exchange rate needs a 3-letter ISO 4217 code such as USD or EUR.`,
        });
      } else if (typeof rate !== "number" || !Number.isFinite(rate) || rate <= 0) {
        ctx.addIssue({
          code: "custom",
          path: [code],
          message: `The exchange rate for ${currency} must be a number greater than 0.`,
        });
      } else valid[currency] = rate;
    }
    return valid;
  });

/** Register-wide settings, kept in a small table so co-authors' edits merge cell by cell. */
export const settingsSchema = z.object({
  reportingCurrency: currencyCode(S.reportingCurrency).default("GBP"),
  /**
   * Above 0: a blank cell reaches LICENSE.COMPLIANCE as 0 in Excel on Windows, so 0 there means the default,
   * and a register threshold of 0 could not be re-performed with the function.
   */
  underUseThreshold: z
    .number({ error: `${S.underUseThreshold} must be a number, such as 0.8 for 80%.` })
    .gt(0, { error: THRESHOLD_RANGE })
    .max(1, { error: THRESHOLD_RANGE })
    .default(0.8),
  /** At least 1, for the same reason: a notice period of 0 reads as blank, so as the default. */
  defaultRenewalLeadDays: wholeNumber(S.defaultRenewalLeadDays)
    .min(1, { error: `${S.defaultRenewalLeadDays} must be at least 1.` })
    .default(30),
  expiringSoonDays: wholeNumber(S.expiringSoonDays).default(30),
  /** Units of the reporting currency per unit of each other currency, e.g. { USD: 0.79 } when reporting in GBP. */
  exchangeRates: exchangeRates.default({}),
});
export type Settings = z.infer<typeof settingsSchema>;
export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});
