import { useMemo } from "react";
import { computePosition } from "../../../domain/position";
import type { LicencePosition } from "../../../domain/positionTypes";
import type { RegisterFigures } from "../../../live/liveFigures";
import type { Licence } from "../../../domain/schemas";
import type { RegisterData } from "../../../workbook/registerApi";
import type { LicenceDraftApi } from "../../hooks/useLicenceDraft";
import { useRegisterContext } from "../../RegisterContext";
import { licenceFromDraft } from "../draft";

const DRAFT_ID = "__draft__";

/**
 * The licence's figures as the draft stands: Used and Available Quantity, Compliance Status, Annual Cost and
 * Renewal Status follow what the user types. While the draft is invalid, the saved figures show.
 */
export function useLivePosition(
  draft: LicenceDraftApi,
  data: RegisterData,
  saved: RegisterFigures,
): LicencePosition | undefined {
  const { today } = useRegisterContext();
  const { base, values, isValid, isDirty } = draft;
  return useMemo(() => {
    const savedPosition = base ? saved.licence(base.id) : undefined;
    if (!isValid || !isDirty) return savedPosition;
    const id = base?.id ?? DRAFT_ID;
    const licence: Licence = licenceFromDraft(values, base ?? ({ id, rowVersion: 0 } as Licence));
    const licences = base
      ? data.licences.map((item) => (item.id === base.id ? licence : item))
      : [...data.licences, licence];
    return computePosition({ ...data, licences }, today).licences.get(id) ?? savedPosition;
  }, [base, values, isValid, isDirty, data, saved, today]);
}
