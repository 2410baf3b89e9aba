import "./support/polyfills";
import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { act, screen } from "@testing-library/react";
import { mountTaskPane } from "../../src/taskpane/mount";
import { isDarkOffice } from "../../src/taskpane/theme";
import { FakeRegister } from "./support/fakeRegister";
import { seed } from "./support/fixtures";

/**
 * The dark theme arrives in its own script (src/taskpane/darkTheme.ts). Until a test says otherwise that script
 * cannot load, as when the connection drops: the module's factory throws as webpack's chunk loading does.
 */
let mockDarkThemeMissing = true;
jest.mock("../../src/taskpane/darkTheme", () => {
  if (mockDarkThemeMissing) throw new Error("Loading chunk dark-theme failed.");
  return jest.requireActual("../../src/taskpane/darkTheme");
});

const DARK_OFFICE = { bodyBackgroundColor: "#1f1f1f" };

/** The background colour the pane's theme gives it (FluentProvider writes the theme as CSS variables on its class). */
function paneBackground(element: HTMLElement): string | undefined {
  const classes = [...(element.firstElementChild?.classList ?? [])].map((name) => `.${name}`);
  for (const sheet of [...document.styleSheets])
    for (const rule of [...sheet.cssRules]) {
      if (!(rule instanceof CSSStyleRule) || !classes.includes(rule.selectorText)) continue;
      const value = /--colorNeutralBackground1:\s*([^;]+);/.exec(rule.cssText)?.[1];
      if (value) return value.trim();
    }
  return undefined;
}

async function mountIn(officeTheme: { bodyBackgroundColor?: string; isDarkTheme?: boolean }) {
  const element = document.createElement("div");
  document.body.appendChild(element);
  let unmount = () => undefined as void;
  act(() => {
    unmount = mountTaskPane(element, new FakeRegister(seed()), { officeTheme });
  });
  // nothing is painted in the wrong colours while the theme is on its way
  const paintedBeforeTheme = element.childElementCount;
  await screen.findByText("3 licences");
  return {
    element,
    paintedBeforeTheme,
    unmount: () => {
      act(() => unmount());
      element.remove();
    },
  };
}

describe("the pane's colours follow Office's theme", () => {
  it("tells a dark Office from a light one", () => {
    expect(isDarkOffice(undefined)).toBe(false);
    expect(isDarkOffice({ bodyBackgroundColor: "#262626" })).toBe(true);
    expect(isDarkOffice({ bodyBackgroundColor: "#FFFFFF" })).toBe(false);
    expect(isDarkOffice({ isDarkTheme: true, bodyBackgroundColor: "#FFFFFF" })).toBe(true);
  });

  it("shows the pane in the light theme when the dark theme's script cannot load, rather than not at all", async () => {
    const spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
    const pane = await mountIn(DARK_OFFICE);
    expect(paneBackground(pane.element)).toBe(webLightTheme.colorNeutralBackground1);
    expect(spy).toHaveBeenCalled(); // the console keeps the reason
    spy.mockRestore();
    pane.unmount();
  });

  it("paints a dark Office's pane in the dark theme from its first paint", async () => {
    mockDarkThemeMissing = false;
    const pane = await mountIn(DARK_OFFICE);
    expect(pane.paintedBeforeTheme).toBe(0);
    expect(paneBackground(pane.element)).toBe(webDarkTheme.colorNeutralBackground1);
    pane.unmount();
  });

  it("paints a light Office's pane in the light theme", async () => {
    const pane = await mountIn({ isDarkTheme: false });
    expect(paneBackground(pane.element)).toBe(webLightTheme.colorNeutralBackground1);
    pane.unmount();
  });
});
