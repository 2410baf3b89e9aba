import { LICENCE_LABELS } from "../../domain/labels";
import { checkLicenceCrossFields, licenceFieldsSchema, type Licence } from "../../domain/schemas";
import { readAmount, readDate } from "../../domain/typedInput";
import type { NewRecord } from "../../workbook/registerApi";
import { partDateMessage } from "../messages";

/**
 * The licence form's draft: what the user typed, kept as text until it is valid, so "ten" in Quantity stays on
 * screen with a message instead of being lost or written. Pure functions, testable without rendering.
 */

export const TEXT_FIELDS = [
  "softwareId",
  "licenceKey",
  "reviewReason",
  "vendor",
  "purchaseOrder",
  "geographicRestriction",
  "usageRestriction",
  "notes",
  "currency",
  "licenceType",
  "scope",
  "pricingModel",
  "allocationRule",
  "virtualisationRights",
] as const;
export const NUMBER_FIELDS = [
  "quantity",
  "peakConcurrentUse",
  "termMonths",
  "renewalLeadDays",
  "reassignmentMinDays",
  "cost",
  "unitCost",
] as const;
export const DATE_FIELDS = [
  "purchaseDate",
  "invoiceDate",
  "startDate",
  "expiryDate",
  "maintenanceExpiry",
] as const;
export const FLAG_FIELDS = [
  "unlimited",
  "reviewRequired",
  "perpetual",
  "autoRenew",
  "maintenanceIncluded",
  "supportIncluded",
  "reassignable",
  "transferable",
] as const;

export type TextField =
  (typeof TEXT_FIELDS)[number] | (typeof NUMBER_FIELDS)[number] | (typeof DATE_FIELDS)[number];
export type DateField = (typeof DATE_FIELDS)[number];
export type FlagField = (typeof FLAG_FIELDS)[number];
export type DraftField = TextField | FlagField;

export type LicenceDraft = { [K in TextField]: string } & { [K in FlagField]: boolean };
export type FieldErrors = Partial<Record<DraftField, string>>;

const EDITABLE_TEXT: readonly TextField[] = [...TEXT_FIELDS, ...NUMBER_FIELDS, ...DATE_FIELDS];
const NUMBER_SET = new Set<string>(NUMBER_FIELDS);
const DATE_SET = new Set<string>(DATE_FIELDS);
export const ALL_FIELDS: readonly DraftField[] = [...EDITABLE_TEXT, ...FLAG_FIELDS];

/**
 * The fields as the form shows them, top to bottom (General, Licence details, Purchase, Validity, Assignment,
 * Notes), so lists of fields read in the order the user meets them. A component test checks it against the
 * rendered form.
 */
export const FORM_ORDER: readonly DraftField[] = [
  "softwareId",
  "licenceKey",
  "quantity",
  "unlimited",
  "licenceType",
  "scope",
  "reviewRequired",
  "reviewReason",
  "peakConcurrentUse",
  "vendor",
  "purchaseOrder",
  "purchaseDate",
  "invoiceDate",
  "cost",
  "currency",
  "pricingModel",
  "termMonths",
  "unitCost",
  "startDate",
  "expiryDate",
  "perpetual",
  "autoRenew",
  "renewalLeadDays",
  "maintenanceIncluded",
  "supportIncluded",
  "maintenanceExpiry",
  "allocationRule",
  "reassignable",
  "reassignmentMinDays",
  "geographicRestriction",
  "usageRestriction",
  "transferable",
  "virtualisationRights",
  "notes",
];

/** The fields that have an error, in the order the form shows them. */
export function invalidFieldsInFormOrder(errors: FieldErrors): DraftField[] {
  return FORM_ORDER.filter((field) => errors[field] !== undefined);
}

export function isFlagField(field: DraftField): field is FlagField {
  return (FLAG_FIELDS as readonly string[]).includes(field);
}

/** A blank draft with the register's defaults, for "New licence". */
export function emptyDraft(defaults: { softwareId?: string; currency?: string } = {}): LicenceDraft {
  const draft = {} as LicenceDraft;
  for (const field of EDITABLE_TEXT) draft[field] = "";
  for (const field of FLAG_FIELDS) draft[field] = false;
  draft.softwareId = defaults.softwareId ?? "";
  draft.currency = defaults.currency ?? "GBP";
  draft.pricingModel = "One-time";
  draft.virtualisationRights = "Not permitted";
  draft.reassignable = true;
  return draft;
}

export function draftFromLicence(licence: Licence): LicenceDraft {
  const draft = emptyDraft();
  for (const field of EDITABLE_TEXT) {
    const value = licence[field];
    draft[field] = value === undefined || value === null ? "" : String(value);
  }
  for (const field of FLAG_FIELDS) draft[field] = licence[field];
  return draft;
}

/**
 * "£1,200.50", "1,250" and " 12 " are numbers in the UK ("1.200,50 €" in Germany: the domain reads the
 * person's locale); "ten" stays text so the schema says "Quantity must be a number.".
 */
export function parseNumberText(text: string, locale?: string): number | string | undefined {
  return readAmount(text, locale);
}

function rawValue(draft: LicenceDraft, field: DraftField, locale?: string): unknown {
  const value = draft[field];
  if (typeof value === "boolean") return value;
  if (NUMBER_SET.has(field)) return readAmount(value, locale);
  if (DATE_SET.has(field)) return readDate(value, locale);
  const trimmed = value.trim();
  return trimmed === "" ? undefined : trimmed;
}

export interface DraftCheck {
  errors: FieldErrors;
  /** The values that passed their own field's check (invalid fields are left out). */
  values: Partial<Licence>;
}

/**
 * Each field against its own schema, then the rules that tie fields together (only where both fields are
 * themselves valid), then that the software is in the catalogue. Messages are the domain's plain sentences.
 * `partDates` are the date boxes holding part of a date: their text reads as blank, but they are not blank.
 */
export function checkDraft(
  draft: LicenceDraft,
  knownSoftwareIds?: ReadonlySet<string>,
  locale?: string,
  partDates: ReadonlySet<DateField> = new Set(),
): DraftCheck {
  const errors: FieldErrors = {};
  const values: Record<string, unknown> = {};
  const shape = licenceFieldsSchema.shape;
  for (const field of ALL_FIELDS) {
    if (partDates.has(field as DateField)) {
      errors[field] = partDateMessage(LICENCE_LABELS[field]);
      continue;
    }
    const result = shape[field].safeParse(rawValue(draft, field, locale));
    if (result.success) values[field] = result.data;
    else errors[field] = result.error.issues[0]?.message ?? `${LICENCE_LABELS[field]} is not valid.`;
  }
  const crossInput = { ...values, id: "draft", rowVersion: 0 } as Parameters<
    typeof checkLicenceCrossFields
  >[0];
  checkLicenceCrossFields(crossInput, {
    addIssue: ({ path, message }) => {
      const field = path[0] as DraftField;
      if (!errors[field]) errors[field] = message;
    },
  });
  if (!errors.softwareId && knownSoftwareIds && !knownSoftwareIds.has(draft.softwareId.trim())) {
    errors.softwareId = `Pick the ${LICENCE_LABELS.softwareId} from the catalogue list, or use "Add software" to add it.`;
  }
  return { errors, values: values as Partial<Licence> };
}

export function hasErrors(errors: FieldErrors): boolean {
  return Object.keys(errors).length > 0;
}

/** The record to write, from a draft that passed checkDraft with no errors. */
export function licenceFromDraft(values: Partial<Licence>, base: Licence): Licence {
  const record = { ...base } as Record<string, unknown>;
  for (const field of ALL_FIELDS) record[field] = values[field];
  return record as Licence;
}

export function newLicenceFromDraft(values: Partial<Licence>): NewRecord<"licences"> {
  const record: Record<string, unknown> = {};
  for (const field of ALL_FIELDS) record[field] = values[field];
  return record as NewRecord<"licences">;
}

/** Fields whose text differs from the saved record's, ignoring surrounding spaces. */
export function changedFields(draft: LicenceDraft, saved: LicenceDraft): DraftField[] {
  return ALL_FIELDS.filter((field) => {
    const a = draft[field];
    const b = saved[field];
    return typeof a === "string" && typeof b === "string" ? a.trim() !== b.trim() : a !== b;
  });
}
