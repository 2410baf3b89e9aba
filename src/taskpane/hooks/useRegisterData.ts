import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { computePosition } from "../../domain/position";
import type { RegisterPosition } from "../../domain/positionTypes";
import type { RegisterData } from "../../workbook/registerApi";
import { isNotSetUp, unexpectedSentence } from "../messages";
import { useRegisterContext } from "../RegisterContext";

export type LoadStatus = "loading" | "ready" | "not-set-up" | "error";

export interface RegisterDataState {
  status: LoadStatus;
  data?: RegisterData;
  position?: RegisterPosition;
  /** A plain sentence when the last load failed (data from an earlier load is kept). */
  error?: string;
  /** True while a reload runs with data already on screen. */
  refreshing: boolean;
  reload: () => Promise<void>;
}

/**
 * Loads the register, reloads whenever it changes (here or by a co-author), and computes the compliance
 * position for the as-of date. A slow load that finishes after a newer one is ignored.
 */
export function useRegisterData(): RegisterDataState {
  const { register, today } = useRegisterContext();
  const [status, setStatus] = useState<LoadStatus>("loading");
  const [data, setData] = useState<RegisterData>();
  const [error, setError] = useState<string>();
  const [refreshing, setRefreshing] = useState(false);
  const latest = useRef(0);

  /** Loads into state; sets nothing until the register answers (the first load shows the "loading" status). */
  const load = useCallback(
    async (ticket: number) => {
      try {
        const loaded = await register.load();
        if (ticket !== latest.current) return;
        setData(loaded);
        setError(undefined);
        setStatus("ready");
      } catch (caught) {
        if (ticket !== latest.current) return;
        if (isNotSetUp(caught)) {
          setStatus("not-set-up");
        } else {
          setError(unexpectedSentence(caught, "read the licence register from the workbook"));
          setStatus((previous) => (previous === "ready" ? "ready" : "error"));
        }
      } finally {
        if (ticket === latest.current) setRefreshing(false);
      }
    },
    [register],
  );

  const reload = useCallback(() => {
    setRefreshing(true);
    return load(++latest.current);
  }, [load]);

  useEffect(() => {
    void load(++latest.current);
    return register.onChanged(() => void reload());
  }, [register, load, reload]);

  const position = useMemo(
    () =>
      data
        ? computePosition(
            {
              software: data.software,
              licences: data.licences,
              allocations: data.allocations,
              installations: data.installations,
              settings: data.settings,
            },
            today,
          )
        : undefined,
    [data, today],
  );

  return { status, data, position, error, refreshing, reload };
}
