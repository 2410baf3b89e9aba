import { createContext, useContext } from "react";
import type { LicenceDraftApi } from "../../hooks/useLicenceDraft";

/** The draft being edited, shared by the form's sections so each field binds by name. */
export const DraftFormContext = createContext<LicenceDraftApi | null>(null);

export function useDraftForm(): LicenceDraftApi {
  const value = useContext(DraftFormContext);
  if (!value) throw new Error("Form fields must be inside <DraftFormContext.Provider>.");
  return value;
}
