import { OrdinalCounts } from "./ordinalCounts";

/** How a licence covers an installation: not at all (no licence of that ID), as its own product's, or another's. */
export const enum Cover {
  None,
  Own,
  Other,
}

/**
 * The index's rule for an installation (a load's and an edit's): covered when it names a licence that exists,
 * misplaced when that licence is of another product. By ordinals: `licenceProduct` is the product of the licence
 * it names, -1 when there is none.
 */
export function coverOf(licenceProduct: number, product: number): Cover {
  if (licenceProduct < 0) return Cover.None;
  return licenceProduct === product ? Cover.Own : Cover.Other;
}

/**
 * How a load's installations count for their products and licences, kept by ordinal in typed arrays while the
 * pass over a million rows runs, and given to the index's slots once it is over. Found by ordinals, a row reads
 * no licence or product object: at 100,000 licences, reading those objects (scattered over tens of megabytes)
 * for each installation was most of building the index (bench/README.md).
 */
export class LoadLinks {
  /** By product ordinal. */
  readonly installations: OrdinalCounts;
  readonly misplaced: OrdinalCounts;
  /** By licence ordinal. */
  readonly mismatched: OrdinalCounts;

  /**
   * `licenceProducts`: by licence ordinal, the product ordinal of the licence with that ID, -1 where there is
   * none; ordinals made after it (IDs only rows name) have no licence. `products`: the products so far.
   */
  constructor(
    private readonly licenceProducts: Int32Array,
    products: number,
  ) {
    this.installations = new OrdinalCounts(products);
    this.misplaced = new OrdinalCounts(products);
    this.mismatched = new OrdinalCounts(licenceProducts.length);
  }

  /**
   * Counts an installation naming the licence `licence` (-1 for a blank Licence ID) of product `product`; false
   * when no licence covers it (the caller keeps it with the product's uncovered installations).
   */
  installation(licence: number, product: number): boolean {
    this.installations.increment(product);
    const products = this.licenceProducts;
    const cover = coverOf(licence >= 0 && licence < products.length ? products[licence] : -1, product);
    if (cover === Cover.Other) {
      this.misplaced.increment(product);
      this.mismatched.increment(licence);
    }
    return cover !== Cover.None;
  }
}
