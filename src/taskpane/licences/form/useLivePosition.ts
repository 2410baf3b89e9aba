import { useMemo } from "react";
import type { LicencePosition } from "../../../domain/positionTypes";
import type { Licence } from "../../../domain/schemas";
import type { RegisterFigures } from "../../../live/liveFigures";
import type { LicenceDraftApi } from "../../hooks/useLicenceDraft";
import { licenceFromDraft } from "../draft";

const DRAFT_ID = "__draft__";

/**
 * The licence's figures as the draft stands: Used and Available Quantity, Compliance Status, Annual Cost and
 * Renewal Status follow what the user types. While the draft is invalid, the saved figures show. Each
 * keystroke assesses the draft against the licence's own rows only (figures.draft), never the whole register.
 */
export function useLivePosition(
  draft: LicenceDraftApi,
  figures: RegisterFigures,
): LicencePosition | undefined {
  const { base, values, isValid, isDirty } = draft;
  return useMemo(() => {
    const savedPosition = base ? figures.licence(base.id) : undefined;
    if (!isValid || !isDirty) return savedPosition;
    const licence: Licence = licenceFromDraft(values, base ?? ({ id: DRAFT_ID, rowVersion: 0 } as Licence));
    return figures.draft(licence);
  }, [base, values, isValid, isDirty, figures]);
}
