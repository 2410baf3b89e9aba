import { useEffect, useState } from "react";
import type { RegisterFigures } from "../../live/liveFigures";
import type { RegisterPosition } from "../../domain/positionTypes";
import { unexpectedSentence } from "../messages";

export interface WholePosition {
  /** Undefined while it is first worked out. */
  position?: RegisterPosition;
  /** A plain sentence when it could not be worked out. */
  error?: string;
  /** Works it out again after an error. */
  retry: () => void;
}

/**
 * The whole register's position for the Dashboard. The first time, it is worked out a slice at a time
 * (positionSoon), so the pane and the custom functions keep answering meanwhile; after that each change
 * patches it at once.
 */
export function useWholePosition(figures: RegisterFigures): WholePosition {
  const position = figures.positionIfWorkedOut();
  const [error, setError] = useState<string>();
  const [, setWorkedOut] = useState(0);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (position) return;
    let current = true;
    figures.positionSoon().then(
      () => current && setWorkedOut((count) => count + 1),
      (reason: unknown) =>
        current && setError(unexpectedSentence(reason, "work out the Dashboard's figures")),
    );
    return () => {
      current = false;
    };
  }, [figures, position, attempt]);
  const retry = () => {
    setError(undefined);
    setAttempt((count) => count + 1);
  };
  return position ? { position, retry } : { error, retry };
}
