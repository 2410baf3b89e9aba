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
  /** The records as the list shows them now, in its order. */
  rows: readonly Listed[],
) {
  const prefix = useId();
  const [open, setOpen] = useState<{ editing?: T }>();
  const returnTo = useRef<{ id?: string; awaiting?: Listed }>(undefined);
  // A long list draws only the rows in view: a row that has left it (the form pushed it away, or the person
  // scrolled) is scrolled back into view by the list, which then focuses it.
  const [scrollingTo, setScrollingTo] = useState<string>();
  const scrollIndex = indexOf(rows, scrollingTo);

  // Each time the list changes while a button is owed the focus: the list's change can come renders after the save.
  useEffect(() => {
    const target = returnTo.current;
    if (open || !target) return;
    const { id, awaiting } = target;
    const index = indexOf(rows, id);
    if (awaiting && (rows[index]?.rowVersion ?? -Infinity) < awaiting.rowVersion) return;
    returnTo.current = undefined;
    const editButton = id === undefined ? null : document.getElementById(editButtonId(prefix, id));
    if (editButton) editButton.focus();
    else if (index !== -1) setScrollingTo(id);
    // A row a co-author deleted meanwhile has no Edit button: the list's add button is the nearest.
    else document.getElementById(addButtonId(prefix))?.focus();
  }, [prefix, open, rows]);

  return {
    isOpen: open !== undefined,
    /** The record being corrected, as it was when its form opened. */
    editing: open?.editing,
    /** The DOM id of the button that opens the form for a record (its Edit button), or for a new one. */
    buttonId: (record?: { id: string }) => (record ? editButtonId(prefix, record.id) : addButtonId(prefix)),
    add: () => setOpen({}),
    edit: (record: T) => setOpen({ editing: record }),
    /** Closes the form; given the record a correction saved, the focus waits for the list to show it. */
    close: (saved?: T) => {
      const editing = open?.editing;
      // a record added back after a co-author deleted it has a new ID
      returnTo.current = editing ? { id: (saved ?? editing).id, awaiting: saved } : {};
      setOpen(undefined);
    },
    /** For the list: the row it scrolls to and focuses (its first button, Edit), and what it calls then. */
    returnToRow: {
      focusIndex: scrollIndex === -1 ? undefined : scrollIndex,
      onFocused: () => setScrollingTo(undefined),
    },
  };
}

const indexOf = (rows: readonly Listed[], id: string | undefined) =>
  id === undefined ? -1 : rows.findIndex((row) => row.id === id);
const editButtonId = (prefix: string, id: string) => `${prefix}-edit-${id}`;
const addButtonId = (prefix: string) => `${prefix}-add`;
