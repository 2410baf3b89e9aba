import { makeStyles, mergeClasses, Tab, TabList, tokens } from "@fluentui/react-components";
import { useCallback, useMemo, useRef, useState, useSyncExternalStore, type KeyboardEvent } from "react";
import type { HostSession, InMemoryWorkbook } from "../host";
import { cellAddress, columnLetter, displayCell } from "./cellDisplay";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    height: "100%",
    minWidth: 0,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  formulaBar: {
    display: "flex",
    gap: tokens.spacingHorizontalS,
    alignItems: "center",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  nameBox: { width: "7em", fontFamily: tokens.fontFamilyMonospace },
  formulaInput: { flexGrow: 1, fontFamily: tokens.fontFamilyMonospace, padding: "2px 4px" },
  scroller: { flexGrow: 1, overflow: "auto" },
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200, fontFamily: tokens.fontFamilyBase },
  heading: {
    position: "sticky",
    top: 0,
    backgroundColor: tokens.colorNeutralBackground3,
    fontWeight: tokens.fontWeightRegular,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: "1px 4px",
    zIndex: 1,
  },
  rowHeading: {
    position: "sticky",
    left: 0,
    backgroundColor: tokens.colorNeutralBackground3,
    textAlign: "right",
    zIndex: 1,
  },
  cell: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: "1px 4px",
    whiteSpace: "nowrap",
    maxWidth: "16em",
    overflow: "hidden",
    textOverflow: "ellipsis",
    cursor: "cell",
  },
  number: { textAlign: "right" },
  formula: { color: tokens.colorBrandForeground1 },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: "-2px" },
  editor: {
    width: "100%",
    boxSizing: "border-box",
    font: "inherit",
    border: "none",
    outline: "none",
    padding: 0,
  },
  tabs: { borderTop: `1px solid ${tokens.colorNeutralStroke2}`, overflowX: "auto" },
});

interface Selection {
  row: number;
  column: number;
}

/** The in-browser workbook: sheet tabs, a formula bar and an editable grid. Typing goes through the host as a person's input. */
export function WorkbookGrid({ workbook, typingAs }: { workbook: InMemoryWorkbook; typingAs: HostSession }) {
  const styles = useStyles();
  const version = useSyncExternalStore(
    useCallback((notify) => workbook.onAnyChange(notify), [workbook]),
    () => workbookVersion(workbook),
  );
  const sheets = useMemo(() => workbook.sheetNames(), [workbook, version]); // eslint-disable-line react-hooks/exhaustive-deps
  const [sheet, setSheet] = useState<string>("Licences");
  const activeSheet = sheets.includes(sheet) ? sheet : (sheets[0] ?? "");
  const data = useMemo(
    () => (activeSheet ? workbook.readSheet(activeSheet) : { values: [], formulas: [], numberFormat: [] }),
    [workbook, activeSheet, version], // eslint-disable-line react-hooks/exhaustive-deps
  );
  const [selection, setSelection] = useState<Selection>({ row: 1, column: 0 });
  const [editing, setEditing] = useState<string | null>(null);
  const gridRef = useRef<HTMLTableElement>(null);

  const rows = Math.max(data.values.length + 3, 20);
  const columns = Math.max(data.values[0]?.length ?? 0, 8);
  const formulaOf = (row: number, column: number): string => {
    const formula = data.formulas[row]?.[column];
    return formula === undefined || formula === null ? "" : String(formula);
  };

  /** Selecting a cell is what Excel reports to the add-in as a selection change (the pane follows the Licences row). */
  const select = (row: number, column: number) => {
    setSelection({ row, column });
    if (activeSheet) workbook.selectCell(activeSheet, cellAddress(row, column), typingAs);
  };

  const commit = (text: string) => {
    workbook.typeIntoCell(activeSheet, cellAddress(selection.row, selection.column), text, typingAs);
    setEditing(null);
    select(selection.row + 1, selection.column);
    gridRef.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    if (editing !== null) return;
    const move = (dr: number, dc: number) =>
      select(Math.max(0, selection.row + dr), Math.max(0, Math.min(columns - 1, selection.column + dc)));
    switch (event.key) {
      case "ArrowUp":
        move(-1, 0);
        break;
      case "ArrowDown":
        move(1, 0);
        break;
      case "ArrowLeft":
        move(0, -1);
        break;
      case "ArrowRight":
      case "Tab":
        move(0, 1);
        break;
      case "Enter":
      case "F2":
        setEditing(formulaOf(selection.row, selection.column));
        break;
      case "Delete":
      case "Backspace":
        workbook.typeIntoCell(activeSheet, cellAddress(selection.row, selection.column), "", typingAs);
        break;
      default:
        if (event.key.length === 1 && !event.ctrlKey && !event.metaKey) setEditing("");
        return;
    }
    event.preventDefault();
  };

  return (
    <section className={styles.root} aria-label="Workbook">
      <div className={styles.formulaBar}>
        <span className={styles.nameBox} aria-label="Selected cell">
          {cellAddress(selection.row, selection.column)}
        </span>
        <input
          className={styles.formulaInput}
          aria-label="Formula bar"
          value={editing ?? formulaOf(selection.row, selection.column)}
          onChange={(e) => setEditing(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") commit(e.currentTarget.value);
            if (e.key === "Escape") setEditing(null);
          }}
        />
      </div>
      <div className={styles.scroller}>
        <table
          ref={gridRef}
          className={styles.table}
          tabIndex={0}
          onKeyDown={onKeyDown}
          role="grid"
          aria-label={`Sheet ${activeSheet}`}
        >
          <thead>
            <tr>
              <th className={mergeClasses(styles.heading, styles.rowHeading)} />
              {Array.from({ length: columns }, (_, c) => (
                <th key={c} className={styles.heading} scope="col">
                  {columnLetter(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: rows }, (_, r) => (
              <tr key={r}>
                <th className={mergeClasses(styles.heading, styles.rowHeading)} scope="row">
                  {r + 1}
                </th>
                {Array.from({ length: columns }, (_, c) => {
                  const isSelected = selection.row === r && selection.column === c;
                  const value = data.values[r]?.[c];
                  const formula = formulaOf(r, c);
                  const isFormula = formula.startsWith("=");
                  return (
                    <td
                      key={c}
                      role="gridcell"
                      data-address={cellAddress(r, c)}
                      aria-selected={isSelected}
                      title={isFormula ? formula : undefined}
                      className={mergeClasses(
                        styles.cell,
                        typeof value === "number" && styles.number,
                        isFormula && styles.formula,
                        isSelected && styles.selected,
                      )}
                      onClick={() => select(r, c)}
                      onDoubleClick={() => {
                        select(r, c);
                        setEditing(formula);
                      }}
                    >
                      {isSelected && editing !== null ? (
                        <input
                          autoFocus
                          aria-label={`Edit ${cellAddress(r, c)}`}
                          className={styles.editor}
                          value={editing}
                          onChange={(e) => setEditing(e.target.value)}
                          onKeyDown={(e) => {
                            if (e.key === "Enter") commit(e.currentTarget.value);
                            if (e.key === "Escape") {
                              setEditing(null);
                              gridRef.current?.focus();
                            }
                          }}
                          onBlur={(e) => editing !== null && commit(e.currentTarget.value)}
                        />
                      ) : (
                        displayCell(value, data.numberFormat[r]?.[c])
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <TabList
        className={styles.tabs}
        size="small"
        selectedValue={activeSheet}
        onTabSelect={(_, d) => {
          setEditing(null);
          setSheet(String(d.value));
        }}
        aria-label="Sheets"
      >
        {sheets.map((name) => (
          <Tab key={name} value={name}>
            {name}
          </Tab>
        ))}
      </TabList>
    </section>
  );
}

const versions = new WeakMap<InMemoryWorkbook, number>();
function workbookVersion(workbook: InMemoryWorkbook): number {
  return versions.get(workbook) ?? 0;
}
/** Bumps the snapshot counter that tells React the workbook changed (called from the onAnyChange subscription). */
export function trackWorkbookChanges(workbook: InMemoryWorkbook): () => void {
  return workbook.onAnyChange(() => versions.set(workbook, workbookVersion(workbook) + 1));
}
