// react-dom/client in the builds (webpack.config.js): Preact's createRoot, with effects run as React runs them
// after a key press or a click. React DOM runs the effects of what such an event changed before the next event
// arrives; Preact by default runs them after the next frame, so a key pressed within the same frame (a fast
// typist, a screen reader) meets Fluent's components half-updated: a Combobox still open after Tab.
import { options } from "preact";

options.requestAnimationFrame = (flushEffects) => queueMicrotask(flushEffects);

export { createRoot, hydrateRoot } from "preact/compat/client";
