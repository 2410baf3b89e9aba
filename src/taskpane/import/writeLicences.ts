import {
  planLicenceImport,
  planSeatAllocations,
  type ForeignLicence,
  type ForeignSeat,
} from "../../domain/licenceImport";
import { ProductMatcher, productTitleKey } from "../../domain/productMatching";
import type { Licence } from "../../domain/schemas";
import type { ImportResult } from "../../import/types";
import type { RegisterData, RegisterFailure } from "../../workbook/registerApi";
import type { Register } from "../../workbook/registerApi";

export interface LicenceImportOutcome {
  productsAdded: number;
  licencesAdded: number;
  licencesUnchanged: number;
  allocationsAdded: number;
  allocationsUnchanged: number;
  /** Seats that name no licence the register has (a seats export of a licence not imported yet). */
  seatsWithoutLicence: number;
  /** Seats checked out to an asset rather than a person: the device's installation counts instead. */
  seatsOnAssets: number;
}

/** Products of the file's licences that the catalogue does not know, by title key, first spelling kept. */
function unknownProducts(result: ImportResult, matcher: ProductMatcher) {
  const unknown = new Map<string, { name: string; publisher?: string }>();
  for (const licence of result.licences ?? []) {
    const key = productTitleKey(licence.product);
    if (!matcher.match(licence.product, licence.publisher) && !unknown.has(key)) {
      unknown.set(key, { name: licence.product, publisher: licence.publisher });
    }
  }
  return unknown;
}

/** What importing Snipe-IT licences and seats would add, for the button and its sentence. */
export function previewLicenceImport(result: ImportResult, data: RegisterData) {
  const matcher = new ProductMatcher(data.software);
  const unknown = unknownProducts(result, matcher);
  const softwareId = (product: string, publisher?: string) =>
    matcher.match(product, publisher)?.softwareId ?? `new:${productTitleKey(product)}`;
  const foreign = (result.licences ?? []).map((l) => ({
    ...l,
    softwareId: softwareId(l.product, l.publisher),
  }));
  const plan = planLicenceImport(data.licences, foreign, data.settings.reportingCurrency);
  const seats = (result.allocations ?? []).filter((a) => a.user && a.licence).length;
  return { newProducts: unknown.size, licences: plan.add.length, unchanged: plan.unchanged, seats };
}

/**
 * Writes another tool's licences and their seats: unknown products first, then the licences the register does
 * not hold yet, then the seats checked out to people as allocations of their product's licence.
 */
export async function writeLicenceImport(
  register: Register,
  result: ImportResult,
  data: RegisterData,
): Promise<
  { ok: true; value: LicenceImportOutcome } | { ok: false; error: RegisterFailure; action: string }
> {
  const matcher = new ProductMatcher(data.software);
  const unknown = unknownProducts(result, matcher);
  const created = new Map<string, string>();
  if (unknown.size > 0) {
    const added = await register.addMany("software", [...unknown.values()]);
    if (!added.ok) return { ok: false, error: added.error, action: "add the licences' products" };
    [...unknown.keys()].forEach((key, i) => created.set(key, added.value[i].id));
  }
  const softwareId = (product: string, publisher?: string) =>
    matcher.match(product, publisher)?.softwareId ?? created.get(productTitleKey(product));
  const foreign: ForeignLicence[] = [];
  for (const licence of result.licences ?? []) {
    const id = softwareId(licence.product, licence.publisher);
    if (id) foreign.push({ ...licence, softwareId: id });
  }
  const plan = planLicenceImport(data.licences, foreign, data.settings.reportingCurrency);
  let addedLicences: Licence[] = [];
  if (plan.add.length > 0) {
    const added = await register.addMany("licences", plan.add);
    if (!added.ok) return { ok: false, error: added.error, action: "add the licences" };
    addedLicences = added.value;
  }
  const seats: ForeignSeat[] = [];
  let seatsOnAssets = 0;
  let seatsWithoutLicence = 0;
  for (const seat of result.allocations ?? []) {
    if (!seat.user) {
      seatsOnAssets++;
      continue;
    }
    const id = seat.licence ? softwareId(seat.licence) : undefined;
    if (!id) {
      seatsWithoutLicence++;
      continue;
    }
    seats.push({ softwareId: id, user: seat.user, allocatedOn: seat.allocatedOn });
  }
  const allocations = planSeatAllocations([...data.licences, ...addedLicences], data.allocations, seats);
  if (allocations.add.length > 0) {
    const added = await register.addMany("allocations", allocations.add);
    if (!added.ok) return { ok: false, error: added.error, action: "add the seats as allocations" };
  }
  return {
    ok: true,
    value: {
      productsAdded: unknown.size,
      licencesAdded: plan.add.length,
      licencesUnchanged: plan.unchanged,
      allocationsAdded: allocations.add.length,
      allocationsUnchanged: allocations.unchanged,
      seatsWithoutLicence: seatsWithoutLicence + allocations.noLicence,
      seatsOnAssets,
    },
  };
}
