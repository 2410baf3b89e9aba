import { Spinner } from "@fluentui/react-components";
import { Suspense, useCallback, useEffect, useImperativeHandle, useMemo, useState, type Ref } from "react";
import type { RegisterFigures } from "../../live/liveFigures";
import type { RegisterData } from "../../workbook/registerApi";
import { useLicenceDraft } from "../hooks/useLicenceDraft";
import { lazyView } from "../lazyView";
import { NO_FILTER, type LicenceFilter } from "./filterLicences";
import { LicenceList, RETURN_TO_SEARCH } from "./LicenceList";
import { LicenceRowsCache } from "./licenceRowsCache";

// The form and the discard dialog arrive after the list has painted.
const LicenceForm = lazyView(() =>
  import(/* webpackChunkName: "licence-form" */ "./form/LicenceForm").then((module) => module.LicenceForm),
);
/**
 * Shown only over an open form, so it travels in the form's script: its focus restoring (Fluent's tabster)
 * would otherwise add 13 kB to the list's first paint.
 */
const SheetSelectionNotice = lazyView(() =>
  import(/* webpackChunkName: "licence-form" */ "./SheetSelectionNotice").then(
    (module) => module.SheetSelectionNotice,
  ),
);
const DiscardDialog = lazyView(() =>
  import(/* webpackChunkName: "discard-dialog" */ "./DiscardDialog").then((module) => module.DiscardDialog),
);

export interface LicencesTabHandle {
  /**
   * Show the licence the user selected in the sheet. The grid keeps the keyboard focus (the person may be
   * about to type into the cell); an open form with unsaved changes stays, with a notice offering the licence.
   */
  showSelected: (licenceId: string) => void;
  /** Open a licence's form from inside the pane, asking first if the open form has unsaved changes. */
  open: (licenceId: string) => void;
}

type View = { mode: "list" } | { mode: "edit"; id: string; fromSheet?: boolean } | { mode: "new" };

interface Props {
  data: RegisterData;
  figures: RegisterFigures;
  ref?: Ref<LicencesTabHandle>;
}

/** The licence list, or the form of one licence; leaving a form with edits asks before anything is lost. */
export function LicencesTab({ data, figures, ref }: Props) {
  const [view, setView] = useState<View>({ mode: "list" });
  const [pending, setPending] = useState<View>();
  /** A licence selected in the sheet while this form had unsaved changes. */
  const [selectedInSheet, setSelectedInSheet] = useState<string>();
  const [filter, setFilter] = useState<LicenceFilter>(NO_FILTER);
  const [rowsCache] = useState(() => new LicenceRowsCache());
  const [notice, setNotice] = useState<string>();
  /** The licence whose form was left for the list: the list puts the keyboard back on its row. */
  const [returnTo, setReturnTo] = useState<string | typeof RETURN_TO_SEARCH>();
  const returned = useCallback(() => setReturnTo(undefined), []);
  /** A fresh form (its messages and dialogs reset) each time a licence is opened; not when a new one is saved. */
  const [session, setSession] = useState(0);

  // Fetch the form once the list has painted, so opening a licence does not wait for its script.
  useEffect(() => {
    void LicenceForm.preload();
    void SheetSelectionNotice.preload();
    void DiscardDialog.preload();
  }, []);

  const softwareIds = useMemo(() => new Set(data.software.map((item) => item.id)), [data.software]);
  const current = view.mode === "edit" ? data.licences.find((licence) => licence.id === view.id) : undefined;
  const draft = useLicenceDraft(undefined, current, softwareIds);
  const editing = view.mode !== "list";

  const go = (next: View) => {
    setPending(undefined);
    setSelectedInSheet(undefined);
    setNotice(undefined);
    setSession((n) => n + 1);
    setReturnTo(next.mode === "list" && view.mode === "edit" ? view.id : undefined);
    if (next.mode === "edit") draft.start(data.licences.find((licence) => licence.id === next.id));
    if (next.mode === "new") draft.start(undefined, { currency: data.settings.reportingCurrency });
    setView(next);
  };

  const isOpen = (id: string) => view.mode === "edit" && view.id === id;

  const navigate = (next: View) => {
    if (editing && draft.isDirty) {
      if (next.mode === "edit" && isOpen(next.id)) return;
      setPending(next);
    } else go(next);
  };

  useImperativeHandle(ref, () => ({
    open: (id: string) => navigate({ mode: "edit", id }),
    showSelected: (id: string) => {
      if (isOpen(id)) setSelectedInSheet(undefined);
      // A dialog here would take the focus from the grid; a notice waits until the person comes to the pane.
      else if (editing && draft.isDirty) setSelectedInSheet(id);
      else go({ mode: "edit", id, fromSheet: true });
    },
  }));

  const selectedName = (id: string) => {
    const licence = data.licences.find((item) => item.id === id);
    const software = data.software.find((item) => item.id === licence?.softwareId)?.name;
    return licence && software ? `${software} (${licence.licenceType})` : "another licence";
  };

  return (
    <>
      {view.mode === "list" ? (
        <LicenceList
          data={data}
          figures={figures}
          rowsCache={rowsCache}
          filter={filter}
          onFilterChange={setFilter}
          notice={notice}
          onOpen={(id) => navigate({ mode: "edit", id })}
          onNew={() => navigate({ mode: "new" })}
          returnTo={returnTo}
          onReturned={returned}
        />
      ) : (
        <Suspense fallback={<Spinner label="Opening the licence…" />}>
          <LicenceForm
            key={session}
            draft={draft}
            current={current}
            isNew={view.mode === "new"}
            focusOnOpen={!(view.mode === "edit" && view.fromSheet)}
            data={data}
            figures={figures}
            notice={
              selectedInSheet && (
                <Suspense fallback={null}>
                  <SheetSelectionNotice
                    name={selectedName(selectedInSheet)}
                    onOpen={() => setPending({ mode: "edit", id: selectedInSheet })}
                    onDismiss={() => setSelectedInSheet(undefined)}
                  />
                </Suspense>
              )
            }
            onBack={() => navigate({ mode: "list" })}
            onSavedNew={(id) => setView({ mode: "edit", id })}
            onClosed={() => go({ mode: "list" })}
            onDeleted={() => {
              go({ mode: "list" });
              setReturnTo(RETURN_TO_SEARCH);
              setNotice("Licence deleted.");
            }}
          />
        </Suspense>
      )}
      <Suspense fallback={null}>
        <DiscardDialog
          open={pending !== undefined}
          onKeepEditing={() => setPending(undefined)}
          onDiscard={() => pending && go(pending)}
        />
      </Suspense>
    </>
  );
}
