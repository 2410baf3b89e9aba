import { excelSerialToIsoDate, isValidIsoDate, type IsoDate } from "../domain/dates";
import { counted } from "../domain/wording";
import { namedLines } from "./sourceTable";

/** Excel serial numbers of the years 1955 to 2119: a workbook's date cell that lost its format. */
const SERIAL_RANGE = [20_000, 80_000] as const;

const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/;
const DOTTED = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:\s.*)?$/;
const SLASHED = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s.*)?$/;

const pad2 = (value: string) => value.padStart(2, "0");

function iso(year: string, month: string, day: string): IsoDate | undefined {
  const date = `${year}-${pad2(month)}-${pad2(day)}`;
  return isValidIsoDate(date) ? date : undefined;
}

/** Which part of an a/b/yyyy date is the day, as the whole column shows it. */
export type SlashOrder = "day-first" | "month-first" | "unknown" | "conflicting";

/**
 * Reads one date column: YYYYMMDD (text, or the number an Excel save made of it), ISO, dd.mm.yyyy, and
 * a/b/yyyy only when some value in the column shows which part is the day (a part above 12). Everything
 * else is left empty and counted, never guessed and never stored as 1970-01-01.
 */
export class DateColumn {
  private slash: SlashOrder = "unknown";
  private readonly unreadLines: number[] = [];
  private readonly ambiguousLines: number[] = [];

  constructor(readonly header: string) {}

  /** First pass: look at every value so a/b/yyyy is read the same way in every row. */
  observe(raw: string): void {
    const match = SLASHED.exec(raw.trim());
    if (!match) return;
    const [a, b] = [Number(match[1]), Number(match[2])];
    const shows: SlashOrder | undefined =
      a > 12 && b <= 12 ? "day-first" : b > 12 && a <= 12 ? "month-first" : undefined;
    if (!shows) return;
    if (this.slash === "unknown") this.slash = shows;
    else if (this.slash !== shows) this.slash = "conflicting";
  }

  /** Second pass: the ISO date, or undefined (counted) when the value is not a date it can read. */
  read(raw: string | number | boolean | null | undefined, line: number): IsoDate | undefined {
    if (raw === null || raw === undefined || typeof raw === "boolean") return undefined;
    if (
      typeof raw === "number" &&
      Number.isInteger(raw) &&
      raw >= SERIAL_RANGE[0] &&
      raw <= SERIAL_RANGE[1]
    ) {
      return excelSerialToIsoDate(raw);
    }
    const text = String(raw).trim();
    if (text === "") return undefined;
    let match = COMPACT.exec(text);
    if (match) return this.counted(iso(match[1], match[2], match[3]), line);
    match = ISO.exec(text);
    if (match) return this.counted(iso(match[1], match[2], match[3]), line);
    match = DOTTED.exec(text);
    if (match) return this.counted(iso(match[3], match[2], match[1]), line);
    match = SLASHED.exec(text);
    if (match) {
      if (this.slash === "day-first") return this.counted(iso(match[3], match[2], match[1]), line);
      if (this.slash === "month-first") return this.counted(iso(match[3], match[1], match[2]), line);
      this.ambiguousLines.push(line);
      return undefined;
    }
    this.unreadLines.push(line);
    return undefined;
  }

  private counted(date: IsoDate | undefined, line: number): IsoDate | undefined {
    if (date === undefined) this.unreadLines.push(line);
    return date;
  }

  /** What a person should know about this column's dates, in sentences. */
  warnings(): string[] {
    const warnings: string[] = [];
    if (this.ambiguousLines.length > 0) {
      const why =
        this.slash === "conflicting"
          ? "the column has dates read both ways"
          : "no value in the column shows which part is the day";
      warnings.push(
        `${this.header}: ${counted(this.ambiguousLines.length, "date")} like 03/04/2024 left empty because ${why} (${namedLines(this.ambiguousLines)}).`,
      );
    }
    if (this.unreadLines.length > 0) {
      warnings.push(
        `${this.header}: ${counted(this.unreadLines.length, "value")} ${this.unreadLines.length === 1 ? "is not a date it can read and was left empty; the row was kept" : "are not dates it can read and were left empty; the rows were kept"} (${namedLines(this.unreadLines)}).`,
      );
    }
    return warnings;
  }
}
