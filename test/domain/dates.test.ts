import { isValidIsoDate } from "../../src/domain/dates";

describe("which text is a real date", () => {
  it("accepts real calendar dates written yyyy-MM-dd, leap days only in leap years", () => {
    for (const date of ["2026-01-31", "2026-12-31", "2024-02-29", "2000-02-29", "1900-01-01", "9999-12-31"])
      expect(isValidIsoDate(date)).toBe(true);
    for (const date of ["2026-02-29", "1900-02-29", "2100-02-29", "2026-04-31", "2026-00-10", "2026-13-01"])
      expect(isValidIsoDate(date)).toBe(false);
  });

  it("refuses anything else: other layouts, spaces, times, day 0, years before 100", () => {
    for (const text of [
      "",
      "2026-1-05",
      "2026/01/05",
      " 2026-01-05",
      "2026-01-05 ",
      "2026-01-05T00:00",
      "2026-01-00",
      "2026-0a-05",
      "+026-01-05",
      "0099-12-31",
      "31 Mar 2026",
    ])
      expect(isValidIsoDate(text)).toBe(false);
  });
});
