import { calcWorkbook, recorder } from "./support";

type Streaming = CustomFunctions.StreamingInvocation<unknown>;

/** A streaming function whose calls the test drives: push(i, value) calls setResult on the i-th call. */
function streams() {
  const calls: { args: unknown[]; invocation: Streaming; canceled: boolean }[] = [];
  function tick(key: unknown, invocation: Streaming): void {
    const call = { args: [key], invocation, canceled: false };
    invocation.onCanceled = () => {
      call.canceled = true;
    };
    calls.push(call);
  }
  return { tick, calls };
}

describe("batching", () => {
  test("N dirty cells run in one batch, one invocation each", async () => {
    const double = recorder((x) => Number(x) * 2);
    const { write, settle, engine, value } = calcWorkbook({ DOUBLE: double.fn });
    await settle();
    const before = engine.stats.batches;
    await write(
      "A1:B50",
      Array.from({ length: 50 }, (_, i) => [i, `=LICENSE.DOUBLE(A${i + 1})`]),
    );
    await settle();
    expect(engine.stats.batches - before).toBe(1);
    expect(engine.stats.invocations).toBe(50);
    expect(value("B50")).toBe(98);
  });

  test("results may be promises; the cell shows #BUSY! until they resolve", async () => {
    let release: (v: number) => void = () => undefined;
    const slow = () => new Promise<number>((resolve) => (release = resolve));
    const { write, settle, value, engine } = calcWorkbook({ SLOW: slow as never });
    await write("A1", [["=LICENSE.SLOW()"]]);
    expect(value("A1")).toBe("#BUSY!");
    const idle = engine.whenIdle();
    await Promise.resolve();
    release(7);
    await idle;
    await settle();
    expect(value("A1")).toBe(7);
  });

  test("calculated values raise no onChanged, only onAnyChange", async () => {
    const double = recorder((x) => Number(x) * 2);
    const { workbook, write, settle, session, value } = calcWorkbook({ DOUBLE: double.fn });
    const changed: string[] = [];
    await session.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").onChanged.add(async (event) => {
        changed.push(event.address);
      });
      await context.sync();
    });
    await write("A1:B1", [[2, "=LICENSE.DOUBLE(A1)"]]);
    await settle();
    await new Promise((resolve) => setTimeout(resolve, 5));
    let renders = 0;
    workbook.onAnyChange(() => renders++);
    workbook.typeIntoCell("Sheet1", "A1", "5");
    await settle();
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(value("B1")).toBe(10);
    expect(changed).toEqual(["A1:B1", "A1"]);
    expect(renders).toBe(2); // the typing, then the recalculated B1
  });
});

describe("errors", () => {
  test("a thrown CustomFunctions.Error shows its code and keeps its message; other errors are #VALUE!", async () => {
    const fail = (kind: unknown) => {
      if (kind === "na")
        throw new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, "No such licence.");
      throw new TypeError("boom");
    };
    const { write, settle, value, engine } = calcWorkbook({ FAIL: fail as never });
    await write("A1:B1", [['=LICENSE.FAIL("na")', '=LICENSE.FAIL("x")']]);
    await settle();
    expect(value("A1")).toBe("#N/A");
    expect(engine.cellError("Sheet1", "A1")).toEqual({ code: "#N/A", message: "No such licence." });
    expect(value("B1")).toBe("#VALUE!");
    expect(engine.cellError("Sheet1", "B1")).toEqual({ code: "#VALUE!", message: "boom" });
  });

  test("an error in a referenced cell passes on without calling; fixing it clears the message", async () => {
    const double = recorder((x) => Number(x) * 2);
    const { write, settle, value, engine, workbook } = calcWorkbook({ DOUBLE: double.fn });
    await write("A1:B1", [["#N/A", "=LICENSE.DOUBLE(A1)"]]);
    await settle();
    expect(value("B1")).toBe("#N/A");
    expect(engine.cellError("Sheet1", "B1")?.message).toBe("A1 is #N/A.");
    expect(double.calls).toEqual([]);
    workbook.typeIntoCell("Sheet1", "A1", "4");
    await settle();
    expect(value("B1")).toBe(8);
    expect(engine.cellError("Sheet1", "B1")).toBeUndefined();
  });

  test("an unknown function is #NAME? with a message", async () => {
    const { write, settle, value, engine } = calcWorkbook({});
    await write("A1", [["=LICENSE.NOPE(1)"]]);
    await settle();
    expect(value("A1")).toBe("#NAME?");
    expect(engine.cellError("Sheet1", "A1")?.message).toMatch(/LICENSE.NOPE is not a registered/);
  });
});

describe("streaming", () => {
  test("setResult pushes values into the cell over time and re-renders", async () => {
    const s = streams();
    const { workbook, write, settle, value, engine } = calcWorkbook({ TICK: s.tick as never });
    await write("A1", [['=LICENSE.TICK("k")']]);
    await settle();
    expect(value("A1")).toBe("#BUSY!");
    expect(s.calls[0].invocation).toMatchObject({ address: "Sheet1!A1", functionName: "LICENSE.TICK" });
    let renders = 0;
    workbook.onAnyChange(() => renders++);
    s.calls[0].invocation.setResult(1);
    await settle();
    expect(value("A1")).toBe(1);
    s.calls[0].invocation.setResult(2);
    await settle();
    expect(value("A1")).toBe(2);
    expect(renders).toBe(2);
    expect(engine.describeCell("Sheet1", "A1").streaming).toBe(true);
    expect(engine.stats.invocations).toBe(1);
  });

  test("removing or changing the formula cancels the call; later setResult calls are ignored", async () => {
    const s = streams();
    const { write, settle, value, workbook, engine } = calcWorkbook({ TICK: s.tick as never });
    await write("A1:A2", [['=LICENSE.TICK("a")'], ['=LICENSE.TICK("b")']]);
    await settle();
    workbook.typeIntoCell("Sheet1", "A1", "");
    await write("A2", [['=LICENSE.TICK("c")']]);
    await settle();
    expect(s.calls.map((c) => [c.args[0], c.canceled])).toEqual([
      ["a", true],
      ["b", true],
      ["c", false],
    ]);
    s.calls[0].invocation.setResult("late");
    await settle();
    expect(value("A1")).toBe("");
    expect(engine.stats.cancellations).toBe(2);
  });

  test("an argument change restarts the stream; the same value keeps it", async () => {
    const s = streams();
    const { write, settle, workbook } = calcWorkbook({ TICK: s.tick as never });
    await write("A1:B1", [["x", "=LICENSE.TICK(A1)"]]);
    await settle();
    workbook.typeIntoCell("Sheet1", "A1", "x");
    await settle();
    expect(s.calls).toHaveLength(1);
    workbook.typeIntoCell("Sheet1", "A1", "y");
    await settle();
    expect(s.calls.map((c) => [c.args[0], c.canceled])).toEqual([
      ["x", true],
      ["y", false],
    ]);
  });

  test("rewriting a formula with the same text cancels its stream and the new call's first value shows", async () => {
    // like the live LICENSE cells: each call is given the current value once, later only changed values
    const s = streams();
    const current = (invocation: Streaming) => invocation.setResult(7);
    const tick = (key: unknown, invocation: Streaming) => {
      s.tick(key, invocation);
      current(invocation);
    };
    const { write, settle, value, engine } = calcWorkbook({ TICK: tick as never });
    await write("A1:B1", [["x", "=LICENSE.TICK(A1)"]]);
    await settle();
    expect(value("B1")).toBe(7);
    // the add-in saving the row writes the same formula back (e.g. a licence saved from the pane)
    await write("A1:B1", [["x", "=LICENSE.TICK(A1)"]]);
    await settle();
    expect(value("B1")).toBe(7);
    expect(s.calls.map((c) => c.canceled)).toEqual([true, false]);
    expect(engine.stats.cancellations).toBe(1);
  });

  test("recalculate() restarts every stream; detach() cancels them", async () => {
    const s = streams();
    const { write, settle, engine } = calcWorkbook({ TICK: s.tick as never });
    await write("A1", [["=LICENSE.TICK(1)"]]);
    await settle();
    engine.recalculate();
    await settle();
    expect(s.calls.map((c) => c.canceled)).toEqual([true, false]);
    engine.detach();
    expect(s.calls.map((c) => c.canceled)).toEqual([true, true]);
  });

  test("ids listed in `streaming` get the invocation after their declared parameters", async () => {
    const pushed: unknown[] = [];
    const feed = (a: unknown, inv: Streaming) => {
      pushed.push(a);
      inv.setResult(`got ${String(a)}`);
    };
    const { write, settle, value } = calcWorkbook({ FEED: feed as never }, { streaming: ["feed"] });
    await write("A1", [["=LICENSE.FEED(3)"]]);
    await settle();
    expect(value("A1")).toBe("got 3");
  });
});
