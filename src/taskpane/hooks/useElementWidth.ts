import { useCallback, useRef, useState } from "react";

/**
 * The width of an element as laid out now, following resizes (a person widening or narrowing the task pane).
 * Returns a ref callback for the element and its width in CSS pixels (0 until it is laid out; the last width
 * while it is hidden).
 */
export function useElementWidth<E extends HTMLElement>(): [(element: E | null) => void, number] {
  const [width, setWidth] = useState(0);
  const observer = useRef<ResizeObserver | undefined>(undefined);
  const ref = useCallback((element: E | null) => {
    observer.current?.disconnect();
    observer.current = undefined;
    if (!element) return;
    setWidth(element.getBoundingClientRect().width);
    observer.current = new ResizeObserver((entries) => {
      const entry = entries[entries.length - 1];
      // 0 is a view hidden with the rest of its tab: it keeps its layout, rather than drawing another unseen
      if (entry && entry.contentRect.width > 0) setWidth(entry.contentRect.width);
    });
    observer.current.observe(element);
  }, []);
  return [ref, width];
}
