/**
 * Excel refuses requests over 5 MB (RequestPayloadSizeLimitExceeded). Writes are split so each request
 * carries at most this much cell data, leaving room for the request's own envelope.
 */
export const MAX_WRITE_BYTES = 3_800_000;

/** Roughly what a row costs in the request: its JSON plus a separator. */
export function estimateRowBytes(row: readonly unknown[]): number {
  return JSON.stringify(row).length + 1;
}

/** Splits items into chunks whose estimated size stays under the budget (always at least one item per chunk). */
export function chunkBySize<T>(
  items: readonly T[],
  size: (item: T) => number,
  budget = MAX_WRITE_BYTES,
): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let used = 0;
  for (const item of items) {
    const cost = size(item);
    if (current.length > 0 && used + cost > budget) {
      chunks.push(current);
      current = [];
      used = 0;
    }
    current.push(item);
    used += cost;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
