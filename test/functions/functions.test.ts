import { isoDateToExcelSerial, todayIsoDate } from "../../src/domain/dates";
import {
  annualCostFn,
  available,
  compliance,
  countUsed,
  daysToExpiryFn,
  renewalStatusFn,
  shortfall,
  trueUp,
} from "../../src/functions/functions";

const serial = isoDateToExcelSerial;
type Fn = (...args: never[]) => unknown;

/** Runs fn and returns the Excel error it throws (code and message), failing if it returns instead. */
function excelError(fn: () => unknown): { code: string; message: string } {
  try {
    const value = fn();
    throw new Error(`expected an Excel error, got ${JSON.stringify(value)}`);
  } catch (error) {
    expect(error).toBeInstanceOf(CustomFunctions.Error);
    const { code, message } = error as { code: string; message: string };
    return { code, message };
  }
}

const call = (fn: Fn, args: unknown[]) => (fn as (...a: unknown[]) => unknown)(...args);

describe("LICENSE.* results (formula -> expected)", () => {
  const cases: [string, Fn, unknown[], unknown][] = [
    ["AVAILABLE(10, 3)", available, [10, 3], 7],
    ["AVAILABLE(10, 12)", available, [10, 12], 0],
    ["AVAILABLE(10, 3, TRUE)", available, [10, 3, true], "Unlimited"],
    ["AVAILABLE(10, 3, FALSE)", available, [10, 3, false], 7],
    ["AVAILABLE(<blank>, 25, TRUE)", available, [null, 25, true], "Unlimited"],
    ['AVAILABLE("", 25, TRUE)', available, ["", 25, true], "Unlimited"],
    ["SHORTFALL(<blank>, 25, TRUE)", shortfall, [null, 25, true], 0],
    ['AVAILABLE(10, 3, "")', available, [10, 3, ""], 7],
    ["AVAILABLE(2.5, 1)", available, [2.5, 1], 1.5],
    ["SHORTFALL(10, 12)", shortfall, [10, 12], 2],
    ["SHORTFALL(10, 3)", shortfall, [10, 3], 0],
    ["SHORTFALL(10, 12, TRUE)", shortfall, [10, 12, true], 0],
    ["SHORTFALL(0, 0)", shortfall, [0, 0], 0],
    ["COMPLIANCE(10, 11)", compliance, [10, 11], "Over-deployed"],
    ["COMPLIANCE(10, 10)", compliance, [10, 10], "Compliant"],
    ["COMPLIANCE(10, 8)", compliance, [10, 8], "Compliant"],
    ["COMPLIANCE(10, 7)", compliance, [10, 7], "Under-utilized"],
    ["COMPLIANCE(10, 7, FALSE, 0.7)", compliance, [10, 7, false, 0.7], "Compliant"],
    ["COMPLIANCE(10, 6, null, 0.7)", compliance, [10, 6, null, 0.7], "Under-utilized"],
    // a threshold of 0 is blank (Excel on Windows passes an empty cell as 0), so the default 0.8
    ["COMPLIANCE(10, 0, , 0)", compliance, [10, 0, null, 0], "Under-utilized"],
    ["COMPLIANCE(10, 9, , 1)", compliance, [10, 9, null, 1], "Under-utilized"],
    ["COMPLIANCE(0, 0)", compliance, [0, 0], "Compliant"],
    ["COMPLIANCE(0, 1)", compliance, [0, 1], "Over-deployed"],
    ["COMPLIANCE(10, 50, TRUE)", compliance, [10, 50, true], "Compliant"],
    ["COMPLIANCE(10, 0, TRUE)", compliance, [10, 0, true], "Compliant"],
    ['COMPLIANCE(10, 7, "", "")', compliance, [10, 7, "", ""], "Under-utilized"],
    ["TRUEUP(10, 12, 50)", trueUp, [10, 12, 50], 100],
    ["TRUEUP(10, 8, 50)", trueUp, [10, 8, 50], 0],
    ["TRUEUP(10, 12, 50, TRUE)", trueUp, [10, 12, 50, true], 0],
    ['ANNUALCOST(100, "Monthly")', annualCostFn, [100, "Monthly"], 1200],
    ['ANNUALCOST(100, "monthly", 5)', annualCostFn, [100, "monthly", 5], 1200],
    ['ANNUALCOST(100, " QUARTERLY ")', annualCostFn, [100, " QUARTERLY "], 400],
    ['ANNUALCOST(100, "Semi-annual")', annualCostFn, [100, "Semi-annual"], 200],
    ['ANNUALCOST(100, "Annual", 36)', annualCostFn, [100, "Annual", 36], 100],
    ['ANNUALCOST(3600, "Multi-year", 36)', annualCostFn, [3600, "Multi-year", 36], 1200],
    ['ANNUALCOST(3600, "One-time", 36)', annualCostFn, [3600, "One-time", 36], 1200],
    ['ANNUALCOST(3600, "One-time")', annualCostFn, [3600, "One-time"], 0],
    ['ANNUALCOST(3600, "one-time", "")', annualCostFn, [3600, "one-time", ""], 0],
    ['ANNUALCOST(0, "Annual")', annualCostFn, [0, "Annual"], 0],
    [
      "DAYSTOEXPIRY(31/03/2026, 01/03/2026)",
      daysToExpiryFn,
      [serial("2026-03-31"), serial("2026-03-01")],
      30,
    ],
    [
      "DAYSTOEXPIRY(01/03/2026, 31/03/2026)",
      daysToExpiryFn,
      [serial("2026-03-01"), serial("2026-03-31")],
      -30,
    ],
    ["DAYSTOEXPIRY(same day)", daysToExpiryFn, [serial("2026-03-31"), serial("2026-03-31")], 0],
    [
      "DAYSTOEXPIRY with times of day",
      daysToExpiryFn,
      [serial("2026-03-31") + 0.1, serial("2026-03-30") + 0.9],
      1,
    ],
    ["DAYSTOEXPIRY across a leap day", daysToExpiryFn, [serial("2028-03-01"), serial("2028-02-28")], 2],
    ["RENEWALSTATUS(, TRUE)", renewalStatusFn, ["", true], "Perpetual"],
    [
      "RENEWALSTATUS(expired, TRUE)",
      renewalStatusFn,
      [serial("2020-01-01"), true, false, null, serial("2026-01-01")],
      "Perpetual",
    ],
    [
      "RENEWALSTATUS(yesterday)",
      renewalStatusFn,
      [serial("2025-12-31"), false, false, null, serial("2026-01-01")],
      "Expired",
    ],
    [
      "RENEWALSTATUS(yesterday, , TRUE)",
      renewalStatusFn,
      [serial("2025-12-31"), false, true, null, serial("2026-01-01")],
      "Expired",
    ],
    [
      "RENEWALSTATUS(today)",
      renewalStatusFn,
      [serial("2026-01-01"), null, null, null, serial("2026-01-01")],
      "Renewal due",
    ],
    [
      "RENEWALSTATUS(+30 days)",
      renewalStatusFn,
      [serial("2026-01-31"), null, null, null, serial("2026-01-01")],
      "Renewal due",
    ],
    [
      "RENEWALSTATUS(+30 days, auto)",
      renewalStatusFn,
      [serial("2026-01-31"), false, true, null, serial("2026-01-01")],
      "Auto-renews",
    ],
    [
      "RENEWALSTATUS(+31 days)",
      renewalStatusFn,
      [serial("2026-02-01"), null, null, null, serial("2026-01-01")],
      "Active",
    ],
    [
      "RENEWALSTATUS(+31 days, lead 31)",
      renewalStatusFn,
      [serial("2026-02-01"), null, null, 31, serial("2026-01-01")],
      "Renewal due",
    ],
    [
      "RENEWALSTATUS(+1 day, lead 0): 0 is blank, so the default 30 days",
      renewalStatusFn,
      [serial("2026-01-02"), null, null, 0, serial("2026-01-01")],
      "Renewal due",
    ],
    [
      "RENEWALSTATUS(+40 days, , , , , start next week)",
      renewalStatusFn,
      [serial("2026-02-10"), null, null, null, serial("2026-01-01"), serial("2026-01-08")],
      "Not started",
    ],
    [
      "RENEWALSTATUS(+40 days, FALSE as 0)",
      renewalStatusFn,
      [serial("2026-02-10"), 0, 0, 0, serial("2026-01-01")],
      "Active",
    ],
    ["RENEWALSTATUS(no expiry)", renewalStatusFn, ["", false, false, null, serial("2026-01-01")], "Active"],
    ['COUNTUSED("LIC-1", ids)', countUsed, ["LIC-1", [["LIC-1"], [" lic-1 "], ["LIC-2"], [""], [null]]], 2],
    ['COUNTUSED("", ids)', countUsed, ["", [["LIC-1"], [""], [""]]], 0],
    ["COUNTUSED(null, ids)", countUsed, [null, [[""], [null]]], 0],
    ["COUNTUSED(7, ids) numeric IDs", countUsed, [7, [[7], ["7"], [8]]], 2],
    [
      "COUNTUSED on a 2-D range",
      countUsed,
      [
        "A",
        [
          ["A", "B"],
          ["a", "A"],
        ],
      ],
      3,
    ],
    ["COUNTUSED on a single cell", countUsed, ["A", "a"], 1],
    [
      "COUNTUSED with devices",
      countUsed,
      [
        "LIC-1",
        [["LIC-1"], ["lic-1"], ["LIC-1"], ["LIC-2"], ["LIC-1"]],
        [["PC-1"], [" pc-1"], ["PC-2"], ["PC-3"], [""]],
      ],
      2,
    ],
    ['COUNTUSED with keys omitted as ""', countUsed, ["LIC-1", [["LIC-1"], ["LIC-1"]], ""], 2],
    [
      "COUNTUSED: 0 is a blank cell (Windows), no device",
      countUsed,
      ["LIC-1", [["LIC-1"], ["LIC-1"]], [[0], ["PC-1"]]],
      1,
    ],
    ["COUNTUSED: a 0 licence ID is blank", countUsed, [0, [[0], [0]]], 0],
    ["AVAILABLE(blank, 1): a blank quantity is 0", available, ["", 1], 0],
    ["AVAILABLE(0 as blank, 1, 0 as FALSE)", available, [0, 1, 0], 0],
    ["SHORTFALL(1, 1, 0 as FALSE)", shortfall, [1, 1, 0], 0],
    ["TRUEUP(1, blank, 5)", trueUp, [1, null, 5], 0],
    ['ANNUALCOST(100, ""): a blank pricing model is One-time', annualCostFn, [100, ""], 0],
    ["ANNUALCOST(100, 0 as blank, 0 as blank)", annualCostFn, [100, 0, 0], 0],
    ['ANNUALCOST(100, "Monthly", 0 as blank)', annualCostFn, [100, "Monthly", 0], 1200],
    ["COUNTUSED blank id with keys", countUsed, ["", [[""], [""]], [["PC-1"], ["PC-2"]]], 0],
  ];
  test.each(cases)("%s", (_formula, fn, args, expected) => {
    expect(call(fn, args)).toEqual(expected);
  });
});

describe("LICENSE.* bad input gives an Excel error naming the argument", () => {
  const cases: [string, Fn, unknown[], string, string][] = [
    [
      'AVAILABLE("ten", 1)',
      available,
      ["ten", 1],
      "#VALUE!",
      'quantity must be a number of 0 or more; got "ten"',
    ],
    ['AVAILABLE("5", 1) numeric text', available, ["5", 1], "#VALUE!", "quantity"],
    ["AVAILABLE(-1, 1)", available, [-1, 1], "#VALUE!", "quantity"],
    ["AVAILABLE(NaN, 1)", available, [NaN, 1], "#VALUE!", "quantity"],
    ["AVAILABLE(Infinity, 1)", available, [Infinity, 1], "#VALUE!", "quantity"],
    ["AVAILABLE(TRUE, 1)", available, [true, 1], "#VALUE!", "quantity"],
    ["AVAILABLE(1, -2)", available, [1, -2], "#VALUE!", "used"],
    ['AVAILABLE(1, "x")', available, [1, "x"], "#VALUE!", "used"],
    ["AVAILABLE(1, 1, 1)", available, [1, 1, 1], "#VALUE!", "unlimited must be TRUE or FALSE"],
    ['AVAILABLE(1, 1, "TRUE")', available, [1, 1, "TRUE"], "#VALUE!", "unlimited"],
    ["SHORTFALL(1, NaN)", shortfall, [1, NaN], "#VALUE!", "used"],
    ['SHORTFALL("1", 1)', shortfall, ["1", 1], "#VALUE!", "quantity"],
    [
      "COMPLIANCE(1, 1, , 1.5)",
      compliance,
      [1, 1, null, 1.5],
      "#VALUE!",
      "threshold must be a number above 0 and up to 1",
    ],
    ["COMPLIANCE(1, 1, , -0.1)", compliance, [1, 1, null, -0.1], "#VALUE!", "threshold"],
    ['COMPLIANCE(1, 1, , "0.8")', compliance, [1, 1, null, "0.8"], "#VALUE!", "threshold"],
    ['COMPLIANCE(1, 1, "yes")', compliance, [1, 1, "yes"], "#VALUE!", "unlimited"],
    ["COMPLIANCE(-1, 1)", compliance, [-1, 1], "#VALUE!", "quantity"],
    ["COMPLIANCE(1, -1)", compliance, [1, -1], "#VALUE!", "used"],
    ["TRUEUP(1, 2, -5)", trueUp, [1, 2, -5], "#VALUE!", "unitCost"],
    ['TRUEUP(1, 2, "5")', trueUp, [1, 2, "5"], "#VALUE!", "unitCost"],
    ['TRUEUP("a", 2, 5)', trueUp, ["a", 2, 5], "#VALUE!", "quantity"],
    ["TRUEUP(1, 2, 5, 2)", trueUp, [1, 2, 5, 2], "#VALUE!", "unlimited"],
    [
      'ANNUALCOST(-1, "Annual")',
      annualCostFn,
      [-1, "Annual"],
      "#VALUE!",
      "cost must be a number of 0 or more",
    ],
    ['ANNUALCOST("100", "Annual")', annualCostFn, ["100", "Annual"], "#VALUE!", "cost"],
    ['ANNUALCOST(100, "Weekly")', annualCostFn, [100, "Weekly"], "#VALUE!", "pricingModel must be one of"],
    ["ANNUALCOST(100, 12)", annualCostFn, [100, 12], "#VALUE!", "pricingModel"],
    ['ANNUALCOST(100, "Multi-year")', annualCostFn, [100, "Multi-year"], "#N/A", "termMonths is blank"],
    ['ANNUALCOST(100, "Multi-year", 0)', annualCostFn, [100, "Multi-year", 0], "#N/A", "termMonths is blank"],
    ['ANNUALCOST(100, "One-time", -12)', annualCostFn, [100, "One-time", -12], "#VALUE!", "termMonths"],
    ['ANNUALCOST(100, "Annual", "12")', annualCostFn, [100, "Annual", "12"], "#VALUE!", "termMonths"],
    ["DAYSTOEXPIRY(blank)", daysToExpiryFn, [""], "#N/A", "expiry is blank"],
    ["DAYSTOEXPIRY(0)", daysToExpiryFn, [0], "#N/A", "expiry"],
    ["DAYSTOEXPIRY(null)", daysToExpiryFn, [null], "#N/A", "expiry"],
    ['DAYSTOEXPIRY("2026-03-31")', daysToExpiryFn, ["2026-03-31"], "#VALUE!", "expiry must be a date"],
    ["DAYSTOEXPIRY(-5)", daysToExpiryFn, [-5], "#VALUE!", "expiry"],
    ["DAYSTOEXPIRY(past year 9999)", daysToExpiryFn, [3_000_000], "#VALUE!", "expiry"],
    ['DAYSTOEXPIRY(date, "today")', daysToExpiryFn, [46000, "today"], "#VALUE!", "asOf must be a date"],
    ["DAYSTOEXPIRY(TRUE)", daysToExpiryFn, [true], "#VALUE!", "expiry"],
    ['RENEWALSTATUS("x")', renewalStatusFn, ["x"], "#VALUE!", "expiry"],
    ["RENEWALSTATUS(d, 1)", renewalStatusFn, [46000, 1], "#VALUE!", "perpetual must be TRUE or FALSE"],
    ['RENEWALSTATUS(d, , "no")', renewalStatusFn, [46000, null, "no"], "#VALUE!", "autoRenew"],
    [
      "RENEWALSTATUS(d, , , -1)",
      renewalStatusFn,
      [46000, null, null, -1],
      "#VALUE!",
      "leadDays must be a whole number",
    ],
    ["RENEWALSTATUS(d, , , 2.5)", renewalStatusFn, [46000, null, null, 2.5], "#VALUE!", "leadDays"],
    ['RENEWALSTATUS(d, , , , "x")', renewalStatusFn, [46000, null, null, null, "x"], "#VALUE!", "asOf"],
    ["COUNTUSED(TRUE, ids)", countUsed, [true, [["A"]]], "#VALUE!", "licenceId must be text"],
    [
      'RENEWALSTATUS(d, , , , , "x")',
      renewalStatusFn,
      [46000, null, null, null, null, "x"],
      "#VALUE!",
      "start must be a date",
    ],
    [
      "COUNTUSED keys of another shape",
      countUsed,
      ["A", [["A"], ["A"], ["B"]], [["PC-1"], ["PC-2"]]],
      "#VALUE!",
      "keys must be the same shape as licenceIds (3 rows × 1 column); got 2 rows × 1 column",
    ],
    ["COUNTUSED keys wider", countUsed, ["A", [["A"]], [["PC-1", "x"]]], "#VALUE!", "keys"],
  ];
  test.each(cases)("%s", (_formula, fn, args, code, messagePart) => {
    const error = excelError(() => call(fn, args));
    expect(error.code).toBe(code);
    expect(error.message).toContain(messagePart);
  });
});

describe("an auditor hovering the error is told what to give instead", () => {
  test.each<[string, () => unknown, string]>([
    [
      'AVAILABLE("ten", 1)',
      () => available("ten", 1),
      'quantity must be a number of 0 or more; got "ten". Give a number, or a cell that holds one.',
    ],
    [
      'DAYSTOEXPIRY("2026-03-31")',
      () => daysToExpiryFn("2026-03-31"),
      'expiry must be a date; got "2026-03-31". Give a cell formatted as a date, or DATE(2026,3,31).',
    ],
    [
      'ANNUALCOST(100, "Weekly")',
      () => annualCostFn(100, "Weekly"),
      'pricingModel must be one of One-time, Monthly, Quarterly, Semi-annual, Annual, Multi-year; got "Weekly". Give one of those, or leave it blank for One-time.',
    ],
    [
      "DAYSTOEXPIRY(blank)",
      () => daysToExpiryFn(""),
      "expiry is blank: there is no expiry date to count to. Give one, or wrap the formula in IFNA for licences without one.",
    ],
  ])("%s", (_formula, fn, message) => {
    expect(excelError(fn).message).toBe(message);
  });
});

describe("the as-of date defaults to today, read at each call", () => {
  afterEach(() => jest.useRealTimers());

  test("DAYSTOEXPIRY and RENEWALSTATUS count from today when asOf is omitted", () => {
    const today = serial(todayIsoDate());
    expect(daysToExpiryFn(today + 10)).toBe(10);
    expect(daysToExpiryFn(today + 10, null)).toBe(10);
    expect(daysToExpiryFn(today + 10, "")).toBe(10);
    expect(renewalStatusFn(today - 1)).toBe("Expired");
    expect(renewalStatusFn(today + 40)).toBe("Active");
  });

  test("the next day's call sees the next day", () => {
    jest.useFakeTimers({ now: new Date(2026, 2, 1, 12) });
    const expiry = serial("2026-03-31");
    expect(daysToExpiryFn(expiry)).toBe(30);
    jest.setSystemTime(new Date(2026, 2, 2, 12));
    expect(daysToExpiryFn(expiry)).toBe(29);
    jest.setSystemTime(new Date(2026, 3, 1, 12));
    expect(renewalStatusFn(expiry)).toBe("Expired");
  });
});
