import { z } from "zod/mini";
import { isValidIsoDate } from "./dates";
import { joinOr } from "./wording";

/**
 * Field builders whose messages name the field as people see it and say how to fix the value. Every check
 * carries its own message, so zod's wording ("Invalid input: expected string…") never reaches a person; a
 * value that is missing altogether says "… is required: …" whatever type the field wants. Each message is the
 * problem, a colon, and the one thing to do about it, so it reads the same under a form field, in an import
 * report and in the sheet's data checks.
 */

/** What a person is told when a field they must fill in is blank. */
export const requiredMessage = (label: string): string => `${label} is required: fill it in.`;

/** zod's error option: the required message for a missing value, else the field's own message. */
const requiredOr =
  (label: string, message: string, required = requiredMessage(label)) =>
  (issue: { input?: unknown }): string =>
    issue.input === undefined || issue.input === null ? required : message;

export const text = (label: string, max = 255) =>
  z
    .string({ error: requiredOr(label, `${label} must be text: type it again as plain text.`) })
    .check(z.trim(), z.maxLength(max, { error: `${label} must be at most ${max} characters: shorten it.` }));

export const requiredText = (label: string, max = 255) =>
  text(label, max).check(z.minLength(1, { error: requiredMessage(label) }));

export const wholeNumber = (label: string) =>
  z
    .number({ error: requiredOr(label, `${label} must be a number: type it in figures, such as 25.`) })
    .check(
      z.int({ error: `${label} must be a whole number: enter it without decimals, such as 25.` }),
      z.gte(0, { error: `${label} must be 0 or more: remove the minus sign.` }),
    );

export const amount = (label: string) =>
  z
    .number({ error: requiredOr(label, `${label} must be a number: type it in figures, such as 1,200.50.`) })
    .check(
      z.gte(0, { error: `${label} cannot be negative: enter the amount without a minus sign.` }),
      z.refine(Number.isFinite, {
        error: `${label} must be an ordinary amount: type it in figures, such as 1,200.50.`,
      }),
    );

export const flag = (label: string) =>
  z.boolean({
    error: requiredOr(label, `${label} must be TRUE or FALSE: enter one of the two, or clear the cell.`),
  });

export const isoDate = (label: string) =>
  z
    .string({
      error: requiredOr(label, `${label} must be a date: enter one such as 31 Mar 2026, or clear it.`),
    })
    .check(
      z.refine(isValidIsoDate, {
        error: `${label} is not a real date: enter one such as 31 Mar 2026, or clear it.`,
      }),
    );

export const oneOf = <const T extends readonly [string, ...string[]]>(values: T, label: string) =>
  z.enum(values, {
    error: requiredOr(
      label,
      `${label} is not one of its choices: choose ${joinOr(values)}.`,
      `${label} is required: choose ${joinOr(values)}.`,
    ),
  });

export const CURRENCY_CODE = /^[A-Z]{3}$/;

const currencyMessage = (label: string) =>
  `${label} must be a 3-letter currency code: enter one such as GBP, EUR or USD.`;

export const currencyCode = (label: string) =>
  z
    .pipe(
      z
        .string({
          error: requiredOr(label, currencyMessage(label)),
        })
        .check(z.trim()),
      z.transform((value: string) => value.toUpperCase()),
    )
    .check(
      z.refine((value) => CURRENCY_CODE.test(value), {
        error: currencyMessage(label),
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
