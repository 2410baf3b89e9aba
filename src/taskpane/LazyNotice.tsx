import { Suspense } from "react";
import { lazyView } from "./lazyView";
import type { NoticeProps } from "./Notice";

/** The same words and buttons without Fluent's styling: while the notice's script loads, or if it cannot. */
function PlainNotice({ children, actions }: NoticeProps) {
  return (
    <div>
      <p>{children}</p>
      {actions}
    </div>
  );
}

const StyledNotice = lazyView<NoticeProps>(() =>
  import(/* webpackChunkName: "notice" */ "./Notice").then(
    (module) => module.Notice,
    () => PlainNotice,
  ),
);

/**
 * A message over the pane: an error with Try again, or "Saved." after a save. The list's first paint shows
 * none, so Fluent's MessageBar arrives in its own script, fetched once the pane has mounted (preloadNotice).
 */
export function LazyNotice(props: NoticeProps) {
  return (
    <Suspense fallback={<PlainNotice {...props} />}>
      <StyledNotice {...props} />
    </Suspense>
  );
}

export const preloadNotice = StyledNotice.preload;
