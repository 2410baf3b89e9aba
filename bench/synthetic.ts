import { addDays } from "../src/domain/dates";
import { ALLOCATION_RULES, LICENCE_TYPES, PRICING_MODELS, SCOPES } from "../src/domain/lists";
import type { Allocation, Installation, Licence, Software } from "../src/domain/schemas";

/** Deterministic pseudo-random numbers (mulberry32), so every run measures the same register. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticRegister {
  software: Software[];
  licences: Licence[];
  allocations: Allocation[];
  installations: Installation[];
}

const pad = (n: number) => String(n).padStart(10, "0");

/**
 * A register of `licenceCount` licences with on average 10 installations and 3 allocations each, spread over
 * one product per 10 licences; about 5% of installations are linked to no licence.
 */
export function syntheticRegister(
  licenceCount: number,
  seed = 20261127,
  today = "2026-11-27",
): SyntheticRegister {
  const random = seededRandom(seed);
  const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)];
  const productCount = Math.max(1, Math.ceil(licenceCount / 10));
  const software: Software[] = Array.from({ length: productCount }, (_, i) => ({
    id: `SW-${pad(i)}`,
    name: `Product ${i + 1}`,
    publisher: `Publisher ${(i % 97) + 1}`,
    rowVersion: 0,
  }));
  const licences: Licence[] = [];
  const allocations: Allocation[] = [];
  const installations: Installation[] = [];
  for (let i = 0; i < licenceCount; i++) {
    const id = `LIC-${pad(i)}`;
    const softwareId = software[i % productCount].id;
    const unlimited = random() < 0.03;
    const perpetual = random() < 0.3;
    const startInDays = -Math.floor(random() * 900);
    licences.push({
      id,
      softwareId,
      quantity: unlimited ? undefined : 1 + Math.floor(random() * 20),
      unlimited,
      licenceType: pick(LICENCE_TYPES),
      scope: pick(SCOPES),
      reviewRequired: false,
      cost: Math.round(random() * 100_000) / 10,
      currency: "GBP",
      pricingModel: pick(PRICING_MODELS.filter((model) => model !== "Multi-year")),
      startDate: addDays(today, startInDays),
      expiryDate: perpetual ? undefined : addDays(today, startInDays + 30 + Math.floor(random() * 1200)),
      perpetual,
      autoRenew: random() < 0.3,
      maintenanceIncluded: false,
      supportIncluded: false,
      allocationRule: pick(ALLOCATION_RULES),
      reassignable: true,
      transferable: false,
      virtualisationRights: "Not permitted",
      rowVersion: 0,
    });
    const installationCount = Math.floor(random() * 21);
    for (let n = 0; n < installationCount; n++) {
      installations.push({
        id: `INS-${pad(installations.length)}`,
        softwareId,
        licenceId: random() < 0.95 ? id : undefined,
        device: `DEV-${Math.floor(random() * licenceCount * 5)}`,
        user: `user${Math.floor(random() * licenceCount * 3)}@example.com`,
        source: "Discovery",
        rowVersion: 0,
      });
    }
    const allocationCount = Math.floor(random() * 7);
    for (let n = 0; n < allocationCount; n++) {
      const daysAgo = Math.floor(random() * 400);
      allocations.push({
        id: `ALC-${pad(allocations.length)}`,
        licenceId: id,
        user: `user${Math.floor(random() * licenceCount * 3)}@example.com`,
        allocatedOn: addDays(today, -daysAgo),
        // revoked on or after the day it was allocated, as the allocation rules require
        revokedOn:
          random() < 0.1 ? addDays(today, -Math.floor(random() * Math.min(daysAgo + 1, 30))) : undefined,
        rowVersion: 0,
      });
    }
  }
  return { software, licences, allocations, installations };
}
