import { computePosition } from "../../src/domain/position";
import { RegisterIndex } from "../../src/domain/registerIndex";
import { allocation, AS_OF, installation, licence, onDevices, register, software } from "./fixtures";

const positionOf = (parts: Parameters<typeof register>[0], id = "LIC-1") => {
  const result = computePosition(register(parts), AS_OF);
  return { licence: result.licences.get(id)!, result };
};

describe("used quantity by allocation rule", () => {
  test("Device-based counts distinct devices, trimmed and case-insensitive", () => {
    const { licence: p } = positionOf({
      licences: [licence({ id: "LIC-1", quantity: 3 })],
      installations: [
        installation({ id: "I1", licenceId: "LIC-1", device: "PC-1" }),
        installation({ id: "I2", licenceId: "lic-1 ", device: " pc-1" }),
        installation({ id: "I3", licenceId: "LIC-1", device: "PC-2" }),
      ],
    });
    expect(p).toMatchObject({ used: 2, entitled: 3, available: 1, shortfall: 0, status: "Under-utilized" });
  });

  test("a site with many devices counts each distinct device once, however the rows spell it", () => {
    // 60 distinct devices, each on two rows spelt differently, in an order that interleaves them
    const installations = Array.from({ length: 120 }, (_, row) => {
      const device = `PC-${(row * 7) % 60}`;
      return installation({
        id: `I${row}`,
        licenceId: "LIC-1",
        device: row % 2 === 0 ? device : ` ${device.toLowerCase()} `,
      });
    });
    const { licence: p } = positionOf({
      licences: [licence({ id: "LIC-1", quantity: 50, allocationRule: "Site" })],
      installations: [...installations, installation({ id: "I-blank", licenceId: "LIC-1", device: " " })],
    });
    expect(p).toMatchObject({ used: 60, shortfall: 10, status: "Over-deployed" });
  });

  test("User-based counts distinct users of active allocations and of installations", () => {
    const { licence: p } = positionOf({
      licences: [licence({ id: "LIC-1", quantity: 4, allocationRule: "User-based" })],
      allocations: [
        allocation({ id: "A1", licenceId: "LIC-1", user: "ann" }),
        allocation({ id: "A2", licenceId: "LIC-1", user: "bob", revokedOn: "2026-06-01" }),
        allocation({ id: "A3", licenceId: "LIC-1", user: "cat", revokedOn: "2026-07-01" }),
        allocation({ id: "A4", licenceId: "LIC-1", user: "dan", allocatedOn: "2026-07-01" }),
      ],
      installations: [
        installation({ id: "I1", licenceId: "LIC-1", device: "PC-1", user: "ANN" }),
        installation({ id: "I2", licenceId: "LIC-1", device: "PC-2", user: "eve" }),
        installation({ id: "I3", licenceId: "LIC-1", device: "PC-3" }),
      ],
    });
    expect(p.used).toBe(3); // ann, cat, eve
    expect(p.status).toBe("Under-utilized");
  });

  test("Concurrent uses the recorded peak, else active allocations", () => {
    const withPeak = positionOf({
      licences: [licence({ id: "LIC-1", quantity: 5, allocationRule: "Concurrent", peakConcurrentUse: 6 })],
      allocations: [allocation({ id: "A1", licenceId: "LIC-1", user: "ann" })],
    }).licence;
    expect(withPeak).toMatchObject({ used: 6, shortfall: 1, status: "Over-deployed" });
    const byAllocations = positionOf({
      licences: [licence({ id: "LIC-1", quantity: 2, allocationRule: "Floating" })],
      allocations: [
        allocation({ id: "A1", licenceId: "LIC-1", user: "ann" }),
        allocation({ id: "A2", licenceId: "LIC-1", user: "ann" }),
      ],
    }).licence;
    expect(byAllocations).toMatchObject({ used: 2, status: "Compliant" });
  });

  test("Concurrent with installations but no usage figure is Review Required and a problem", () => {
    const { licence: p, result } = positionOf({
      licences: [licence({ id: "LIC-1", quantity: 5, allocationRule: "Concurrent" })],
      installations: onDevices("LIC-1", 3),
    });
    expect(p.status).toBe("Review Required");
    expect(p.statusReason).toContain("no usage figure");
    expect(result.problems).toEqual([
      { recordId: "LIC-1", message: expect.stringContaining("no usage figure") },
    ]);
  });

  test("Site counts devices against the quantity unless Unlimited", () => {
    const limited = positionOf({
      licences: [licence({ id: "LIC-1", quantity: 2, allocationRule: "Site" })],
      installations: onDevices("LIC-1", 3),
    }).licence;
    expect(limited).toMatchObject({ used: 3, shortfall: 1, status: "Over-deployed" });
    const unlimited = positionOf({
      licences: [licence({ id: "LIC-1", unlimited: true, quantity: undefined, allocationRule: "Site" })],
      installations: onDevices("LIC-1", 300),
    }).licence;
    expect(unlimited).toMatchObject({
      used: 300,
      entitled: null,
      available: null,
      quantity: null,
      shortfall: 0,
      status: "Compliant",
    });
  });

  test("Unlimited with no use is not Under-utilized", () => {
    expect(positionOf({ licences: [licence({ id: "LIC-1", unlimited: true })] }).licence.status).toBe(
      "Compliant",
    );
  });
});

describe("validity", () => {
  test("an expired licence entitles nobody: any use is over-deployment", () => {
    const { licence: p } = positionOf({
      licences: [licence({ id: "LIC-1", quantity: 10, expiryDate: "2026-06-14" })],
      installations: onDevices("LIC-1", 2),
    });
    expect(p).toMatchObject({
      entitled: 0,
      used: 2,
      shortfall: 2,
      available: 0,
      status: "Over-deployed",
      renewalStatus: "Expired",
      daysToExpiry: -1,
    });
    expect(p.statusReason).toContain("Expired on 14 Jun 2026");
  });

  test("an expired licence with no use is Compliant (nothing to cover), not Under-utilized", () => {
    const { licence: p } = positionOf({ licences: [licence({ id: "LIC-1", expiryDate: "2026-01-01" })] });
    expect(p).toMatchObject({ entitled: 0, used: 0, status: "Compliant" });
  });

  test("a licence not yet started entitles nobody", () => {
    const { licence: p } = positionOf({
      licences: [licence({ id: "LIC-1", startDate: "2026-07-01" })],
      installations: onDevices("LIC-1", 1),
    });
    expect(p).toMatchObject({
      entitled: 0,
      shortfall: 1,
      status: "Over-deployed",
      renewalStatus: "Not started",
    });
  });

  test("an auto-renew licence past its expiry keeps its quantity but needs the renewed expiry", () => {
    const { licence: p } = positionOf({
      licences: [licence({ id: "LIC-1", quantity: 2, autoRenew: true, expiryDate: "2026-06-01" })],
      installations: onDevices("LIC-1", 2),
    });
    expect(p).toMatchObject({ entitled: 2, used: 2, status: "Review Required", renewalStatus: "Expired" });
    expect(p.statusReason).toContain("no renewed expiry is recorded: enter the new Expiry Date.");
  });

  test("renewal status, days and notice date follow the licence's lead time or the default", () => {
    const { result } = positionOf({
      licences: [
        licence({ id: "LIC-1", expiryDate: "2026-07-01", renewalLeadDays: 10 }),
        licence({ id: "LIC-2", expiryDate: "2026-07-01" }),
        licence({ id: "LIC-3", expiryDate: "2026-07-01", autoRenew: true }),
        licence({ id: "LIC-4", perpetual: true }),
      ],
      settings: { defaultRenewalLeadDays: 20 },
    });
    expect(result.licences.get("LIC-1")).toMatchObject({
      renewalStatus: "Active",
      daysToExpiry: 16,
      noticeDate: "2026-06-21",
    });
    expect(result.licences.get("LIC-2")).toMatchObject({
      renewalStatus: "Renewal due",
      noticeDate: "2026-06-11",
    });
    expect(result.licences.get("LIC-3")!.renewalStatus).toBe("Auto-renews");
    expect(result.licences.get("LIC-4")).toMatchObject({
      renewalStatus: "Perpetual",
      daysToExpiry: null,
      noticeDate: null,
    });
  });
});

describe("review required", () => {
  test("a pinned review overrides Compliant and gives the reason", () => {
    const { licence: p } = positionOf({
      licences: [
        licence({ id: "LIC-1", quantity: 1, reviewRequired: true, reviewReason: "Contract under dispute." }),
      ],
      installations: onDevices("LIC-1", 1),
    });
    expect(p.status).toBe("Review Required");
    expect(p.statusReason).toContain("Contract under dispute.");
  });

  test("Over-deployed stays Over-deployed under review, with the reason said", () => {
    const { licence: p } = positionOf({
      licences: [
        licence({ id: "LIC-1", quantity: 1, reviewRequired: true, reviewReason: "Contract under dispute." }),
      ],
      installations: onDevices("LIC-1", 3),
    });
    expect(p.status).toBe("Over-deployed");
    expect(p.statusReason).toContain("Contract under dispute.");
  });

  test("installations and allocations naming an unknown licence are problems; the product needs review", () => {
    const { result } = positionOf({
      licences: [licence({ id: "LIC-1", quantity: 5 })],
      installations: [
        ...onDevices("LIC-1", 4),
        installation({ id: "I-X", licenceId: "LIC-404", device: "PC-9" }),
      ],
      allocations: [allocation({ id: "A-X", licenceId: "LIC-405", user: "ann" })],
    });
    expect(result.problems).toEqual(
      expect.arrayContaining([
        { recordId: "I-X", message: expect.stringContaining("LIC-404") },
        { recordId: "A-X", message: expect.stringContaining("LIC-405") },
      ]),
    );
    const product = result.products.find((p) => p.softwareId === "SW-1")!;
    expect(product).toMatchObject({ status: "Review Required", unlicensed: 1, used: 5, purchased: 5 });
    expect(product.statusReason).toContain("not in the register");
  });

  test("an installation on a licence of another software makes that licence Review Required", () => {
    const { licence: p, result } = positionOf({
      software: [software("SW-1"), software("SW-2")],
      licences: [licence({ id: "LIC-1", quantity: 2 })],
      installations: [
        installation({ id: "I1", licenceId: "LIC-1", device: "PC-1" }),
        installation({ id: "I2", licenceId: "LIC-1", device: "PC-2", softwareId: "SW-2" }),
      ],
    });
    expect(p.status).toBe("Review Required");
    expect(p.statusReason).toContain("different software");
    expect(result.problems).toEqual([
      { recordId: "I2", message: expect.stringContaining("is of software SW-2") },
    ]);
    expect(result.products.find((x) => x.softwareId === "SW-2")!.status).toBe("Review Required");
  });

  test("a licence of a software not in the catalogue is reported", () => {
    const { licence: p, result } = positionOf({ licences: [licence({ id: "LIC-1", softwareId: "SW-404" })] });
    expect(p.status).toBe("Review Required");
    expect(result.problems[0].message).toContain("not in the software catalogue");
  });
});

describe("products", () => {
  test("pool their licences and count unlicensed devices", () => {
    const { result } = positionOf({
      licences: [licence({ id: "LIC-1", quantity: 3 }), licence({ id: "LIC-2", quantity: 2 })],
      installations: [
        ...onDevices("LIC-1", 3),
        ...onDevices("LIC-2", 1, "LT"),
        installation({ id: "U1", device: "SRV-1" }),
        installation({ id: "U2", device: "srv-1 " }),
        installation({ id: "U3", device: "SRV-2", licenceId: "" }),
      ],
    });
    expect(result.products).toEqual([
      expect.objectContaining({
        softwareId: "SW-1",
        softwareName: "Product SW-1",
        licences: 2,
        purchased: 5,
        used: 6,
        unlicensed: 2,
        available: 0,
        shortfall: 1,
        status: "Over-deployed",
      }),
    ]);
  });

  test("a product with an Unlimited licence has no purchased total and no shortfall", () => {
    const { result } = positionOf({
      licences: [licence({ id: "LIC-1", quantity: 3 }), licence({ id: "LIC-2", unlimited: true })],
      installations: [...onDevices("LIC-1", 3), installation({ id: "U1", device: "SRV-1" })],
    });
    expect(result.products[0]).toMatchObject({
      purchased: null,
      available: null,
      shortfall: 0,
      status: "Compliant",
    });
  });

  test("a catalogue product with nothing is Compliant with zeros", () => {
    expect(positionOf({}).result.products[0]).toMatchObject({
      licences: 0,
      purchased: 0,
      used: 0,
      status: "Compliant",
    });
  });
});

describe("costs in the position", () => {
  test("licence costs from the pricing model, with unit cost, true-up and unused cost", () => {
    const { result } = positionOf({
      licences: [
        licence({ id: "LIC-1", quantity: 10, cost: 100, pricingModel: "Monthly" }),
        licence({ id: "LIC-2", quantity: 2, cost: 1000, pricingModel: "Annual", unitCost: 300 }),
      ],
      installations: [...onDevices("LIC-1", 8), ...onDevices("LIC-2", 5, "LT")],
    });
    expect(result.licences.get("LIC-1")).toMatchObject({
      annualCost: 1200,
      unitCost: 120,
      trueUpCost: 0,
      unusedCost: 240,
    });
    expect(result.licences.get("LIC-2")).toMatchObject({
      annualCost: 1000,
      unitCost: 300,
      trueUpCost: 900,
      unusedCost: 0,
    });
    // the product pools them: 12 purchased, 13 used, so 1 short, priced at (10 × 120 + 2 × 300) / 12 = 150
    expect(result.products[0]).toMatchObject({
      annualCost: 2200,
      shortfall: 1,
      unitPrice: 150,
      trueUpExposure: 150,
      available: 0,
      unusedCost: 0,
      status: "Over-deployed",
    });
  });

  test("a product whose spare licences cover another licence's overuse is Compliant with no true-up", () => {
    // the Tableau Creator case: one licence 2 over, the other 3 spare
    const { result } = positionOf({
      licences: [
        licence({ id: "LIC-1", quantity: 5, cost: 840, pricingModel: "Annual" }),
        licence({ id: "LIC-2", quantity: 5, cost: 840, pricingModel: "Annual" }),
      ],
      installations: [...onDevices("LIC-1", 7), ...onDevices("LIC-2", 2, "LT")],
    });
    expect(result.licences.get("LIC-1")).toMatchObject({ shortfall: 2, status: "Over-deployed" });
    expect(result.products[0]).toMatchObject({
      purchased: 10,
      used: 9,
      shortfall: 0,
      status: "Compliant",
      unitPrice: 168,
      trueUpExposure: 0,
      available: 1,
      unusedCost: 168,
    });
  });

  test("every product's figures follow from purchased, used and the unit price", () => {
    const { result } = positionOf({
      licences: [
        licence({ id: "LIC-1", quantity: 3, cost: 100, pricingModel: "Monthly" }),
        licence({ id: "LIC-2", quantity: 7, cost: 1000, pricingModel: "Annual", unitCost: 333.333 }),
        licence({ id: "LIC-3", unlimited: true, softwareId: "SW-2" }),
      ],
      software: [software("SW-1"), software("SW-2")],
      installations: [...onDevices("LIC-1", 9), ...onDevices("LIC-2", 6, "LT")],
    });
    for (const p of result.products) {
      const over = p.purchased === null ? 0 : Math.max(p.used - p.purchased, 0);
      expect(p.shortfall).toBe(over);
      expect(p.status === "Over-deployed").toBe(p.shortfall > 0);
      expect(p.unitPrice).toBe(Math.round(p.unitPrice * 100) / 100);
      expect(p.trueUpExposure).toBeCloseTo(p.shortfall * p.unitPrice, 9);
      expect(p.unusedCost).toBeCloseTo((p.available ?? 0) * p.unitPrice, 9);
    }
  });

  test("other currencies convert with the Settings rates; a missing rate is a problem, not a guess", () => {
    const { result } = positionOf({
      licences: [
        licence({ id: "LIC-1", quantity: 1, cost: 100, currency: "USD" }),
        licence({ id: "LIC-2", quantity: 1, cost: 100, currency: "JPY" }),
      ],
      settings: { reportingCurrency: "GBP", exchangeRates: { USD: 0.8 } },
    });
    expect(result.licences.get("LIC-1")!.annualCostReporting).toBeCloseTo(80);
    expect(result.licences.get("LIC-2")!.annualCostReporting).toBeNull();
    expect(result.products[0].annualCost).toBeCloseTo(80);
    expect(result.problems).toEqual([
      { recordId: "settings", message: expect.stringContaining("No exchange rate from JPY to GBP") },
    ]);
  });

  test("unlicensed devices are priced at the product's average unit cost", () => {
    const { result } = positionOf({
      licences: [licence({ id: "LIC-1", quantity: 2, cost: 200, unitCost: 100 })],
      installations: [...onDevices("LIC-1", 2), installation({ id: "U1", device: "SRV-1" })],
    });
    expect(result.products[0].trueUpExposure).toBe(100);
  });

  test("the under-use threshold comes from Settings", () => {
    const parts = {
      licences: [licence({ id: "LIC-1", quantity: 10 })],
      installations: onDevices("LIC-1", 6),
    };
    expect(positionOf(parts).licence.status).toBe("Under-utilized");
    expect(positionOf({ ...parts, settings: { underUseThreshold: 0.5 } }).licence.status).toBe("Compliant");
  });
});

describe("RegisterIndex one record at a time", () => {
  test("answers one licence or product and follows edits", () => {
    const index = new RegisterIndex(register({ licences: [licence({ id: "LIC-1", quantity: 2 })] }), AS_OF);
    expect(index.licencePosition("lic-1")!.used).toBe(0);
    index.upsertInstallation(installation({ id: "I1", licenceId: "LIC-1", device: "PC-1" }));
    index.upsertInstallation(installation({ id: "I2", licenceId: "LIC-1", device: "PC-2" }));
    index.upsertInstallation(installation({ id: "I3", licenceId: "LIC-1", device: "PC-3" }));
    expect(index.licencePosition("LIC-1")!.status).toBe("Over-deployed");
    index.upsertInstallation(installation({ id: "I3", licenceId: "LIC-1", device: "PC-1" }));
    expect(index.licencePosition("LIC-1")).toMatchObject({ used: 2, status: "Compliant" });
    index.removeInstallation("I2");
    expect(index.licencePosition("LIC-1")!.used).toBe(1);
    index.removeLicence("LIC-1");
    expect(index.licencePosition("LIC-1")).toBeUndefined();
    const orphaned = index.productPosition("SW-1")!;
    expect(orphaned).toMatchObject({ purchased: 0, unlicensed: 1, status: "Over-deployed" });
    expect(orphaned.statusReason).toContain("name a licence that is not in the register");
    index.upsertLicence(licence({ id: "LIC-1", quantity: 1 }));
    expect(index.productPosition("SW-1")).toMatchObject({ unlicensed: 0, used: 1, status: "Compliant" });
    expect(index.productPosition("SW-404")).toBeUndefined();
    expect(index.licenceIdsOf("SW-1")).toEqual(["LIC-1"]);
  });

  test("changing the allocation rule recounts, and moving the date re-judges allocations", () => {
    const index = new RegisterIndex(
      register({
        licences: [licence({ id: "LIC-1", quantity: 5 })],
        installations: [installation({ id: "I1", licenceId: "LIC-1", device: "PC-1", user: "ann" })],
        allocations: [allocation({ id: "A1", licenceId: "LIC-1", user: "bob", revokedOn: "2026-07-01" })],
      }),
      AS_OF,
    );
    index.upsertLicence(licence({ id: "LIC-1", quantity: 5, allocationRule: "User-based" }));
    expect(index.licencePosition("LIC-1")!.used).toBe(2);
    index.setAsOf("2026-07-01");
    expect(index.licencePosition("LIC-1")!.used).toBe(1);
    index.setSettings({ ...index.settings, underUseThreshold: 0 });
    expect(index.licencePosition("LIC-1")!.status).toBe("Compliant");
  });

  test("duplicate IDs are reported", () => {
    const index = new RegisterIndex(
      register({
        licences: [licence({ id: "LIC-1" }), licence({ id: "LIC-1" })],
        installations: [installation({ id: "I1", device: "A" }), installation({ id: "I1", device: "B" })],
      }),
      AS_OF,
    );
    index.removeInstallation("nothing");
    const messages = index.problems().map((p) => p.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        "Licence ID LIC-1 is on more than one row of the Licences sheet and only the last of them counts: give the other rows a new Licence ID, or delete them.",
        "Installation ID I1 is on more than one row of the Installations sheet and each row is counted: keep one, and give the others a new Installation ID or delete them.",
      ]),
    );
  });
});
