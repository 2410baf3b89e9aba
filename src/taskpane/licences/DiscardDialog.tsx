import { ConfirmDialog } from "../ConfirmDialog";

/** Asked before leaving a licence form whose changes are not saved. "Keep editing" is the safe default. */
export function DiscardDialog({
  open,
  onKeepEditing,
  onDiscard,
}: {
  open: boolean;
  onKeepEditing: () => void;
  onDiscard: () => void;
}) {
  return (
    <ConfirmDialog
      open={open}
      title="Discard changes?"
      confirmLabel="Discard changes"
      cancelLabel="Keep editing"
      onConfirm={onDiscard}
      onCancel={onKeepEditing}
    >
      You have changed this licence but not saved it. Keep editing and select Save to keep your changes, or
      discard them.
    </ConfirmDialog>
  );
}
