import type { RecordKind } from "../domain/ids";

/** What one applied change touched, so readers recompute only that (matched keys, see domain/keys). */
export interface Affected {
  /** After a load, a settings change or a new day: every figure may differ. */
  all: boolean;
  licences: Set<string>;
  products: Set<string>;
  /** The catalogue changed: lookups by software name may resolve differently. */
  catalogue: boolean;
  /** IDs of the records the change added, replaced or removed, as their rows hold them (not set with `all`). */
  records: Map<RecordKind, Set<string>>;
}

export const nothingAffected = (): Affected => ({
  all: false,
  licences: new Set(),
  products: new Set(),
  catalogue: false,
  records: new Map(),
});

export const everythingAffected = (): Affected => ({ ...nothingAffected(), all: true, catalogue: true });

export function isNothing(affected: Affected): boolean {
  return (
    !affected.all &&
    !affected.catalogue &&
    affected.licences.size === 0 &&
    affected.products.size === 0 &&
    affected.records.size === 0
  );
}

/** Notes that a record of this kind was added, replaced or removed. */
export function touchRecord(affected: Affected, kind: RecordKind, id: string): void {
  let ids = affected.records.get(kind);
  if (!ids) affected.records.set(kind, (ids = new Set()));
  ids.add(id);
}
