import { useEffect, useId, useRef, useState } from "react";

interface Listed {
  id: string;
  rowVersion: number;
}

/**
 * The one inline form a related list shows at a time, under its rows: adding a record, or correcting one.
 * Closing it (saved, cancelled or Escape) puts the keyboard back on the button that opened it: the list's add
 * button, or the row's Edit button. After a correction that waits until the list shows the saved version:
 * a corrected name can move the row, and a browser drops the focus of a button whose row moves.
 */
export function useFormSlot<T extends Listed>(
  /** The record as the list shows it now, by ID. */
  listed: (id: string) => Listed | undefined,
) {
  const prefix = useId();
  const [open, setOpen] = useState<{ editing?: T }>();
  const returnTo = useRef<{ button: string; awaiting?: Listed }>(undefined);
  const buttonId = (record?: { id: string }) => (record ? `${prefix}-edit-${record.id}` : `${prefix}-add`);

  // After every render while a button is owed the focus: the list's change can come renders after the save.
  useEffect(() => {
    const target = returnTo.current;
    if (open || !target) return;
    const { awaiting } = target;
    if (awaiting && (listed(awaiting.id)?.rowVersion ?? -Infinity) < awaiting.rowVersion) return;
    // A row a co-author deleted meanwhile has no Edit button: the list's add button is the nearest.
    (document.getElementById(target.button) ?? document.getElementById(buttonId()))?.focus();
    returnTo.current = undefined;
  });

  return {
    isOpen: open !== undefined,
    /** The record being corrected, as it was when its form opened. */
    editing: open?.editing,
    /** The DOM id of the button that opens the form for a record (its Edit button), or for a new one. */
    buttonId,
    add: () => setOpen({}),
    edit: (record: T) => setOpen({ editing: record }),
    /** Closes the form; given the record a correction saved, the focus waits for the list to show it. */
    close: (saved?: T) => {
      const editing = open?.editing;
      returnTo.current = editing
        ? { button: buttonId(saved ?? editing), awaiting: saved }
        : { button: buttonId() };
      setOpen(undefined);
    },
  };
}
