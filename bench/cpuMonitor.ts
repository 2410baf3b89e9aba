/**
 * The process's CPU use in Office's windows: Office on Windows and Mac checks an add-in's use of a CPU core
 * every 5 seconds and asks the person whether to stop it when the use is over 90% at three checks
 * ("Resource limits and performance optimization for Office Add-ins"). Each window's share is the process's
 * CPU time (its garbage collector's threads included) less `excluded` work: the in-memory Excel answering
 * requests on this thread, where real Excel answers from its own process.
 */
export const OFFICE_CHECK_MS = 5_000;
export const OFFICE_CPU_THRESHOLD = 0.9;

export interface CpuWindows {
  /** Stops watching (a last, shorter window is dropped): each full window's share of one core, in order. */
  stop(): number[];
}

export function monitorCpu(excluded: () => number = () => 0): CpuWindows {
  const shares: number[] = [];
  let cpu = process.cpuUsage();
  let excludedBefore = excluded();
  let started = performance.now();
  const timer = setInterval(() => {
    const used = process.cpuUsage(cpu);
    const now = performance.now();
    const excludedNow = excluded();
    const ownMs = (used.user + used.system) / 1000 - (excludedNow - excludedBefore);
    shares.push(Math.max(0, ownMs) / (now - started));
    cpu = process.cpuUsage();
    excludedBefore = excludedNow;
    started = now;
  }, OFFICE_CHECK_MS);
  return {
    stop() {
      clearInterval(timer);
      return shares;
    },
  };
}

/** The most windows in a row over Office's threshold. */
export function windowsOverThresholdInARow(shares: readonly number[]): number {
  let longest = 0;
  let run = 0;
  for (const share of shares) {
    run = share > OFFICE_CPU_THRESHOLD ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  return longest;
}
