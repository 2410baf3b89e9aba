import { matchKey } from "../../domain/keys";
import type { ComplianceStatus, LicenceType } from "../../domain/lists";
import type { LicencePosition } from "../../domain/positionTypes";
import type { Licence, Software } from "../../domain/schemas";

export interface LicenceFilter {
  search: string;
  status: ComplianceStatus | "";
  licenceType: LicenceType | "";
  expiringSoon: boolean;
}

export const NO_FILTER: LicenceFilter = { search: "", status: "", licenceType: "", expiringSoon: false };

export interface LicenceRow {
  licence: Licence;
  softwareName: string;
  position?: LicencePosition;
  /** The searched words in lower case, worked out once per row rather than once per row per keystroke. */
  searchText: string;
}

/** Between searched fields, so a search never matches across the end of one field and the start of the next. */
const FIELD_BREAK = "\u0000";

/**
 * Each licence with its software's name and computed position, sorted by software name then expiry.
 * The names are compared once per product (a register has ten times fewer products than licences): a
 * collator comparison per pair of licences costs seconds at 100,000 licences.
 */
export function licenceRows(
  licences: Licence[],
  software: Software[],
  positions: Map<string, LicencePosition>,
): LicenceRow[] {
  const names = new Map(software.map((item) => [matchKey(item.id), item.name]));
  const rows = licences.map((licence) => {
    const softwareName = names.get(matchKey(licence.softwareId)) ?? licence.softwareId;
    const { vendor, licenceKey, purchaseOrder } = licence;
    return {
      licence,
      softwareName,
      position: positions.get(licence.id),
      searchText: [softwareName, vendor, licenceKey, purchaseOrder]
        .filter((value) => value !== undefined)
        .join(FIELD_BREAK)
        .toLowerCase(),
    };
  });
  const collator = new Intl.Collator("en-GB");
  const order = new Map(
    [...new Set(rows.map((row) => row.softwareName))].sort(collator.compare).map((name, i) => [name, i]),
  );
  const expiry = (row: LicenceRow) => row.licence.expiryDate ?? "9999";
  return rows.sort((a, b) => {
    const byName = order.get(a.softwareName)! - order.get(b.softwareName)!;
    if (byName !== 0) return byName;
    const [x, y] = [expiry(a), expiry(b)];
    return x < y ? -1 : x > y ? 1 : 0;
  });
}

/** Expires within the next `days` days (today included); expired and perpetual licences are not "soon". */
export function isExpiringSoon(row: LicenceRow, days: number): boolean {
  const left = row.position?.daysToExpiry;
  return !row.licence.perpetual && left !== null && left !== undefined && left >= 0 && left <= days;
}

/** Search matches the software name, vendor, licence key or purchase order, ignoring case. */
export function filterLicences(
  rows: LicenceRow[],
  filter: LicenceFilter,
  expiringSoonDays: number,
): LicenceRow[] {
  const needle = matchKey(filter.search);
  return rows.filter((row) => {
    if (filter.status && row.position?.status !== filter.status) return false;
    if (filter.licenceType && row.licence.licenceType !== filter.licenceType) return false;
    if (filter.expiringSoon && !isExpiringSoon(row, expiringSoonDays)) return false;
    return !needle || row.searchText.includes(needle);
  });
}
