import { addDays } from "../domain/dates";
import { ALLOCATION_RULES, LICENCE_TYPES, PRICING_MODELS, SCOPES } from "../domain/lists";
import { dropdownEntry, licenceLabel } from "../domain/references";
import { newId, type RecordKind } from "../domain/ids";
import type { Allocation, Installation, Licence, Software } from "../domain/schemas";
import type { Pause } from "../domain/yielding";

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

const VENDORS = ["Softcat", "Insight", "CDW", "Bechtle", "SHI", "Crayon", "SoftwareONE", "Computacenter"];
const DEPARTMENTS = ["Finance", "Procurement", "Engineering", "Sales", "Marketing", "HR", "Legal", "IT"];
const CATEGORIES = ["Productivity", "Design", "Development", "Security", "Analytics", "Communication"];
const VERSIONS = ["1.0", "2.1", "3.4.2", "2024", "2025 R2", "16.0.1", "11.2"];

/** Shuffles in place with the seeded generator (Fisher–Yates). */
function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

/**
 * A register as a real one looks: `licenceCount` licences with on average 10 installations and 3 allocations
 * each, one product per 10 licences, about 5% of installations linked to no licence. Installations and
 * allocations are in random order (discovery tools and people add them over time, not grouped by licence);
 * IDs are random, as the add-in makes them; the optional columns a register keeps (vendor, purchase order, dates, versions,
 * notes, the names the add-in shows beside links, Modified) are filled on most rows.
 */
export function syntheticRegister(
  licenceCount: number,
  seed = 20261127,
  today = "2026-11-27",
): SyntheticRegister {
  const steps = syntheticSteps(licenceCount, seed, today);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The same register made a few hundred licences at a time, giving the thread back whenever `pause` says so:
 * a page making 100,000 licences keeps painting its progress. `onProgress` gets the share made so far.
 */
export async function syntheticRegisterPaced(
  licenceCount: number,
  {
    pause,
    onProgress = () => undefined,
    seed = 20261127,
    today = "2026-11-27",
  }: { pause: Pause; onProgress?: (share: number) => void; seed?: number; today?: string },
): Promise<SyntheticRegister> {
  const steps = syntheticSteps(licenceCount, seed, today);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    onProgress(step.value);
    const wait = pause();
    if (wait) await wait;
  }
}

/** Licences made, or rows given an ID, between two looks at the clock. */
const LICENCES_PER_STEP = 200;
const ROWS_PER_STEP = 2_000;

/** Makes the register, yielding the share made so far every LICENCES_PER_STEP licences. */
function* syntheticSteps(
  licenceCount: number,
  seed: number,
  today: string,
): Generator<number, SyntheticRegister> {
  const random = seededRandom(seed);
  const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)];
  /** When the register last saved the row (it writes Modified on every save). */
  const modified = () => new Date(Date.UTC(2024, 0, 1) + Math.floor(random() * 9e10)).toISOString();
  const sometimes = <T>(share: number, value: () => T): T | undefined =>
    random() < share ? value() : undefined;
  // IDs as the add-in makes them, from a stream of their own, so every other value stays as it was.
  const idRandom = seededRandom(seed ^ 0x1d5);
  const idBytes = (length: number) => Uint8Array.from({ length }, () => Math.floor(idRandom() * 256));
  const idOf = (kind: RecordKind) => newId(kind, idBytes);
  const productCount = Math.max(1, Math.ceil(licenceCount / 10));
  const softwareIds = Array.from({ length: productCount }, () => idOf("software"));
  const software: Software[] = Array.from({ length: productCount }, (_, i) => ({
    id: softwareIds[i],
    name: `Product ${i + 1}`,
    publisher: `Publisher ${(i % 97) + 1}`,
    version: pick(VERSIONS),
    category: pick(CATEGORIES),
    notes: sometimes(0.3, () => `Catalogue entry reviewed ${addDays(today, -Math.floor(random() * 365))}.`),
    dropdownEntry: dropdownEntry(`Product ${i + 1}`, softwareIds[i]),
    modified: modified(),
    rowVersion: 0,
  }));
  const licences: Licence[] = [];
  const allocations: Allocation[] = [];
  const installations: Installation[] = [];
  for (let i = 0; i < licenceCount; i++) {
    // the share made so far; the IDs given at the end count as the last tenth
    if (i % LICENCES_PER_STEP === 0) yield (0.9 * i) / licenceCount;
    const id = idOf("licences");
    const product = software[i % productCount];
    const unlimited = random() < 0.03;
    const perpetual = random() < 0.3;
    const startInDays = -Math.floor(random() * 900);
    const allocationRule = pick(ALLOCATION_RULES);
    const concurrent = allocationRule === "Concurrent" || allocationRule === "Floating";
    const pricingModel = pick(PRICING_MODELS);
    const quantity = unlimited ? undefined : 1 + Math.floor(random() * 20);
    const cost = Math.round(random() * 100_000) / 10;
    const licence: Licence = {
      id,
      softwareId: product.id,
      softwareName: product.name,
      licenceKey: sometimes(
        0.6,
        () =>
          `KEY-${Math.floor(random() * 1e9)
            .toString(36)
            .toUpperCase()}`,
      ),
      quantity,
      unlimited,
      licenceType: pick(LICENCE_TYPES),
      scope: pick(SCOPES),
      reviewRequired: false,
      peakConcurrentUse: concurrent ? sometimes(0.7, () => Math.floor(random() * 25)) : undefined,
      vendor: pick(VENDORS),
      purchaseOrder: `PO-${100000 + Math.floor(random() * 900000)}`,
      purchaseDate: addDays(today, startInDays - Math.floor(random() * 30)),
      invoiceDate: addDays(today, startInDays - Math.floor(random() * 10)),
      cost,
      currency: random() < 0.85 ? "GBP" : pick(["USD", "EUR"]),
      pricingModel,
      termMonths: pricingModel === "Multi-year" ? pick([24, 36, 48, 60]) : undefined,
      unitCost: quantity ? Math.round((cost / quantity) * 100) / 100 : undefined,
      startDate: addDays(today, startInDays),
      expiryDate: perpetual ? undefined : addDays(today, startInDays + 30 + Math.floor(random() * 1200)),
      perpetual,
      autoRenew: random() < 0.3,
      renewalLeadDays: sometimes(0.5, () => pick([30, 60, 90])),
      maintenanceIncluded: random() < 0.4,
      supportIncluded: random() < 0.5,
      maintenanceExpiry: sometimes(0.4, () => addDays(today, Math.floor(random() * 700) - 200)),
      allocationRule,
      reassignable: true,
      reassignmentMinDays: sometimes(0.3, () => 90),
      geographicRestriction: sometimes(0.2, () => pick(["UK only", "EU", "Worldwide"])),
      usageRestriction: sometimes(0.1, () => "Non-production use only"),
      transferable: false,
      virtualisationRights: "Not permitted",
      notes: sometimes(0.3, () => `Renewal owner: ${pick(DEPARTMENTS)} team.`),
      modified: modified(),
      rowVersion: 0,
    };
    licence.dropdownEntry = dropdownEntry(licenceLabel(licence, product.name), id);
    licences.push(licence);
    const label = licenceLabel(licence, product.name);
    const installationCount = Math.floor(random() * 21);
    for (let n = 0; n < installationCount; n++) {
      const linked = random() < 0.95;
      installations.push({
        id: "", // given once the rows are shuffled, as the add-in would have made them over time
        softwareId: product.id,
        softwareName: product.name,
        licenceId: linked ? id : undefined,
        licenceLabel: linked ? label : undefined,
        device: `DEV-${Math.floor(random() * licenceCount * 5)}`,
        user: `user${Math.floor(random() * licenceCount * 3)}@example.com`,
        version: pick(VERSIONS),
        installedOn: addDays(today, -Math.floor(random() * 1000)),
        source: "Discovery",
        notes: sometimes(0.1, () => "Found by the quarterly scan."),
        modified: modified(),
        rowVersion: 0,
      });
    }
    const allocationCount = Math.floor(random() * 7);
    for (let n = 0; n < allocationCount; n++) {
      const daysAgo = Math.floor(random() * 400);
      allocations.push({
        id: "",
        licenceId: id,
        licenceLabel: label,
        user: `user${Math.floor(random() * licenceCount * 3)}@example.com`,
        department: pick(DEPARTMENTS),
        allocatedOn: addDays(today, -daysAgo),
        // revoked on or after the day it was allocated, as the allocation rules require
        revokedOn:
          random() < 0.1 ? addDays(today, -Math.floor(random() * Math.min(daysAgo + 1, 30))) : undefined,
        notes: sometimes(0.1, () => "Approved by the line manager."),
        modified: modified(),
        rowVersion: 0,
      });
    }
  }
  shuffle(installations, random);
  shuffle(allocations, random);
  // Assigned in place rather than copied with the ID first: a million object copies took about a second.
  const idSteps = [
    { kind: "installations", rows: installations, from: 0.9, span: 0.08 },
    { kind: "allocations", rows: allocations, from: 0.98, span: 0.02 },
  ] as const;
  for (const { kind, rows, from, span } of idSteps) {
    for (let n = 0; n < rows.length; n++) {
      if (n % ROWS_PER_STEP === 0) yield from + (span * n) / rows.length;
      rows[n].id = idOf(kind);
    }
  }
  return { software, licences, installations, allocations };
}
