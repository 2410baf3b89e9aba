import { SETTINGS_LABELS as S } from "../../domain/labels";
import { readExchangeRate, settingsSchema, type Settings } from "../../domain/schemas";
import { readAmount } from "../../domain/typedInput";

/** One line of the exchange-rate list as typed; `key` keeps React's rows apart while a code is retyped. */
export interface RateRow {
  key: number;
  currency: string;
  rate: string;
}

/** The settings the form edits, as the person types them (the threshold as a percentage: "80" for 0.8). */
export interface SettingsDraft {
  reportingCurrency: string;
  underUseThreshold: string;
  defaultRenewalLeadDays: string;
  expiringSoonDays: string;
  exchangeRates: RateRow[];
}

export type ScalarDraftField =
  "reportingCurrency" | "underUseThreshold" | "defaultRenewalLeadDays" | "expiringSoonDays";
export const SCALAR_FIELDS: readonly ScalarDraftField[] = [
  "reportingCurrency",
  "underUseThreshold",
  "defaultRenewalLeadDays",
  "expiringSoonDays",
];

/** A message per field; a rate row's under `rate:<key>`, a problem with the list as a whole under `exchangeRates`. */
export type SettingsErrors = Partial<Record<string, string>>;

export const rateErrorKey = (row: RateRow) => `rate:${row.key}`;

let nextKey = 0;
const newKey = () => ++nextKey;

/** 0.8 as "80": the percentage the Settings sheet shows (its cell is formatted as a percentage). */
export function percentText(fraction: number): string {
  return String(+(fraction * 100).toFixed(4));
}

export const emptyRateRow = (): RateRow => ({ key: newKey(), currency: "", rate: "" });

export function draftFromSettings(settings: Settings): SettingsDraft {
  return {
    reportingCurrency: settings.reportingCurrency,
    underUseThreshold: percentText(settings.underUseThreshold),
    defaultRenewalLeadDays: String(settings.defaultRenewalLeadDays),
    expiringSoonDays: String(settings.expiringSoonDays),
    exchangeRates: Object.entries(settings.exchangeRates).map(([currency, rate]) => ({
      key: newKey(),
      currency,
      rate: String(rate),
    })),
  };
}

const codeOf = (row: RateRow) => row.currency.trim().toUpperCase();
const isBlank = (row: RateRow) => row.currency.trim() === "" && row.rate.trim() === "";

/** Each currency's rate as typed (the first row of a currency listed twice); blank rows are no rate at all. */
function typedRates(draft: SettingsDraft): Map<string, string> {
  const rates = new Map<string, string>();
  for (const row of draft.exchangeRates)
    if (!isBlank(row) && !rates.has(codeOf(row))) rates.set(codeOf(row), row.rate.trim());
  return rates;
}

/** What the person changed from the settings they loaded: fields by name, currencies by code. */
export function changesFrom(draft: SettingsDraft, base: Settings) {
  const seen = draftFromSettings(base);
  const fields = SCALAR_FIELDS.filter((field) => draft[field].trim() !== seen[field]);
  const mine = typedRates(draft);
  const theirs = typedRates(seen);
  const currencies = [...new Set([...mine.keys(), ...theirs.keys()])].filter(
    (code) => mine.get(code) !== theirs.get(code),
  );
  const rows = draft.exchangeRates.filter((row) => !isBlank(row)).length;
  // a currency typed twice reads as one: the list still differs from what was loaded
  const listChanged = currencies.length > 0 || rows !== mine.size;
  return { fields, currencies, isDirty: fields.length > 0 || listChanged };
}

/**
 * The form after the settings changed under it (`current`): each field and currency the person has not changed
 * shows the new value, and each one they changed keeps what they typed. `rebase` (after a conflict: `current` is
 * the register's settings now) takes `current` as the base for everything, so saving again writes the person's
 * values; otherwise (a co-author's change arriving) the base moves only where the person changed nothing, so a
 * value both changed is still a conflict when they save.
 */
export function followSettings(
  draft: SettingsDraft,
  base: Settings,
  current: Settings,
  mode: "follow" | "rebase",
): { draft: SettingsDraft; base: Settings } {
  const { fields, currencies } = changesFrom(draft, base);
  const fresh = draftFromSettings(current);
  const changed = new Set<string>(fields);
  const changedRates = new Set(currencies);
  const nextBase: Settings = { ...current, exchangeRates: { ...current.exchangeRates } };
  const next: SettingsDraft = { ...draft };
  for (const field of SCALAR_FIELDS) {
    if (!changed.has(field)) next[field] = fresh[field];
    else if (mode === "follow") (nextBase as Record<string, unknown>)[field] = base[field];
  }
  if (mode === "follow") {
    for (const code of changedRates) {
      const rate = base.exchangeRates[code];
      if (rate === undefined) delete nextBase.exchangeRates[code];
      else nextBase.exchangeRates[code] = rate;
    }
  }
  const listed = new Set(draft.exchangeRates.map(codeOf));
  const rows = draft.exchangeRates.flatMap((row) => {
    const code = codeOf(row);
    if (!Object.hasOwn(base.exchangeRates, code) || changedRates.has(code)) return [row];
    const rate = current.exchangeRates[code];
    return rate === undefined ? [] : [{ ...row, rate: String(rate) }];
  });
  for (const [code, rate] of Object.entries(current.exchangeRates))
    if (!listed.has(code) && !Object.hasOwn(base.exchangeRates, code))
      rows.push({ key: newKey(), currency: code, rate: String(rate) });
  next.exchangeRates = rows;
  return { draft: next, base: nextBase };
}

/** A save the live register may not have caught up with: the settings before it (`before`) and as it left them. */
export interface SavedSettings {
  before: Settings;
  saved: Settings;
}

/**
 * The register's settings as the form should follow them just after a save. The live register reloads the
 * settings after each change, and a reload that began before the save can arrive after it, holding the values
 * the save replaced: followed as a co-author's change, it would put them back in the form and make the base of
 * the next save stale (removing a currency just saved at 0.8 was refused because "someone else changed it to
 * 0.8"). So a setting or rate that `current` still has as it was before the save, where the save changed it, is
 * taken as saved; `stale` says whether there was one (the form forgets the save once there is none).
 */
export function afterSave(current: Settings, { before, saved }: SavedSettings) {
  let stale = false;
  const settings: Settings = { ...current, exchangeRates: { ...current.exchangeRates } };
  for (const field of SCALAR_FIELDS) {
    if (saved[field] === before[field] || current[field] !== before[field]) continue;
    stale = true;
    (settings as Record<string, unknown>)[field] = saved[field];
  }
  const codes = new Set([...Object.keys(before.exchangeRates), ...Object.keys(saved.exchangeRates)]);
  for (const code of codes) {
    const [was, now, theirs] = [before, saved, current].map((from) => from.exchangeRates[code]);
    if (now === was || theirs !== was) continue;
    stale = true;
    if (now === undefined) delete settings.exchangeRates[code];
    else settings.exchangeRates[code] = now;
  }
  return { settings, stale };
}

const THRESHOLD_HELP = `Type the ${S.underUseThreshold} as a percentage more than 0 and at most 100, such as 80.`;
const NOTICE_HELP = `Type the ${S.defaultRenewalLeadDays} as a whole number of days, 1 or more, such as 30.`;
const EXPIRING_HELP = `Type the ${S.expiringSoonDays} as a whole number of days, 0 or more, such as 30.`;

/** A percentage as typed ("80", "80%", "82.5 %") as the fraction the register keeps; text when it is not one. */
function readPercent(text: string, locale?: string): number | string | undefined {
  const typed = text.trim().replace(/\s*%$/, "");
  const value = readAmount(typed, locale);
  return typeof value === "number" ? +(value / 100).toPrecision(12) : value;
}

/**
 * The settings the form would save, checked by the domain's settings schema: a message per field saying what to
 * type, and the settings only when there is none. Blank rate rows are left out.
 */
export function checkSettingsDraft(
  draft: SettingsDraft,
  base: Settings,
  locale?: string,
): { errors: SettingsErrors; settings?: Settings } {
  const errors: SettingsErrors = {};
  const shape = settingsSchema.shape;

  const currency = draft.reportingCurrency.trim();
  const reporting = shape.reportingCurrency.safeParse(currency);
  if (currency === "" || !reporting.success)
    errors.reportingCurrency = `Type the ${S.reportingCurrency} as a 3-letter code, such as GBP, EUR or USD.`;

  const threshold = readPercent(draft.underUseThreshold, locale);
  if (typeof threshold !== "number" || !shape.underUseThreshold.safeParse(threshold).success)
    errors.underUseThreshold = THRESHOLD_HELP;

  const notice = readAmount(draft.defaultRenewalLeadDays, locale);
  if (typeof notice !== "number" || !shape.defaultRenewalLeadDays.safeParse(notice).success)
    errors.defaultRenewalLeadDays = NOTICE_HELP;

  const expiring = readAmount(draft.expiringSoonDays, locale);
  if (typeof expiring !== "number" || !shape.expiringSoonDays.safeParse(expiring).success)
    errors.expiringSoonDays = EXPIRING_HELP;

  const reportingCode = reporting.success ? reporting.data : currency.toUpperCase();
  const rates: Record<string, number> = {};
  for (const row of draft.exchangeRates) {
    if (isBlank(row)) continue;
    const read = readExchangeRate(row.currency, readAmount(row.rate, locale));
    if (read.problem === "code") {
      errors[rateErrorKey(row)] = "Type a 3-letter currency code, such as USD or EUR.";
    } else if (Object.hasOwn(rates, read.currency)) {
      errors[rateErrorKey(row)] = `${read.currency} is in the list twice: remove one of them.`;
    } else if (read.problem === undefined) {
      rates[read.currency] = read.rate;
    } else {
      errors[rateErrorKey(row)] =
        `Type the rate as a number more than 0: how many ${reportingCode} one ${read.currency} is worth, such as 0.79.`;
    }
  }
  if (Object.keys(errors).length > 0) return { errors };

  const parsed = settingsSchema.safeParse({
    ...base,
    reportingCurrency: currency,
    underUseThreshold: threshold,
    defaultRenewalLeadDays: notice,
    expiringSoonDays: expiring,
    exchangeRates: rates,
  });
  if (!parsed.success) {
    // every field above was checked by its own rule: this is the whole schema's last word
    for (const issue of parsed.error.issues)
      errors[String(issue.path[0] ?? "exchangeRates")] ??= issue.message;
    return { errors };
  }
  return { errors, settings: parsed.data };
}
