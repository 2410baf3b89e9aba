import {
  annualCost,
  parsePricingModel,
  reportingRate,
  termRequired,
  toReportingCurrency,
  trueUpCost,
  unitCost,
  unusedCost,
} from "../../src/domain/costs";
import { addDays, daysBetween, excelSerialToIsoDate, isoDateToExcelSerial } from "../../src/domain/dates";
import { entitlementOn, type EntitlementTerms } from "../../src/domain/entitlement";
import { KeyCounter, matchKey } from "../../src/domain/keys";
import { PRICING_MODELS, type AllocationRule, type PricingModel } from "../../src/domain/lists";
import {
  applyReview,
  availableQuantity,
  describeQuantityStatus,
  entitledQuantity,
  quantityStatus,
  shortfallQuantity,
} from "../../src/domain/quantities";
import {
  daysToExpiry,
  noticeDate,
  renewalLeadDays,
  renewalStatus,
  type RenewalTerms,
} from "../../src/domain/renewals";
import {
  allocationState,
  countDistinctKeys,
  countLinkedRows,
  countUsed,
  isAllocationActive,
  UsageTally,
  usedQuantity,
} from "../../src/domain/usage";

describe("quantities", () => {
  test.each([
    // entitled, used, available, shortfall, status (threshold 0.8)
    [10, 3, 7, 0, "Under-utilized"],
    [10, 8, 2, 0, "Compliant"],
    [10, 7.99, 2.01, 0, "Under-utilized"],
    [10, 10, 0, 0, "Compliant"],
    [10, 11, 0, 1, "Over-deployed"],
    [0, 0, 0, 0, "Compliant"],
    [0, 2, 0, 2, "Over-deployed"],
    [null, 1000, null, 0, "Compliant"],
    [null, 0, null, 0, "Compliant"],
  ] as const)(
    "entitled %p used %p -> available %p, shortfall %p, %s",
    (entitled, used, avail, short, status) => {
      const actual = availableQuantity(entitled, used);
      if (avail === null) expect(actual).toBeNull();
      else expect(actual).toBeCloseTo(avail);
      expect(shortfallQuantity(entitled, used)).toBe(short);
      expect(quantityStatus(entitled, used)).toBe(status);
    },
  );

  test("the threshold decides Under-utilized, inclusive at the boundary", () => {
    expect(quantityStatus(10, 5, 0.5)).toBe("Compliant");
    expect(quantityStatus(10, 4, 0.5)).toBe("Under-utilized");
    expect(quantityStatus(10, 0, 0)).toBe("Compliant");
    expect(quantityStatus(10, 9, 1)).toBe("Under-utilized");
  });

  test("entitledQuantity is null when unlimited", () => {
    expect(entitledQuantity(5, false)).toBe(5);
    expect(entitledQuantity(5, true)).toBeNull();
  });

  test("reasons say the figures", () => {
    expect(describeQuantityStatus("Over-deployed", 10, 12)).toBe("12 in use but only 10 entitled: 2 short.");
    expect(describeQuantityStatus("Under-utilized", 10, 2)).toContain("below the under-use threshold of 80%");
    expect(describeQuantityStatus("Compliant", null, 4)).toBe("Unlimited: 4 in use.");
  });

  test("Review Required overrides Compliant and Under-utilized but not Over-deployed", () => {
    expect(applyReview("Compliant", "8 of 10 in use.", [])).toEqual({
      status: "Compliant",
      statusReason: "8 of 10 in use.",
    });
    expect(applyReview("Compliant", "8 of 10 in use.", ["Check the contract."])).toEqual({
      status: "Review Required",
      statusReason: "Review required: Check the contract. (8 of 10 in use.)",
    });
    expect(applyReview("Under-utilized", "x", ["r"]).status).toBe("Review Required");
    const over = applyReview("Over-deployed", "12 in use but only 10 entitled: 2 short.", [
      "Check the contract.",
    ]);
    expect(over.status).toBe("Over-deployed");
    expect(over.statusReason).toContain("Check the contract.");
  });
});

describe("renewals", () => {
  const terms = (t: Partial<RenewalTerms>): RenewalTerms => ({ perpetual: false, autoRenew: false, ...t });
  test.each([
    ["perpetual", terms({ perpetual: true, expiryDate: "2020-01-01" }), "Perpetual"],
    ["not started", terms({ startDate: "2026-06-16", expiryDate: "2027-01-01" }), "Not started"],
    ["starts today", terms({ startDate: "2026-06-15", expiryDate: "2027-01-01" }), "Active"],
    ["expired yesterday", terms({ expiryDate: "2026-06-14" }), "Expired"],
    ["expired, auto-renew", terms({ expiryDate: "2026-06-14", autoRenew: true }), "Expired"],
    ["expires today", terms({ expiryDate: "2026-06-15" }), "Renewal due"],
    ["expires in 30 days", terms({ expiryDate: "2026-07-15" }), "Renewal due"],
    ["expires in 30 days, auto-renew", terms({ expiryDate: "2026-07-15", autoRenew: true }), "Auto-renews"],
    ["expires in 31 days", terms({ expiryDate: "2026-07-16" }), "Active"],
    ["no expiry", terms({}), "Active"],
  ] as const)("%s", (_name, t, status) => {
    expect(renewalStatus(t, "2026-06-15", 30)).toBe(status);
  });

  test("days to expiry, notice date and lead days", () => {
    expect(daysToExpiry("2026-07-15", "2026-06-15")).toBe(30);
    expect(daysToExpiry("2026-06-14", "2026-06-15")).toBe(-1);
    expect(noticeDate("2026-03-31", 30)).toBe("2026-03-01");
    expect(noticeDate("2024-03-30", 30)).toBe("2024-02-29");
    expect(renewalLeadDays({ renewalLeadDays: 10 }, { defaultRenewalLeadDays: 60 })).toBe(10);
    // 0 is blank: a LICENSE function cannot tell an empty cell (0 on Windows) from 0
    expect(renewalLeadDays({ renewalLeadDays: 0 }, { defaultRenewalLeadDays: 60 })).toBe(60);
    expect(renewalLeadDays({}, { defaultRenewalLeadDays: 60 })).toBe(60);
    expect(renewalLeadDays({}, {})).toBe(30);
  });
});

describe("entitlement on a date", () => {
  const base: EntitlementTerms = { quantity: 10, unlimited: false, perpetual: false, autoRenew: false };
  test.each([
    ["in force", {}, 10, false, false],
    ["unlimited", { unlimited: true }, null, false, false],
    ["expired", { expiryDate: "2026-06-14" }, 0, true, false],
    ["expires today is still in force", { expiryDate: "2026-06-15" }, 10, false, false],
    ["expired unlimited entitles nobody", { unlimited: true, expiryDate: "2026-01-01" }, 0, true, false],
    ["not started", { startDate: "2026-06-16" }, 0, true, false],
    ["perpetual with an old date", { perpetual: true, expiryDate: "2020-01-01" }, 10, false, false],
    [
      "auto-renew past expiry keeps its quantity",
      { autoRenew: true, expiryDate: "2026-06-01" },
      10,
      false,
      true,
    ],
    ["no quantity counts as 0", { quantity: undefined }, 0, false, false],
  ] as const)("%s", (_name, overrides, entitled, lapsed, review) => {
    const result = entitlementOn({ ...base, ...overrides }, "2026-06-15");
    expect(result.entitled).toBe(entitled);
    expect(result.lapsedReason !== undefined).toBe(lapsed);
    expect(result.reviewReason !== undefined).toBe(review);
    if (review)
      expect(result.reviewReason).toBe(
        "It auto-renews but expired on 1 Jun 2026 and no renewed expiry is recorded: enter the new Expiry Date.",
      );
  });
});

describe("costs", () => {
  test.each([
    [100, "Monthly", undefined, 1200],
    [100, "Monthly", 7, 1200],
    [100, "Quarterly", undefined, 400],
    [100, "Semi-annual", undefined, 200],
    [100, "Annual", 36, 100],
    [3600, "Multi-year", 36, 1200],
    [3600, "Multi-year", undefined, 0],
    [3600, "One-time", 36, 1200],
    [3600, "One-time", undefined, 0],
    [1200, "One-time", 6, 2400],
  ] as const)("%p %s over %p months -> %p a year", (cost, model, term, expected) => {
    expect(annualCost(cost, model as PricingModel, term)).toBe(expected);
  });

  test("pricing models parse ignoring case and spaces", () => {
    for (const model of PRICING_MODELS) {
      expect(parsePricingModel(model.toUpperCase())).toBe(model);
      expect(parsePricingModel(` ${model.toLowerCase()} `)).toBe(model);
    }
    expect(parsePricingModel("Weekly")).toBeUndefined();
    expect(termRequired("Multi-year")).toBe(true);
    expect(termRequired("One-time")).toBe(false);
  });

  test("unit cost, true-up and unused cost", () => {
    expect(unitCost(25, 1000, 10)).toBe(25);
    expect(unitCost(undefined, 1000, 10)).toBe(100);
    expect(unitCost(undefined, 1000, 0)).toBe(0);
    expect(unitCost(undefined, 1000, undefined)).toBe(0);
    expect(trueUpCost(3, 100)).toBe(300);
    expect(unusedCost(4, 100)).toBe(400);
    expect(unusedCost(null, 100)).toBe(0);
  });

  test("currency conversion uses Settings.exchangeRates and never guesses a missing rate", () => {
    const rates = { USD: 0.8, eur: 0.85 };
    expect(toReportingCurrency(100, "GBP", "GBP", rates)).toBe(100);
    expect(toReportingCurrency(100, "gbp", "GBP", rates)).toBe(100);
    expect(toReportingCurrency(100, "USD", "GBP", rates)).toBeCloseTo(80);
    expect(toReportingCurrency(100, "eur", "GBP", rates)).toBeCloseTo(85);
    expect(toReportingCurrency(100, "JPY", "GBP", rates)).toBeNull();
    expect(reportingRate("JPY", "GBP", {})).toBeNull();
  });
});

describe("usage counting", () => {
  test("an allocation is active from Allocated On until Revoked On", () => {
    expect(isAllocationActive({}, "2026-06-15")).toBe(true);
    expect(isAllocationActive({ allocatedOn: "2026-06-15" }, "2026-06-15")).toBe(true);
    expect(isAllocationActive({ allocatedOn: "2026-06-16" }, "2026-06-15")).toBe(false);
    expect(isAllocationActive({ revokedOn: "2026-06-16" }, "2026-06-15")).toBe(true);
    expect(isAllocationActive({ revokedOn: "2026-06-15" }, "2026-06-15")).toBe(false);
    expect(isAllocationActive({ revokedOn: "2026-01-01" }, "2026-06-15")).toBe(false);
  });

  test("an allocation whose Allocated On is still ahead has not started; it is not revoked", () => {
    expect(allocationState({ allocatedOn: "2026-06-16" }, "2026-06-15")).toBe("Not started");
    expect(allocationState({ allocatedOn: "2026-06-16", revokedOn: "2026-09-01" }, "2026-06-15")).toBe(
      "Not started",
    );
    expect(allocationState({ allocatedOn: "2026-06-15" }, "2026-06-15")).toBe("Active");
    expect(allocationState({ revokedOn: "2026-06-16" }, "2026-06-15")).toBe("Active");
    expect(allocationState({ revokedOn: "2026-06-15" }, "2026-06-15")).toBe("Revoked");
  });

  const installs = [
    { device: "PC-1", user: "ann" },
    { device: " pc-1 ", user: "ANN" },
    { device: "PC-2", user: "bob" },
    { device: "PC-3" },
  ];
  const allocs = [
    { user: "Ann " },
    { user: "cat" },
    { user: "dan", revokedOn: "2026-01-01" },
    { user: "eve", allocatedOn: "2026-12-01" },
  ];
  test.each([
    ["Device-based", undefined, 3, false],
    ["Site", undefined, 3, false],
    ["User-based", undefined, 3, false],
    ["Concurrent", 7, 7, false],
    ["Floating", 0, 0, false],
    ["Concurrent", undefined, 2, false],
  ] as const)("%s with peak %p counts %p", (rule, peak, used, review) => {
    const result = countUsed(rule as AllocationRule, installs, allocs, "2026-06-15", peak);
    expect(result.used).toBe(used);
    expect(result.reviewReason !== undefined).toBe(review);
  });

  test("concurrent with installations but no usage figure needs review", () => {
    const result = countUsed("Floating", installs, [], "2026-06-15");
    expect(result).toEqual({ used: 0, reviewReason: expect.stringContaining("no usage figure") });
    expect(countUsed("Concurrent", [], [], "2026-06-15")).toEqual({ used: 0 });
  });

  test("a tally kept for one rule refuses to count another", () => {
    expect(() => usedQuantity("User-based", new UsageTally("Device-based"))).toThrow();
  });

  test("sheet-range counting matches trimmed and case-insensitively", () => {
    expect(countLinkedRows("LIC-1", ["LIC-1", " lic-1", "LIC-10", ""])).toBe(2);
    expect(countLinkedRows("  ", ["", " "])).toBe(0);
    expect(
      countDistinctKeys("LIC-1", ["LIC-1", "lic-1", "LIC-2", "LIC-1"], ["PC-1", "pc-1 ", "PC-9", ""]),
    ).toBe(1);
  });

  test("a key counter forgets a key only when its last occurrence goes", () => {
    const counter = new KeyCounter();
    counter.change("a", 1);
    counter.change("a", 1);
    counter.change("b", 1);
    counter.change("a", -1);
    expect(counter.size).toBe(2);
    counter.change("a", -1);
    expect([...counter.keys()]).toEqual(["b"]);
    expect(matchKey("  PC-01 ")).toBe("pc-01");
  });
});

describe("dates", () => {
  test("Excel serials and calendar dates convert both ways", () => {
    expect(isoDateToExcelSerial("1899-12-31")).toBe(1);
    expect(isoDateToExcelSerial("2026-03-31")).toBe(46112);
    expect(excelSerialToIsoDate(46112)).toBe("2026-03-31");
    expect(excelSerialToIsoDate(46112.75)).toBe("2026-03-31");
    expect(excelSerialToIsoDate(2_958_465)).toBe("9999-12-31");
    expect(daysBetween("2024-02-28", "2024-03-01")).toBe(2);
    expect(addDays("2025-12-31", 1)).toBe("2026-01-01");
    for (let serial = 1; serial < 80_000; serial += 37) {
      expect(isoDateToExcelSerial(excelSerialToIsoDate(serial))).toBe(serial);
    }
  });
});
