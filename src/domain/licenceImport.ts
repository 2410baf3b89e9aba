import type { IsoDate } from "./dates";
import { matchKey } from "./keys";
import type { Allocation, Licence } from "./schemas";

/** A licence as another tool (Snipe-IT) describes it, its product already matched to the catalogue. */
export interface ForeignLicence {
  softwareId: string;
  quantity?: number;
  licenceKey?: string;
  purchaseDate?: IsoDate;
  expiryDate?: IsoDate;
  cost?: number;
  purchaseOrder?: string;
  vendor?: string;
  notes?: string;
  reassignable?: boolean;
  maintenanceIncluded?: boolean;
}

/** A seat checked out to a person, naming its licence by its product. */
export interface ForeignSeat {
  softwareId: string;
  user: string;
  allocatedOn?: IsoDate;
}

export type LicenceDraft = Omit<Licence, "id" | "modified" | "rowVersion">;
export type AllocationDraft = Omit<Allocation, "id" | "modified" | "rowVersion">;

/** A licence's identity across imports: its product and key, order and purchase date as the tool gave them. */
export function licenceImportKey(licence: {
  softwareId: string;
  licenceKey?: string;
  purchaseOrder?: string;
  purchaseDate?: IsoDate;
}): string {
  return [
    licence.softwareId,
    licence.licenceKey ?? "",
    licence.purchaseOrder ?? "",
    licence.purchaseDate ?? "",
  ]
    .map((part) => matchKey(part))
    .join("\u0000");
}

/**
 * Another tool's licence in the register's terms. What Snipe-IT does not record takes the register's plainest
 * value, for the person to correct: a licence with an expiry date is a Subscription, one without is
 * Perpetual; scope Enterprise; seats are checked out to people, so User-based; the purchase cost is a
 * One-time cost in the reporting currency.
 */
export function licenceFromForeign(licence: ForeignLicence, currency: string): LicenceDraft {
  const perpetual = licence.expiryDate === undefined;
  return {
    softwareId: licence.softwareId,
    quantity: licence.quantity ?? 0,
    unlimited: false,
    reviewRequired: false,
    licenceType: perpetual ? "Perpetual" : "Subscription",
    scope: "Enterprise",
    allocationRule: "User-based",
    licenceKey: licence.licenceKey,
    purchaseDate: licence.purchaseDate,
    expiryDate: licence.expiryDate,
    perpetual,
    autoRenew: false,
    cost: licence.cost,
    currency,
    pricingModel: "One-time",
    purchaseOrder: licence.purchaseOrder,
    vendor: licence.vendor,
    notes: licence.notes,
    reassignable: licence.reassignable ?? true,
    maintenanceIncluded: licence.maintenanceIncluded ?? false,
    supportIncluded: false,
    transferable: false,
    virtualisationRights: "Not permitted",
  };
}

export interface LicenceImportPlan {
  add: LicenceDraft[];
  /** Licences already in the register (same product, key, order and purchase date). */
  unchanged: number;
}

/** Licences to add: one per distinct licence of the file that the register does not hold yet. */
export function planLicenceImport(
  existing: readonly Licence[],
  imported: readonly ForeignLicence[],
  currency: string,
): LicenceImportPlan {
  const present = new Set(existing.map(licenceImportKey));
  const add: LicenceDraft[] = [];
  let unchanged = 0;
  for (const licence of imported) {
    const key = licenceImportKey(licence);
    if (present.has(key)) {
      unchanged++;
      continue;
    }
    present.add(key);
    add.push(licenceFromForeign(licence, currency));
  }
  return { add, unchanged };
}

/**
 * Seats to allocations: each goes to the product's licence (the first by ID when the product has several) and
 * is skipped when that user already holds an active allocation of it, so importing again adds nothing.
 */
export function planSeatAllocations(
  licences: readonly Licence[],
  allocations: readonly Allocation[],
  seats: readonly ForeignSeat[],
): { add: AllocationDraft[]; unchanged: number; noLicence: number } {
  const licenceOf = new Map<string, Licence>();
  for (const licence of [...licences].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    if (!licenceOf.has(matchKey(licence.softwareId))) licenceOf.set(matchKey(licence.softwareId), licence);
  }
  const held = new Set(
    allocations
      .filter((a) => a.revokedOn === undefined)
      .map((a) => `${matchKey(a.licenceId)}\u0000${matchKey(a.user)}`),
  );
  const add: AllocationDraft[] = [];
  let unchanged = 0;
  let noLicence = 0;
  for (const seat of seats) {
    const licence = licenceOf.get(matchKey(seat.softwareId));
    if (!licence) {
      noLicence++;
      continue;
    }
    const key = `${matchKey(licence.id)}\u0000${matchKey(seat.user)}`;
    if (held.has(key)) {
      unchanged++;
      continue;
    }
    held.add(key);
    add.push({ licenceId: licence.id, user: seat.user, allocatedOn: seat.allocatedOn });
  }
  return { add, unchanged, noLicence };
}
