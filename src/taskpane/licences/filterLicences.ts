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
}

/** Between searched fields, so a search never matches across the end of one field and the start of the next. */
const FIELD_BREAK = "\u0000";

/**
 * Each licence with its software's name, sorted by software name then expiry. The names are compared once per
 * product (a register has ten times fewer products than licences), then each product's licences by expiry:
 * a collator comparison per pair of licences costs seconds at 100,000 licences. No figures here: a row's
 * position is read when the row is shown, so the list needs no sorting again after an edit of installations.
 */
export function licenceRows(licences: readonly Licence[], software: readonly Software[]): LicenceRow[] {
  const names = new Map(software.map((item) => [matchKey(item.id), item.name]));
  const products = new Map<string, LicenceRow[]>();
  for (const licence of licences) {
    const softwareName = names.get(matchKey(licence.softwareId)) ?? licence.softwareId;
    let rows = products.get(softwareName);
    if (!rows) products.set(softwareName, (rows = []));
    rows.push({ licence, softwareName });
  }
  const collator = new Intl.Collator("en-GB");
  const expiry = (row: LicenceRow) => expiryKey(row.licence);
  const sorted: LicenceRow[] = [];
  for (const name of [...products.keys()].sort(collator.compare)) {
    const rows = products.get(name)!;
    rows.sort((a, b) => {
      const [x, y] = [expiry(a), expiry(b)];
      return x < y ? -1 : x > y ? 1 : 0;
    });
    for (const row of rows) sorted.push(row);
  }
  return sorted;
}

/** What orders a product's licences in the list: their expiry, perpetual ones (no date) last. */
export const expiryKey = (licence: Licence): string => licence.expiryDate ?? "9999";

/**
 * The searched words of each row (software name, vendor, licence key, purchase order) in lower case: worked
 * out once (in the background after the list shows, see LicenceRowsCache), not once per row per keystroke.
 */
export function searchTexts(rows: LicenceRow[]): string[] {
  return rows.map(searchText);
}

/** One row's searched words, as searchTexts gives them. */
export function searchText({ licence, softwareName }: LicenceRow): string {
  return [softwareName, licence.vendor, licence.licenceKey, licence.purchaseOrder]
    .filter((value) => value !== undefined)
    .join(FIELD_BREAK)
    .toLowerCase();
}

/** Expires within the next `days` days (today included); expired and perpetual licences are not "soon". */
export function isExpiringSoon(
  licence: Licence,
  position: LicencePosition | undefined,
  days: number,
): boolean {
  const left = position?.daysToExpiry;
  return !licence.perpetual && left !== null && left !== undefined && left >= 0 && left <= days;
}

/** Whether the filter looks at the licences' figures (status, expiry), which change with edits. */
export function filterReadsFigures(filter: LicenceFilter): boolean {
  return filter.status !== "" || filter.expiringSoon;
}

/**
 * Search matches the software name, vendor, licence key or purchase order, ignoring case. `texts` are the
 * rows' searchTexts when already worked out; `positionOf` gives a licence's figures for the status and
 * expiring-soon filters.
 */
export function filterLicences(
  rows: LicenceRow[],
  filter: LicenceFilter,
  expiringSoonDays: number,
  positionOf: (licenceId: string) => LicencePosition | undefined,
  texts?: string[],
): LicenceRow[] {
  const needle = matchKey(filter.search);
  if (!needle && !filterReadsFigures(filter) && !filter.licenceType) return rows;
  const searched = needle ? (texts ?? searchTexts(rows)) : undefined;
  return rows.filter((row, i) => {
    if (filter.licenceType && row.licence.licenceType !== filter.licenceType) return false;
    if (searched && !searched[i].includes(needle)) return false;
    if (!filterReadsFigures(filter)) return true;
    const position = positionOf(row.licence.id);
    if (filter.status && position?.status !== filter.status) return false;
    return !filter.expiringSoon || isExpiringSoon(row.licence, position, expiringSoonDays);
  });
}
