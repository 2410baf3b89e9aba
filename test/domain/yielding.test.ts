/** Long loops give the thread back between slices, for an array or for records taken from an iterator. */
import {
  BACKGROUND_REST_SHARE,
  forEachPaced,
  MAX_HOLD_MS,
  whilePersonWaits,
  yieldEvery,
  type Pause,
} from "../../src/domain/yielding";
import { backgroundPass, turns } from "../support/backgroundPass";

// First in the file: background rests are kept for the whole module, and this test reads them from a fresh one.
it("rests background work half as long as each slice ran, counted across passes, so a core is at most two thirds busy", async () => {
  jest.useFakeTimers();
  try {
    const start = performance.now();
    // two passes at once, as the name and shared-text passes run after a load
    const first = yieldEvery(20, { background: true });
    const second = yieldEvery(20, { background: true });
    const resumed: number[] = [];
    jest.advanceTimersByTime(20);
    // the first pass worked 20 ms: it owes a rest of 10, until 30
    void first()!.then(() => resumed.push(performance.now() - start));
    // the second pass took the thread until 40 (its slice began with the first's, as both began at 0) and owes
    // a rest of 20 from there: the first waits it out too, or one pass resting would free the thread for another
    jest.advanceTimersByTime(20);
    void second()!.then(() => resumed.push(performance.now() - start));
    await jest.advanceTimersByTimeAsync(200);
    // busy 40 ms out of 60: two thirds
    const restEnds = 40 + 40 * BACKGROUND_REST_SHARE;
    expect(resumed).toHaveLength(2);
    for (const at of resumed) {
      expect(at).toBeGreaterThanOrEqual(restEnds);
      expect(at).toBeLessThan(restEnds + 5);
    }
  } finally {
    jest.useRealTimers();
  }
});

/** A pause that gives the thread back every time it is asked, noting how many items were taken by then. */
function countingPause(taken: () => number) {
  const takenAtPause: number[] = [];
  const pause: Pause = () => {
    takenAtPause.push(taken());
    return Promise.resolve();
  };
  return { pause, takenAtPause };
}

it("visits every record of an iterator in order, taking no more than a slice before each pause", async () => {
  let taken = 0;
  function* records() {
    for (let i = 0; i < 1_000; i++) {
      taken++;
      yield `I${i}`;
    }
  }
  const { pause, takenAtPause } = countingPause(() => taken);
  const seen: string[] = [];
  await forEachPaced(records(), pause, (record, index) => seen.push(`${index}:${record}`));
  expect(seen).toEqual(Array.from({ length: 1_000 }, (_, i) => `${i}:I${i}`));
  expect(takenAtPause.length).toBeGreaterThan(1);
  // the iterator is read a slice at a time, never drained into one array before the first pause
  expect(takenAtPause[0]).toBeLessThan(1_000);
  expect(takenAtPause).toEqual([...takenAtPause].sort((a, b) => a - b));
});

it("visits every item of an array in order, pausing between slices", async () => {
  const items = Array.from({ length: 600 }, (_, i) => i);
  let visited = 0;
  const { pause, takenAtPause } = countingPause(() => visited);
  await forEachPaced(items, pause, (item, index) => {
    expect(item).toBe(index);
    visited++;
  });
  expect(visited).toBe(600);
  expect(takenAtPause[0]).toBeLessThan(600);
});

describe("background work and work a person waits for", () => {
  afterEach(() => jest.useRealTimers());

  it("gives the thread back at a background pass's first look at the clock, so it never lengthens the task that started it", async () => {
    // started at the end of a load's slice, in the same task, whose length the pass's clock cannot know
    const pause = yieldEvery(20, { background: true });
    const first = pause();
    expect(first).toBeInstanceOf(Promise);
    await first;
    // from its own turn on, it runs whole slices
    expect(pause()).toBeUndefined();
  });

  it("after a background rest, lets a task that was already waiting run before the next slice", async () => {
    // a module of its own: the rests other tests left owing are kept for the whole module
    await jest.isolateModulesAsync(async () => {
      const fresh = await import("../../src/domain/yielding");
      const order: string[] = [];
      const pause = fresh.yieldEvery(0, { background: true });
      const spin = (ms: number) => {
        for (const until = performance.now() + ms; performance.now() < until;);
      };
      // a slice of 10 ms owes a rest of 5 ms
      spin(10);
      const resumed = pause()!.then(() => order.push("background slice"));
      // Excel's answer arrives while the slice's task is still running, after the rest is over
      spin(15);
      setImmediate(() => order.push("Excel's answer"));
      await resumed;
      expect(order).toEqual(["Excel's answer", "background slice"]);
    });
  });

  it("takes no background slice while a save runs, and carries on once it is answered", async () => {
    let answer: () => void = () => {};
    let visitedWhenAnswered = -1;
    const save = whilePersonWaits(async () => {
      await new Promise<void>((resolve) => (answer = resolve));
      visitedWhenAnswered = background.visited();
    });
    const background = backgroundPass(1_000);
    await turns(20);
    // one slice was taken before the pass first paused; however many turns go by, it takes no other
    expect(background.visited()).toBeGreaterThan(0);
    expect(background.visited()).toBeLessThan(1_000);
    const heldAt = background.visited();
    await turns(20);
    expect(background.visited()).toBe(heldAt);
    answer();
    await Promise.all([save, background.done]);
    expect(visitedWhenAnswered).toBe(heldAt);
    expect(background.visited()).toBe(1_000);
  });

  it("gives the work's result or failure back as it was", async () => {
    await expect(whilePersonWaits(async () => 42)).resolves.toBe(42);
    await expect(whilePersonWaits(() => Promise.reject(new Error("refused")))).rejects.toThrow("refused");
    // neither left background work held
    const background = backgroundPass(600);
    await background.done;
    expect(background.visited()).toBe(600);
  });

  it("holds background work no longer than MAX_HOLD_MS behind a request that is never answered", async () => {
    jest.useFakeTimers();
    let answer: () => void = () => {};
    const stuck = whilePersonWaits(() => new Promise<void>((resolve) => (answer = resolve)));
    let done = false;
    const background = backgroundPass(600).done.then(() => (done = true));
    await jest.advanceTimersByTimeAsync(MAX_HOLD_MS - 100);
    expect(done).toBe(false);
    // the pass pauses three times (after each slice of 256), each held MAX_HOLD_MS at most
    await jest.advanceTimersByTimeAsync(3 * MAX_HOLD_MS);
    expect(done).toBe(true);
    answer();
    await Promise.all([stuck, background]);
  });
});

describe("in a browser", () => {
  const globals = globalThis as { setImmediate?: unknown; scheduler?: unknown };
  const { setImmediate: nodeImmediate } = globals;
  beforeEach(() => {
    delete globals.setImmediate;
    // Chromium's scheduler.yield: the continuation runs ahead of the tasks already waiting
    globals.scheduler = { yield: () => Promise.resolve() };
  });
  afterEach(() => {
    globals.setImmediate = nodeImmediate;
    delete globals.scheduler;
  });

  it("a paced loop lets a message from Office that arrived meanwhile be handled before it goes on", async () => {
    const office = new MessageChannel();
    const handled: number[] = [];
    let visited = 0;
    office.port1.onmessage = () => handled.push(visited);
    try {
      const pause = yieldEvery(1);
      await forEachPaced(Array.from({ length: 2_000 }), pause, (_, index) => {
        visited = index + 1;
        if (index === 0) office.port2.postMessage("a custom function call");
        const until = performance.now() + 0.01;
        while (performance.now() < until);
      });
      // handled at the loop's first pause, not once all 2,000 items were done
      expect(handled).toHaveLength(1);
      expect(handled[0]).toBeLessThan(2_000);
    } finally {
      office.port1.close();
    }
  });
});
