/**
 * Dates in the domain are plain calendar dates, "yyyy-MM-dd", so they compare as text and carry no time zone.
 * Excel stores dates as serial numbers (days since 1899-12-30); these helpers convert both ways.
 */
const MS_PER_DAY = 86_400_000;
const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export type IsoDate = string;

export function isValidIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function excelSerialToIsoDate(serial: number): IsoDate {
  const date = new Date(EXCEL_EPOCH_UTC + Math.floor(serial) * MS_PER_DAY);
  return date.toISOString().slice(0, 10);
}

export function isoDateToExcelSerial(date: IsoDate): number {
  const [year, month, day] = date.split("-").map(Number);
  return Math.round((Date.UTC(year, month - 1, day) - EXCEL_EPOCH_UTC) / MS_PER_DAY);
}

/** Today's calendar date where the user is, as Excel's TODAY() would give it. */
export function todayIsoDate(now: Date = new Date()): IsoDate {
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  return isoDateToExcelSerial(to) - isoDateToExcelSerial(from);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return excelSerialToIsoDate(isoDateToExcelSerial(date) + days);
}
