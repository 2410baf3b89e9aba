import {
  defaultRangeExtractor,
  useVirtualizer,
  useWindowVirtualizer,
  type Range,
  type Virtualizer,
} from "@tanstack/react-virtual";
import { makeStyles, mergeClasses } from "@fluentui/react-components";
import { useCallback, useLayoutEffect, useRef, useState, type ReactNode, type Ref } from "react";

const useStyles = makeStyles({
  whole: { display: "flex", flexDirection: "column", listStyleType: "none", margin: 0, padding: 0 },
  list: { position: "relative", listStyleType: "none", margin: 0, padding: 0 },
  item: { position: "absolute", top: 0, left: 0, width: "100%" },
});

export interface VirtualListProps<T> {
  /** The list's accessible name. */
  label: string;
  items: readonly T[];
  /** A stable key for an item (a record ID), so rows keep their measured height and the focus. */
  itemKey: (item: T) => string;
  /** What the list item holds. */
  renderItem: (item: T) => ReactNode;
  /** A first guess at an item's height in pixels; items are measured once shown. */
  estimateSize: number;
  /** Space between items in pixels. */
  gap?: number;
  className?: string;
}

/** Items rendered beyond each edge of the visible part, so Tab and Shift+Tab always have a next item. */
const OVERSCAN = 4;
/**
 * Up to this many items every one is rendered, as a plain list: it costs a few milliseconds, and the browser's
 * find in page (Ctrl+F) still finds any of them. Longer lists render only what is in view.
 */
export const RENDER_ALL_UP_TO = 200;

/**
 * A list that renders only the items in view (plus a few either side), so a register of 100,000 licences
 * opens as fast as one of ten. It scrolls with the page or with whichever box around it scrolls (the task
 * pane in Excel is a page of its own; the playground's pane is a box), so there is no second scroll bar.
 * Each item says its place in the whole list (aria-posinset/aria-setsize), and the item holding the keyboard
 * focus stays rendered when it scrolls out of view, so the focus is never lost.
 */
export function VirtualList<T>({ items, itemKey, renderItem, ...rest }: VirtualListProps<T>) {
  // Stable while the items are the same (a key is read from its item alone): the virtualizer works out every
  // item's place again when this function changes.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const getKey = useCallback((index: number) => itemKey(items[index]), [items]);
  const props: ListProps = {
    ...rest,
    count: items.length,
    getKey,
    renderItem: (index) => renderItem(items[index]),
  };
  return props.count <= RENDER_ALL_UP_TO ? <WholeList {...props} /> : <WindowedList {...props} />;
}

/** The list by index, as the virtualizer sees it. */
interface ListProps extends Omit<VirtualListProps<never>, "items" | "itemKey" | "renderItem"> {
  count: number;
  getKey: (index: number) => string;
  renderItem: (index: number) => ReactNode;
}

function WholeList({ label, count, getKey, renderItem, gap = 0, className }: ListProps) {
  const styles = useStyles();
  return (
    <ul aria-label={label} className={mergeClasses(styles.whole, className)} style={{ gap }}>
      {Array.from({ length: count }, (_, index) => (
        <li key={getKey(index)}>{renderItem(index)}</li>
      ))}
    </ul>
  );
}

function WindowedList(props: ListProps) {
  const probe = useRef<HTMLDivElement>(null);
  const [scroller, setScroller] = useState<HTMLElement | Window>();
  // Found before the first paint: the list shows in the same frame as the rest of the pane.
  useLayoutEffect(() => setScroller(scrollParent(probe.current)), []);
  return (
    <div ref={probe}>
      {scroller === undefined ? null : scroller instanceof HTMLElement ? (
        <InElement {...props} scroller={scroller} />
      ) : (
        <InWindow {...props} />
      )}
    </div>
  );
}

/** The nearest box around the element that scrolls its content, or the window when none does. */
function scrollParent(element: HTMLElement | null): HTMLElement | Window {
  for (let parent = element?.parentElement; parent; parent = parent.parentElement) {
    if (parent === document.body || parent === document.documentElement) break;
    const { overflowY } = getComputedStyle(parent);
    if (overflowY === "auto" || overflowY === "scroll") return parent;
  }
  return window;
}

function InElement(props: ListProps & { scroller: HTMLElement }) {
  const { scroller } = props;
  const [scrollMargin, listRef] = useScrollMargin(scroller);
  const focus = useFocusKeeper();
  // eslint-disable-next-line react-hooks/incompatible-library -- the rows read the virtualizer afresh each render
  const virtualizer = useVirtualizer<HTMLElement, HTMLLIElement>({
    ...options(props, scrollMargin, focus.rangeExtractor),
    getScrollElement: () => scroller,
    // where the person left the pane scrolled, not its top
    initialOffset: () => scroller.scrollTop,
  });
  return <Rows {...props} virtualizer={virtualizer} listRef={listRef} focus={focus} />;
}

function InWindow(props: ListProps) {
  const [scrollMargin, listRef] = useScrollMargin(window);
  const focus = useFocusKeeper();
  const virtualizer = useWindowVirtualizer<HTMLLIElement>(options(props, scrollMargin, focus.rangeExtractor));
  return <Rows {...props} virtualizer={virtualizer} listRef={listRef} focus={focus} />;
}

function options(
  { count, getKey, estimateSize, gap = 0 }: ListProps,
  scrollMargin: number,
  rangeExtractor: (range: Range) => number[],
) {
  return {
    count,
    estimateSize: estimateOf(estimateSize),
    getItemKey: getKey,
    gap,
    overscan: OVERSCAN,
    scrollMargin,
    rangeExtractor,
  };
}

const estimates = new Map<number, () => number>();
/** One function per guessed height, so the virtualizer's options stay the same between renders. */
function estimateOf(size: number): () => number {
  let estimate = estimates.get(size);
  if (!estimate) estimates.set(size, (estimate = () => size));
  return estimate;
}

/** How far the list starts below the top of what scrolls (the toolbar and filters sit above it). */
function useScrollMargin(scroller: HTMLElement | Window) {
  const list = useRef<HTMLUListElement>(null);
  const [margin, setMargin] = useState(0);
  // After every render: a notice or the filters wrapping onto more lines moves the list down. It settles at
  // once: the margin is set only when it moved.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useLayoutEffect(() => {
    if (!list.current) return;
    const top = list.current.getBoundingClientRect().top;
    const next =
      scroller instanceof HTMLElement
        ? top - scroller.getBoundingClientRect().top + scroller.scrollTop
        : top + window.scrollY;
    if (Math.abs(next - margin) >= 1) setMargin(next);
  });
  return [margin, list] as const;
}

/** Keeps the focused item rendered, wherever the list is scrolled. */
function useFocusKeeper() {
  const focused = useRef<number | undefined>(undefined);
  const rangeExtractor = useCallback((range: Range) => {
    const indexes = defaultRangeExtractor(range);
    const index = focused.current;
    if (index === undefined || index >= range.count || indexes.includes(index)) return indexes;
    return [...indexes, index].sort((a, b) => a - b);
  }, []);
  return { focused, rangeExtractor };
}

function Rows({
  label,
  count,
  renderItem,
  className,
  virtualizer,
  listRef,
  focus,
}: ListProps & {
  /** What the rows need of either kind of virtualizer (the window's or a box's). */
  virtualizer: Pick<
    Virtualizer<HTMLElement, HTMLLIElement>,
    "getTotalSize" | "getVirtualItems" | "measureElement"
  > & { options: { scrollMargin: number } };
  listRef: Ref<HTMLUListElement>;
  focus: ReturnType<typeof useFocusKeeper>;
}) {
  const styles = useStyles();
  const scrollMargin = virtualizer.options.scrollMargin;
  return (
    <ul
      ref={listRef}
      aria-label={label}
      className={mergeClasses(styles.list, className)}
      style={{ height: virtualizer.getTotalSize() }}
    >
      {virtualizer.getVirtualItems().map((item) => (
        <li
          key={item.key}
          data-index={item.index}
          ref={virtualizer.measureElement}
          aria-setsize={count}
          aria-posinset={item.index + 1}
          onFocus={() => (focus.focused.current = item.index)}
          onBlur={(event) => {
            if (!event.currentTarget.parentElement?.contains(event.relatedTarget))
              focus.focused.current = undefined;
          }}
          className={styles.item}
          style={{ transform: `translateY(${item.start - scrollMargin}px)` }}
        >
          {renderItem(item.index)}
        </li>
      ))}
    </ul>
  );
}
