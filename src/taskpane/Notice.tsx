import { MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";
import type { ReactNode } from "react";

export interface NoticeProps {
  intent: "error" | "success";
  children: ReactNode;
  /** Buttons beside the message (Try again). */
  actions?: ReactNode;
}

/** A message over the pane, in Fluent's MessageBar. Use LazyNotice: the list's first paint shows none. */
export function Notice({ intent, children, actions }: NoticeProps) {
  return (
    <MessageBar intent={intent}>
      <MessageBarBody>{children}</MessageBarBody>
      {actions && <MessageBarActions>{actions}</MessageBarActions>}
    </MessageBar>
  );
}
