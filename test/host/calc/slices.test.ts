import { calcWorkbook } from "./support";

/** Counts the page's turns (timers run) until stopped. */
function turnCounter() {
  let turns = 0;
  let running = true;
  const tick = () => {
    if (!running) return;
    turns++;
    setTimeout(tick, 0);
  };
  setTimeout(tick, 0);
  return {
    stop: () => {
      running = false;
      return turns;
    },
  };
}

/** Rows 1..n: A a number, B = DOUBLE(A), C = DOUBLE(B), so C waits for B (two waves). */
const chain = (n: number) =>
  Array.from({ length: n }, (_, i) => [i + 1, `=LICENSE.DOUBLE(A${i + 1})`, `=LICENSE.DOUBLE(B${i + 1})`]);

describe("a long calculation in slices", () => {
  test("gives the page its turn between slices; a read meanwhile sees #BUSY! where cells are not calculated yet", async () => {
    const { write, session, engine, value } = calcWorkbook(
      { DOUBLE: (x: unknown) => Number(x) * 2 },
      { sliceMs: 0 },
    );
    const turns = turnCounter();
    await write("A1:C200", chain(200));
    // Excel may answer while its CalculationState is Calculating: nothing waits for the calculation
    const partWay = await session.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("C1:C200").load("values");
      await context.sync();
      return range.values.flat();
    });
    expect(partWay).toContain("#BUSY!");
    await engine.whenIdle();
    expect(turns.stop()).toBeGreaterThan(10);
    expect(value("B200")).toBe(400);
    expect(value("C200")).toBe(800);
    expect(engine.stats.invocations).toBe(400);
  });

  test("an edit landing between slices is calculated first: no formula runs on a value it has replaced", async () => {
    const seen = new Map<string, unknown[]>();
    let edited = false;
    const { write, engine, value, workbook } = calcWorkbook(
      {
        DOUBLE: (x: unknown) => Number(x) * 2,
        TRIPLE: (...args: unknown[]) => {
          const [x, invocation] = args as [unknown, CustomFunctions.Invocation];
          seen.set(invocation.address!, [...(seen.get(invocation.address!) ?? []), x]);
          if (!edited) {
            edited = true;
            // a person types over A50 while the C column is being calculated
            workbook.typeIntoCell("Sheet1", "A50", "100");
          }
          return Number(x) * 3;
        },
      },
      { sliceMs: 0 },
    );
    await write(
      "A1:C50",
      Array.from({ length: 50 }, (_, i) => [
        i + 1,
        `=LICENSE.DOUBLE(A${i + 1})`,
        `=LICENSE.TRIPLE(B${i + 1})`,
      ]),
    );
    await engine.whenIdle();
    expect(edited).toBe(true);
    expect(value("B50")).toBe(200);
    expect(value("C50")).toBe(600);
    // C50 was found ready with B50 at 100; once A50 changed it waited for B50's new value
    expect(seen.get("Sheet1!C50")).toEqual([200]);
  });
});
