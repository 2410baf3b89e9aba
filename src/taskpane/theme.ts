import { webLightTheme, type Theme } from "@fluentui/react-components";

/** The part of Office.context.officeTheme the pane looks at; passed in so components never import Office. */
export interface OfficeThemeLike {
  bodyBackgroundColor?: string;
  isDarkTheme?: boolean;
}

/** Relative luminance of "#rrggbb" (or "rrggbb"), 0 (black) to 1 (white); undefined if not a colour. */
function luminance(colour: string): number | undefined {
  const match = /^#?([0-9a-f]{6})$/i.exec(colour.trim());
  if (!match) return undefined;
  const value = parseInt(match[1], 16);
  const [r, g, b] = [(value >> 16) & 255, (value >> 8) & 255, value & 255].map((channel) => {
    const c = channel / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Dark when Office says so (or its background is dark). */
export function isDarkOffice(officeTheme?: OfficeThemeLike): boolean {
  if (!officeTheme) return false;
  if (officeTheme.isDarkTheme !== undefined) return officeTheme.isDarkTheme;
  const light = officeTheme.bodyBackgroundColor ? luminance(officeTheme.bodyBackgroundColor) : undefined;
  return light !== undefined && light < 0.4;
}

/**
 * Fluent's theme for Office's colours. The light theme travels with the pane; the dark one is fetched only in
 * a dark Office, before the pane first paints, so it never shows in the wrong colours. If the dark theme's
 * script cannot load, the pane shows in the light theme rather than not at all.
 */
export async function themeFor(officeTheme?: OfficeThemeLike): Promise<Theme> {
  if (!isDarkOffice(officeTheme)) return webLightTheme;
  try {
    return (await import(/* webpackChunkName: "dark-theme" */ "./darkTheme")).webDarkTheme;
  } catch (error) {
    console.error(error);
    return webLightTheme;
  }
}
