/**
 * Memory read once collecting has settled. V8 frees a dead ArrayBuffer's bytes after the collection that found it
 * dead, on a helper thread, so one reading straight after a forced collection can still count the typed arrays of
 * work that is over: in scratch starts at 10k, 23 MB of a compute run's tables in one reading of three, which took
 * that much off the memory a start kept. Collects, waits and reads again until two readings agree.
 */
const AGREE_MB = 0.5;
const WAIT_MS = 100;
const MAX_READINGS = 20;

export async function settledMb(collectAndRead: () => Promise<number> | number): Promise<number> {
  let previous = await collectAndRead();
  for (let reading = 1; reading < MAX_READINGS; reading++) {
    await new Promise((resolve) => setTimeout(resolve, WAIT_MS));
    const now = await collectAndRead();
    if (Math.abs(now - previous) < AGREE_MB) return now;
    previous = now;
  }
  console.warn(`Memory still moving after ${MAX_READINGS} readings: the last one is used.`);
  return previous;
}
