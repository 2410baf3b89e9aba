import type { ProductPosition } from "./positionTypes";

/** A cell of the compliance grid: what LICENSE.POSITION spills and what a snapshot writes. */
export type GridCell = string | number;

/**
 * The grid's header row; the cost columns name the reporting currency. Software, Purchased and Used come
 * first so a chart of purchased versus used can take the grid's first three columns. Each row is one
 * product, so the Licences column counts licences and every other count is of licences purchased or used;
 * True-up Exposure is Shortfall × Unit Price and Unused Cost is Available × Unit Price.
 */
export function positionGridHeader(reportingCurrency: string): string[] {
  return [
    "Software",
    "Purchased",
    "Used",
    "Available",
    "Shortfall",
    "Licences",
    "Status",
    `Annual Cost (${reportingCurrency})`,
    `Unit Price (${reportingCurrency})`,
    `True-up Exposure (${reportingCurrency})`,
    `Unused Cost (${reportingCurrency})`,
    "Software ID",
  ];
}

const money = (amount: number) => Math.round(amount * 100) / 100;

/** One product's row: Unlimited products show "Unlimited" for Purchased and Available. */
export function positionGridRow(product: ProductPosition): GridCell[] {
  return [
    product.softwareName,
    product.purchased ?? "Unlimited",
    product.used,
    product.available ?? "Unlimited",
    product.shortfall,
    product.licences,
    product.status,
    money(product.annualCost),
    money(product.unitPrice),
    money(product.trueUpExposure),
    money(product.unusedCost),
    product.softwareId,
  ];
}

const collator = new Intl.Collator("en-GB", { sensitivity: "base", numeric: true });

/** Products in the order the grid lists them: by name, then ID, so the grid does not reorder on edits. */
export function compareProducts(
  a: Pick<ProductPosition, "softwareId" | "softwareName">,
  b: Pick<ProductPosition, "softwareId" | "softwareName">,
): number {
  const byName = collator.compare(a.softwareName, b.softwareName);
  if (byName !== 0) return byName;
  return a.softwareId < b.softwareId ? -1 : a.softwareId > b.softwareId ? 1 : 0;
}

/** Header row then one row per product, in grid order. */
export function positionGrid(products: readonly ProductPosition[], reportingCurrency: string): GridCell[][] {
  return [positionGridHeader(reportingCurrency), ...[...products].sort(compareProducts).map(positionGridRow)];
}

/** Each column's position (0-based), for formulas that read the spilled grid. */
export const GRID_COLUMNS = {
  software: 0,
  purchased: 1,
  used: 2,
  available: 3,
  shortfall: 4,
  licences: 5,
  status: 6,
  annualCost: 7,
  unitPrice: 8,
  trueUpExposure: 9,
  unusedCost: 10,
  softwareId: 11,
} as const;
