import { parseInput } from "../../src/host/inputParsing";
import { defaultFormulaValue } from "../../src/host/formulas";
import { formatRect, parseAddress } from "../../src/host/addresses";

describe("Excel input parsing", () => {
  test.each([
    ["=SUM(A1)", "General", { kind: "formula", formula: "=SUM(A1)" }],
    ["+1", "General", { kind: "formula", formula: "=+1" }],
    ["+A1", "General", { kind: "formula", formula: "=+A1" }],
    ["-A1*2", "General", { kind: "formula", formula: "=-A1*2" }],
    ["@SUM(A1)", "General", { kind: "formula", formula: "=SUM(A1)" }],
    ["-5", "General", { kind: "value", value: -5 }],
    ["42", "General", { kind: "value", value: 42 }],
    ["1,234.5", "General", { kind: "value", value: 1234.5 }],
    ["50%", "General", { kind: "value", value: 0.5, impliedFormat: "0%" }],
    ["2026-01-31", "General", { kind: "value", value: 46053, impliedFormat: "yyyy-mm-dd" }],
    ["true", "General", { kind: "value", value: true }],
    ["FALSE", "General", { kind: "value", value: false }],
    ["'=SUM(A1)", "General", { kind: "value", value: "=SUM(A1)" }],
    ["'007", "General", { kind: "value", value: "007" }],
    ["'", "General", { kind: "clear" }],
    ["=SUM(A1)", "@", { kind: "value", value: "=SUM(A1)" }],
    ["007", "@", { kind: "value", value: "007" }],
    ["'abc", "@", { kind: "value", value: "abc" }],
    ["", "General", { kind: "clear" }],
    ["- not a formula", "General", { kind: "value", value: "- not a formula" }],
    ["plain text", "General", { kind: "value", value: "plain text" }],
  ])("%p in a %p cell", (input, format, expected) => {
    expect(parseInput(input, format)).toEqual(expected);
  });

  test("numbers and booleans pass through; null leaves the cell alone", () => {
    expect(parseInput(3.5, "@")).toEqual({ kind: "value", value: 3.5 });
    expect(parseInput(false, "General")).toEqual({ kind: "value", value: false });
    expect(parseInput(null, "General")).toEqual({ kind: "skip" });
  });

  test("formula values without an evaluator: constants, otherwise #NAME?", () => {
    expect(defaultFormulaValue("=+1")).toBe(1);
    expect(defaultFormulaValue("=--2.5")).toBe(2.5);
    expect(defaultFormulaValue("=-1e-3")).toBe(-0.001);
    expect(defaultFormulaValue('="a""b"')).toBe('a"b');
    expect(defaultFormulaValue("=LICENSE.USED([@[Licence ID]])")).toBe("#NAME?");
  });
});

describe("A1 addresses", () => {
  test.each(["A1", "B2:C3", "A:C", "2:5", "XFD1048576"])("%s round-trips", (address) => {
    expect(formatRect(parseAddress(address)!.rect)).toBe(address);
  });

  test("sheet prefixes and absolute references", () => {
    expect(parseAddress("'My sheet'!$A$1:$B$2")).toEqual({
      sheet: "My sheet",
      rect: { row: 0, column: 0, rowCount: 2, columnCount: 2 },
    });
    expect(parseAddress("not an address")).toBeUndefined();
  });
});
