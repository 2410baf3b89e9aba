import { createFocusOutlineStyle, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useId, useRef, type KeyboardEvent } from "react";

const useStyles = makeStyles({
  // Narrow tabs with small gaps: the four views fit on one line in a 320 px pane (Excel's narrowest).
  list: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXXS },
  tab: {
    position: "relative",
    // longhands: Griffel expands the border and background shorthands into a dozen resets each
    borderTopStyle: "none",
    borderRightStyle: "none",
    borderBottomStyle: "none",
    borderLeftStyle: "none",
    backgroundColor: "transparent",
    cursor: "pointer",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalSNudge}`,
    borderRadius: tokens.borderRadiusMedium,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    color: tokens.colorNeutralForeground2,
    ":hover": { backgroundColor: tokens.colorSubtleBackgroundHover, color: tokens.colorNeutralForeground1 },
    ...createFocusOutlineStyle(),
  },
  selected: {
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    "::after": {
      content: '""',
      position: "absolute",
      left: tokens.spacingHorizontalSNudge,
      right: tokens.spacingHorizontalSNudge,
      bottom: 0,
      height: tokens.strokeWidthThicker,
      borderRadius: tokens.borderRadiusCircular,
      backgroundColor: tokens.colorCompoundBrandStroke,
    },
  },
});

export interface ViewTab<V extends string> {
  value: V;
  label: string;
}

/** The ids that tie a tab to its panel (aria-controls / aria-labelledby). */
export function useViewTabIds(prefix?: string) {
  const base = useId();
  return {
    tab: (value: string) => `${prefix ?? base}-tab-${value}`,
    panel: (value: string) => `${prefix ?? base}-panel-${value}`,
  };
}

/**
 * Tabs between the pane's views: a WAI-ARIA tab list with one tab stop (the selected tab); the arrow keys,
 * Home and End move between tabs and select them. Plain buttons rather than Fluent's TabList, whose keyboard
 * helper puts focusable elements inside aria-hidden (axe-core's aria-hidden-focus, in every view of the pane).
 */
export function ViewTabs<V extends string>({
  label,
  tabs,
  selected,
  onSelect,
  ids,
}: {
  label: string;
  tabs: ViewTab<V>[];
  selected: V;
  onSelect: (value: V) => void;
  ids: ReturnType<typeof useViewTabIds>;
}) {
  const styles = useStyles();
  const list = useRef<HTMLDivElement>(null);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const at = tabs.findIndex((tab) => tab.value === selected);
    const target = {
      ArrowRight: at + 1,
      ArrowDown: at + 1,
      ArrowLeft: at - 1,
      ArrowUp: at - 1,
      Home: 0,
      End: tabs.length - 1,
    }[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const next = tabs[(target + tabs.length) % tabs.length];
    onSelect(next.value);
    list.current?.ownerDocument.getElementById(ids.tab(next.value))?.focus();
  };

  return (
    <div ref={list} role="tablist" aria-label={label} className={styles.list} onKeyDown={onKeyDown}>
      {tabs.map((tab) => {
        const isSelected = tab.value === selected;
        return (
          <button
            key={tab.value}
            type="button"
            role="tab"
            id={ids.tab(tab.value)}
            aria-selected={isSelected}
            aria-controls={ids.panel(tab.value)}
            tabIndex={isSelected ? 0 : -1}
            className={mergeClasses(styles.tab, isSelected && styles.selected)}
            onClick={() => onSelect(tab.value)}
          >
            {tab.label}
          </button>
        );
      })}
    </div>
  );
}
