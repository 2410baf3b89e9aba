import {
  DEFAULT_SETTINGS,
  type Allocation,
  type Installation,
  type Licence,
  type Settings,
  type Software,
} from "../../src/domain/schemas";
import type { RegisterInput } from "../../src/domain/registerIndex";

export const AS_OF = "2026-06-15";

export const software = (id: string, name = `Product ${id}`): Software => ({ id, name, rowVersion: 0 });

export const licence = (overrides: Partial<Licence> & { id: string }): Licence => ({
  softwareId: "SW-1",
  quantity: 10,
  unlimited: false,
  licenceType: "Subscription",
  scope: "Enterprise",
  reviewRequired: false,
  currency: "GBP",
  pricingModel: "Annual",
  perpetual: false,
  autoRenew: false,
  maintenanceIncluded: false,
  supportIncluded: false,
  allocationRule: "Device-based",
  reassignable: true,
  transferable: false,
  virtualisationRights: "Not permitted",
  rowVersion: 0,
  ...overrides,
});

export const installation = (
  overrides: Partial<Installation> & { id: string; device: string },
): Installation => ({ softwareId: "SW-1", source: "Manual", rowVersion: 0, ...overrides });

export const allocation = (
  overrides: Partial<Allocation> & { id: string; licenceId: string; user: string },
): Allocation => ({
  rowVersion: 0,
  ...overrides,
});

export const register = (
  parts: Partial<Omit<RegisterInput, "settings">> & { settings?: Partial<Settings> },
): RegisterInput => ({
  software: parts.software ?? [software("SW-1")],
  licences: parts.licences ?? [],
  installations: parts.installations ?? [],
  allocations: parts.allocations ?? [],
  settings: { ...DEFAULT_SETTINGS, ...parts.settings },
});

/** n installations of SW-1 on licence `licenceId`, one per device PC-1..PC-n. */
export const onDevices = (licenceId: string, n: number, prefix = "PC"): Installation[] =>
  Array.from({ length: n }, (_, i) =>
    installation({ id: `INS-${licenceId}-${prefix}-${i}`, licenceId, device: `${prefix}-${i + 1}` }),
  );
