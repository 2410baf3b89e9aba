import { createElement, use, type ComponentType } from "react";

export interface LazyView<Props> {
  (props: Props): React.ReactNode;
  /** Starts loading the view's script now (e.g. once the list has painted) so opening it later is instant. */
  preload: () => Promise<ComponentType<Props>>;
}

function ViewUnavailable() {
  return (
    <p role="alert">
      This part of the pane could not load. Check your connection, then close the pane and open it again.
    </p>
  );
}

/**
 * A view that arrives in its own script, so the pane's first paint (the licence list) does not wait for it.
 * Until it has loaded it suspends: render it inside a <Suspense> that says what is loading. Once loaded it
 * renders at once, without suspending again.
 */
export function lazyView<Props extends object>(load: () => Promise<ComponentType<Props>>): LazyView<Props> {
  let loaded: ComponentType<Props> | undefined;
  let loading: Promise<ComponentType<Props>> | undefined;
  const preload = () =>
    (loading ??= load().then(
      (view) => (loaded = view),
      () => {
        loading = undefined; // the next render tries again
        return ViewUnavailable;
      },
    ));
  const View = (props: Props) => {
    // The same component every time: the one the script exported, kept in `loaded`.
    return createElement(loaded ?? use(preload()), props);
  };
  View.preload = preload;
  return View;
}
