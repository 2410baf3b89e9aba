/** Fluent's dark theme, in its own script: only a pane in a dark Office downloads it (src/taskpane/theme.ts). */
export { webDarkTheme } from "@fluentui/react-components";
