/**
 * Whether two records hold the same values. Records hold only text, numbers and flags. A field left out and a
 * field holding undefined read the same: a row read from a sheet has every field of its table, a record a form
 * built only the fields it fills.
 */
export function sameRecord(
  a: Readonly<Record<string, unknown>>,
  b: Readonly<Record<string, unknown>>,
): boolean {
  for (const field in a) if (a[field] !== b[field]) return false;
  for (const field in b) if (!(field in a) && b[field] !== undefined) return false;
  return true;
}
