import { useEffect, useState, useSyncExternalStore } from "react";
import { todayIsoDate, type IsoDate } from "../domain/dates";
import { LiveRegister } from "../live/liveRegister";
import type { Register } from "../workbook/registerApi";
import { RegisterProvider } from "./RegisterContext";
import { Shell } from "./Shell";

export interface AppProps {
  /** The only way the pane writes to the register. */
  register: Register;
  /**
   * The register in memory that the pane reads, shared with the LICENSE functions in Excel's shared runtime.
   * Without one the pane keeps its own (a co-author's pane in the playground, component tests).
   */
  live?: LiveRegister;
  /** The as-of date for compliance and renewals; defaults to today where the user is. */
  today?: IsoDate;
}

/** The task pane: Licences and Dashboard tabs over one register. Needs a FluentProvider above it. */
export function App({ register, live: shared, today }: AppProps) {
  const [own] = useState(() =>
    shared
      ? undefined
      : // the pane says in a sentence what went wrong (state.error), so nothing more to report here
        new LiveRegister(register, { today: () => today ?? todayIsoDate(), onError: () => undefined }),
  );
  useEffect(() => () => own?.stop(), [own]);
  const live = shared ?? own!;
  const state = useSyncExternalStore(live.subscribe, live.getState);
  const asOf = today ?? (state.status === "ready" ? live.asOf : todayIsoDate());
  return (
    <RegisterProvider live={live} today={asOf}>
      <Shell />
    </RegisterProvider>
  );
}
