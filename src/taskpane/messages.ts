import { LICENCE_LABELS } from "../domain/labels";
import type { RegisterFailure } from "../workbook/registerApi";
import { joinWithAnd } from "./formatting";

/**
 * Plain sentences for what went wrong and what to do next. Never a stack trace: an unexpected error becomes
 * a sentence and the technical text, if any, is left to the console.
 */

/** The names people see for a record's fields (the sheet's headers), by field. */
type FieldLabels = Readonly<Record<string, string>>;

const labelsOf = (changedFields: string[], names: FieldLabels): string[] => [
  ...new Set(
    changedFields.filter((f) => f !== "modified" && f !== "rowVersion").map((field) => names[field] ?? field),
  ),
];

export function conflictSentence(
  changedFields: string[],
  what = "this licence",
  names: FieldLabels = LICENCE_LABELS,
): string {
  const labels = labelsOf(changedFields, names);
  if (labels.length === 0) return `Someone else changed ${what} while you were editing.`;
  return `Someone else changed ${joinWithAnd(labels)} of ${what} while you were editing.`;
}

/**
 * After "Saved.", a co-author saved the same licence: the form (with nothing unsaved) now shows their version,
 * and says which fields they changed, so nobody reads a stale "Saved." over someone else's values.
 */
export function changedAfterSaveSentence(changedFields: string[], what = "this licence"): string {
  const labels = labelsOf(changedFields, LICENCE_LABELS);
  const which = labels.length > 0 ? `${joinWithAnd(labels)} of ${what}` : what;
  return `Your save went in, then someone else changed ${which}. The form shows the licence as it is now.`;
}

/**
 * A correction to an allocation or installation the register refused: someone else changed the same fields
 * or deleted the row since the form opened. What the person typed is still in the form, and Save (relabelled)
 * is now their choice to keep it.
 */
export function editRefusedSentence(
  failure: RegisterFailure,
  record: { noun: string; labels: FieldLabels },
): string {
  const what = `this ${record.noun}`;
  if (failure.kind === "conflict")
    return `Not saved. ${conflictSentence(failure.changedFields, what, record.labels)} The list shows their version; your values are still here. Choose Keep mine to save yours over theirs, or Cancel to keep theirs.`;
  if (failure.kind === "deleted")
    return `Not saved. Someone else deleted ${what} while you were editing; your values are still here. Choose Add it back to add it again with your values, or Cancel to leave it deleted.`;
  return failureSentence(failure, `save the ${record.noun}`);
}

/** Fields whose values differ between two versions of a record (metadata aside). */
export function differingFields(a: object, b: object): string[] {
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  return [...new Set([...Object.keys(left), ...Object.keys(right)])].filter(
    (key) =>
      key !== "modified" && key !== "rowVersion" && JSON.stringify(left[key]) !== JSON.stringify(right[key]),
  );
}

export function failureSentence(failure: RegisterFailure, action: string): string {
  switch (failure.kind) {
    case "invalid": {
      const details = Object.values(failure.fieldErrors);
      return details.length > 0
        ? `Could not ${action}: ${details.join(" ")}`
        : `Could not ${action}: ${failure.message}`;
    }
    case "conflict":
      return `${conflictSentence(failure.changedFields, "this record")} Refresh and try again.`;
    case "deleted":
      return `Could not ${action}: someone else deleted this record. Refresh to see the register as it is now.`;
    case "not-set-up":
      return `Could not ${action}: this workbook has no licence register yet. Use "Set up workbook" first.`;
    case "unavailable":
      return failure.message;
    case "failed":
      return `Could not ${action}: ${failure.message} Try again; if it keeps happening, save the workbook and reopen it.`;
  }
}

/** For errors thrown rather than returned (a lost connection, a bug): a sentence, with what to try next. */
/** Under a date box left part-filled (DateInput): it names the field and says what to do. */
export function partDateMessage(label: string): string {
  return `${label} is not a whole date: fill in the day, month and year, or clear it.`;
}

export function unexpectedSentence(error: unknown, action: string): string {
  console.error(error);
  const message = error instanceof Error ? error.message : typeof error === "string" ? error : "";
  const reason =
    message && message.length < 200 && !message.includes("\n") ? ` (${message.replace(/\.$/, "")})` : "";
  return `Could not ${action}${reason}. Try again; if it keeps happening, save the workbook and reopen the add-in.`;
}

/** Whether load() failed because the register's tables are not in this workbook. */
export function isNotSetUp(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const candidate = error as { kind?: unknown; error?: { kind?: unknown }; code?: unknown; name?: unknown };
  return (
    candidate.kind === "not-set-up" ||
    candidate.error?.kind === "not-set-up" ||
    candidate.code === "not-set-up" ||
    candidate.name === "NotSetUpError"
  );
}
