import { useState } from "react";
import type { Result } from "../../workbook/registerApi";
import { failureSentence, unexpectedSentence } from "../messages";

/** Runs one register write at a time for a small list, keeping a plain sentence for what happened. */
export function useRecordAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();

  const run = async <T>(
    action: string,
    write: () => Promise<Result<T>>,
    success?: (value: T) => string | void,
  ) => {
    setBusy(true);
    setError(undefined);
    setNotice(undefined);
    try {
      const result = await write();
      if (!result.ok) {
        setError(failureSentence(result.error, action));
        return false;
      }
      const message = success?.(result.value);
      if (message) setNotice(message);
      return true;
    } catch (caught) {
      setError(unexpectedSentence(caught, action));
      return false;
    } finally {
      setBusy(false);
    }
  };

  /** Says what a write made elsewhere (an inline form's save) did, in place of the last action's news. */
  const notify = (message: string) => {
    setError(undefined);
    setNotice(message);
  };

  return { busy, error, notice, run, notify, clear: () => (setError(undefined), setNotice(undefined)) };
}
