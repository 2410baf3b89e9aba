import { annualCostFn, available, renewalStatusFn } from "../../../src/functions/functions";
import { calcWorkbook } from "./support";

/**
 * A Licences-like table's calculated columns, with the real AVAILABLE, ANNUALCOST and RENEWALSTATUS and
 * stand-ins for the streaming USED and STATUS (same shape: (licenceId, invocation), setResult now and on
 * every register change). The formulas are this test's own, chosen so one column reads another's streamed
 * value (the register's own table reads every figure by Licence ID: test/functions/blankCells.test.ts).
 */
const FORMULAS = {
  usedQuantity: "=LICENSE.USED([@[Licence ID]])",
  availableQuantity: "=LICENSE.AVAILABLE([@Quantity],[@[Used Quantity]],[@Unlimited])",
  complianceStatus: "=LICENSE.STATUS([@[Licence ID]])",
  annualCost: "=LICENSE.ANNUALCOST([@Cost],[@[Pricing Model]],[@[Term (Months)]])",
  renewalStatus:
    "=LICENSE.RENEWALSTATUS([@[Expiry Date]],[@Perpetual],[@[Auto-renew]],[@[Renewal Notice (Days)]],TODAY())",
};

const HEADERS = [
  "Licence ID",
  "Quantity",
  "Used Quantity",
  "Available Quantity",
  "Unlimited",
  "Compliance Status",
  "Cost",
  "Pricing Model",
  "Term (Months)",
  "Annual Cost",
  "Expiry Date",
  "Perpetual",
  "Auto-renew",
  "Renewal Notice (Days)",
  "Renewal Status",
];
const col = (name: string) => String.fromCharCode(65 + HEADERS.indexOf(name));

const FORMULA_COLUMNS: [string, string][] = [
  ["Used Quantity", FORMULAS.usedQuantity],
  ["Available Quantity", FORMULAS.availableQuantity],
  ["Compliance Status", FORMULAS.complianceStatus],
  ["Annual Cost", FORMULAS.annualCost],
  ["Renewal Status", FORMULAS.renewalStatus],
];

/** A register whose USED / STATUS streams the test can push to, counting calls per function and cell. */
function fakeRegister() {
  const used = new Map<string, number>();
  const streams = new Set<{ id: string; push: () => void }>();
  const calls: { fn: string; address: string }[] = [];
  const counted =
    <A extends unknown[]>(name: string, fn: (...args: A) => unknown) =>
    (...args: A) => {
      const invocation = args[args.length - 1] as CustomFunctions.Invocation;
      calls.push({ fn: name, address: invocation.address ?? "" });
      return fn(...(args.slice(0, -1) as A));
    };
  function USED(licenceId: string, invocation: CustomFunctions.StreamingInvocation<number>): void {
    calls.push({ fn: "USED", address: invocation.address ?? "" });
    const stream = { id: licenceId, push: () => invocation.setResult(used.get(licenceId) ?? 0) };
    streams.add(stream);
    invocation.onCanceled = () => streams.delete(stream);
    stream.push();
  }
  function STATUS(licenceId: string, invocation: CustomFunctions.StreamingInvocation<string>): void {
    calls.push({ fn: "STATUS", address: invocation.address ?? "" });
    invocation.setResult(`status of ${licenceId}`);
  }
  const setUsed = (id: string, n: number) => {
    used.set(id, n);
    for (const stream of streams) if (stream.id === id) stream.push();
  };
  const functions = {
    USED,
    STATUS,
    AVAILABLE: counted("AVAILABLE", available),
    ANNUALCOST: counted("ANNUALCOST", annualCostFn),
    RENEWALSTATUS: counted("RENEWALSTATUS", renewalStatusFn),
  };
  return { functions, calls, setUsed, streams };
}

async function register(rowCount: number, today = 46_000) {
  const fake = fakeRegister();
  const book = calcWorkbook(fake.functions as never, { today: () => today });
  const rows = Array.from({ length: rowCount }, (_, i) => [
    `LIC-${i + 1}`,
    10 + (i % 5),
    "",
    "",
    i % 7 === 0,
    "",
    120 * (i + 1),
    i % 2 === 0 ? "Annual" : "Monthly",
    "",
    "",
    i % 3 === 0 ? "" : today + (i % 90) - 10,
    i % 3 === 0,
    false,
    "",
    "",
  ]);
  const last = rowCount + 1;
  await book.session.run(async (context) => {
    const sheet = context.workbook.worksheets.add("Licences");
    sheet.getRange(`A1:O${last}`).values = [HEADERS, ...rows];
    sheet.tables.add(`A1:O${last}`, true).name = "LicencesTable";
    await context.sync();
    for (const [name, formula] of FORMULA_COLUMNS)
      sheet.getRange(`${col(name)}2:${col(name)}${last}`).formulas = Array.from({ length: rowCount }, () => [
        formula,
      ]);
    await context.sync();
  });
  await book.settle();
  const cell = (name: string, row: number) => book.value(`${col(name)}${row}`, "Licences");
  return { ...book, ...fake, cell };
}

describe("the Licences table's calculated columns", () => {
  test("every formula evaluates", async () => {
    const r = await register(20);
    for (let row = 2; row <= 21; row++) {
      for (const [name] of FORMULA_COLUMNS)
        expect(r.engine.cellError("Licences", `${col(name)}${row}`)).toBeUndefined();
    }
    expect(r.cell("Used Quantity", 2)).toBe(0);
    expect(r.cell("Available Quantity", 2)).toBe("Unlimited"); // row 1 is unlimited (i % 7 === 0)
    expect(r.cell("Available Quantity", 3)).toBe(11);
    expect(r.cell("Compliance Status", 3)).toBe("status of LIC-2");
    expect(r.cell("Annual Cost", 2)).toBe(120);
    expect(r.cell("Annual Cost", 3)).toBe(240 * 12);
    expect(r.cell("Renewal Status", 2)).toBe("Perpetual");
    expect(typeof r.cell("Renewal Status", 3)).toBe("string");
  });

  test("the first calculation calls each cell once: USED before the AVAILABLE that reads it", async () => {
    const r = await register(20);
    const count = (fn: string) => r.calls.filter((c) => c.fn === fn).length;
    expect(["USED", "AVAILABLE", "STATUS", "ANNUALCOST", "RENEWALSTATUS"].map(count)).toEqual([
      20, 20, 20, 20, 20,
    ]);
  });

  test("editing one Quantity re-runs that row's AVAILABLE, and every TODAY() reader (volatile, as in Excel)", async () => {
    const r = await register(20);
    r.calls.length = 0;
    await r.write(`${col("Quantity")}5`, [[3]], "Licences");
    await r.settle();
    expect(r.calls.filter((c) => c.fn !== "RENEWALSTATUS")).toEqual([
      { fn: "AVAILABLE", address: `Licences!${col("Available Quantity")}5` },
    ]);
    expect(r.calls.filter((c) => c.fn === "RENEWALSTATUS")).toHaveLength(20);
    expect(r.cell("Available Quantity", 5)).toBe(3);
  });

  test("a new USED value streamed for one licence re-runs only that row's AVAILABLE", async () => {
    const r = await register(20);
    r.calls.length = 0;
    r.setUsed("LIC-3", 4);
    await r.settle();
    expect(r.cell("Used Quantity", 4)).toBe(4);
    expect(r.cell("Available Quantity", 4)).toBe(8);
    expect(r.calls).toEqual([{ fn: "AVAILABLE", address: `Licences!${col("Available Quantity")}4` }]);
  });

  test("a new row gets the calculated columns and runs them; the streams of other rows keep going", async () => {
    const r = await register(5);
    r.calls.length = 0;
    await r.session.run(async (context) => {
      context.workbook.tables
        .getItem("LicencesTable")
        .rows.add(undefined, [
          ["LIC-9", 2, null, null, false, null, 50, "Annual", null, null, null, true, false, null, null],
        ] as never);
      await context.sync();
    });
    await r.settle();
    expect(r.cell("Available Quantity", 7)).toBe(2);
    expect(r.streams.size).toBe(6);
    // the new row's cells, and RENEWALSTATUS everywhere: it reads TODAY(), which Excel recalculates every time
    const rows = (fn?: string) =>
      new Set(
        r.calls
          .filter((c) => (fn ? c.fn === fn : c.fn !== "RENEWALSTATUS"))
          .map((c) => c.address.replace(/[A-Z]+(?=\d+$)/, "")),
      );
    expect(rows()).toEqual(new Set(["Licences!7"]));
    expect(rows("RENEWALSTATUS").size).toBe(6);
  });

  test("deleting a row re-runs the rows that moved up, and cancels the deleted row's stream", async () => {
    const r = await register(5);
    await r.session.run(async (context) => {
      context.workbook.tables.getItem("LicencesTable").rows.getItemAt(1).delete();
      await context.sync();
    });
    await r.settle();
    expect(r.cell("Compliance Status", 3)).toBe("status of LIC-3");
    expect(r.streams.size).toBe(4);
    expect([...r.streams].map((s) => s.id).sort()).toEqual(["LIC-1", "LIC-3", "LIC-4", "LIC-5"]);
  });
});

describe("scale (no timing asserted; times logged with CALC_TIMES=1)", () => {
  test("10k rows × 5 formula columns: one edit re-runs one cell, and the 10k TODAY() readers (volatile)", async () => {
    const started = performance.now();
    const r = await register(10_000);
    const firstCalculation = performance.now() - started;
    expect(r.engine.stats.invocations).toBe(50_000);
    r.calls.length = 0;
    const edited = performance.now();
    await r.write(`${col("Quantity")}5001`, [[1]], "Licences");
    await r.settle();
    const oneEdit = performance.now() - edited;
    expect(r.calls.filter((c) => c.fn !== "RENEWALSTATUS")).toHaveLength(1);
    expect(r.calls.filter((c) => c.fn === "RENEWALSTATUS")).toHaveLength(10_000);
    expect(r.cell("Available Quantity", 5001)).toBe(1);
    if (process.env.CALC_TIMES) console.log({ firstCalculation, oneEdit });
  });
});
