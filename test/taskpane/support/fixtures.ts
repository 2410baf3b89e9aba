import { addDays, type IsoDate } from "../../../src/domain/dates";
import type { Allocation, Installation, Licence, Software } from "../../../src/domain/schemas";
import type { FakeRegisterSeed } from "./fakeRegister";

/** The as-of date every component test uses, so expiry figures never drift. */
export const TODAY: IsoDate = "2026-06-15";

export const software: Software[] = [
  { id: "SW-ACRO", name: "Adobe Acrobat Pro", publisher: "Adobe", rowVersion: 0 },
  { id: "SW-CAD", name: "AutoCAD", publisher: "Autodesk", rowVersion: 0 },
  { id: "SW-ZOOM", name: "Zoom Workplace", publisher: "Zoom", rowVersion: 0 },
];

const base = {
  unlimited: false,
  reviewRequired: false,
  currency: "GBP",
  pricingModel: "Annual",
  perpetual: false,
  autoRenew: false,
  maintenanceIncluded: false,
  supportIncluded: false,
  reassignable: true,
  transferable: false,
  virtualisationRights: "Not permitted",
  rowVersion: 0,
} as const;

export const licences: Licence[] = [
  {
    ...base,
    id: "LIC-ACRO",
    softwareId: "SW-ACRO",
    licenceKey: "ACR-11111-222222",
    quantity: 5,
    licenceType: "Subscription",
    scope: "Department",
    allocationRule: "User-based",
    vendor: "Softcat",
    purchaseOrder: "PO-1001",
    cost: 1200,
    startDate: addDays(TODAY, -300),
    expiryDate: addDays(TODAY, 20),
  },
  {
    ...base,
    id: "LIC-CAD",
    softwareId: "SW-CAD",
    licenceKey: "CAD-33333-444444",
    quantity: 2,
    licenceType: "Term",
    scope: "Project",
    allocationRule: "Device-based",
    vendor: "Autodesk",
    purchaseOrder: "PO-2002",
    cost: 3000,
    startDate: addDays(TODAY, -100),
    expiryDate: addDays(TODAY, 200),
  },
  {
    ...base,
    id: "LIC-ZOOM",
    softwareId: "SW-ZOOM",
    licenceKey: "ZOO-55555-666666",
    quantity: 10,
    licenceType: "Perpetual",
    scope: "Enterprise",
    allocationRule: "User-based",
    vendor: "Zoom",
    purchaseOrder: "PO-3003",
    pricingModel: "One-time",
    cost: 500,
    startDate: addDays(TODAY, -500),
    perpetual: true,
  },
];

export const allocations: Allocation[] = [
  ["Amira Khan", "Finance"],
  ["Ben Carter", "Procurement"],
  ["Chloé Martin", "Finance"],
  ["Dev Patel", "Sales"],
].map(([user, department], i) => ({
  id: `ALC-${i + 1}`,
  licenceId: "LIC-ACRO",
  user,
  department,
  allocatedOn: addDays(TODAY, -30),
  rowVersion: 0,
}));

/** AutoCAD: 2 licences, 3 devices linked, plus 2 devices nobody linked yet: over-deployed. */
export const installations: Installation[] = [
  ...["LT-0001", "LT-0002", "LT-0003"].map((device, i) => ({
    id: `INS-${i + 1}`,
    softwareId: "SW-CAD",
    licenceId: "LIC-CAD",
    device,
    user: `User ${i + 1}`,
    version: "2026",
    installedOn: addDays(TODAY, -50),
    source: "Manual" as const,
    rowVersion: 0,
  })),
  ...["LT-0100", "LT-0101"].map((device, i) => ({
    id: `INS-U${i + 1}`,
    softwareId: "SW-CAD",
    device,
    version: "2026",
    installedOn: addDays(TODAY, -7),
    source: "Discovery" as const,
    rowVersion: 0,
  })),
];

export function seed(extra: Partial<FakeRegisterSeed> = {}): FakeRegisterSeed {
  return { software, licences, allocations, installations, ...extra };
}
