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
}

/** Each licence with its software's name and computed position, sorted by software name then expiry. */
export function licenceRows(
  licences: Licence[],
  software: Software[],
  positions: Map<string, LicencePosition>,
): LicenceRow[] {
  const names = new Map(software.map((item) => [matchKey(item.id), item.name]));
  return licences
    .map((licence) => ({
      licence,
      softwareName: names.get(matchKey(licence.softwareId)) ?? licence.softwareId,
      position: positions.get(licence.id),
    }))
    .sort(
      (a, b) =>
        a.softwareName.localeCompare(b.softwareName, "en-GB") ||
        (a.licence.expiryDate ?? "9999").localeCompare(b.licence.expiryDate ?? "9999"),
    );
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
    if (!needle) return true;
    const { vendor, licenceKey, purchaseOrder } = row.licence;
    return [row.softwareName, vendor, licenceKey, purchaseOrder].some(
      (value) => value !== undefined && value.toLowerCase().includes(needle),
    );
  });
}
