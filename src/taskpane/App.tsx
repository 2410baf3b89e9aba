import { useState } from "react";
import { todayIsoDate, type IsoDate } from "../domain/dates";
import type { Register } from "../workbook/registerApi";
import { RegisterProvider } from "./RegisterContext";
import { Shell } from "./Shell";

export interface AppProps {
  /** The only way the pane reads and writes the register. */
  register: Register;
  /** The as-of date for compliance and renewals; defaults to today where the user is. */
  today?: IsoDate;
}

/** The task pane: Licences and Dashboard tabs over one register. Needs a FluentProvider above it. */
export function App({ register, today }: AppProps) {
  const [defaultToday] = useState(() => todayIsoDate());
  return (
    <RegisterProvider register={register} today={today ?? defaultToday}>
      <Shell />
    </RegisterProvider>
  );
}
