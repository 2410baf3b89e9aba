import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  Text,
  tokens,
  useRestoreFocusTarget,
} from "@fluentui/react-components";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { LICENCE_LABELS } from "../../../domain/labels";
import type { RegisterFigures } from "../../../live/liveFigures";
import type { Licence } from "../../../domain/schemas";
import type { RegisterData } from "../../../workbook/registerApi";
import { ConfirmDialog } from "../../ConfirmDialog";
import { joinWithAnd } from "../../formatting";
import type { LicenceDraftApi } from "../../hooks/useLicenceDraft";
import {
  changedAfterSaveSentence,
  differingFields,
  failureSentence,
  unexpectedSentence,
} from "../../messages";
import { useRegister } from "../../RegisterContext";
import { useReplacedChange } from "../../hooks/useReplacedChange";
import { invalidFieldsInFormOrder } from "../draft";
import { RelatedLists } from "../related/RelatedLists";
import { AssignmentSection } from "./AssignmentSection";
import { DetailsSection } from "./DetailsSection";
import { DraftFormContext } from "./DraftFormContext";
import { GeneralSection } from "./GeneralSection";
import { NotesSection } from "./NotesSection";
import { PurchaseSection } from "./PurchaseSection";
import { SaveProblemBar, saveProblemSummary } from "./SaveProblemBar";
import { useLivePosition } from "./useLivePosition";
import { useSaveLicence } from "./useSaveLicence";
import { ValiditySection } from "./ValiditySection";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  header: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  title: {
    flex: "1 1 auto",
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    fontWeight: tokens.fontWeightSemibold,
  },
  footer: {
    position: "sticky",
    bottom: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} 0`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

interface Props {
  draft: LicenceDraftApi;
  /** The licence as the register has it now (undefined when new, or when someone deleted it). */
  current?: Licence;
  isNew: boolean;
  /**
   * Move the keyboard focus to the form's heading (opened from the list). Not when the person selected the
   * licence's row in the sheet: the grid keeps the focus so they can type into the cell.
   */
  focusOnOpen?: boolean;
  /** A message about something outside the form (a licence selected in the sheet), shown above it. */
  notice?: ReactNode;
  data: RegisterData;
  figures: RegisterFigures;
  /** Back, or Escape in the form: to the list, asking first when there are unsaved changes. */
  onBack: () => void;
  onSavedNew: (id: string) => void;
  /** Leave the form without asking, after an explicit discard. */
  onClosed: () => void;
  /** The licence was deleted: the form is left for the list. */
  onDeleted: () => void;
}

export function LicenceForm({
  draft,
  current,
  isNew,
  focusOnOpen = true,
  notice,
  data,
  figures,
  onBack,
  onSavedNew,
  onClosed,
  onDeleted,
}: Props) {
  const styles = useStyles();
  const register = useRegister();
  const live = useLivePosition(draft, figures);
  const saving = useSaveLicence(draft, { onSavedNew, onDiscard: () => onClosed() });
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [deleteError, setDeleteError] = useState<string>();
  const [showError, setShowError] = useState<string>();
  const [seenInRegister, setSeenInRegister] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  // Back and Delete licence open a dialog; cancelling it puts the keyboard back on the button, not the page.
  const opensDialog = useRestoreFocusTarget();
  // Keyboard and screen-reader users land on the licence they opened, not on the button they left behind.
  useEffect(() => {
    if (focusOnOpen) heading.current?.focus();
  }, []); // eslint-disable-line react-hooks/exhaustive-deps -- only as the form opens
  // Save is in the sticky footer but a refused save is explained at the top of the form, usually scrolled out
  // of view: bring the message into view and move focus to it, where its choices (Reload, Keep mine…) are.
  const problemBar = useRef<HTMLDivElement>(null);
  const showProblem = () => bringIntoView(problemBar.current);
  useEffect(() => {
    if (saving.problem) bringIntoView(problemBar.current);
  }, [saving.problem]);
  if (current && !seenInRegister) setSeenInRegister(true);

  const base = draft.base;
  const softwareName = data.software.find((item) => item.id === draft.draft.softwareId)?.name;
  const title = isNew ? "New licence" : (softwareName ?? "Licence");
  const changedUnderneath =
    !saving.problem && draft.isDirty && current && base && current.rowVersion !== base.rowVersion;
  const vanished = !saving.problem && !isNew && seenInRegister && !current;
  // Saved, then a co-author saved over it: their version is on screen now, and "Saved." would be stale.
  const savedThenChanged =
    saving.saved && !draft.isDirty && current && current.rowVersion !== saving.saved.rowVersion
      ? differingFields(saving.saved, current)
      : undefined;
  const replacedChange = useReplacedChange(register, base?.id);
  const invalidFields = invalidFieldsInFormOrder(draft.errors);
  const nothingToSave = !draft.isDirty && !isNew;

  const showInSheet = async (id: string) => {
    setShowError(undefined);
    try {
      await register.goToRecord("licences", id);
    } catch (caught) {
      setShowError(unexpectedSentence(caught, "show the licence in the Licences sheet"));
    }
  };

  const remove = async () => {
    setConfirmDelete(false);
    if (!base) return;
    try {
      const result = await register.remove("licences", base.id, base.rowVersion);
      if (result.ok) onDeleted();
      else setDeleteError(failureSentence(result.error, "delete the licence"));
    } catch (caught) {
      setDeleteError(unexpectedSentence(caught, "delete the licence"));
    }
  };

  return (
    <DraftFormContext.Provider value={draft}>
      <form
        className={styles.root}
        aria-label={title}
        noValidate
        onKeyDown={(event) => {
          // Escape is Back, unless it is closing something of its own (an open list of choices)
          const target = event.target as HTMLElement;
          if (event.key !== "Escape" || event.defaultPrevented) return;
          if (target.closest("[aria-expanded='true']")) return;
          event.preventDefault();
          onBack();
        }}
        onSubmit={(event) => {
          event.preventDefault();
          // Save stays focusable while it cannot be used, so Enter in a field must not save past it.
          if (!nothingToSave && !saving.busy) void saving.save();
        }}
      >
        <div className={styles.header}>
          <Button onClick={onBack} {...opensDialog}>
            Back
          </Button>
          <h2 className={styles.title} ref={heading} tabIndex={-1}>
            {title}
          </h2>
          {base && (
            <Button appearance="subtle" onClick={() => void showInSheet(base.id)}>
              Show in sheet
            </Button>
          )}
        </div>

        {notice}
        {showError && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>{showError}</MessageBarBody>
          </MessageBar>
        )}
        {saving.problem && (
          <SaveProblemBar
            ref={problemBar}
            problem={saving.problem}
            busy={saving.busy}
            onReload={() => saving.reloadTheirs(current)}
            onKeepMine={() => void saving.keepMine()}
            onSaveAsNew={() => void saving.saveAsNew()}
            onDiscard={saving.discard}
          />
        )}
        {changedUnderneath && (
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>
              Someone else changed this licence in the workbook while you were editing. Your changes are kept;
              when you save you can choose whose version to keep.
            </MessageBarBody>
          </MessageBar>
        )}
        {vanished && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              This licence is no longer in the register; someone may have deleted it.
              {draft.isDirty ? " Save it as a new licence to keep your changes, or discard them." : ""}
            </MessageBarBody>
            <MessageBarActions>
              {draft.isDirty && (
                <Button
                  appearance="primary"
                  onClick={() => void saving.saveAsNew()}
                  disabled={!draft.isValid}
                >
                  Save as new
                </Button>
              )}
              <Button onClick={() => onClosed()}>{draft.isDirty ? "Discard" : "Back to the list"}</Button>
            </MessageBarActions>
          </MessageBar>
        )}
        {deleteError && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>{deleteError}</MessageBarBody>
          </MessageBar>
        )}
        {saving.saved && !draft.isDirty && !savedThenChanged && !replacedChange && (
          <MessageBar intent="success">
            <MessageBarBody>{saving.merged ?? "Saved."}</MessageBarBody>
          </MessageBar>
        )}
        {replacedChange && !draft.isDirty && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>{replacedChange}</MessageBarBody>
          </MessageBar>
        )}
        {savedThenChanged && (
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>{changedAfterSaveSentence(savedThenChanged)}</MessageBarBody>
          </MessageBar>
        )}

        <GeneralSection software={data.software} position={live} />
        <DetailsSection position={live} />
        <PurchaseSection position={live} />
        <ValiditySection position={live} defaultLeadDays={data.settings.defaultRenewalLeadDays} />
        <AssignmentSection />
        <NotesSection />

        {base && !isNew ? (
          <RelatedLists licence={base} data={data} figures={figures} />
        ) : (
          <Text size={200}>
            Save the licence first; then you can allocate it to users and link installations.
          </Text>
        )}

        <div className={styles.footer}>
          {/* Kept beside Save while the choice is open, for whoever scrolls back down to the button. */}
          <div role="alert">
            {saving.problem && (
              <>
                <Text size={200} weight="semibold">
                  {saveProblemSummary(saving.problem)}
                </Text>{" "}
                <Button appearance="transparent" size="small" onClick={showProblem}>
                  Show message
                </Button>
              </>
            )}
          </div>
          {invalidFields.length > 0 && (
            <Text size={200} role="status">
              To save, complete or correct {joinWithAnd(invalidFields.map((field) => LICENCE_LABELS[field]))}.
            </Text>
          )}
          <div className={styles.buttons}>
            {/* Focusable while disabled: a save disables it (nothing left to save), and a disabled button
                drops the keyboard focus to the page's top, away from the form the person was in. */}
            <Button
              type="submit"
              appearance="primary"
              disabledFocusable={!draft.isValid || nothingToSave || saving.busy}
            >
              {saving.busy ? <Spinner size="tiny" label="Saving…" /> : "Save"}
            </Button>
            {draft.isDirty && (
              <Button onClick={() => draft.start(base, { currency: data.settings.reportingCurrency })}>
                Undo changes
              </Button>
            )}
            {base && !isNew && (
              <Button appearance="subtle" onClick={() => setConfirmDelete(true)} {...opensDialog}>
                Delete licence
              </Button>
            )}
          </div>
        </div>
      </form>
      <ConfirmDialog
        open={confirmDelete}
        title="Delete this licence?"
        confirmLabel="Delete licence"
        onConfirm={() => void remove()}
        onCancel={() => setConfirmDelete(false)}
      >
        The licence row is removed from the Licences sheet. Its user allocations and installations stay in
        their sheets but no longer count against a licence.
      </ConfirmDialog>
    </DraftFormContext.Provider>
  );
}

function bringIntoView(element: HTMLElement | null) {
  element?.scrollIntoView({ block: "nearest" });
  element?.focus({ preventScroll: true });
}
