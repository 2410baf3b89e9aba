/** What one applied change touched, so readers recompute only that (matched keys, see domain/keys). */
export interface Affected {
  /** After a load, a settings change or a new day: every figure may differ. */
  all: boolean;
  licences: Set<string>;
  products: Set<string>;
  /** The catalogue changed: lookups by software name may resolve differently. */
  catalogue: boolean;
}

export const nothingAffected = (): Affected => ({
  all: false,
  licences: new Set(),
  products: new Set(),
  catalogue: false,
});

export const everythingAffected = (): Affected => ({ ...nothingAffected(), all: true, catalogue: true });

export function isNothing(affected: Affected): boolean {
  return !affected.all && !affected.catalogue && affected.licences.size === 0 && affected.products.size === 0;
}
