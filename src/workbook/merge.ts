import { DISPLAY_FIELDS } from "../domain/labels";
import { fromCell } from "./cells";
import type { RecordTableSpec } from "./tables/types";

type Row = Record<string, unknown>;

/**
 * Fields the register keeps itself: never compared, never merged. The names shown beside links (DISPLAY_FIELDS)
 * are kept by the add-in's name follower, not by saves, so a rename shown meanwhile is nobody's conflict.
 */
const KEPT_BY_REGISTER = new Set(["id", "modified", "rowVersion", ...DISPLAY_FIELDS]);

/** What a save does with a record, decided field by field from three versions of it. */
export type MergeDecision =
  | {
      kind: "write";
      /** Fields to write: the caller's changes that the row does not already hold. */
      write: string[];
      /** Fields someone else changed since the base, kept as they are now. */
      theirs: string[];
      /** The row as it will be: as it is now, with the caller's changes. */
      merged: Row;
    }
  | {
      kind: "conflict";
      /** Fields both changed, to different values. */
      fields: string[];
      theirs: string[];
    };

/** Blank, undefined and null are all an empty cell. */
function normalise(value: unknown): unknown {
  return value === undefined || value === null || value === "" ? null : value;
}

export function sameValue(a: unknown, b: unknown): boolean {
  const x = normalise(a);
  const y = normalise(b);
  if (x === y) return true;
  if (typeof x !== "object" || typeof y !== "object" || x === null || y === null) return false;
  return JSON.stringify(x) === JSON.stringify(y);
}

export function comparedFields(spec: RecordTableSpec): string[] {
  return spec.columns
    .map((column) => column.field)
    .filter((field): field is string => field !== undefined && !KEPT_BY_REGISTER.has(field));
}

/**
 * A row's fields as the cells hold them, whether or not the row passes the schema: blank is undefined, date
 * serials are ISO dates, numeric text in number columns is a number (what fromCell gives before validation).
 */
export function cellFields(spec: RecordTableSpec, positions: number[], cells: readonly unknown[]): Row {
  const row: Row = {};
  spec.columns.forEach((column, index) => {
    if (column.field && positions[index] >= 0) row[column.field] = fromCell(column, cells[positions[index]]);
  });
  return row;
}

/**
 * Field-by-field three-way merge. `base` is the record as the caller loaded it, `mine` what the caller wants
 * it to be, `current` the row now. A field only the caller changed is written; a field only someone else
 * changed is kept as it is now; a field both changed to different values is a conflict (unless forced: then
 * the caller's value is written over it). Without a base, the caller is taken to have seen the row as it is
 * now when their Row Version matches it, and to conflict on every field they differ on when it does not.
 */
export function decide(
  spec: RecordTableSpec,
  mine: Row,
  base: Row | undefined,
  current: Row,
  currentVersion: number,
  force: boolean,
): MergeDecision {
  const fields = comparedFields(spec);
  const seen = base ?? (Number(mine.rowVersion ?? 0) === currentVersion ? current : undefined);
  const theirs = seen ? fields.filter((field) => !sameValue(current[field], seen[field])) : [];
  const changedByMe = fields.filter((field) => !seen || !sameValue(mine[field], seen[field]));
  const clashes = changedByMe.filter(
    (field) => (!seen || theirs.includes(field)) && !sameValue(mine[field], current[field]),
  );
  if (clashes.length > 0 && !force) return { kind: "conflict", fields: clashes, theirs };
  const write = changedByMe.filter((field) => !sameValue(mine[field], current[field]));
  const merged: Row = {};
  for (const field of fields) {
    const value = write.includes(field) ? mine[field] : current[field];
    if (normalise(value) !== null) merged[field] = value;
  }
  merged.id = mine.id;
  return { kind: "write", write, theirs: theirs.filter((field) => !write.includes(field)), merged };
}
