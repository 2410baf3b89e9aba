import { matchKey } from "../domain/keys";
import { compareProducts, positionGridHeader, positionGridRow, type GridCell } from "../domain/positionGrid";
import type { RegisterIndex } from "../domain/registerIndex";
import type { Software } from "../domain/schemas";

/**
 * The all-products compliance grid, kept row by row: an edit recomputes the rows of the products it touched,
 * not the whole register, and the grid keeps its identity while nothing in it changed.
 */
export class LiveGrid {
  private readonly rows = new Map<string, GridCell[]>();
  private order: string[] | undefined;
  private cached: GridCell[][] | undefined;
  private currency = "";

  /** Forgets the rows of these products (matched keys), or of every product and the order. */
  invalidate(productKeys: Iterable<string> | "all"): void {
    if (productKeys === "all") {
      this.rows.clear();
      this.order = undefined;
      this.cached = undefined;
      return;
    }
    for (const key of productKeys) {
      if (this.rows.delete(key)) this.cached = undefined;
    }
  }

  /** The catalogue changed (a product added, removed or renamed): the order is worked out again. */
  reorder(): void {
    this.order = undefined;
    this.cached = undefined;
  }

  grid(index: RegisterIndex, software: ReadonlyMap<string, Software>): GridCell[][] {
    const currency = index.settings.reportingCurrency;
    if (currency !== this.currency) {
      this.currency = currency;
      this.cached = undefined;
    }
    if (this.cached) return this.cached;
    if (!this.order) {
      const byKey = new Map<string, Software>();
      for (const entry of software.values()) byKey.set(matchKey(entry.id), entry);
      this.order = [...byKey.entries()]
        .sort(([, a], [, b]) =>
          compareProducts(
            { softwareId: a.id, softwareName: a.name },
            { softwareId: b.id, softwareName: b.name },
          ),
        )
        .map(([key]) => key);
    }
    const grid: GridCell[][] = [positionGridHeader(currency)];
    for (const key of this.order) {
      let row = this.rows.get(key);
      if (!row) {
        const product = index.productPosition(key);
        if (!product) continue;
        row = positionGridRow(product);
        this.rows.set(key, row);
      }
      grid.push(row);
    }
    this.cached = grid;
    return grid;
  }
}
