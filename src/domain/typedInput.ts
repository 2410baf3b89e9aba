/**
 * Amounts and dates as people type them, read by the rules of their locale, so "£1,200.50" is 1200.5 in
 * the UK and "1.200,50 €" is 1200.5 in Germany, and "19/11/2026", "19 Nov 2026" and "2026-11-19" are all
 * the 19th of November where day comes before month. What cannot be read is given back as typed, so the
 * field's own check can say what is wrong with it and nothing the person typed is lost.
 */
import { isValidIsoDate, todayIsoDate, type IsoDate } from "./dates";

let runtimeLocale: string | undefined;

/** The locale this runtime formats in: the browser's (or Excel's web view's) language. */
export function userLocale(): string {
  return (runtimeLocale ??= new Intl.NumberFormat().resolvedOptions().locale);
}

interface NumberRules {
  decimal: string;
  /** Group separators this locale writes, plus the spaces people type for them. */
  groups: Set<string>;
  /** Whether groups after the first thousand are of two digits (12,34,567 in India). */
  pairs: boolean;
}

const SPACES = [" ", "\u00a0", "\u202f", "\u2009"];
const numberRules = new Map<string, NumberRules>();

function numberRulesOf(locale: string): NumberRules {
  let rules = numberRules.get(locale);
  if (!rules) {
    const parts = new Intl.NumberFormat(locale).formatToParts(1234567.5);
    const group = parts.find((part) => part.type === "group")?.value ?? ",";
    const decimal = parts.find((part) => part.type === "decimal")?.value ?? ".";
    const integers = parts.filter((part) => part.type === "integer").map((part) => part.value);
    const groups = new Set([group, ...SPACES]);
    // Swiss German writes 1'234 with an apostrophe, straight or curly depending on the system.
    if (group === "\u2019" || group === "'") for (const quote of ["'", "\u2019"]) groups.add(quote);
    groups.delete(decimal);
    rules = { decimal, groups, pairs: integers.length > 2 && integers[1].length === 2 };
    numberRules.set(locale, rules);
  }
  return rules;
}

/** A currency sign or a 3-letter code, before or after the figure, with or without a space. */
const CURRENCY_BEFORE = /^(?:\p{Sc}|[A-Za-z]{3}(?![A-Za-z]))\s*/u;
const CURRENCY_AFTER = /\s*(?:\p{Sc}|(?<![A-Za-z])[A-Za-z]{3})$/u;

/**
 * A number as typed in `locale`: an optional currency sign or code before or after it, the locale's
 * thousands separators (in their places) and decimal mark, a leading minus or accounting brackets for a
 * negative. Returns the number, undefined for blank text, or the trimmed text when it is not a number.
 */
export function readAmount(text: string, locale: string = userLocale()): number | string | undefined {
  const trimmed = text.trim();
  if (trimmed === "") return undefined;
  let body = trimmed;
  let negative = false;
  const bracketed = /^\((.*)\)$/.exec(body);
  if (bracketed) {
    body = bracketed[1].trim();
    negative = true;
  }
  body = body.replace(CURRENCY_BEFORE, "").replace(CURRENCY_AFTER, "").trim();
  if (/^[-\u2212]/.test(body)) {
    if (negative) return trimmed;
    negative = true;
    body = body.slice(1).replace(CURRENCY_BEFORE, "").trim();
  }
  const value = readUnsigned(body, numberRulesOf(locale));
  if (value === undefined) return trimmed;
  return negative ? -value : value;
}

function readUnsigned(body: string, rules: NumberRules): number | undefined {
  const decimalAt = body.lastIndexOf(rules.decimal);
  const whole = decimalAt >= 0 ? body.slice(0, decimalAt) : body;
  const fraction = decimalAt >= 0 ? body.slice(decimalAt + rules.decimal.length) : "";
  if (!/^\d*$/.test(fraction) || (whole === "" && fraction === "")) return undefined;
  const groups = splitGroups(whole, rules.groups);
  if (!groups) return undefined;
  if (groups.length > 1) {
    const last = groups[groups.length - 1];
    const middle = groups.slice(1, -1);
    const middleSize = rules.pairs ? 2 : 3;
    const ok =
      groups[0].length >= 1 &&
      groups[0].length <= middleSize &&
      last.length === 3 &&
      middle.every((group) => group.length === middleSize);
    if (!ok) return undefined;
  }
  const digits = groups.join("");
  if (!/^\d*$/.test(digits)) return undefined;
  return Number(`${digits || "0"}.${fraction || "0"}`);
}

/** The integer part cut at the locale's group separators; undefined when something else is in it. */
function splitGroups(whole: string, separators: Set<string>): string[] | undefined {
  const groups: string[] = [""];
  for (const ch of whole) {
    if (ch >= "0" && ch <= "9") groups[groups.length - 1] += ch;
    else if (separators.has(ch)) {
      if (groups[groups.length - 1] === "") return undefined;
      groups.push("");
    } else return undefined;
  }
  if (groups.length > 1 && groups[groups.length - 1] === "") return undefined;
  return groups;
}

// ---- Dates ----

type DateOrder = "dmy" | "mdy" | "ymd";
const dateOrders = new Map<string, DateOrder>();

function dateOrderOf(locale: string): DateOrder {
  let order = dateOrders.get(locale);
  if (!order) {
    const parts = new Intl.DateTimeFormat(locale).formatToParts(new Date(2026, 10, 19));
    const fields = parts
      .map((part) => part.type)
      .filter((type) => type === "day" || type === "month" || type === "year")
      .map((type) => type[0])
      .join("");
    order = fields === "mdy" || fields === "ymd" ? fields : "dmy";
    dateOrders.set(locale, order);
  }
  return order;
}

const ENGLISH_MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];
const monthNames = new Map<string, Map<string, number>>();

/** Month names and abbreviations in English and in the locale, lower-case, without trailing dots. */
function monthNamesOf(locale: string): Map<string, number> {
  let names = monthNames.get(locale);
  if (!names) {
    names = new Map();
    ENGLISH_MONTHS.forEach((name, index) => {
      names!.set(name, index + 1);
      names!.set(name.slice(0, 3), index + 1);
      if (name === "september") names!.set("sept", 9);
    });
    for (const month of ["long", "short"] as const) {
      const format = new Intl.DateTimeFormat(locale, { month, timeZone: "UTC" });
      for (let index = 0; index < 12; index++) {
        const name = format.format(new Date(Date.UTC(2026, index, 15)));
        names.set(name.toLowerCase().replace(/\.$/, ""), index + 1);
      }
    }
    monthNames.set(locale, names);
  }
  return names;
}

const pad = (value: number) => String(value).padStart(2, "0");

/** Two-digit years as Excel reads them: 00-29 are 2000-2029, 30-99 are 1930-1999. */
function fullYear(text: string): number {
  const year = Number(text);
  if (text.length > 2) return year;
  return year < 30 ? 2000 + year : 1900 + year;
}

function isoOf(year: number, month: number, day: number): IsoDate | undefined {
  if (year < 1900 || year > 9999) return undefined;
  const iso = `${String(year).padStart(4, "0")}-${pad(month)}-${pad(day)}`;
  return isValidIsoDate(iso) ? iso : undefined;
}

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+Z?)?$/;
const NUMERIC = /^(\d{1,4})[/.\-\s](\d{1,2})(?:[/.\-\s](\d{1,4}))?\.?$/;

/**
 * A date as typed in `locale`, in the forms Excel accepts: 2026-11-19; 19/11/2026, 19.11.26 or 19-11-2026 in
 * the locale's day-month order (11/19/2026 in the US); 19/11 for this year; 19 Nov 2026, 19-Nov-26,
 * November 19, 2026 and the locale's own month names. Returns the ISO date, undefined for blank text, or the
 * trimmed text when it is not a real date.
 */
export function readDate(
  text: string,
  locale: string = userLocale(),
  today: IsoDate = todayIsoDate(),
): IsoDate | string | undefined {
  const trimmed = text.trim();
  if (trimmed === "") return undefined;
  const thisYear = Number(today.slice(0, 4));
  const iso = ISO.exec(trimmed);
  if (iso) return isoOf(Number(iso[1]), Number(iso[2]), Number(iso[3])) ?? trimmed;

  const numeric = NUMERIC.exec(trimmed);
  if (numeric) {
    const [a, b, c] = [numeric[1], numeric[2], numeric[3]];
    const order = a.length === 4 ? "ymd" : dateOrderOf(locale);
    let found: IsoDate | undefined;
    if (order === "ymd") found = c === undefined ? undefined : isoOf(fullYear(a), Number(b), Number(c));
    else {
      const [day, month] = order === "dmy" ? [a, b] : [b, a];
      found = isoOf(c === undefined ? thisYear : fullYear(c), Number(month), Number(day));
    }
    return found ?? trimmed;
  }
  return readNamedMonth(trimmed, monthNamesOf(locale), thisYear) ?? trimmed;
}

/** "19 Nov 2026", "19-Nov-26", "Nov 19, 2026", "19. November 2026", "19 Nov" (this year). */
function readNamedMonth(text: string, names: Map<string, number>, thisYear: number): IsoDate | undefined {
  const words = text
    .toLowerCase()
    .split(/[\s,/-]+|\.(?=\s|$)|\.(?=\p{L})/u)
    .map((word) => word.replace(/\.$/, ""))
    .filter(Boolean);
  if (words.length < 2 || words.length > 3) return undefined;
  const monthAt = words.findIndex((word) => names.has(word));
  if (monthAt < 0) return undefined;
  const month = names.get(words[monthAt])!;
  const numbers = words.filter((_, index) => index !== monthAt);
  if (!numbers.every((word) => /^\d{1,4}$/.test(word))) return undefined;
  if (numbers.length === 1) {
    return numbers[0].length <= 2 ? isoOf(thisYear, month, Number(numbers[0])) : undefined;
  }
  const [first, second] = numbers;
  // "2026 Nov 19" has the year first; otherwise the day comes before the year.
  if (first.length === 4) return isoOf(Number(first), month, Number(second));
  if (second.length > 2 || monthAt < 2) return isoOf(fullYear(second), month, Number(first));
  return undefined;
}
