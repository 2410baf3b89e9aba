import {
  defaultRangeExtractor,
  measureElement,
  useVirtualizer,
  useWindowVirtualizer,
  type Range,
  type Virtualizer,
} from "@tanstack/react-virtual";
import { makeStyles, mergeClasses } from "@fluentui/react-components";
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type FocusEvent,
  type ReactNode,
} from "react";

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
  /**
   * An item to bring into view and give the keyboard focus (its first focusable element, else the item), once it
   * is drawn: a list of 100,000 draws only what is in view. `onFocused` is called then; clear `focusIndex` there,
   * or a later change of the items would move the focus again.
   */
  focusIndex?: number;
  onFocused?: () => void;
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
export function VirtualList<T>({
  items,
  itemKey,
  renderItem,
  label,
  className,
  focusIndex,
  onFocused,
  ...sizes
}: VirtualListProps<T>) {
  const styles = useStyles();
  // Stable while the items are the same (a key is read from its item alone): the virtualizer works out every
  // item's place again when this function changes.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const getKey = useCallback((index: number) => itemKey(items[index]), [items]);
  return (
    <VirtualWindow
      {...sizes}
      count={items.length}
      getKey={getKey}
      focusIndex={focusIndex}
      onFocused={onFocused}
      render={(shown) =>
        shown.windowed ? (
          <ul
            ref={shown.placeList}
            aria-label={label}
            className={mergeClasses(styles.list, className)}
            style={{ height: shown.totalSize }}
          >
            {shown.items.map((item) => (
              <li
                key={item.key}
                ref={shown.measureItem}
                {...shown.itemProps(item)}
                aria-setsize={items.length}
                aria-posinset={item.index + 1}
                className={styles.item}
                style={{ transform: `translateY(${item.start}px)` }}
              >
                {renderItem(items[item.index])}
              </li>
            ))}
          </ul>
        ) : (
          <ul
            ref={shown.placeList}
            aria-label={label}
            className={mergeClasses(styles.whole, className)}
            style={{ gap: sizes.gap }}
          >
            {shown.items.map((item) => (
              <li key={item.key} {...shown.itemProps(item)}>
                {renderItem(items[item.index])}
              </li>
            ))}
          </ul>
        )
      }
    />
  );
}

/** One item a window draws: its place in the whole list, its key, and where it starts below the list's top. */
export interface ShownItem {
  index: number;
  key: string;
  /** Pixels from the top of the list to the item's top and bottom (0 when the whole list is drawn in the flow). */
  start: number;
  end: number;
}

/** What a window asks its `render` to draw. */
export interface ShownWindow {
  /** The items to draw, in order. */
  items: ShownItem[];
  /**
   * False: every item is drawn, in the flow. True: only those in view (and a few either side) are drawn, and
   * each must be placed at its `start` in a list `totalSize` pixels tall.
   */
  windowed: boolean;
  /** The whole list's height in pixels, as measured and guessed so far. */
  totalSize: number;
  /** The ref of the list's element (a `ul`, a `tbody`): the window needs to know where the list starts. */
  placeList: (element: HTMLElement | null) => void;
  /** The ref of each item's element: it is measured once drawn. */
  measureItem: (element: HTMLElement | null) => void;
  /** Spread on each item's element: it says its index, and stays drawn while it holds the focus. */
  itemProps: (item: ShownItem) => ItemProps;
}

export interface ItemProps {
  "data-index"?: number;
  onFocus?: (event: FocusEvent<HTMLElement>) => void;
  onBlur?: (event: FocusEvent<HTMLElement>) => void;
}

export interface VirtualWindowProps {
  count: number;
  /** A stable key for the item at an index (a record ID), so items keep their measured height and the focus. */
  getKey: (index: number) => string;
  /** A first guess at an item's height in pixels; items are measured once shown. */
  estimateSize: number;
  /** Space between items in pixels. */
  gap?: number;
  /** Draws the list around the items shown: a `ul` of `li`s, or a table's rows. */
  render: (shown: ShownWindow) => ReactNode;
  /** See VirtualListProps. */
  focusIndex?: number;
  onFocused?: () => void;
}

/**
 * The virtualiser under VirtualList, for lists that are not a `ul` (a table's body): it works out which items
 * to draw and where, and the caller draws them. Up to RENDER_ALL_UP_TO items, every one is drawn in the flow.
 */
export function VirtualWindow(props: VirtualWindowProps) {
  if (props.count > RENDER_ALL_UP_TO) return <WindowedList {...props} />;
  return <WholeList {...props} />;
}

/** Every item, in the flow. */
function WholeList(props: VirtualWindowProps) {
  const { count, getKey, render } = props;
  const placeList = useItemFocus(props, noScroll);
  const items = Array.from({ length: count }, (_, index) => ({
    index,
    key: getKey(index),
    start: 0,
    end: 0,
  }));
  return render({
    items,
    windowed: false,
    totalSize: 0,
    placeList,
    measureItem: noElement,
    itemProps: indexProps,
  });
}

const noElement = () => undefined;
const noProps = (): ItemProps => ({});
const indexProps = (item: ShownItem): ItemProps => ({ "data-index": item.index });
// every item of a whole list is drawn, so focusing one brings it into view
const noScroll = () => undefined;

const FOCUSABLE = "button, [href], input, select, textarea, [tabindex]:not([tabindex='-1'])";

/**
 * Brings the item asked for (focusIndex) into view and moves the keyboard focus into it once it is drawn, after
 * whichever render draws it; gives the ref of the list's element, whose items carry their data-index.
 */
function useItemFocus(
  { focusIndex, onFocused }: Pick<VirtualWindowProps, "focusIndex" | "onFocused">,
  scrollToIndex: (index: number) => void,
) {
  const list = useRef<HTMLElement | null>(null);
  const scrolledTo = useRef<number | undefined>(undefined);
  // after every render: the item may be drawn only a render or two later
  useEffect(() => {
    if (focusIndex === undefined) {
      scrolledTo.current = undefined;
      return;
    }
    if (scrolledTo.current !== focusIndex) {
      scrolledTo.current = focusIndex;
      scrollToIndex(focusIndex);
    }
    const item = list.current?.querySelector<HTMLElement>(`:scope > [data-index="${focusIndex}"]`);
    if (!item) return;
    // a windowed list has scrolled to the item already, and is still placing it as rows are measured
    (item.querySelector<HTMLElement>(FOCUSABLE) ?? item).focus({ preventScroll: scrollToIndex !== noScroll });
    onFocused?.();
  });
  return useCallback((element: HTMLElement | null) => {
    list.current = element;
  }, []);
}

/** The list by index, as the virtualizer sees it. */
type ListProps = VirtualWindowProps;

function WindowedList(props: ListProps) {
  const [scroller, setScroller] = useState<HTMLElement | Window>();
  // Found from the empty list as it is attached, before the first paint: the items show in the same frame as
  // the rest of the pane.
  const findScroller = useCallback((element: HTMLElement | null) => {
    if (element) setScroller(scrollParent(element));
  }, []);
  if (scroller === undefined)
    return props.render({
      items: [],
      windowed: true,
      totalSize: 0,
      placeList: findScroller,
      measureItem: noElement,
      itemProps: noProps,
    });
  return scroller instanceof HTMLElement ? (
    <InElement {...props} scroller={scroller} />
  ) : (
    <InWindow {...props} />
  );
}

/** The nearest box around the element that scrolls its content, or the window when none does. */
function scrollParent(element: HTMLElement): HTMLElement | Window {
  for (let parent = element.parentElement; parent; parent = parent.parentElement) {
    if (parent === document.body || parent === document.documentElement) break;
    const { overflowY } = getComputedStyle(parent);
    if (overflowY === "auto" || overflowY === "scroll") return parent;
  }
  return window;
}

function InElement(props: ListProps & { scroller: HTMLElement }) {
  const { scroller } = props;
  const [scrollMargin, placeList] = useScrollMargin(scroller);
  const focus = useFocusKeeper();
  // eslint-disable-next-line react-hooks/incompatible-library -- the rows read the virtualizer afresh each render
  const virtualizer = useVirtualizer<HTMLElement, HTMLElement>({
    ...options(props, scrollMargin, focus.rangeExtractor),
    getScrollElement: () => scroller,
    // where the person left the pane scrolled, not its top
    initialOffset: () => scroller.scrollTop,
  });
  return <Rows {...props} virtualizer={virtualizer} placeList={placeList} focus={focus} />;
}

function InWindow(props: ListProps) {
  const [scrollMargin, placeList] = useScrollMargin(window);
  const focus = useFocusKeeper();
  const virtualizer = useWindowVirtualizer<HTMLElement>(options(props, scrollMargin, focus.rangeExtractor));
  return <Rows {...props} virtualizer={virtualizer} placeList={placeList} focus={focus} />;
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
    measureElement: sizeWhenShown,
  };
}

/**
 * An item's height as measured, except that an item of a list hidden with its tab (0 high) keeps the height it
 * had: counted as 0, every item would seem to fit in view, and the hidden list would draw all of them (at
 * 100,000 licences, seconds of work on each change of tab).
 */
function sizeWhenShown<S extends Element | Window>(
  element: HTMLElement,
  entry: ResizeObserverEntry | undefined,
  virtualizer: Virtualizer<S, HTMLElement>,
): number {
  const size = measureElement(element, entry, virtualizer);
  if (size > 0) return size;
  const index = virtualizer.indexFromElement(element);
  return (
    virtualizer.itemSizeCache.get(virtualizer.options.getItemKey(index)) ??
    virtualizer.options.estimateSize(index)
  );
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
  const list = useRef<HTMLElement>(null);
  const [margin, setMargin] = useState(0);
  // After every render: a notice or the filters wrapping onto more lines moves the list down. It settles at
  // once: the margin is set only when it moved.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useLayoutEffect(() => {
    // a list hidden with its tab has no place: it keeps the one it had
    if (!list.current || list.current.getClientRects().length === 0) return;
    const top = list.current.getBoundingClientRect().top;
    const next =
      scroller instanceof HTMLElement
        ? top - scroller.getBoundingClientRect().top + scroller.scrollTop
        : top + window.scrollY;
    if (Math.abs(next - margin) >= 1) setMargin(next);
  });
  const placeList = useCallback((element: HTMLElement | null) => {
    list.current = element;
  }, []);
  return [margin, placeList] as const;
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
  // Read from the item's data-index: one pair of handlers serves every item.
  const onFocus = useCallback((event: FocusEvent<HTMLElement>) => {
    focused.current = Number(event.currentTarget.dataset.index);
  }, []);
  const onBlur = useCallback((event: FocusEvent<HTMLElement>) => {
    if (!event.currentTarget.parentElement?.contains(event.relatedTarget as Node | null))
      focused.current = undefined;
  }, []);
  return { rangeExtractor, onFocus, onBlur };
}

function Rows({
  render,
  virtualizer,
  placeList,
  focus,
  focusIndex,
  onFocused,
}: ListProps & {
  /** What the rows need of either kind of virtualizer (the window's or a box's). */
  virtualizer: Pick<
    Virtualizer<HTMLElement, HTMLElement>,
    "getTotalSize" | "getVirtualItems" | "measureElement" | "scrollToIndex"
  > & { options: { scrollMargin: number } };
  placeList: (element: HTMLElement | null) => void;
  focus: ReturnType<typeof useFocusKeeper>;
}) {
  // in the middle of the view, with the items around it, as the person coming back to it left it
  const placeFocusList = useItemFocus({ focusIndex, onFocused }, (index) =>
    virtualizer.scrollToIndex(index, { align: "center" }),
  );
  const placeBoth = useCallback(
    (element: HTMLElement | null) => {
      placeList(element);
      placeFocusList(element);
    },
    [placeList, placeFocusList],
  );
  const scrollMargin = virtualizer.options.scrollMargin;
  const items = virtualizer.getVirtualItems().map((item) => ({
    index: item.index,
    key: String(item.key),
    start: item.start - scrollMargin,
    end: item.end - scrollMargin,
  }));
  // the same functions for every item and render, so a memoised row given them is not drawn again
  const itemProps = (item: ShownItem): ItemProps => ({
    "data-index": item.index,
    onFocus: focus.onFocus,
    onBlur: focus.onBlur,
  });
  return render({
    items,
    windowed: true,
    totalSize: virtualizer.getTotalSize(),
    placeList: placeBoth,
    measureItem: virtualizer.measureElement,
    itemProps,
  });
}
