/**
 * Dates in the domain are plain calendar dates, "yyyy-MM-dd", so they compare as text and carry no time zone.
 * Excel stores dates as serial numbers (days since 1899-12-30); these helpers convert both ways.
 */
export type IsoDate = string;

const digitsAt = (text: string, from: number, to: number): number => {
  let value = 0;
  for (let i = from; i < to; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return NaN;
    value = value * 10 + digit;
  }
  return value;
};

const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Whether text is a real calendar date written "yyyy-MM-dd" (read digit by digit: every date cell of a load passes here). */
export function isValidIsoDate(value: string): boolean {
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return false;
  const year = digitsAt(value, 0, 4);
  const month = digitsAt(value, 5, 7);
  const day = digitsAt(value, 8, 10);
  // Years before 100 were never dates here (Excel's own calendar starts in 1900).
  if (!(year >= 100 && month >= 1 && month <= 12 && day >= 1)) return false;
  return day <= (month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1]);
}

// Calendar arithmetic without Date objects (H. Hinnant's days-from-civil): the position engine converts
// hundreds of thousands of dates per run, and Date construction plus toISOString dominated its time.
const DAYS_1970_TO_EXCEL_EPOCH = 25_569;

function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

const pad = (value: number, width: number) => String(value).padStart(width, "0");

export function excelSerialToIsoDate(serial: number): IsoDate {
  const z = Math.floor(serial) - DAYS_1970_TO_EXCEL_EPOCH + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

export function isoDateToExcelSerial(date: IsoDate): number {
  if (date.length === 10 && date[4] === "-" && date[7] === "-") {
    const serial = daysFromCivil(digitsAt(date, 0, 4), digitsAt(date, 5, 7), digitsAt(date, 8, 10));
    if (!Number.isNaN(serial)) return serial + DAYS_1970_TO_EXCEL_EPOCH;
  }
  const [year, month, day] = date.split("-").map(Number);
  return daysFromCivil(year, month, day) + DAYS_1970_TO_EXCEL_EPOCH;
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

const MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * A date as every message and the task pane show it: "19 Nov 2026" (day, short month, year), never the
 * stored "2026-11-19". Text that is not a date is returned as it is.
 */
export function displayDate(date: IsoDate): string {
  if (!isValidIsoDate(date)) return date;
  return `${Number(date.slice(8, 10))} ${MONTH_NAMES[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;
}
