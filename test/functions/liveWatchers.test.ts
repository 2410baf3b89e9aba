import type { Pause } from "../../src/domain/yielding";
import { Watchers, type Dependencies } from "../../src/functions/liveWatchers";
import { everythingAffected } from "../../src/live/affected";

const readsNothing = (): Dependencies => ({
  licences: [],
  products: [],
  allProducts: false,
  licenceRecords: false,
  catalogue: false,
});

/** `count` cells, each counting how often it is evaluated and pushed. */
function cells(watchers: Watchers, count: number) {
  return Array.from({ length: count }, (_, i) => {
    const cell = { evaluations: 0, pushes: 0, remove: () => undefined as void };
    cell.remove = watchers.add(
      {
        evaluate: () => {
          cell.evaluations++;
          return { value: i, reads: readsNothing() };
        },
        push: () => {
          cell.pushes++;
        },
      },
      false,
    );
    return cell;
  });
}

/** Gives the thread back every time it is asked (forEachPaced asks after each stretch of cells). */
const alwaysYield: Pause = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("updating every running cell", () => {
  test("gives the thread back as it goes, and every cell gets its value", async () => {
    const watchers = new Watchers();
    const all = cells(watchers, 1_000);
    const done = watchers.update(everythingAffected(), alwaysYield);
    const evaluatedBeforeFirstTurn = all.filter((cell) => cell.evaluations > 0).length;
    expect(evaluatedBeforeFirstTurn).toBeGreaterThan(0);
    expect(evaluatedBeforeFirstTurn).toBeLessThan(1_000);
    expect(await done).toBe(1_000);
    expect(all.every((cell) => cell.evaluations === 1 && cell.pushes === 1)).toBe(true);
  });

  test("an update still going stops when a newer one begins, which does every cell", async () => {
    const watchers = new Watchers();
    const all = cells(watchers, 1_000);
    const first = watchers.update(everythingAffected(), alwaysYield);
    const second = watchers.update(everythingAffected(), alwaysYield);
    await Promise.all([first, second]);
    const evaluations = all.reduce((sum, cell) => sum + cell.evaluations, 0);
    // the first update's opening stretch, then the second over all 1,000: no cell three times
    expect(evaluations).toBeLessThan(2_000);
    expect(all.every((cell) => cell.evaluations >= 1 && cell.evaluations <= 2)).toBe(true);
    expect(all.every((cell) => cell.pushes === 1)).toBe(true);
  });

  test("a cell removed while an update is under way is not evaluated", async () => {
    const watchers = new Watchers();
    const all = cells(watchers, 1_000);
    const done = watchers.update(everythingAffected(), alwaysYield);
    const last = all[all.length - 1];
    last.remove();
    await done;
    expect(last.evaluations).toBe(0);
    expect(watchers.size).toBe(999);
  });

  test("with no pause, the update is done before it returns", () => {
    const watchers = new Watchers();
    const all = cells(watchers, 1_000);
    void watchers.update(everythingAffected());
    expect(all.every((cell) => cell.pushes === 1)).toBe(true);
  });
});
