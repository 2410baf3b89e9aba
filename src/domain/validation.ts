import type { z } from "zod/mini";
import { requiredMessage } from "./fieldSchemas";
import { matchKey } from "./keys";
import {
  ALLOCATION_LABELS,
  INSTALLATION_LABELS,
  LICENCE_LABELS,
  SETTINGS_LABELS,
  SOFTWARE_LABELS,
} from "./labels";
import {
  allocationSchema,
  installationSchema,
  licenceSchema,
  settingsSchema,
  softwareSchema,
  type Allocation,
  type Installation,
  type Licence,
  type Settings,
  type Software,
} from "./schemas";

/** Plain-English messages keyed by field name ("softwareId"); "record" for problems with no one field. */
export type FieldErrors = Record<string, string>;
export type Validated<T> = { ok: true; value: T } | { ok: false; fieldErrors: FieldErrors };

const RECORD_FIELD = "record";

function toValidated<T>(
  result: z.util.SafeParseResult<T>,
  input: unknown,
  labels: Readonly<Record<string, string>>,
): Validated<T> {
  if (result.success) return { ok: true, value: result.data };
  const fieldErrors: FieldErrors = {};
  const given = typeof input === "object" && input !== null ? (input as Record<string, unknown>) : {};
  for (const issue of result.error.issues) {
    const field = issue.path.length > 0 ? String(issue.path[0]) : RECORD_FIELD;
    if (field in fieldErrors) continue; // the first message per field is the one to fix first
    const missing = issue.code === "invalid_type" && field in labels && given[field] === undefined;
    fieldErrors[field] = missing ? requiredMessage(labels[field]) : issue.message;
  }
  return { ok: false, fieldErrors };
}

/** Whether the set holds the ID, matched as references are (trimmed, case-insensitive). */
export function hasId(ids: ReadonlySet<string>, id: string): boolean {
  if (ids.has(id)) return true;
  const wanted = matchKey(id);
  for (const candidate of ids) if (matchKey(candidate) === wanted) return true;
  return false;
}

function checkReference<T>(
  validated: Validated<T>,
  field: string,
  id: string | undefined,
  ids: ReadonlySet<string> | undefined,
  message: string,
): Validated<T> {
  if (ids === undefined || id === undefined || id.trim() === "" || hasId(ids, id)) return validated;
  if (!validated.ok) {
    if (field in validated.fieldErrors) return validated;
    return { ok: false, fieldErrors: { ...validated.fieldErrors, [field]: message } };
  }
  return { ok: false, fieldErrors: { [field]: message } };
}

const idOf = (input: unknown, field: string): string | undefined => {
  const value =
    typeof input === "object" && input !== null ? (input as Record<string, unknown>)[field] : undefined;
  return typeof value === "string" ? value : undefined;
};

export function validateSoftware(input: unknown): Validated<Software> {
  return toValidated(softwareSchema.safeParse(input), input, SOFTWARE_LABELS);
}

/** A licence's fields and cross-field rules, and that it names a software in the catalogue. */
export function validateLicence(input: unknown, softwareIds: ReadonlySet<string>): Validated<Licence> {
  const softwareId = idOf(input, "softwareId");
  return checkReference(
    toValidated(licenceSchema.safeParse(input), input, LICENCE_LABELS),
    "softwareId",
    softwareId,
    softwareIds,
    `${LICENCE_LABELS.softwareId} "${softwareId?.trim()}" is not in the software catalogue: choose a product from the catalogue, or add it there first.`,
  );
}

/** An allocation's fields, and (when licence IDs are given) that it names a licence in the register. */
export function validateAllocation(input: unknown, licenceIds?: ReadonlySet<string>): Validated<Allocation> {
  const licenceId = idOf(input, "licenceId");
  return checkReference(
    toValidated(allocationSchema.safeParse(input), input, ALLOCATION_LABELS),
    "licenceId",
    licenceId,
    licenceIds,
    `${ALLOCATION_LABELS.licenceId} "${licenceId?.trim()}" is not a licence in the register: choose an existing licence.`,
  );
}

/**
 * An installation's fields, and (when the ID sets are given) that its software is in the catalogue and its
 * licence, if it names one, is in the register.
 */
export function validateInstallation(
  input: unknown,
  softwareIds?: ReadonlySet<string>,
  licenceIds?: ReadonlySet<string>,
): Validated<Installation> {
  const softwareId = idOf(input, "softwareId");
  const licenceId = idOf(input, "licenceId");
  const fields = toValidated(installationSchema.safeParse(input), input, INSTALLATION_LABELS);
  const withSoftware = checkReference(
    fields,
    "softwareId",
    softwareId,
    softwareIds,
    `${INSTALLATION_LABELS.softwareId} "${softwareId?.trim()}" is not in the software catalogue: choose a product from the catalogue, or add it there first.`,
  );
  return checkReference(
    withSoftware,
    "licenceId",
    licenceId,
    licenceIds,
    `${INSTALLATION_LABELS.licenceId} "${licenceId?.trim()}" is not a licence in the register: choose an existing licence or leave it blank.`,
  );
}

export function validateSettings(input: unknown): Validated<Settings> {
  return toValidated(settingsSchema.safeParse(input), input, SETTINGS_LABELS);
}
