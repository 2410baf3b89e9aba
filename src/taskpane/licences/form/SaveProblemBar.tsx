import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";
import type { SaveProblem } from "./useSaveLicence";

/** What stopped the save, in plain words, with the choices that never lose an edit silently. */
export function SaveProblemBar({
  problem,
  busy,
  onReload,
  onKeepMine,
  onSaveAsNew,
  onDiscard,
}: {
  problem: SaveProblem;
  busy: boolean;
  onReload: () => void;
  onKeepMine: () => void;
  onSaveAsNew: () => void;
  onDiscard: () => void;
}) {
  if (problem.kind === "conflict") {
    return (
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>Not saved</MessageBarTitle>
          {problem.sentence} Reload to see their version (your changes are dropped), or keep yours to save
          over theirs.
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
      <MessageBar intent="warning" layout="multiline">
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
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>{problem.sentence}</MessageBarBody>
    </MessageBar>
  );
}
