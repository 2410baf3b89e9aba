import { z } from "zod";
import { isValidIsoDate } from "./dates";

/** Field builders whose messages name the field as people see it and say how to fix the value. */

export const text = (label: string, max = 255) =>
  z
    .string({ error: `${label} must be text.` })
    .trim()
    .max(max, { error: `${label} must be at most ${max} characters.` });

export const requiredText = (label: string, max = 255) =>
  text(label, max).min(1, { error: `${label} is required.` });

export const wholeNumber = (label: string) =>
  z
    .number({ error: `${label} must be a number.` })
    .int({ error: `${label} must be a whole number.` })
    .min(0, { error: `${label} must be 0 or more.` });

export const amount = (label: string) =>
  z
    .number({ error: `${label} must be a number.` })
    .min(0, { error: `${label} cannot be negative.` })
    .refine(Number.isFinite, { error: `${label} must be a finite number.` });

export const flag = (label: string) => z.boolean({ error: `${label} must be TRUE or FALSE.` });

export const isoDate = (label: string) =>
  z
    .string({ error: `${label} must be a date.` })
    .refine(isValidIsoDate, { error: `${label} must be a real date (for example 2026-03-31).` });

export const oneOf = <const T extends readonly [string, ...string[]]>(values: T, label: string) =>
  z.enum(values, { error: `${label} must be one of: ${values.join(", ")}.` });

export const currencyCode = (label: string) =>
  z
    .string({ error: `${label} must be text.` })
    .trim()
    .transform((value) => value.toUpperCase())
    .refine((value) => /^[A-Z]{3}$/.test(value), {
      error: `${label} must be a 3-letter ISO 4217 code such as GBP, EUR or USD.`,
    });

export const recordMeta = {
  modified: z.string().optional(),
  rowVersion: z.number().int().min(0).default(0),
};
