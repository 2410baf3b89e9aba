/**
 * The longest stretch the main thread ran without giving the event loop a turn: a callback re-queued with
 * setImmediate notes the gap since its last run, so any synchronous work between two turns shows up as one
 * long gap. `excluded` (a running total of milliseconds) is work to leave out of each gap: the in-memory
 * Excel answers requests on this thread, where real Excel answers from its own process.
 */
export interface BlockMonitor {
  /** Stops watching: the longest gap seen, with and without the excluded work, in milliseconds. */
  stop(): { longest: number; longestWithExcluded: number };
}

export function monitorBlocks(excluded: () => number = () => 0): BlockMonitor {
  let last = performance.now();
  let lastExcluded = excluded();
  let longest = 0;
  let longestWithExcluded = 0;
  let running = true;
  const tick = () => {
    const now = performance.now();
    const nowExcluded = excluded();
    longestWithExcluded = Math.max(longestWithExcluded, now - last);
    longest = Math.max(longest, now - last - (nowExcluded - lastExcluded));
    last = now;
    lastExcluded = nowExcluded;
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  return {
    stop() {
      tick();
      running = false;
      return { longest, longestWithExcluded };
    },
  };
}
