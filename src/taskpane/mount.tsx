import { FluentProvider, webLightTheme, type Theme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import type { IsoDate } from "../domain/dates";
import type { LiveRegister } from "../live/liveRegister";
import type { Register } from "../workbook/registerApi";
import { App } from "./App";
import { themeFor, type OfficeThemeLike } from "./theme";

export interface TaskPaneOptions {
  /** Office.context.officeTheme when the host provides it; the pane follows its light or dark colours. */
  officeTheme?: OfficeThemeLike;
  today?: IsoDate;
  /** The runtime's shared live register (src/live); without one the pane keeps its own. */
  live?: LiveRegister;
}

/** App inside the Fluent theme provider: what mountTaskPane renders, and what the component tests render. */
export function TaskPaneRoot({
  register,
  live,
  theme = webLightTheme,
  today,
}: Omit<TaskPaneOptions, "officeTheme"> & { register: Register; theme?: Theme }) {
  return (
    <FluentProvider theme={theme} style={{ minHeight: "100%" }}>
      <App register={register} live={live} today={today} />
    </FluentProvider>
  );
}

/** Renders the task pane into `element`, in Office's light or dark colours; returns a function that unmounts it. */
export function mountTaskPane(
  element: HTMLElement,
  register: Register,
  { officeTheme, ...options }: TaskPaneOptions = {},
): () => void {
  const root = createRoot(element);
  let unmounted = false;
  void themeFor(officeTheme).then((theme) => {
    if (!unmounted) root.render(<TaskPaneRoot register={register} theme={theme} {...options} />);
  });
  return () => {
    unmounted = true;
    root.unmount();
  };
}
