import { matchKey } from "./keys";
import { LICENCE_COMPUTED_LABELS as C } from "./labels";
import type { LicencePosition } from "./positionTypes";

/** What a figure is in a cell: a number, or text such as a status or "Unlimited"; "" when there is none. */
export type FigureValue = number | string;

const UNLIMITED = "Unlimited";

/**
 * The figures of a licence's position by the names people see them under: the Licences sheet's computed
 * columns and the task pane's read-only fields use these names, so LICENSE.FIGURE(id, "Annual Cost") is the
 * pane's Annual Cost. Unlimited quantities read "Unlimited"; a licence with no expiry has no days to expiry.
 */
export const LICENCE_FIGURES: Readonly<Record<string, (position: LicencePosition) => FigureValue>> = {
  [C.usedQuantity]: (p) => p.used,
  [C.availableQuantity]: (p) => p.available ?? UNLIMITED,
  [C.complianceStatus]: (p) => p.status,
  [C.annualCost]: (p) => p.annualCost,
  [C.renewalStatus]: (p) => p.renewalStatus,
  "Entitled Quantity": (p) => p.entitled ?? UNLIMITED,
  Shortfall: (p) => p.shortfall,
  "Status Reason": (p) => p.statusReason,
  "Days To Expiry": (p) => p.daysToExpiry ?? "",
  "Unit Cost": (p) => p.unitCost,
  "True-up Cost": (p) => p.trueUpCost,
  "Unused Cost": (p) => p.unusedCost,
};

export const LICENCE_FIGURE_NAMES = Object.keys(LICENCE_FIGURES);

const BY_KEY = new Map(LICENCE_FIGURE_NAMES.map((name) => [matchKey(name), LICENCE_FIGURES[name]]));

/** The figure named (ignoring case and surrounding spaces); undefined when there is no such figure. */
export function licenceFigure(name: string): ((position: LicencePosition) => FigureValue) | undefined {
  return BY_KEY.get(matchKey(name));
}
