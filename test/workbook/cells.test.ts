import {
  cellAddress,
  columnLetter,
  fromCell,
  literalText,
  needsLiteralPrefix,
  toCell,
} from "../../src/workbook/cells";
import { chunkBySize } from "../../src/workbook/payload";
import type { ColumnSpec } from "../../src/workbook/tables";
import { joinAnd, conflictMessage } from "../../src/workbook/messages";

const column = (type: ColumnSpec["type"]): ColumnSpec => ({
  header: "X",
  field: "x",
  type,
  numberFormat: "@",
  width: 1,
});

describe("cell conversions", () => {
  it("names columns like Excel", () => {
    expect([0, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(["A", "Z", "AA", "AB", "ZZ", "AAA"]);
    expect(cellAddress(4, 2)).toBe("C5");
  });

  it.each([
    '=HYPERLINK("http://x","y")',
    "+1",
    "-2",
    "@SUM(A1)",
    "\tx",
    "'quoted",
    "00123",
    "1e5",
    "TRUE",
    "2026-01-02",
    "3/4",
    "12:30",
    "1 Jan",
    "50%",
  ])("prefixes %p so it stays literal", (text) => {
    expect(needsLiteralPrefix(text)).toBe(true);
    expect(literalText(text)).toBe(`'${text}`);
  });

  it.each(["Visio", "Department of Health", "ABCDE-12345", "Q1 budget", "GBP", ""])(
    "leaves %p alone",
    (text) => {
      expect(literalText(text)).toBe(text);
    },
  );

  it("writes dates as serials, flags as booleans and blanks as empty", () => {
    expect(toCell(column("date"), "2026-03-31")).toBe(46112);
    expect(toCell(column("boolean"), true)).toBe(true);
    expect(toCell(column("text"), undefined)).toBe("");
    expect(toCell(column("wholeNumber"), 5)).toBe(5);
  });

  it("reads serials and ISO text as dates, TRUE/FALSE text as flags, numeric text as numbers", () => {
    expect(fromCell(column("date"), 46112)).toBe("2026-03-31");
    expect(fromCell(column("date"), "2026-03-31")).toBe("2026-03-31");
    expect(fromCell(column("date"), "next week")).toBe("next week");
    expect(fromCell(column("boolean"), "true")).toBe(true);
    expect(fromCell(column("wholeNumber"), " 12 ")).toBe(12);
    expect(fromCell(column("wholeNumber"), "ten")).toBe("ten");
    expect(fromCell(column("text"), 123)).toBe("123");
    expect(fromCell(column("text"), "  ")).toBeUndefined();
  });
});

describe("request planning", () => {
  it("chunks by estimated size", () => {
    const chunks = chunkBySize([1, 2, 3, 4, 5], () => 40, 100);
    expect(chunks).toEqual([[1, 2], [3, 4], [5]]);
  });
});

describe("messages", () => {
  it("names what changed in a sentence", () => {
    expect(joinAnd(["Quantity", "Vendor"])).toBe("Quantity and Vendor");
    expect(conflictMessage("licence", ["Quantity", "Vendor"])).toBe(
      "Someone else changed Quantity and Vendor of this licence since you opened it: reload to see their version, then make your change again.",
    );
  });
});
