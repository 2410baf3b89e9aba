import type { RejectedRow } from "./types";

/** A cell as a file gives it: text from CSV; numbers and booleans too from a workbook or JSON. */
export type Cell = string | number | boolean | null;

export interface SourceRecord {
  line: number;
  cells: Cell[];
}

/** A header row and the records under it, every other record accounted for. */
export interface SourceTable {
  header: string[];
  headerLine: number;
  rows: SourceRecord[];
  rejected: RejectedRow[];
  warnings: string[];
}

export interface TableOptions {
  /** Whether a record is the header of a recognised tool (looked for in the first few records). */
  isKnownHeader?: (header: string[]) => boolean;
  /**
   * "one": a delimited file may end every line with one delimiter (GLPI does), giving one empty field more
   * than a header that does not. "any": a sheet pads rows with empty cells to its used range.
   */
  trailingEmpty: "one" | "any";
}

/** How far down a title block or report heading may push the header row. */
const HEADER_SEARCH_DEPTH = 10;

export const cellText = (cell: Cell): string =>
  cell === null ? "" : typeof cell === "boolean" ? (cell ? "TRUE" : "FALSE") : String(cell);

const isBlank = (cells: readonly Cell[]) => cells.every((cell) => cellText(cell).trim() === "");

function withoutTrailingEmpty(cells: Cell[], width: number, rule: TableOptions["trailingEmpty"]): Cell[] {
  if (cells.length <= width) return cells;
  const extra = cells.slice(width);
  if (!extra.every((cell) => cellText(cell) === "")) return cells;
  if (rule === "one" && extra.length > 1) return cells;
  return cells.slice(0, width);
}

export function describeLines(lines: readonly (number | string)[], limit = 5): string {
  const shown = lines.slice(0, limit).join(", ");
  return lines.length > limit ? `${shown} and ${lines.length - limit} more` : shown;
}

/** "line 4", "lines 2, 3": the word agrees with how many lines are named. */
export function namedLines(lines: readonly number[]): string {
  return `${lines.length === 1 ? "line" : "lines"} ${describeLines(lines)}`;
}

/**
 * Picks the header row (the first record a tool profile recognises within the first few, else the first
 * record that is not blank) and checks every record under it: blank records are skipped silently, a copy of
 * the header is ignored and reported, and a record with the wrong number of fields (a total, a footer) is
 * rejected with its line.
 */
export function tableFromRecords(records: readonly SourceRecord[], options: TableOptions): SourceTable {
  const filled = records.filter((record) => !isBlank(record.cells));
  const candidates = filled.slice(0, HEADER_SEARCH_DEPTH);
  const headerAt = Math.max(
    0,
    candidates.findIndex((record) => options.isKnownHeader?.(record.cells.map(cellText)) ?? false),
  );
  const headerRecord = filled[headerAt];
  const warnings: string[] = [];
  const rejected: RejectedRow[] = [];
  if (!headerRecord) return { header: [], headerLine: 0, rows: [], rejected, warnings };

  let header = headerRecord.cells.map((cell) => cellText(cell).trim());
  while (header.length > 1 && header[header.length - 1] === "") header = header.slice(0, -1);
  if (headerAt > 0) {
    const above = filled.slice(0, headerAt).map((record) => record.line);
    warnings.push(
      `Line${above.length === 1 ? "" : "s"} ${describeLines(above)} ${above.length === 1 ? "comes" : "come"} before the header row (line ${headerRecord.line}) and ${above.length === 1 ? "was" : "were"} not read.`,
    );
  }

  const headerKey = header.join("\u0000");
  const repeatedHeader: number[] = [];
  const rows: SourceRecord[] = [];
  for (const record of filled.slice(headerAt + 1)) {
    const cells = withoutTrailingEmpty(record.cells, header.length, options.trailingEmpty);
    if (cells.length === header.length && cells.map((c) => cellText(c).trim()).join("\u0000") === headerKey) {
      repeatedHeader.push(record.line);
      continue;
    }
    if (cells.length !== header.length) {
      rejected.push({
        line: record.line,
        reason: `Has ${cells.length} field${cells.length === 1 ? "" : "s"} where the header has ${header.length} (a total, a footer or a broken line), so it was not read.`,
      });
      continue;
    }
    rows.push({ line: record.line, cells });
  }
  if (repeatedHeader.length > 0) {
    warnings.push(
      `Line${repeatedHeader.length === 1 ? "" : "s"} ${describeLines(repeatedHeader)} repeat${repeatedHeader.length === 1 ? "s" : ""} the header row (files joined together?) and ${repeatedHeader.length === 1 ? "was" : "were"} ignored.`,
    );
  }
  return { header, headerLine: headerRecord.line, rows, rejected, warnings };
}
