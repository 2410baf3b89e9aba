import type { LicencePosition } from "./positionTypes";
import type { Licence, Software } from "./schemas";

/** How far ahead the dashboards look for renewals. */
export const RENEWAL_WINDOW_DAYS = 90;

export interface UpcomingRenewal {
  licenceId: string;
  softwareName: string;
  description: string;
  expiryDate: string;
  noticeDate: string | null;
  autoRenew: boolean;
  daysLeft: number;
}

/** The licence figures the renewals list reads: a RegisterPosition, or the live register's index. */
export interface LicencePositions {
  licences: { get(id: string): Pick<LicencePosition, "daysToExpiry" | "noticeDate"> | undefined };
}

/**
 * Licences expiring within `days` days from the as-of date (today included), soonest first; perpetual
 * licences and licences with no expiry date never are. The pane's list and LICENSE.RENEWALS both use this.
 */
export function upcomingRenewals(
  data: { software: Iterable<Software>; licences: Iterable<Licence> },
  position: LicencePositions,
  days = RENEWAL_WINDOW_DAYS,
): UpcomingRenewal[] {
  const names = new Map<string, string>();
  for (const item of data.software) names.set(item.id, item.name);
  const renewals: UpcomingRenewal[] = [];
  for (const licence of data.licences) {
    // a licence's figures can cost their working out: only for licences that can expire
    if (licence.perpetual || !licence.expiryDate) continue;
    const figures = position.licences.get(licence.id);
    const left = figures?.daysToExpiry;
    if (left === null || left === undefined || left < 0 || left > days) continue;
    renewals.push({
      licenceId: licence.id,
      softwareName: names.get(licence.softwareId) ?? licence.softwareId,
      description: [licence.licenceType, licence.vendor].filter(Boolean).join(", "),
      expiryDate: licence.expiryDate,
      noticeDate: figures?.noticeDate ?? null,
      autoRenew: licence.autoRenew,
      daysLeft: left,
    });
  }
  return renewals.sort((a, b) => a.daysLeft - b.daysLeft || a.softwareName.localeCompare(b.softwareName));
}

/** The renewals as LICENSE.RENEWALS spills them: a header row, then one row per licence (dates as yyyy-mm-dd). */
export function renewalsGrid(renewals: readonly UpcomingRenewal[]): (string | number)[][] {
  return [
    ["Licence ID", "Software", "Licence", "Expiry Date", "Days Left", "Notice Date", "Auto-renews"],
    ...renewals.map((r) => [
      r.licenceId,
      r.softwareName,
      r.description,
      r.expiryDate,
      r.daysLeft,
      r.noticeDate ?? "",
      r.autoRenew ? "Yes" : "No",
    ]),
  ];
}
