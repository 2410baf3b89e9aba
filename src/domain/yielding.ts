/**
 * Long work on the runtime's only thread (loading, parsing and indexing a large register) gives the thread
 * back at least every few tens of milliseconds, so Excel's custom functions and the task pane keep answering
 * (Office restarts an add-in that stays unresponsive, and warns on sustained CPU use).
 * Pure scheduling, no business rule: the domain's loops take a Pause so callers choose whether to yield.
 */

/** Undefined while the current stretch is short; a promise to await when it is time to give the thread back. */
export type Pause = () => Promise<void> | undefined;

/** Never yields: for synchronous callers (tests, one-off computations). */
export const noPause: Pause = () => undefined;

/** How long one stretch of work may run before giving the thread back. */
export const DEFAULT_SLICE_MS = 20;

/**
 * A turn of the event loop, taken behind the tasks already waiting: Excel's answers and events, custom function
 * calls, the pane's rendering. setImmediate in Node; in a browser a message the page posts to itself, which a
 * timeout would hold back to 4 ms once a few are nested. Not scheduler.yield: Chromium runs its continuation
 * ahead of the tasks already waiting, so a load that yields with it kept every message from Office waiting
 * until the whole load was done (in headless Chromium at 10,000 licences, a task queued during a start and one
 * edit waited up to 227–520 ms with it, 49–74 ms without).
 */
function nextTurn(): Promise<void> {
  if (typeof setImmediate === "function") return new Promise((resolve) => setImmediate(resolve));
  if (typeof MessageChannel === "function") return new Promise((resolve) => turns().push(resolve));
  return new Promise((resolve) => setTimeout(resolve, 0));
}

let turnChannel: { push(resolve: () => void): void } | undefined;

/** One channel for every turn, answering them in the order they were asked for. */
function turns(): { push(resolve: () => void): void } {
  if (turnChannel) return turnChannel;
  const waiting: (() => void)[] = [];
  const channel = new MessageChannel();
  channel.port1.onmessage = () => waiting.shift()?.();
  // where the port would keep a process alive (Node), it must not
  (channel.port1 as { unref?: () => void }).unref?.();
  turnChannel = {
    push(resolve) {
      waiting.push(resolve);
      channel.port2.postMessage(undefined);
    },
  };
  return turnChannel;
}

/** A stuck request (Excel not answering) holds background work back no longer than this at each pause. */
export const MAX_HOLD_MS = 5_000;

let personWaiting = 0;
const whenNobodyWaits = new Set<() => void>();

/**
 * Runs work a person is waiting for (a save from the pane, a delete): while any runs, background work does not
 * take its next slice. A save's requests are answered one at a time, each in a task of its own, and without
 * this each answer waited behind a slice of every background pass (names, shared text, search words): at
 * 100,000 licences, "Saved." showed after a median 0.74 s instead of 0.53 s (bench/README.md).
 */
export async function whilePersonWaits<T>(work: () => Promise<T>): Promise<T> {
  personWaiting++;
  try {
    return await work();
  } finally {
    personWaiting--;
    // each release takes itself out of the set
    if (personWaiting === 0) for (const release of [...whenNobodyWaits]) release();
  }
}

/** Resolves once no work a person waits for is running (at once when none is), or after MAX_HOLD_MS. */
function nobodyWaiting(): Promise<void> {
  if (personWaiting === 0) return Promise.resolve();
  return new Promise((resolve) => {
    const release = () => {
      clearTimeout(timer);
      whenNobodyWaits.delete(release);
      resolve();
    };
    const timer = setTimeout(release, MAX_HOLD_MS);
    // in Node (tests, the bench) a pending hold must not keep the process alive
    (timer as { unref?: () => void }).unref?.();
    whenNobodyWaits.add(release);
  });
}

/**
 * Background work rests for this share of each slice it ran, so the passes nobody waits for (names, shared text,
 * search words: about 8 s of work after a 100,000-licence load) keep the thread at most two thirds busy between
 * them. Office on Windows and on Mac asks the person whether to stop an add-in whose use of a CPU core is over
 * 90% at three of its 5-second checks ("Resource limits and performance optimization for Office Add-ins").
 */
export const BACKGROUND_REST_SHARE = 0.5;

/**
 * A rest is owed for no more than this much of one slice. Work may await a request between two pauses (the
 * name pass writes names to the sheet), and that wait is in the next slice's length but kept no core busy.
 */
const MAX_RESTED_SLICE_MS = 250;

/** When background work may take its next slice: every background slice moves it on by its own rest. */
let backgroundRestsUntil = 0;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Background work's turn after a slice that ran `busyMs`: after the rest owed for every background slice so far
 * (whichever pass ran it), behind the tasks already waiting when the rest is over, and after any work a person
 * waits for.
 */
async function backgroundTurn(busyMs: number): Promise<void> {
  const now = performance.now();
  const owed = Math.min(busyMs, MAX_RESTED_SLICE_MS) * BACKGROUND_REST_SHARE;
  // the rests ahead reach at most MAX_RESTED_SLICE_MS past now before this slice's own is added, even after a
  // clock that went back (tests' fake timers)
  backgroundRestsUntil = Math.min(Math.max(backgroundRestsUntil, now), now + MAX_RESTED_SLICE_MS) + owed;
  // another pass's slice may have moved the end of the rest on meanwhile
  for (let rest = backgroundRestsUntil - now; rest >= 1; rest = backgroundRestsUntil - performance.now()) {
    await sleep(rest);
  }
  // The rest ends in a timer's task, which may run ahead of the tasks already waiting (Node runs every timer
  // due before any setImmediate): a slice taken there could follow another pass's slice, or a load's, with
  // nothing let in between (bench/README.md, "Two slices in one turn").
  await nextTurn();
  await nobodyWaiting();
}

/**
 * A Pause that yields once `ms` milliseconds have passed since it last yielded (or was made), letting every task
 * already waiting run first. Background work (`background: true`) also rests in proportion to the work it did
 * (BACKGROUND_REST_SHARE), and waits while work a person is waiting for runs (whilePersonWaits).
 */
export function yieldEvery(ms: number = DEFAULT_SLICE_MS, options: { background?: boolean } = {}): Pause {
  const background = options.background ?? false;
  let sliceStart = performance.now();
  // A background pass starts in a task that was running already (a load's last slice, a notification), whose
  // length its clock does not know: it gives the thread back at its first look at the clock.
  let started = !background;
  return () => {
    const busy = performance.now() - sliceStart;
    if (busy < ms && started) return undefined;
    started = true;
    return (background ? backgroundTurn(busy) : nextTurn()).then(() => {
      sliceStart = performance.now();
    });
  };
}

/** Items checked between two looks at the clock: reading it costs more than handling one record. */
const ITEMS_PER_CHECK = 256;

/**
 * Calls `each` for every item in order, pausing between items when `pause` says so. Items that are not an
 * array are taken from their iterator a slice at a time, never copied into one array first (a million
 * records copied at once is a pause of its own). `itemsPerCheck`: fewer for items that are each much work
 * (a product with all its licences), so a slice does not run long past its time.
 */
export async function forEachPaced<T>(
  items: Iterable<T>,
  pause: Pause,
  each: (item: T, index: number) => void,
  itemsPerCheck = ITEMS_PER_CHECK,
): Promise<void> {
  if (!Array.isArray(items)) return forEachOfIterator(items[Symbol.iterator](), pause, each, itemsPerCheck);
  const list = items as readonly T[];
  for (let start = 0; start < list.length; start += itemsPerCheck) {
    const end = Math.min(list.length, start + itemsPerCheck);
    for (let index = start; index < end; index++) each(list[index], index);
    const wait = pause();
    if (wait) await wait;
  }
}

async function forEachOfIterator<T>(
  iterator: Iterator<T>,
  pause: Pause,
  each: (item: T, index: number) => void,
  itemsPerCheck: number,
): Promise<void> {
  for (let index = 0; ;) {
    for (const end = index + itemsPerCheck; index < end; index++) {
      const next = iterator.next();
      if (next.done) return;
      each(next.value, index);
    }
    const wait = pause();
    if (wait) await wait;
  }
}

/** One pass of long work: a step for each item, in order; items may be taken from an iterator a slice at a time. */
export interface Pass {
  items: Iterable<unknown>;
  each: (item: unknown) => void;
}

export const passOver = <T>(items: Iterable<T>, each: (item: T) => void): Pass => ({
  items,
  each: each as Pass["each"],
});

/** Runs the passes in order, at once. */
export function runPasses(passes: Iterable<Pass>): void {
  for (const { items, each } of passes) for (const item of items) each(item);
}

/** Runs the passes in order, pausing between items when `pause` says so (forEachPaced). */
export async function runPassesPaced(passes: Iterable<Pass>, pause: Pause): Promise<void> {
  for (const { items, each } of passes) await forEachPaced(items, pause, each);
}
