import { act } from "@testing-library/react";

/** Each row is laid out this tall in the faked page. */
export const ROW_PX = 80;

/** Scrolls the faked page to `y` and raises its scroll event, as a browser does. */
export function scrollPageTo(y: number): void {
  Object.defineProperty(window, "scrollY", { value: y, configurable: true });
  act(() => {
    window.dispatchEvent(new Event("scroll"));
  });
}

/**
 * jsdom lays nothing out, so a list that draws only the rows in view is told, before each test of the calling
 * file or describe block: every element sits at the top of the page, moving up as the page scrolls, ROW_PX
 * tall; the page is as tall as `rows` rows (and ten more), and scrolls where it is told, its scroll event
 * coming after the call as in a browser. After each test the page is as jsdom made it, scrolled to the top.
 */
export function fakePageLayoutEachTest(rows: number): void {
  let restore: () => void = () => undefined;
  beforeEach(() => {
    const rect = jest.spyOn(HTMLElement.prototype, "getBoundingClientRect").mockImplementation(() => {
      const top = -window.scrollY;
      return { width: 320, height: 0, top, left: 0, right: 320, bottom: top, x: 0, y: top } as DOMRect;
    });
    const height = jest.spyOn(HTMLElement.prototype, "offsetHeight", "get").mockReturnValue(ROW_PX);
    const scroll = jest.spyOn(window, "scrollTo").mockImplementation((options?: ScrollToOptions | number) => {
      const y = typeof options === "object" ? (options.top ?? window.scrollY) : window.scrollY;
      setTimeout(() => scrollPageTo(y));
    });
    Object.defineProperty(document.documentElement, "scrollHeight", {
      configurable: true,
      get: () => (rows + 10) * ROW_PX,
    });
    restore = () => {
      delete (document.documentElement as { scrollHeight?: number }).scrollHeight;
      rect.mockRestore();
      height.mockRestore();
      scroll.mockRestore();
    };
  });
  afterEach(() => {
    restore();
    scrollPageTo(0);
  });
}
