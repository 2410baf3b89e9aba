import { displayText } from "../../src/host/displayText";

// Range.text under a number format, as Microsoft's "Number format codes" page shows it (src/host/README.md,
// "Displayed text"): each example is [format, value, what the cell shows].
const shown: [string, number, string][] = [
  // the page's own examples
  ["####.#", 1234.59, "1234.6"],
  ["#.000", 8.9, "8.900"],
  ["0.#", 0.631, "0.6"],
  ["#.0#", 12, "12.0"],
  ["#.0#", 1234.568, "1234.57"],
  ["#,###", 12000, "12,000"],
  // "#" after the point: a digit only when it is not a trailing zero; the point stays
  ["0.0##%", 0.8125, "81.25%"],
  ["0.0##%", 0.825, "82.5%"],
  ["0.0##%", 0.8, "80.0%"],
  ["0.0##%", 0.123456, "12.346%"],
  ["0.#", 80, "80."],
  ["0.##", 2.5, "2.5"],
  // "0" always shows its digit, on both sides of the point
  ["0.0%", 0.8125, "81.3%"],
  ["0%", 0.825, "83%"],
  ["00", 5, "05"],
  ["#,##0.00", 1234.5, "1,234.50"],
  // only "#" before the point: a number below 1 starts with the point, and 0 shows nothing
  ["#.##", 0.5, ".5"],
  ["#", 0, ""],
  ["#,##0", 0, "0"],
];

it.each(shown)('under "%s", %p shows as "%s"', (format, value, text) => {
  expect(displayText(value, format)).toBe(text);
});

it("falls back to General for codes it does not imitate", () => {
  expect(displayText(2.8, "???.???")).toBe("2.8");
  expect(displayText(0.5, "0.#0")).toBe("0.5");
});
