import { errors } from "./errors";

/** Excel's request and response limits, and the counters tests use to check batching. */

export const DEFAULT_PAYLOAD_LIMIT_BYTES = 5_000_000;
export const DEFAULT_MAX_CELLS_PER_READ = 5_000_000;

export interface Limits {
  payloadLimitBytes: number;
  maxCellsPerRead: number;
}

export interface SessionStats {
  /** Syncs that went to the "host" (a sync with nothing queued does not round-trip, as in Office.js). */
  syncs: number;
  /** JSON length of each sync's request, in order. */
  requestBytes: number[];
  maxRequestBytes: number;
  /** Most cells read (loaded values, formulas, numberFormat, text or valueTypes) by one sync. */
  maxCellsRead: number;
  /**
   * Milliseconds spent carrying out this session's requests. The imitation does it on the caller's thread,
   * real Excel in its own process, so a measure of the add-in's own work on the thread leaves this out.
   */
  answeringMs: number;
  reset(): void;
}

export function createStats(): SessionStats {
  const stats: SessionStats = {
    syncs: 0,
    requestBytes: [],
    maxRequestBytes: 0,
    maxCellsRead: 0,
    answeringMs: 0,
    reset() {
      stats.syncs = 0;
      stats.requestBytes = [];
      stats.maxRequestBytes = 0;
      stats.maxCellsRead = 0;
      stats.answeringMs = 0;
    },
  };
  return stats;
}

/** The size of a request as Office.js would send it: the JSON of its operations and their arguments. */
export function requestSize(wire: unknown[]): number {
  return JSON.stringify(wire).length;
}

export function checkRequestSize(bytes: number, limits: Limits): void {
  if (bytes > limits.payloadLimitBytes) throw errors.requestTooLarge(bytes, limits.payloadLimitBytes);
}

/** Cells read so far in one sync; throws once a sync reads more than Excel would return. */
export class ReadBudget {
  cells = 0;
  constructor(private readonly limit: number) {}

  take(cells: number): void {
    this.cells += cells;
    if (this.cells > this.limit) throw errors.responseTooLarge(this.cells, this.limit);
  }
}
