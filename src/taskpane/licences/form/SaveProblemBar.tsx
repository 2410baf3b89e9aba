import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";
import type { Ref } from "react";
import type { SaveProblem } from "./useSaveLicence";

/**
 * The line the form's sticky footer repeats beside Save, which the full message at the top of the form may be
 * scrolled out of view from. Never the full sentence: the message above is the one that names the fields.
 */
export function saveProblemSummary(problem: SaveProblem): string {
  if (problem.kind === "conflict") return "Not saved: someone else changed this licence.";
  if (problem.kind === "deleted") return "Not saved: someone else deleted this licence.";
  return "Not saved.";
}

/** What stopped the save, in plain words, with the choices that never lose an edit silently. */
export function SaveProblemBar({
  ref,
  problem,
  busy,
  onReload,
  onKeepMine,
  onSaveAsNew,
  onDiscard,
}: {
  /** The bar itself (focusable), so the form can bring it into view when a save is refused. */
  ref?: Ref<HTMLDivElement>;
  problem: SaveProblem;
  busy: boolean;
  onReload: () => void;
  onKeepMine: () => void;
  onSaveAsNew: () => void;
  onDiscard: () => void;
}) {
  if (problem.kind === "conflict") {
    return (
      <MessageBar ref={ref} tabIndex={-1} intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>Not saved</MessageBarTitle>
          {problem.sentence} Reload to see their version (your changes are dropped), or keep yours to save
          your changes over theirs.
        </MessageBarBody>
        <MessageBarActions>
          <Button onClick={onReload} disabled={busy}>
            Reload
          </Button>
          <Button appearance="primary" onClick={onKeepMine} disabled={busy}>
            Keep mine
          </Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
  if (problem.kind === "deleted") {
    return (
      <MessageBar ref={ref} tabIndex={-1} intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>Not saved</MessageBarTitle>
          {problem.sentence} Save it as a new licence to keep your version, or discard it.
        </MessageBarBody>
        <MessageBarActions>
          <Button appearance="primary" onClick={onSaveAsNew} disabled={busy}>
            Save as new
          </Button>
          <Button onClick={onDiscard} disabled={busy}>
            Discard
          </Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
  return (
    <MessageBar ref={ref} tabIndex={-1} intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>Not saved</MessageBarTitle>
        {problem.sentence}
      </MessageBarBody>
    </MessageBar>
  );
}
