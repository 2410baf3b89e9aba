/**
 * The longest stretch the main thread ran without giving the event loop a turn: a callback re-queued with
 * setImmediate notes the gap since its last run, so any synchronous work (parsing, indexing, the host's own
 * request handling) between two turns shows up as one long gap.
 */
export interface BlockMonitor {
  /** Stops watching; the longest gap seen, in milliseconds. */
  stop(): number;
}

export function monitorBlocks(): BlockMonitor {
  let last = performance.now();
  let longest = 0;
  let running = true;
  const tick = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  return {
    stop() {
      tick();
      running = false;
      return longest;
    },
  };
}
