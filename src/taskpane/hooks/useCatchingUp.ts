import { useState } from "react";
import type { RecordKind } from "../../domain/ids";
import { useLive } from "../RegisterContext";

/** What the pane says where the action was while its figures catch up with the save. */
export const CATCHING_UP_LABEL = "Bringing the links just made into the figures…";

/** A record as a save returns it: the Row Version it was written with. */
interface SavedRecord {
  id: string;
  rowVersion: number;
}

export interface CatchingUp {
  /** True while what is shown was worked out before the live register held every record just saved. */
  catchingUp: boolean;
  /** Call with the records a save returned. */
  followSave: (records: readonly SavedRecord[]) => void;
}

/**
 * A save answers before the figures show it: the live register applies a large save of its own a slice at a
 * time, so for a moment after "Linked 44,015 installations" the pane still shows what was there before, and the
 * same action must not be offered again: it would save the same rows a second time.
 *
 * `shown`: what the action is offered from (the link plan, the unlinked installations), worked out afresh from
 * the live register's figures whenever they change. It is out of date while the live register still holds an
 * older version of a record saved (a co-author's change to something else that lands first gives new figures
 * that still lack the links), and so is whatever was shown then, until the figures change once more. A record
 * the live register no longer holds (deleted since) counts as brought in, as does a later version of it.
 */
export function useCatchingUp<T>(kind: RecordKind, shown: T): CatchingUp {
  const live = useLive();
  const [wait, setWait] = useState<{ records: readonly SavedRecord[]; outOfDate: T }>();
  let catchingUp = false;
  if (wait) {
    const notYetHeld = wait.records.some((record) => {
      const held = live.record(kind, record.id)?.rowVersion;
      return held !== undefined && held < record.rowVersion;
    });
    catchingUp = notYetHeld || Object.is(shown, wait.outOfDate);
    // React's pattern for state following what is rendered: set during render, rendered again at once
    if (notYetHeld && !Object.is(shown, wait.outOfDate)) setWait({ ...wait, outOfDate: shown });
    else if (!catchingUp) setWait(undefined);
  }
  return {
    catchingUp,
    followSave: (records) => setWait(records.length > 0 ? { records, outOfDate: shown } : undefined),
  };
}
