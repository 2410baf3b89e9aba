import { useImperativeHandle, useMemo, useState, type Ref } from "react";
import type { RegisterPosition } from "../../domain/positionTypes";
import type { RegisterData } from "../../workbook/registerApi";
import { useLicenceDraft } from "../hooks/useLicenceDraft";
import { DiscardDialog } from "./DiscardDialog";
import { NO_FILTER, type LicenceFilter } from "./filterLicences";
import { LicenceForm } from "./form/LicenceForm";
import { LicenceList } from "./LicenceList";

export interface LicencesTabHandle {
  /** Open a licence's form, asking first if the open form has unsaved changes. */
  open: (licenceId: string) => void;
}

type View = { mode: "list" } | { mode: "edit"; id: string } | { mode: "new" };

interface Props {
  data: RegisterData;
  position: RegisterPosition;
  ref?: Ref<LicencesTabHandle>;
}

/** The licence list, or the form of one licence; leaving a form with edits asks before anything is lost. */
export function LicencesTab({ data, position, ref }: Props) {
  const [view, setView] = useState<View>({ mode: "list" });
  const [pending, setPending] = useState<View>();
  const [filter, setFilter] = useState<LicenceFilter>(NO_FILTER);
  const [notice, setNotice] = useState<string>();
  /** A fresh form (its messages and dialogs reset) each time a licence is opened; not when a new one is saved. */
  const [session, setSession] = useState(0);

  const softwareIds = useMemo(() => new Set(data.software.map((item) => item.id)), [data.software]);
  const current = view.mode === "edit" ? data.licences.find((licence) => licence.id === view.id) : undefined;
  const draft = useLicenceDraft(undefined, current, softwareIds);

  const go = (next: View) => {
    setPending(undefined);
    setNotice(undefined);
    setSession((n) => n + 1);
    if (next.mode === "edit") draft.start(data.licences.find((licence) => licence.id === next.id));
    if (next.mode === "new") draft.start(undefined, { currency: data.settings.reportingCurrency });
    setView(next);
  };

  const navigate = (next: View) => {
    if (view.mode !== "list" && draft.isDirty) {
      if (next.mode === "edit" && view.mode === "edit" && next.id === view.id) return;
      setPending(next);
    } else go(next);
  };

  useImperativeHandle(ref, () => ({ open: (id: string) => navigate({ mode: "edit", id }) }));

  return (
    <>
      {view.mode === "list" ? (
        <LicenceList
          data={data}
          position={position}
          filter={filter}
          onFilterChange={setFilter}
          notice={notice}
          onOpen={(id) => navigate({ mode: "edit", id })}
          onNew={() => navigate({ mode: "new" })}
        />
      ) : (
        <LicenceForm
          key={session}
          draft={draft}
          current={current}
          isNew={view.mode === "new"}
          data={data}
          position={position}
          onBack={() => navigate({ mode: "list" })}
          onSavedNew={(id) => setView({ mode: "edit", id })}
          onClosed={(message) => {
            go({ mode: "list" });
            setNotice(message);
          }}
        />
      )}
      <DiscardDialog
        open={pending !== undefined}
        onKeepEditing={() => setPending(undefined)}
        onDiscard={() => pending && go(pending)}
      />
    </>
  );
}
