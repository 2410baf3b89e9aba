import { useState } from "react";

/** What the pane says where the action was while its figures catch up with the save. */
export const CATCHING_UP_LABEL = "Bringing the links just made into the figures…";

export interface CatchingUp<T> {
  /** True while the figures shown are still the ones the save was made from. */
  catchingUp: boolean;
  /** Call once a save made from `value` has succeeded. */
  savedFrom: (value: T) => void;
}

/**
 * A save answers before the figures show it: the live register applies a large save of its own a slice at a
 * time, so for a moment after "Linked 44,015 installations" the pane still shows what was there before. Until
 * `current` (figures worked out afresh after each change) is no longer the value a save was made from, the same
 * action must not be offered again: it would save the same rows a second time.
 */
export function useCatchingUp<T>(current: T): CatchingUp<T> {
  const [from, setFrom] = useState<{ value: T }>();
  const catchingUp = from !== undefined && Object.is(from.value, current);
  // caught up: the saved-from figures are let go at once (React's pattern for state following a prop)
  if (from && !catchingUp) setFrom(undefined);
  return { catchingUp, savedFrom: (value) => setFrom({ value }) };
}
