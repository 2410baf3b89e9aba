/**
 * Long reads give the page back between batches, so the task pane keeps painting its progress bar and
 * answering Cancel while a 30 MB export is read.
 */
export interface Pacing {
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

/** Rows read between two yields: about 20 ms of work on a slow laptop. */
export const ROWS_PER_BATCH = 5_000;

/** Reports progress, yields to the event loop, and stops with an AbortError when the person cancelled. */
export async function yieldBetweenBatches(pacing: Pacing, fraction: number): Promise<void> {
  pacing.onProgress?.(Math.min(Math.max(fraction, 0), 1));
  await new Promise<void>((resolve) => setTimeout(resolve, 0));
  throwIfCancelled(pacing.signal);
}

export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new DOMException("The import was cancelled.", "AbortError");
}

/** The part [from, to] of the whole read that one step reports on, so the bar only ever moves forward. */
export function stage<T extends Pacing>(pacing: T, from: number, to: number): T {
  const report = pacing.onProgress;
  if (!report) return pacing;
  return { ...pacing, onProgress: (fraction: number) => report(from + fraction * (to - from)) };
}
