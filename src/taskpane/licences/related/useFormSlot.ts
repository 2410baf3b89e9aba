import { useEffect, useId, useRef, useState } from "react";

/**
 * The one inline form a related list shows at a time, under its rows: adding a record, or correcting one.
 * Closing it (saved, cancelled or Escape) puts the keyboard back on the button that opened it: the list's add
 * button, or the row's Edit button.
 */
export function useFormSlot<T extends { id: string }>() {
  const prefix = useId();
  const [open, setOpen] = useState<{ editing?: T }>();
  const returnTo = useRef<string>(undefined);
  const buttonId = (record?: T) => (record ? `${prefix}-edit-${record.id}` : `${prefix}-add`);

  useEffect(() => {
    if (open || !returnTo.current) return;
    document.getElementById(returnTo.current)?.focus();
    returnTo.current = undefined;
  }, [open]);

  return {
    isOpen: open !== undefined,
    adding: open !== undefined && open.editing === undefined,
    /** The record being corrected, as it was when its form opened. */
    editing: open?.editing,
    /** The DOM id of the button that opens the form for a record (its Edit button), or for a new one. */
    buttonId,
    add: () => setOpen({}),
    edit: (record: T) => setOpen({ editing: record }),
    close: () => {
      returnTo.current = buttonId(open?.editing);
      setOpen(undefined);
    },
  };
}
