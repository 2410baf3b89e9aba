/** Long loops give the thread back between slices, for an array or for records taken from an iterator. */
import { forEachPaced, type Pause } from "../../src/domain/yielding";

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
