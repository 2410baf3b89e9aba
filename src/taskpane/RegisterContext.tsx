import { createContext, useContext, useMemo, type ReactNode } from "react";
import type { IsoDate } from "../domain/dates";
import type { LiveRegister } from "../live/liveRegister";
import type { Register } from "../workbook/registerApi";
import { personWaitsRegister } from "./personWaitsRegister";

interface RegisterContextValue {
  /** Where the pane writes (reads come from `live`); background passes wait while a call runs. */
  register: Register;
  /** The register in memory, kept current from change events; the pane reads only this. */
  live: LiveRegister;
  /** The as-of date for computed figures: the live register's, or what a test or the playground fixes. */
  today: IsoDate;
}

const RegisterContext = createContext<RegisterContextValue | null>(null);

export function RegisterProvider({
  live,
  today,
  children,
}: {
  live: LiveRegister;
  today: IsoDate;
  children: ReactNode;
}) {
  const register = useMemo(() => personWaitsRegister(live.register), [live.register]);
  return <RegisterContext.Provider value={{ register, live, today }}>{children}</RegisterContext.Provider>;
}

export function useRegisterContext(): RegisterContextValue {
  const value = useContext(RegisterContext);
  if (!value) throw new Error("useRegister must be used inside <RegisterProvider>.");
  return value;
}

export function useRegister(): Register {
  return useRegisterContext().register;
}

export function useLive(): LiveRegister {
  return useRegisterContext().live;
}
