import { webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";

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

/** Dark when Office says so (or its background is dark), else the light web theme. */
export function themeFor(officeTheme?: OfficeThemeLike): Theme {
  if (!officeTheme) return webLightTheme;
  if (officeTheme.isDarkTheme !== undefined) return officeTheme.isDarkTheme ? webDarkTheme : webLightTheme;
  const light = officeTheme.bodyBackgroundColor ? luminance(officeTheme.bodyBackgroundColor) : undefined;
  return light !== undefined && light < 0.4 ? webDarkTheme : webLightTheme;
}
