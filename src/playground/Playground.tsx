import { Caption1, makeStyles, Select, Subtitle2, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { HostSession, InMemoryWorkbook } from "../host";
import type { LiveRegister } from "../live/liveRegister";
import type { Register } from "../workbook/registerApi";
import { App } from "../taskpane/App";
import { WorkbookGrid } from "./WorkbookGrid";

export interface CoAuthor {
  name: string;
  session: HostSession;
  register: Register;
  /** The live register of this co-author's runtime when it also computes the cells (the first one). */
  live?: LiveRegister;
}

/**
 * A window too narrow for the grid beside a pane (a phone, or a browser window narrowed to the pane's width):
 * the grid goes above the pane instead of being squeezed to nothing under it.
 */
const NARROW_WINDOW = "@media (max-width: 719px)";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", height: "100vh" },
  header: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    flexWrap: "wrap",
  },
  body: {
    display: "flex",
    flexGrow: 1,
    minHeight: 0,
    [NARROW_WINDOW]: { flexDirection: "column" },
  },
  workbook: {
    flexGrow: 1,
    minWidth: 0,
    overflow: "hidden",
    borderRight: `1px solid ${tokens.colorNeutralStroke1}`,
    [NARROW_WINDOW]: {
      flexGrow: 0,
      flexShrink: 0,
      height: "35vh",
      borderRight: "none",
      borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
    },
  },
  pane: {
    flexShrink: 0,
    display: "flex",
    flexDirection: "column",
    maxWidth: "100%",
    borderLeft: `1px solid ${tokens.colorNeutralStroke1}`,
    minHeight: 0,
    [NARROW_WINDOW]: { flexGrow: 1, flexShrink: 1, borderLeft: "none" },
  },
  paneTitle: {
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  paneBody: { flexGrow: 1, overflow: "auto" },
  typingAs: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
});

/** The add-in without Excel: the in-browser workbook beside one task pane per co-author. */
export function Playground({
  workbook,
  coAuthors,
  paneWidth = 360,
}: {
  workbook: InMemoryWorkbook;
  coAuthors: CoAuthor[];
  /** Each task pane's width in pixels (Excel's panes start near 350 and can be narrowed to 320). */
  paneWidth?: number;
}) {
  const styles = useStyles();
  const [typist, setTypist] = useState(0);
  const sessions = useMemo(() => coAuthors.map((author) => author.session), [coAuthors]);
  return (
    <div className={styles.root}>
      <header className={styles.header}>
        <Subtitle2 as="h1">Licence Register — playground</Subtitle2>
        <Caption1>
          An in-memory workbook runs the add-in exactly as Excel would; nothing leaves this browser tab.
        </Caption1>
        {coAuthors.length > 1 && (
          <label className={styles.typingAs}>
            <Caption1>Typing in the grid as</Caption1>
            <Select size="small" value={String(typist)} onChange={(_, d) => setTypist(Number(d.value))}>
              {coAuthors.map((author, index) => (
                <option key={author.name} value={index}>
                  {author.name}
                </option>
              ))}
            </Select>
          </label>
        )}
      </header>
      <div className={styles.body}>
        <main className={styles.workbook}>
          <WorkbookGrid workbook={workbook} typingAs={coAuthors[typist].session} followed={sessions} />
        </main>
        {coAuthors.map((author) => (
          <aside
            key={author.name}
            className={styles.pane}
            style={{ width: `${paneWidth}px` }}
            aria-label={`Task pane of ${author.name}`}
            data-coauthor={author.name}
          >
            {coAuthors.length > 1 && <Subtitle2 className={styles.paneTitle}>{author.name}</Subtitle2>}
            <div className={styles.paneBody}>
              <App register={author.register} live={author.live} />
            </div>
          </aside>
        ))}
      </div>
    </div>
  );
}
