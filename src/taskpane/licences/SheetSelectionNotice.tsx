import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  useRestoreFocusTarget,
} from "@fluentui/react-components";

/**
 * The person selected another licence's row in the sheet while this form has unsaved changes. Said without a
 * dialog, which would take the keyboard away from the grid; opening it still asks before the edits go.
 */
export function SheetSelectionNotice({
  name,
  onOpen,
  onDismiss,
}: {
  name: string;
  onOpen: () => void;
  onDismiss: () => void;
}) {
  // Open asks first (a dialog); Keep editing brings the keyboard back here.
  const opensDialog = useRestoreFocusTarget();
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>
        You selected {name} in the sheet. This form stays open so your unsaved changes are not lost.
      </MessageBarBody>
      <MessageBarActions>
        <Button onClick={onOpen} {...opensDialog}>
          Open {name}
        </Button>
        <Button appearance="transparent" onClick={onDismiss}>
          Stay here
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
