import { z } from "zod/mini";
import { isValidIsoDate } from "./dates";

/**
 * Field builders whose messages name the field as people see it and say how to fix the value. Every check
 * carries its own message, so zod's wording ("Invalid input: expected string…") never reaches a person; a
 * value that is missing altogether says "… is required." whatever type the field wants.
 */

/** zod's error option: "… is required." for a missing value, else the field's own message. */
const requiredOr =
  (label: string, message: string) =>
  (issue: { input?: unknown }): string =>
    issue.input === undefined || issue.input === null ? `${label} is required.` : message;

export const text = (label: string, max = 255) =>
  z
    .string({ error: requiredOr(label, `${label} must be text.`) })
    .check(z.trim(), z.maxLength(max, { error: `${label} must be at most ${max} characters.` }));

export const requiredText = (label: string, max = 255) =>
  text(label, max).check(z.minLength(1, { error: `${label} is required.` }));

export const wholeNumber = (label: string) =>
  z
    .number({ error: requiredOr(label, `${label} must be a number.`) })
    .check(
      z.int({ error: `${label} must be a whole number.` }),
      z.gte(0, { error: `${label} must be 0 or more.` }),
    );

export const amount = (label: string) =>
  z
    .number({ error: requiredOr(label, `${label} must be a number.`) })
    .check(
      z.gte(0, { error: `${label} cannot be negative.` }),
      z.refine(Number.isFinite, { error: `${label} must be a finite number.` }),
    );

export const flag = (label: string) =>
  z.boolean({ error: requiredOr(label, `${label} must be TRUE or FALSE.`) });

export const isoDate = (label: string) =>
  z
    .string({ error: requiredOr(label, `${label} must be a date, such as 31 Mar 2026.`) })
    .check(z.refine(isValidIsoDate, { error: `${label} must be a real date, such as 31 Mar 2026.` }));

export const oneOf = <const T extends readonly [string, ...string[]]>(values: T, label: string) =>
  z.enum(values, { error: requiredOr(label, `${label} must be one of: ${values.join(", ")}.`) });

export const CURRENCY_CODE = /^[A-Z]{3}$/;

export const currencyCode = (label: string) =>
  z
    .pipe(
      z
        .string({
          error: requiredOr(label, `${label} must be a 3-letter currency code such as GBP, EUR or USD.`),
        })
        .check(z.trim()),
      z.transform((value: string) => value.toUpperCase()),
    )
    .check(
      z.refine((value) => CURRENCY_CODE.test(value), {
        error: `${label} must be a 3-letter ISO 4217 code such as GBP, EUR or USD.`,
      }),
    );

const ROW_VERSION_MESSAGE =
  "Row Version is kept by the register and must be a whole number of 0 or more: undo your change to this cell, or enter 0.";

/** Modified and Row Version are kept by the register; a person who changed them is told how to put it right. */
export const recordMeta = {
  modified: z.optional(
    z.string({ error: "Modified is kept by the register: undo your change to this cell, or clear it." }),
  ),
  rowVersion: z._default(
    z
      .number({ error: ROW_VERSION_MESSAGE })
      .check(z.int({ error: ROW_VERSION_MESSAGE }), z.gte(0, { error: ROW_VERSION_MESSAGE })),
    0,
  ),
};
