import { createContext, useContext, type ReactNode } from "react";
import type { IsoDate } from "../domain/dates";
import type { Register } from "../workbook/registerApi";

interface RegisterContextValue {
  register: Register;
  /** The as-of date for computed figures; today unless a test or the playground fixes it. */
  today: IsoDate;
}

const RegisterContext = createContext<RegisterContextValue | null>(null);

export function RegisterProvider({
  register,
  today,
  children,
}: {
  register: Register;
  today: IsoDate;
  children: ReactNode;
}) {
  return <RegisterContext.Provider value={{ register, today }}>{children}</RegisterContext.Provider>;
}

export function useRegisterContext(): RegisterContextValue {
  const value = useContext(RegisterContext);
  if (!value) throw new Error("useRegister must be used inside <RegisterProvider>.");
  return value;
}

export function useRegister(): Register {
  return useRegisterContext().register;
}
