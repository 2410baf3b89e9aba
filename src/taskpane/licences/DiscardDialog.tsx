import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from "@fluentui/react-components";

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
    <Dialog open={open} onOpenChange={(_, d) => !d.open && onKeepEditing()} modalType="alert">
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Discard changes?</DialogTitle>
          <DialogContent>
            You have changed this licence but not saved it. Keep editing and select Save to keep your changes,
            or discard them.
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onKeepEditing}>
              Keep editing
            </Button>
            <Button onClick={onDiscard}>Discard changes</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
