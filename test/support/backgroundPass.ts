import { forEachPaced, yieldEvery } from "../../src/domain/yielding";

/** Lets `count` turns of the event loop go by. */
export async function turns(count: number): Promise<void> {
  for (let turn = 0; turn < count; turn++) await new Promise((resolve) => setTimeout(resolve, 0));
}

/** A background pass over `items` records, as the add-in runs them after a load; `visited()` says how far it got. */
export function backgroundPass(items: number): { done: Promise<void>; visited: () => number } {
  let visited = 0;
  const done = forEachPaced(
    Array.from({ length: items }, (_, i) => i),
    yieldEvery(0, { background: true }),
    () => visited++,
  );
  return { done, visited: () => visited };
}
