import { useState } from "react";
import type { NewRecord, RecordTypes, RegisterFailure, Result } from "../../../workbook/registerApi";
import { editRefusedSentence } from "../../messages";
import { useRegister } from "../../RegisterContext";

type RelatedKind = "allocations" | "installations";

/** What the register keeps itself: never part of what a form writes. */
const METADATA = new Set(["id", "modified", "rowVersion"]);

/** Blank text and no value are the same empty cell. */
const sameValue = (a: unknown, b: unknown) => (a === "" ? undefined : a) === (b === "" ? undefined : b);

/**
 * Writes an allocation or installation from its inline form. A new one is added. A corrected one is saved by
 * its ID through the register's update, with the Row Version it had when the form opened, so the register
 * refuses it when someone else changed the same fields or deleted the row meanwhile, as it does the licence
 * form's save. After a refusal the form keeps the person's values and its Save becomes their choice: Keep mine
 * (written over the other change, as the licence form's Keep mine) or Add it back (when the row was deleted).
 */
export function useRelatedSave<K extends RelatedKind>(
  kind: K,
  record: { noun: string; labels: Readonly<Record<string, string>> },
  /** The record as it was when its form opened; none for a new one. */
  editing?: RecordTypes[K],
) {
  const register = useRegister();
  const [refused, setRefused] = useState<"conflict" | "deleted">();

  const save = async (fields: NewRecord<K>): Promise<Result<RecordTypes[K]>> => {
    if (!editing) return register.add(kind, fields);
    if (refused === "deleted") return register.add(kind, { ...withoutMetadata(editing), ...fields });
    const result = await register.update(
      kind,
      { ...editing, ...fields },
      refused === "conflict" ? { force: true } : undefined,
    );
    if (!result.ok && (result.error.kind === "conflict" || result.error.kind === "deleted"))
      setRefused(result.error.kind);
    return result;
  };

  return {
    save,
    /** Whether the fields hold what the record already does: nothing to write. */
    isUnchanged: (fields: NewRecord<K>) =>
      editing !== undefined &&
      Object.entries(fields).every(([field, value]) =>
        sameValue(value, (editing as Record<string, unknown>)[field]),
      ),
    submitLabel: refused === "conflict" ? "Keep mine" : refused === "deleted" ? "Add it back" : "Save",
    describeFailure: (failure: RegisterFailure) => editRefusedSentence(failure, record),
  };
}

function withoutMetadata(record: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([field]) => !METADATA.has(field)));
}
