import { useMemo, useSyncExternalStore } from "react";
import type { RegisterFigures } from "../../live/liveFigures";
import type { RegisterData } from "../../workbook/registerApi";
import { isNotSetUp, unexpectedSentence } from "../messages";
import { useLive } from "../RegisterContext";

export type LoadStatus = "loading" | "ready" | "not-set-up" | "error";

export interface RegisterDataState {
  status: LoadStatus;
  data?: RegisterData;
  /**
   * The figures on the as-of date, worked out as they are read: a new object after each change (for memos),
   * while a licence's position stays the same object until a change touches it.
   */
  figures?: RegisterFigures;
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
 * co-author) without reading the whole register again. Nothing is worked out here: the figures are read by
 * what is shown (a list row its licence's, the dashboard the whole register's), and after an edit only what
 * it touched is worked out again.
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
  const figures = useMemo(
    (): RegisterFigures | undefined => {
      if (!ready) return undefined;
      const figures = live.figures;
      return {
        asOf: figures.asOf,
        reportingCurrency: figures.reportingCurrency,
        licence: figures.licence,
        position: figures.position,
        positionIfWorkedOut: figures.positionIfWorkedOut,
        positionSoon: figures.positionSoon,
        draft: figures.draft,
        installationsOf: figures.installationsOf,
        allocationsOf: figures.allocationsOf,
        unlinkedInstallationsOf: figures.unlinkedInstallationsOf,
        linkPlanIfWorkedOut: figures.linkPlanIfWorkedOut,
        linkPlanSoon: figures.linkPlanSoon,
      };
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the live register's figures change with its version
    [live, ready, state.version],
  );
  let status: LoadStatus = "ready";
  if (!ready)
    status = state.status === "loading" ? "loading" : isNotSetUp(state.error) ? "not-set-up" : "error";
  return {
    status,
    data,
    figures,
    error,
    refreshing: state.refreshing,
    progress: state.progress,
    reload: () => live.reload(),
  };
}
