import { readAmount, readDate } from "../../src/domain/typedInput";

/** What people type -> what the register reads, in their locale; text that is not one comes back as typed. */
const AMOUNTS: [locale: string, typed: string, read: number | string | undefined][] = [
  ["en-GB", "£1,200.50", 1200.5],
  ["en-GB", "1,200.50", 1200.5],
  ["en-GB", " 1200.5 ", 1200.5],
  ["en-GB", "£ 1,200", 1200],
  ["en-GB", "1,200.50 GBP", 1200.5],
  ["en-GB", "GBP 1,200.50", 1200.5],
  ["en-GB", "1 200.50", 1200.5],
  ["en-GB", "12", 12],
  ["en-GB", ".5", 0.5],
  ["en-GB", "1,234,567", 1234567],
  ["en-GB", "-£50", -50],
  ["en-GB", "£-50", -50],
  ["en-GB", "(£50.00)", -50],
  ["en-GB", "", undefined],
  ["en-GB", "   ", undefined],
  ["en-GB", "ten", "ten"],
  ["en-GB", "1,20", "1,20"],
  ["en-GB", "1,2000", "1,2000"],
  ["en-GB", "1.200,50", "1.200,50"],
  ["en-GB", "£1,200.50x", "£1,200.50x"],
  ["en-GB", "1.2.3", "1.2.3"],
  ["en-GB", "--5", "--5"],
  ["en-GB", "£", "£"],
  ["en-US", "$1,200.50", 1200.5],
  ["de-DE", "1.200,50 €", 1200.5],
  ["de-DE", "1200,50€", 1200.5],
  ["de-DE", "EUR 1.200,50", 1200.5],
  ["de-DE", "1.200", 1200],
  ["de-DE", "1,200.50", "1,200.50"],
  ["fr-FR", "1 200,50 €", 1200.5],
  ["fr-FR", "1\u202f200,50\u00a0€", 1200.5],
  ["de-CH", "CHF 1'200.50", 1200.5],
  ["de-CH", "1’200.50", 1200.5],
  ["en-IN", "₹12,34,567.50", 1234567.5],
];

const TODAY = "2026-06-15";
const DATES: [locale: string, typed: string, read: string | undefined][] = [
  ["en-GB", "2026-11-19", "2026-11-19"],
  ["en-GB", "2026-11-19T00:00:00Z", "2026-11-19"],
  ["en-GB", "19/11/2026", "2026-11-19"],
  ["en-GB", "19/11/26", "2026-11-19"],
  ["en-GB", "19-11-2026", "2026-11-19"],
  ["en-GB", "19.11.2026", "2026-11-19"],
  ["en-GB", "1/2/2027", "2027-02-01"],
  ["en-GB", "19/11", "2026-11-19"],
  ["en-GB", "19 Nov 2026", "2026-11-19"],
  ["en-GB", "19 November 2026", "2026-11-19"],
  ["en-GB", "19-Nov-26", "2026-11-19"],
  ["en-GB", "Nov 19, 2026", "2026-11-19"],
  ["en-GB", "19 Sept 2026", "2026-09-19"],
  ["en-GB", "19 nov", "2026-11-19"],
  ["en-GB", "1/1/30", "1930-01-01"],
  ["en-GB", "1/1/29", "2029-01-01"],
  ["en-GB", "", undefined],
  ["en-GB", "31/02/2026", "31/02/2026"],
  ["en-GB", "11/19/2026", "11/19/2026"],
  ["en-GB", "2026-02-30", "2026-02-30"],
  ["en-GB", "next Tuesday", "next Tuesday"],
  ["en-GB", "46000", "46000"],
  ["en-GB", "Nov 2026", "Nov 2026"],
  ["en-US", "11/19/2026", "2026-11-19"],
  ["en-US", "19/11/2026", "19/11/2026"],
  ["en-US", "November 19, 2026", "2026-11-19"],
  ["de-DE", "19.11.2026", "2026-11-19"],
  ["de-DE", "19. November 2026", "2026-11-19"],
  ["de-DE", "19. Nov. 2026", "2026-11-19"],
  ["fr-FR", "19 novembre 2026", "2026-11-19"],
  ["ja-JP", "2026/11/19", "2026-11-19"],
];

describe("amounts as people type them", () => {
  test.each(AMOUNTS)("%s: %j -> %j", (locale, typed, read) => {
    expect(readAmount(typed, locale)).toEqual(read);
  });
});

describe("dates as people type them", () => {
  test.each(DATES)("%s: %j -> %j", (locale, typed, read) => {
    expect(readDate(typed, locale, TODAY)).toEqual(read);
  });
});
