import { planLinks } from "../../src/domain/linkProposals";
import { yieldEvery } from "../../src/domain/yielding";
import { allocation, AS_OF, installation, licence, onDevices, register, software } from "./fixtures";

const unlinked = (n: number, prefix = "NEW", extra: Partial<Parameters<typeof installation>[0]> = {}) =>
  Array.from({ length: n }, (_, i) =>
    installation({ id: `U-${prefix}-${i}`, device: `${prefix}-${i + 1}`, ...extra }),
  );

describe("proposing links from unlinked installations to licences", () => {
  it("fills a device-based licence up to its quantity; the rest stay unlinked and are priced", async () => {
    const plan = await planLinks(
      register({
        licences: [licence({ id: "L-1", quantity: 5, cost: 1000, pricingModel: "Annual" })],
        installations: [...onDevices("L-1", 3), ...unlinked(4)],
      }),
      AS_OF,
    );
    const product = plan.products[0];
    expect(product.proposals.map((p) => [p.device, p.licenceId])).toEqual([
      ["NEW-1", "L-1"],
      ["NEW-2", "L-1"],
    ]);
    expect(product).toMatchObject({
      unlinked: 4,
      leftUnlinked: 2,
      leftReason:
        "Product SW-1's licences in force are full: raise a licence's Quantity when more are bought.",
    });
    // 7 devices use it, 5 are licensed: still over-deployed by 2, at 200 a device (1000 a year / 5).
    expect(product.before).toMatchObject({ used: 7, shortfall: 2, unlicensed: 4, status: "Over-deployed" });
    expect(product.after).toMatchObject({
      used: 7,
      shortfall: 2,
      unlicensed: 2,
      status: "Over-deployed",
      trueUpExposure: 400,
    });
    expect(plan).toMatchObject({ overDeployedAfter: 1, trueUpAfter: 400 });
  });

  it("a device the licence already counts costs nothing, so its second installation goes there even when full", async () => {
    const plan = await planLinks(
      register({
        licences: [licence({ id: "L-1", quantity: 2 })],
        installations: [...onDevices("L-1", 2), installation({ id: "U-1", device: "pc-2" })],
      }),
      AS_OF,
    );
    expect(plan.proposals).toEqual([
      { installationId: "U-1", licenceId: "L-1", softwareId: "SW-1", device: "pc-2" },
    ]);
    expect(plan.products[0].after).toMatchObject({ used: 2, status: "Compliant", unlicensed: 0 });
  });

  it("only licences in force: an expired or not-yet-started licence takes nothing", async () => {
    const plan = await planLinks(
      register({
        licences: [
          licence({ id: "L-OLD", quantity: 10, expiryDate: "2026-01-31" }),
          licence({ id: "L-NEXT", quantity: 10, startDate: "2027-01-01" }),
        ],
        installations: unlinked(3),
      }),
      AS_OF,
    );
    expect(plan.proposals).toEqual([]);
    expect(plan.products[0].leftReason).toBe(
      "No licence of Product SW-1 is in force on 15 Jun 2026: record its renewal or new licence to link them.",
    );
  });

  it("an unlimited licence takes every installation; concurrent licences take none", async () => {
    const unlimited = await planLinks(
      register({
        licences: [licence({ id: "L-SITE", unlimited: true, quantity: undefined, allocationRule: "Site" })],
        installations: unlinked(50),
      }),
      AS_OF,
    );
    expect(unlimited.proposals).toHaveLength(50);
    const concurrent = await planLinks(
      register({
        licences: [licence({ id: "L-C", allocationRule: "Concurrent", peakConcurrentUse: 2 })],
        installations: unlinked(2),
      }),
      AS_OF,
    );
    expect(concurrent.proposals).toEqual([]);
    expect(concurrent.products[0].leftReason).toBe(
      "Product SW-1's licences count use by peak concurrent use, not by installation.",
    );
  });

  it("user-based licences count users: an allocated user's installation is free, one without a user is not proposed", async () => {
    const plan = await planLinks(
      register({
        licences: [licence({ id: "L-U", quantity: 1, allocationRule: "User-based" })],
        allocations: [allocation({ id: "A-1", licenceId: "L-U", user: "ana@example.com" })],
        installations: [
          installation({ id: "U-ANA", device: "PC-1", user: "ANA@example.com" }),
          installation({ id: "U-BEN", device: "PC-2", user: "ben@example.com" }),
          installation({ id: "U-NOBODY", device: "PC-3" }),
        ],
      }),
      AS_OF,
    );
    expect(plan.proposals.map((p) => p.installationId)).toEqual(["U-ANA"]);
    expect(plan.products[0].leftUnlinked).toBe(2);
  });

  it("links to the licences of the installation's own product only, and says when a product has none", async () => {
    const plan = await planLinks(
      register({
        software: [software("SW-1"), software("SW-2", "Zoom")],
        licences: [licence({ id: "L-1", quantity: 10 })],
        installations: unlinked(2, "Z", { softwareId: "SW-2" }),
      }),
      AS_OF,
    );
    expect(plan.proposals).toEqual([]);
    expect(plan.products).toEqual([
      expect.objectContaining({
        softwareId: "SW-2",
        leftReason: "Zoom has no licence in the register: add its licence to link them.",
      }),
    ]);
  });

  it("worked out a slice at a time, giving the thread back, it is the same plan as at once", async () => {
    const input = register({
      licences: [licence({ id: "L-1", quantity: 900 })],
      installations: [...onDevices("L-1", 600), ...unlinked(700)],
    });
    let pauses = 0;
    const slices = yieldEvery(0);
    const paced = await planLinks(input, AS_OF, () => {
      const wait = slices();
      if (wait) pauses++;
      return wait;
    });
    expect(paced).toEqual(await planLinks(input, AS_OF));
    expect(paced.proposals).toHaveLength(300);
    expect(pauses).toBeGreaterThan(5);
  });
});
