import { displayDate } from "../domain/dates";

/** Dates as people in the UK read them: "31 Mar 2026" (the domain's one format). Not a date: shown as given. */
export function formatDate(date: string | undefined | null): string {
  return date ? displayDate(date) : "";
}

const moneyFormats = new Map<string, Intl.NumberFormat>();

/** An amount in its currency, "£1,250.00"; an unknown currency code falls back to "1,250.00 XYZ". */
export function formatMoney(amount: number | null | undefined, currency: string): string {
  if (amount === null || amount === undefined || !Number.isFinite(amount)) return "";
  let formatter = moneyFormats.get(currency);
  if (!formatter) {
    try {
      formatter = new Intl.NumberFormat("en-GB", { style: "currency", currency });
    } catch {
      formatter = new Intl.NumberFormat("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
      const plain = formatter;
      return `${plain.format(amount)} ${currency}`;
    }
    moneyFormats.set(currency, formatter);
  }
  return formatter.format(amount);
}

const wholeNumbers = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 });

export function formatCount(value: number | null | undefined): string {
  return value === null || value === undefined ? "" : wholeNumbers.format(value);
}

/** "1 licence", "3 licences"; pass the plural when it is not the singular plus "s". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatCount(count)} ${count === 1 ? singular : pluralForm}`;
}

/** "Quantity", "Quantity and Vendor", "Quantity, Vendor and Cost". */
export function joinWithAnd(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}
