import { useEffect, useState } from "react";
import { whilePersonWaits } from "../../domain/yielding";
import { unexpectedSentence } from "../messages";

export interface WorkedOut<T> {
  /** Undefined while it is first worked out. */
  value?: T;
  /** A plain sentence when it could not be worked out. */
  error?: string;
  /** Works it out again after an error. */
  retry: () => void;
}

/**
 * Figures of the whole register that are worked out the first time a slice at a time, so the pane and the
 * custom functions keep answering meanwhile, and after that kept current at once. The passes nobody waits for
 * (names, shared text) take no slice meanwhile (whilePersonWaits), as while a save runs: the person opened the
 * view to see these figures. `now`: the figures if
 * already worked out; `soon`: works them out (the same function until the figures are replaced); `doing`: what
 * an error says could not be done ("work out the proposed links").
 */
export function useWorkedOut<T>(
  now: T | undefined,
  soon: () => Promise<unknown>,
  doing: string,
): WorkedOut<T> {
  const [error, setError] = useState<string>();
  const [, setWorkedOut] = useState(0);
  const [attempt, setAttempt] = useState(0);
  const missing = now === undefined;
  useEffect(() => {
    if (!missing) return;
    let current = true;
    whilePersonWaits(soon).then(
      () => current && setWorkedOut((count) => count + 1),
      (reason: unknown) => current && setError(unexpectedSentence(reason, doing)),
    );
    return () => {
      current = false;
    };
  }, [soon, missing, doing, attempt]);
  const retry = () => {
    setError(undefined);
    setAttempt((count) => count + 1);
  };
  return now !== undefined ? { value: now, retry } : { error, retry };
}
