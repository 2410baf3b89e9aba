import { useMemo, useState } from "react";
import type { Licence } from "../../domain/schemas";
import {
  changedFields,
  checkDraft,
  draftFromLicence,
  emptyDraft,
  hasErrors,
  type DateField,
  type DraftField,
  type FieldErrors,
  type LicenceDraft,
} from "../licences/draft";
import { differingFields } from "../messages";

export interface DraftState {
  /** The licence as loaded (undefined for a new one); its row version is what a save is checked against. */
  base?: Licence;
  saved: LicenceDraft;
  draft: LicenceDraft;
  touched: ReadonlySet<DraftField>;
  /** Date boxes holding part of a date: each is an error of its field, as "ten" typed in Quantity is. */
  partDates: ReadonlySet<DateField>;
  /** After a save attempt every message shows, not only those of fields the user has left. */
  showAll: boolean;
}

function stateFor(
  base: Licence | undefined,
  defaults?: { currency?: string; softwareId?: string },
): DraftState {
  const saved = base ? draftFromLicence(base) : emptyDraft(defaults);
  return { base, saved, draft: saved, touched: new Set(), partDates: new Set(), showAll: false };
}

export interface LicenceDraftApi extends DraftState {
  /** Every problem, shown or not: Save is disabled while there is any. */
  errors: FieldErrors;
  /** Messages to show beside fields: those the user has left, or all after a save attempt. */
  visibleErrors: FieldErrors;
  dirtyFields: DraftField[];
  isDirty: boolean;
  isValid: boolean;
  values: Partial<Licence>;
  setField: <K extends DraftField>(field: K, value: LicenceDraft[K]) => void;
  /** What the date box says as the person types: whether it holds part of a date (DateInput). */
  setPartDate: (field: DateField, partly: boolean) => void;
  /** The user left the field: its message (if any) shows now. */
  blur: (field: DraftField) => void;
  showAllErrors: () => void;
  /** Start editing this licence (or a new one), dropping the draft. */
  start: (licence: Licence | undefined, defaults?: { currency?: string; softwareId?: string }) => void;
}

/**
 * The licence form's state. When the register reloads underneath, an untouched form follows the new version
 * of the licence; a form with edits keeps the user's draft (and its base version, so saving detects the clash).
 */
export function useLicenceDraft(
  initial: Licence | undefined,
  current: Licence | undefined,
  knownSoftwareIds: ReadonlySet<string>,
): LicenceDraftApi {
  const [state, setState] = useState<DraftState>(() => stateFor(initial));

  const dirtyFields = useMemo(() => changedFields(state.draft, state.saved), [state.draft, state.saved]);
  const isDirty = dirtyFields.length > 0;

  // Follow a newer version of the same licence while there is nothing of the user's to lose.
  if (
    !isDirty &&
    current &&
    state.base &&
    current.id === state.base.id &&
    current !== state.base &&
    // Two co-authors' saves merged by Excel end on the same Row Version: the values tell them apart.
    (current.rowVersion !== state.base.rowVersion || differingFields(current, state.base).length > 0)
  ) {
    setState(stateFor(current));
  }

  const { errors, values } = useMemo(
    () => checkDraft(state.draft, knownSoftwareIds, undefined, state.partDates),
    [state.draft, knownSoftwareIds, state.partDates],
  );
  const visibleErrors = useMemo(() => {
    if (state.showAll) return errors;
    const shown: FieldErrors = {};
    for (const field of state.touched) if (errors[field]) shown[field] = errors[field];
    return shown;
  }, [errors, state.showAll, state.touched]);

  return {
    ...state,
    errors,
    visibleErrors,
    dirtyFields,
    isDirty,
    isValid: !hasErrors(errors),
    values,
    setField: (field, value) => setState((s) => ({ ...s, draft: { ...s.draft, [field]: value } })),
    setPartDate: (field, partly) =>
      setState((s) => {
        if (s.partDates.has(field) === partly) return s;
        const partDates = new Set(s.partDates);
        if (partly) partDates.add(field);
        else partDates.delete(field);
        return { ...s, partDates };
      }),
    blur: (field) =>
      setState((s) => (s.touched.has(field) ? s : { ...s, touched: new Set([...s.touched, field]) })),
    showAllErrors: () => setState((s) => ({ ...s, showAll: true })),
    start: (licence, defaults) => setState(stateFor(licence, defaults)),
  };
}
