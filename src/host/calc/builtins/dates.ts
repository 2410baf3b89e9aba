import { NUM } from "../values";
import { type Registry, scalarFunction } from "./args";

/**
 * Dates are serial numbers (days since 30 Dec 1899, as Excel's 1900 date system counts from March 1900 on),
 * worked out in UTC so the result never depends on the machine's time zone. The library's date functions
 * return JavaScript Date objects in local time, so these few are written here.
 */
const EPOCH = Date.UTC(1899, 11, 30);
const DAY = 86_400_000;

const toDate = (serial: number): Date => new Date(EPOCH + Math.floor(serial) * DAY);
const toSerial = (year: number, monthIndex: number, day: number): number =>
  Math.round((Date.UTC(year, monthIndex, day) - EPOCH) / DAY);

/** Excel's date range: 1 Jan 1900 (serial 1) to 31 Dec 9999 (2958465). */
const inRange = (serial: number) =>
  serial >= 0 && serial <= 2_958_465 ? serial : NUM("The date is outside Excel's range (1900 to 9999).");

function date(year: number, month: number, day: number) {
  const y = Math.trunc(year);
  // DATE(26, 1, 1) is 1926: years 0 to 1899 are added to 1900
  const fullYear = y >= 0 && y < 1900 ? 1900 + y : y;
  if (fullYear < 1900 || fullYear > 9999) return NUM("DATE's year must be between 1900 and 9999.");
  return inRange(toSerial(fullYear, Math.trunc(month) - 1, Math.trunc(day)));
}

function addMonths(serial: number, months: number, endOfMonth: boolean) {
  const start = toDate(serial);
  const monthIndex = start.getUTCMonth() + Math.trunc(months);
  if (endOfMonth) return inRange(toSerial(start.getUTCFullYear(), monthIndex + 1, 0));
  const lastDay = new Date(Date.UTC(start.getUTCFullYear(), monthIndex + 1, 0)).getUTCDate();
  return inRange(toSerial(start.getUTCFullYear(), monthIndex, Math.min(start.getUTCDate(), lastDay)));
}

const part = (f: (d: Date) => number) =>
  scalarFunction(["number"], 1, (serial) => {
    const s = serial as number;
    return s < 0 ? NUM("Dates cannot be negative.") : f(toDate(s));
  });

export const DATE_FUNCTIONS: Registry = {
  TODAY: { min: 0, max: 0, run: (_args, scope) => scope.today() },
  DATE: scalarFunction(["number", "number", "number"], 3, (y, m, d) =>
    date(y as number, m as number, d as number),
  ),
  YEAR: part((d) => d.getUTCFullYear()),
  MONTH: part((d) => d.getUTCMonth() + 1),
  DAY: part((d) => d.getUTCDate()),
  EDATE: scalarFunction(["number", "number"], 2, (s, m) => addMonths(s as number, m as number, false)),
  EOMONTH: scalarFunction(["number", "number"], 2, (s, m) => addMonths(s as number, m as number, true)),
  DAYS: scalarFunction(
    ["number", "number"],
    2,
    (end, start) => Math.trunc(end as number) - Math.trunc(start as number),
  ),
};
