import Papa from "papaparse";
import { ROWS_PER_BATCH, yieldBetweenBatches, type Pacing } from "./pacing";
import type { RejectedRow } from "./types";

/** A record of a delimited file and the line it starts on. */
export interface TextRecord {
  line: number;
  cells: string[];
}

export interface DelimitedText {
  delimiter: string;
  records: TextRecord[];
  /** Records whose quote never closed: each is rejected alone and reading goes on at the next line. */
  rejected: RejectedRow[];
  /** Whether a PowerShell "#TYPE" line came first (and was skipped). */
  typeLine: boolean;
}

const CANDIDATE_DELIMITERS = [",", ";", "\t", "|"] as const;
const DELIMITER_NAMES: Record<string, string> = { ",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe" };

export function delimiterName(delimiter: string): string {
  return DELIMITER_NAMES[delimiter] ?? `"${delimiter}"`;
}

/** The most frequent of , ; TAB | in the header line, counting only outside quotes (ties: that order). */
export function sniffDelimiter(headerLine: string): string {
  const counts = new Map<string, number>();
  let quoted = false;
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && CANDIDATE_DELIMITERS.includes(char as (typeof CANDIDATE_DELIMITERS)[number])) {
      counts.set(char, (counts.get(char) ?? 0) + 1);
    }
  }
  let best: string = ",";
  let bestCount = 0;
  for (const candidate of CANDIDATE_DELIMITERS) {
    const count = counts.get(candidate) ?? 0;
    if (count > bestCount) [best, bestCount] = [candidate, count];
  }
  return best;
}

/** Counts line breaks so each record knows the line it starts on, in one pass over the text. */
class LineCounter {
  private offset = 0;
  private line = 1;
  constructor(private readonly text: string) {}

  lineAt(offset: number): number {
    for (let at = this.text.indexOf("\n", this.offset); at !== -1 && at < offset;) {
      this.line++;
      at = this.text.indexOf("\n", at + 1);
    }
    this.offset = Math.max(this.offset, offset);
    return this.line;
  }
}

/**
 * Splits delimited text into records with RFC 4180 quoting (fields may hold delimiters and line breaks),
 * CRLF and LF mixed. Papa Parse does the splitting; around it this reads in batches (yielding between them)
 * and, when a quote never closes, rejects that record alone and carries on at the line after it, where Papa
 * Parse on its own would swallow the rest of the file into one field.
 */
export async function splitDelimited(input: string, pacing: Pacing = {}): Promise<DelimitedText> {
  // One kind of line break: Papa Parse guesses a single newline per file and would miss LF lines after CRLF.
  const text = input.includes("\r\n") ? input.replace(/\r\n/g, "\n") : input;
  const lines = new LineCounter(text);
  let offset = 0;
  let typeLine = false;
  if (text.startsWith("#TYPE")) {
    typeLine = true;
    const end = text.indexOf("\n");
    offset = end === -1 ? text.length : end + 1;
  }
  const headerEnd = text.indexOf("\n", offset);
  const delimiter = sniffDelimiter(text.slice(offset, headerEnd === -1 ? text.length : headerEnd));

  const records: TextRecord[] = [];
  const rejected: RejectedRow[] = [];
  while (offset < text.length) {
    const batchStart = offset;
    let unterminatedAt: number | undefined;
    Papa.parse<string[]>(text.slice(batchStart), {
      delimiter,
      newline: "\n",
      quoteChar: '"',
      preview: ROWS_PER_BATCH,
      step: (result, parser) => {
        const start = offset;
        const end = batchStart + result.meta.cursor;
        const neverClosed = result.errors.some((e) => e.code === "MissingQuotes");
        const closedLinesLater =
          result.errors.some((e) => e.code === "InvalidQuotes") && text.lastIndexOf("\n", end - 2) >= start;
        if (neverClosed || closedLinesLater) {
          // The quote ran on past its own line: only that line is the bad record.
          unterminatedAt = start;
          parser.abort();
          return;
        }
        records.push({ line: lines.lineAt(start), cells: result.data });
        offset = end;
      },
    });
    if (unterminatedAt !== undefined) {
      const line = lines.lineAt(unterminatedAt);
      rejected.push({
        line,
        reason: 'A quote (") opens but never closes on this line, so its fields cannot be told apart.',
      });
      const next = text.indexOf("\n", unterminatedAt);
      offset = next === -1 ? text.length : next + 1;
    }
    if (offset === batchStart) break;
    if (offset < text.length) await yieldBetweenBatches(pacing, offset / text.length);
  }
  return { delimiter, records, rejected, typeLine };
}
