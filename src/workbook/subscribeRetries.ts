/**
 * Subscribing to Excel's events is a request like any other: it fails when Excel is out of reach (a dropped
 * connection while the workbook opens on the web). Nothing else subscribes again, so without retries the
 * register would never hear an edit until the add-in was reopened.
 */

/** Waits between tries after a failed subscription; the last one repeats for as long as it keeps failing. */
export const SUBSCRIBE_RETRY_MS: readonly number[] = [1_000, 5_000, 15_000, 30_000];

export interface SubscribeRetryOptions {
  /** Whether subscribing is still wanted (someone listens); tries stop once it is not. */
  wanted: () => boolean;
  reportError: (error: unknown) => void;
  delaysMs?: readonly number[];
  /**
   * Runs when a try succeeds after one failed: whatever changed meanwhile raised no event here, so listeners
   * must read again what they hold.
   */
  onRecovered?: () => void;
}

/**
 * Tries `subscribe` until it succeeds or is no longer wanted, reporting the first failure of a run of them.
 * One run at a time: a call while one is under way joins it.
 */
export class SubscribeRetries {
  private running: Promise<void> | undefined;

  constructor(
    private readonly subscribe: () => Promise<void>,
    private readonly options: SubscribeRetryOptions,
  ) {}

  /**
   * One try now, for a caller that waits on it (set-up): its failure is thrown to the caller, and the tries go on
   * in the background.
   */
  async once(): Promise<void> {
    try {
      await this.subscribe();
    } catch (error) {
      void this.start(true);
      throw error;
    }
  }

  /** `failedOnce`: the caller's own try just failed (and was reported): the first try waits, as a retry. */
  start(failedOnce = false): Promise<void> {
    this.running ??= this.tryUntilDone(failedOnce ? 1 : 0).finally(() => (this.running = undefined));
    return this.running;
  }

  private async tryUntilDone(failed: number): Promise<void> {
    const delays = this.options.delaysMs ?? SUBSCRIBE_RETRY_MS;
    if (failed > 0) await sleep(delays[0] ?? 0);
    for (let failures = failed; this.options.wanted(); failures++) {
      try {
        await this.subscribe();
        if (failures > 0) this.options.onRecovered?.();
        return;
      } catch (error) {
        if (failures === 0) this.options.reportError(error);
      }
      await sleep(delays[Math.min(failures, delays.length - 1)] ?? 0);
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    // in Node (tests, the bench) a wait between tries must not keep the process alive
    (timer as { unref?: () => void }).unref?.();
  });
}
