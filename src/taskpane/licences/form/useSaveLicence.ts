import { useState } from "react";
import { licenceSchema, type Licence } from "../../../domain/schemas";
import type { RegisterFailure, Result } from "../../../workbook/registerApi";
import type { LicenceDraftApi } from "../../hooks/useLicenceDraft";
import { conflictSentence, failureSentence, unexpectedSentence } from "../../messages";
import { useRegister } from "../../RegisterContext";
import { licenceFromDraft, newLicenceFromDraft } from "../draft";

export type SaveProblem =
  | { kind: "conflict"; sentence: string; current?: Licence }
  | { kind: "deleted"; sentence: string }
  | { kind: "error"; sentence: string };

/**
 * Save, and the ways out when the register refuses: Reload (take theirs), Keep mine (force), Save as new,
 * Discard. The draft is never dropped until the user picks one of those.
 */
export function useSaveLicence(
  draft: LicenceDraftApi,
  handlers: { onSavedNew: (id: string) => void; onDiscard: () => void },
) {
  const register = useRegister();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<SaveProblem>();
  /** The licence as this form last saved it, while "Saved." is the news. */
  const [saved, setSaved] = useState<Licence>();
  /** The register's "Saved. …" when the save kept someone else's changes to other fields alongside this one's. */
  const [merged, setMerged] = useState<string>();

  const run = async (
    action: string,
    write: () => Promise<Result<Licence>>,
    after?: (licence: Licence) => void,
  ) => {
    setBusy(true);
    setSaved(undefined);
    setMerged(undefined);
    try {
      const result = await write();
      if (result.ok) {
        setProblem(undefined);
        draft.start(result.value);
        setSaved(result.value);
        setMerged(result.merged?.message);
        after?.(result.value);
      } else setProblem(problemOf(result.error, action));
    } catch (caught) {
      setProblem({ kind: "error", sentence: unexpectedSentence(caught, action) });
    } finally {
      setBusy(false);
    }
  };

  const save = async () => {
    if (!draft.isValid) {
      draft.showAllErrors();
      return;
    }
    if (!draft.base) {
      await run(
        "save the licence",
        () => register.add("licences", newLicenceFromDraft(draft.values)),
        (licence) => handlers.onSavedNew(licence.id),
      );
    } else {
      const base = draft.base;
      await run("save the licence", () => register.update("licences", licenceFromDraft(draft.values, base)));
    }
  };

  const keepMine = async () => {
    if (!draft.base || !draft.isValid) return;
    const base = draft.base;
    await run("save the licence", () =>
      register.update("licences", licenceFromDraft(draft.values, base), { force: true }),
    );
  };

  const saveAsNew = async () => {
    if (!draft.isValid) return;
    await run(
      "save the licence as a new one",
      () => register.add("licences", newLicenceFromDraft(draft.values)),
      (licence) => handlers.onSavedNew(licence.id),
    );
  };

  /** Take the other person's version: the draft restarts from the licence as it is now. */
  const reloadTheirs = (latest: Licence | undefined) => {
    const current = problem?.kind === "conflict" && problem.current ? problem.current : latest;
    setProblem(undefined);
    setSaved(undefined);
    if (current) draft.start(current);
    else handlers.onDiscard();
  };

  const discard = () => {
    setProblem(undefined);
    handlers.onDiscard();
  };

  return {
    busy,
    problem,
    saved,
    merged,
    save,
    keepMine,
    saveAsNew,
    reloadTheirs,
    discard,
    dismissSaved: () => setSaved(undefined),
  };
}

function problemOf(failure: RegisterFailure, action: string): SaveProblem {
  if (failure.kind === "conflict") {
    const parsed = licenceSchema.safeParse(failure.current);
    return {
      kind: "conflict",
      sentence: conflictSentence(failure.changedFields),
      current: parsed.success ? parsed.data : undefined,
    };
  }
  if (failure.kind === "deleted") {
    return { kind: "deleted", sentence: "Someone else deleted this licence while you were editing." };
  }
  return { kind: "error", sentence: failureSentence(failure, action) };
}
