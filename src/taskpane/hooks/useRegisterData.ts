import { useMemo, useSyncExternalStore } from "react";
import type { RegisterPosition } from "../../domain/positionTypes";
import type { RegisterData } from "../../workbook/registerApi";
import { isNotSetUp, unexpectedSentence } from "../messages";
import { useLive } from "../RegisterContext";

export type LoadStatus = "loading" | "ready" | "not-set-up" | "error";

export interface RegisterDataState {
  status: LoadStatus;
  data?: RegisterData;
  position?: RegisterPosition;
  /** A plain sentence when the last load failed (data from an earlier load is kept). */
  error?: string;
  /** True while a reload runs with data already on screen. */
  refreshing: boolean;
  /** While the register is read: the share of its rows read so far (0 to 1). */
  progress?: number;
  reload: () => Promise<void>;
}

/**
 * The register as the live register holds it: loaded once, then patched from each change (here or by a
 * co-author) without reading the whole register again; the position follows for the as-of date.
 */
export function useRegisterData(): RegisterDataState {
  const live = useLive();
  const state = useSyncExternalStore(live.subscribe, live.getState);
  const error = useMemo(
    () =>
      state.error === undefined || isNotSetUp(state.error)
        ? undefined
        : unexpectedSentence(state.error, "read the licence register from the workbook"),
    [state.error],
  );
  const ready = live.isReady;
  const data = ready ? live.data() : undefined;
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the live register's figures change with its version
  const position = useMemo(() => (ready ? live.position() : undefined), [live, ready, state.version]);
  let status: LoadStatus = "ready";
  if (!ready)
    status = state.status === "loading" ? "loading" : isNotSetUp(state.error) ? "not-set-up" : "error";
  return {
    status,
    data,
    position,
    error,
    refreshing: state.refreshing,
    progress: state.progress,
    reload: () => live.reload(),
  };
}
