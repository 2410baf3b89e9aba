import type { RegisterPosition } from "./positionTypes";
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

/** Licences expiring within `days` days from the as-of date (today included), soonest first. */
export function upcomingRenewals(
  data: { software: readonly Software[]; licences: readonly Licence[] },
  position: RegisterPosition,
  days = RENEWAL_WINDOW_DAYS,
): UpcomingRenewal[] {
  const names = new Map(data.software.map((item) => [item.id, item.name]));
  const renewals: UpcomingRenewal[] = [];
  for (const licence of data.licences) {
    const figures = position.licences.get(licence.id);
    const left = figures?.daysToExpiry;
    if (
      licence.perpetual ||
      !licence.expiryDate ||
      left === null ||
      left === undefined ||
      left < 0 ||
      left > days
    )
      continue;
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
