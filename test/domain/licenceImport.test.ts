import { planLicenceImport, planSeatAllocations } from "../../src/domain/licenceImport";
import { allocation, licence } from "./fixtures";

const visio = {
  softwareId: "SW-1",
  quantity: 10,
  licenceKey: "VVVV-1111",
  purchaseDate: "2023-01-10",
  cost: 1249,
  purchaseOrder: "PO-77",
  vendor: "Büro GmbH",
  reassignable: true,
  maintenanceIncluded: false,
};

describe("licences from another tool", () => {
  it("takes the register's plainest values for what the tool does not record", () => {
    const plan = planLicenceImport(
      [],
      [visio, { softwareId: "SW-2", quantity: 5, expiryDate: "2027-01-31" }],
      "EUR",
    );
    expect(plan.add[0]).toMatchObject({
      softwareId: "SW-1",
      quantity: 10,
      licenceType: "Perpetual",
      perpetual: true,
      scope: "Enterprise",
      allocationRule: "User-based",
      pricingModel: "One-time",
      cost: 1249,
      currency: "EUR",
      licenceKey: "VVVV-1111",
    });
    expect(plan.add[1]).toMatchObject({
      licenceType: "Subscription",
      perpetual: false,
      expiryDate: "2027-01-31",
    });
  });

  it("a licence already in the register (same product, key, order, purchase date) is not added again", () => {
    const existing = licence({
      id: "L-1",
      softwareId: "sw-1",
      licenceKey: "vvvv-1111",
      purchaseOrder: "PO-77",
      purchaseDate: "2023-01-10",
    });
    expect(planLicenceImport([existing], [visio, visio], "GBP")).toEqual({ add: [], unchanged: 2 });
  });

  it("seats become allocations of the product's licence, once per user", () => {
    const l1 = licence({ id: "L-1", softwareId: "SW-1" });
    const held = allocation({ id: "A-1", licenceId: "L-1", user: "ana@example.com" });
    const plan = planSeatAllocations(
      [l1],
      [held],
      [
        { softwareId: "SW-1", user: "ANA@example.com" },
        { softwareId: "SW-1", user: "ben@example.com", allocatedOn: "2024-04-02" },
        { softwareId: "SW-1", user: "ben@example.com" },
        { softwareId: "SW-9", user: "cara@example.com" },
      ],
    );
    expect(plan).toEqual({
      add: [{ licenceId: "L-1", user: "ben@example.com", allocatedOn: "2024-04-02" }],
      unchanged: 2,
      noLicence: 1,
    });
  });
});
