/**
 * The running LICENSE.USED / STATUS / POSITION cells over the shared live register (src/live): each cell is
 * evaluated once the register is loaded, and again whenever a change touches what it read.
 */
import { matchKey } from "../domain/keys";
import { yieldEvery } from "../domain/yielding";
import type { GridCell } from "../domain/positionGrid";
import type { LicencePosition, ProductPosition } from "../domain/positionTypes";
import type { UpcomingRenewal } from "../domain/upcomingRenewals";
import type { LiveRegister } from "../live/liveRegister";
import { followSharedLiveRegister, sharedLiveRegister } from "../live/sharedLiveRegister";
import { Watchers, type Dependencies } from "./liveWatchers";

/** What a LICENSE function may read; each read is recorded so the cell re-runs only when that changes. */
export interface LiveView {
  licence(id: string): LicencePosition | undefined;
  /** Why a licence row with this ID is left out of the register (its first data issue), in a sentence. */
  licenceProblem(id: string): string | undefined;
  /** A catalogue product by software ID, else by name (both matched ignoring case and spaces). */
  product(idOrName: string): ProductPosition | undefined;
  /** The compliance grid of every product, header row first. */
  grid(): GridCell[][];
  /** Licences expiring within `days` days, soonest first (domain/upcomingRenewals). */
  renewals(days: number): UpcomingRenewal[];
  reportingCurrency(): string;
}

const watchers = new Watchers();
let stopFollowing: (() => void) | undefined;

// Cells follow whichever live register is the shared one; a replaced one never pushes into them.
followSharedLiveRegister((live) => {
  stopFollowing?.();
  stopFollowing = live?.onUpdated((affected) => void watchers.update(affected, yieldEvery()));
});

/**
 * Runs a LICENSE function's cell: `compute` now (once the register is loaded) and again whenever what it read
 * changes, pushing the result (or the CustomFunctions.Error it throws) only when it differs from the last one.
 */
export function watch(
  invocation: CustomFunctions.StreamingInvocation<unknown>,
  compute: (view: LiveView) => unknown,
): void {
  const remove = watchers.add(
    {
      evaluate: () => evaluate(compute),
      push: (value) => invocation.setResult(value as never),
    },
    sharedLiveRegister()?.hasAnswer === true,
  );
  invocation.onCanceled = remove;
}

function evaluate(compute: (view: LiveView) => unknown): { value: unknown; reads: Dependencies } {
  const reads: Dependencies = {
    licences: [],
    products: [],
    allProducts: false,
    licenceRecords: false,
    catalogue: false,
  };
  const live: LiveRegister = sharedLiveRegister()!;
  if (!live.isReady) {
    return {
      value: new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, live.loadProblem ?? ""),
      reads,
    };
  }
  const view: LiveView = {
    licence(id) {
      reads.licences.push(matchKey(id));
      return live.licence(id);
    },
    licenceProblem(id) {
      reads.licences.push(matchKey(id));
      return live.licenceProblem(id);
    },
    product(idOrName) {
      reads.catalogue = true;
      const product = live.product(idOrName);
      if (product) reads.products.push(matchKey(product.softwareId));
      return product;
    },
    grid() {
      reads.allProducts = true;
      return live.grid();
    },
    renewals(days) {
      // a licence's own dates and names, or the catalogue's names, decide its renewal; its usage does not
      reads.licenceRecords = true;
      reads.catalogue = true;
      return live.renewals(days);
    },
    reportingCurrency: () => live.reportingCurrency(),
  };
  try {
    return { value: compute(view), reads };
  } catch (error) {
    return { value: asExcelError(error), reads };
  }
}

function asExcelError(error: unknown): CustomFunctions.Error {
  if (error instanceof CustomFunctions.Error) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, message);
}
