/**
 * LICENSE functions that read the register itself (through the shared live register, src/live), so a
 * row's formula passes only its licence ID, never whole columns. They stream: each cell is given a new value
 * when, and only when, a change to the register alters it. Excel learns the names, parameters and
 * descriptions from these JSDoc comments (custom-functions-metadata).
 */
import { LICENCE_FIGURE_NAMES, licenceFigure } from "../domain/licenceFigures";
import { positionGridHeader, positionGridRow } from "../domain/positionGrid";
import { RENEWAL_WINDOW_DAYS, renewalsGrid } from "../domain/upcomingRenewals";
import { invalid, isBlank, notAvailable, textArg, wholeNumberArg } from "./arguments";
import { watch, type LiveView } from "./liveCells";

function licenceOf(view: LiveView, licenceId: unknown) {
  const id = textArg("licenceId", licenceId).trim();
  if (id === "") notAvailable("licenceId is blank: give the ID of a licence in the Licences sheet.");
  const position = view.licence(id);
  if (position) return position;
  const problem = view.licenceProblem(id);
  if (problem) notAvailable(problem);
  return notAvailable(`There is no licence ${id} in the Licences sheet: check the ID, or add the licence.`);
}

/**
 * A licence's used quantity under its allocation rule, from the register's installations and allocations.
 * @customfunction USED
 * @param licenceId The licence's ID (as in the Licence ID column).
 * @param invocation Updated by the add-in when the register changes.
 * @returns The number of licences in use.
 */
export function used(licenceId: unknown, invocation: CustomFunctions.StreamingInvocation<number>): void {
  watch(
    invocation as CustomFunctions.StreamingInvocation<unknown>,
    (view) => licenceOf(view, licenceId).used,
  );
}

/**
 * A licence's compliance status: Compliant, Over-deployed, Under-utilized or Review Required (pinned for review, usage unknown, or data problems such as installations of another software).
 * @customfunction STATUS
 * @param licenceId The licence's ID (as in the Licence ID column).
 * @param invocation Updated by the add-in when the register changes.
 * @returns The compliance status.
 */
export function status(licenceId: unknown, invocation: CustomFunctions.StreamingInvocation<string>): void {
  watch(
    invocation as CustomFunctions.StreamingInvocation<unknown>,
    (view) => licenceOf(view, licenceId).status,
  );
}

/**
 * One figure of a licence's position, by the name the Licences sheet and the task pane give it; the Licences table's Available Quantity, Annual Cost and Renewal Status columns are this function, so they always equal the pane's.
 * @customfunction FIGURE
 * @param licenceId The licence's ID (as in the Licence ID column).
 * @param figure Used Quantity, Available Quantity, Compliance Status, Annual Cost, Renewal Status, Entitled Quantity, Shortfall, Status Reason, Days To Expiry, Unit Cost, True-up Cost or Unused Cost.
 * @param invocation Updated by the add-in when the register changes.
 * @returns The figure: a number, or text such as a status or "Unlimited".
 */
export function figure(
  licenceId: unknown,
  figure: unknown,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a figure is a number or text
  invocation: CustomFunctions.StreamingInvocation<any>,
): void {
  watch(invocation as CustomFunctions.StreamingInvocation<unknown>, (view) => {
    const name = textArg("figure", figure).trim();
    const read = licenceFigure(name);
    if (!read) {
      invalid(
        `figure must be one of ${LICENCE_FIGURE_NAMES.join(", ")}; got ${JSON.stringify(name)}. Give one of those names.`,
      );
    }
    return read(licenceOf(view, licenceId));
  });
}

/**
 * The software compliance grid: a header row, then per product its licences, purchased, used, available, shortfall, status and costs in the reporting currency.
 * @customfunction POSITION
 * @param [software] One product's software ID or name. Default: every product.
 * @param invocation Updated by the add-in when the register changes.
 * @returns The grid, spilled.
 */
export function position(
  software: unknown,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the metadata reads any[][] as a matrix of numbers and text
  invocation: CustomFunctions.StreamingInvocation<any[][]>,
): void {
  watch(invocation as CustomFunctions.StreamingInvocation<unknown>, (view) => {
    if (isBlank(software)) return view.grid();
    const wanted = textArg("software", software).trim();
    const product = view.product(wanted);
    if (!product)
      notAvailable(
        `There is no software ${wanted} in the Software sheet (by ID or name): check the ID or name, or add the product.`,
      );
    return [positionGridHeader(view.reportingCurrency()), positionGridRow(product)];
  });
}

/**
 * The licences due for renewal, as the pane lists them: a header row, then per licence its ID, software, type and vendor, expiry date, days left, notice date and whether it auto-renews, soonest first. Just the header row when none is due.
 * @customfunction RENEWALS
 * @param [days] How many days ahead to look, from today. Default: 90.
 * @param invocation Updated by the add-in when the register changes.
 * @returns The list, spilled.
 */
export function renewals(
  days: unknown,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the metadata reads any[][] as a matrix of numbers and text
  invocation: CustomFunctions.StreamingInvocation<any[][]>,
): void {
  watch(invocation as CustomFunctions.StreamingInvocation<unknown>, (view) =>
    renewalsGrid(view.renewals(wholeNumberArg("days", days, RENEWAL_WINDOW_DAYS))),
  );
}
