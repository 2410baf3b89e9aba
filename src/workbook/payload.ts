/**
 * Excel on the web refuses any request or response over 5 MB ("Excel on the web limits requests and responses
 * to 5 MB", Office Add-ins resource limits page), measured in bytes of the JSON on the wire (UTF-8). Every
 * request and response the register makes stays under these budgets, leaving room for the envelope.
 */
export const MAX_REQUEST_BYTES = 4_000_000;
export const MAX_RESPONSE_BYTES = 4_000_000;
/** Cell data one write request carries; the rest of MAX_REQUEST_BYTES is the operations' own envelope. */
export const MAX_WRITE_BYTES = 3_800_000;
/**
 * What one range operation costs in a request besides its values: the action, the object path that leads to
 * the range (table, body range, getCell/getResizedRange with their arguments) and the property name. Measured
 * on the in-memory host at 150–250 bytes; Office.js sends object paths and actions as separate entries, so
 * this is a generous figure. Non-adjacent writes pay it once per range.
 */
export const RANGE_OPERATION_BYTES = 400;

/** Bytes of a string in UTF-8, without building the encoded copy. */
export function utf8Bytes(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    if (code < 0x800) bytes += 1;
    else if (code >= 0xd800 && code <= 0xdbff) {
      // a surrogate pair: two UTF-16 units, four UTF-8 bytes
      bytes += 2;
      i++;
    } else bytes += 2;
  }
  return bytes;
}

/** Bytes of a value's JSON in UTF-8: what it costs on the wire. */
export function jsonBytes(value: unknown): number {
  return utf8Bytes(JSON.stringify(value) ?? "");
}

/** What a row of cells costs in a request or response: its JSON in UTF-8 plus a separator. */
export function estimateRowBytes(row: readonly unknown[]): number {
  return jsonBytes(row) + 1;
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

/** Office.js error codes for a request or response over Excel's size limit. */
export function isPayloadTooLarge(error: unknown): boolean {
  const code = typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
  return code === "ResponsePayloadSizeLimitExceeded" || code === "RequestPayloadSizeLimitExceeded";
}

/**
 * Queues a request with a read that is usually small but may not be (`queue(true)`) and syncs it; when Excel
 * refuses it as too large, queues and syncs the same request without that read (`queue(false)`). Whatever
 * queue returns (the proxies to read after the sync) comes from the request that ran.
 */
export async function syncOrWithoutExtra<T>(
  context: Excel.RequestContext,
  queue: (withExtra: boolean) => T,
  tryExtra: boolean,
): Promise<T> {
  if (tryExtra) {
    const queued = queue(true);
    try {
      await context.sync();
      return queued;
    } catch (error) {
      if (!isPayloadTooLarge(error)) throw error;
    }
  }
  const queued = queue(false);
  await context.sync();
  return queued;
}
