import { Button, makeStyles, mergeClasses, Tab, TabList, tokens } from "@fluentui/react-components";
import { useVirtualizer } from "@tanstack/react-virtual";
import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type KeyboardEvent,
} from "react";
import type { HostSession, InMemoryWorkbook, SheetCells } from "../host";
import { columnIndex } from "../host/addresses";
import { cellAddress, columnLetter, displayCell } from "./cellDisplay";
import { useAddInSelection } from "./useAddInSelection";

/** Up to this many rows every row is rendered; past it only those in view. */
const RENDER_ALL_ROWS_UP_TO = 500;
/** One line of small text with its borders; rows are measured once shown. */
const ROW_HEIGHT_GUESS = 22;

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
  refusal: { color: tokens.colorPaletteRedForeground1, padding: "0 8px" },
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
  inRange: { backgroundColor: tokens.colorBrandBackground2 },
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

/** The active cell (top left) and the size of the selected range. */
interface Selection {
  row: number;
  column: number;
  rowCount: number;
  columnCount: number;
}

const NO_CELLS: SheetCells = {
  rowCount: 0,
  columnCount: 0,
  value: () => undefined,
  formula: () => undefined,
  numberFormat: () => undefined,
};

const cell = (row: number, column: number): Selection => ({ row, column, rowCount: 1, columnCount: 1 });

/**
 * The in-browser workbook: sheet tabs, a formula bar and an editable grid. Typing goes through the host as a
 * person's input; selections the add-in makes in any of `followed` sessions move the grid, as in Excel.
 */
export function WorkbookGrid({
  workbook,
  typingAs,
  followed,
}: {
  workbook: InMemoryWorkbook;
  typingAs: HostSession;
  followed: HostSession[];
}) {
  const styles = useStyles();
  const version = useSyncExternalStore(
    useCallback((notify) => workbook.onAnyChange(notify), [workbook]),
    () => workbookVersion(workbook),
  );
  const sheets = useMemo(() => workbook.sheetNames(), [workbook, version]); // eslint-disable-line react-hooks/exhaustive-deps
  const [sheet, setSheet] = useState<string>("Licences");
  const activeSheet = sheets.includes(sheet) ? sheet : (sheets[0] ?? "");
  const data = useMemo(
    () => (activeSheet ? workbook.sheetCells(activeSheet) : NO_CELLS),
    [workbook, activeSheet, version], // eslint-disable-line react-hooks/exhaustive-deps
  );
  const [selection, setSelection] = useState<Selection>(cell(1, 0));
  const [editing, setEditing] = useState<string | null>(null);
  /** Where the text being entered is typed: in the cell, or in the formula bar (the cell then just shows it). */
  const [editingIn, setEditingIn] = useState<"cell" | "bar">("cell");
  const editInCell = (text: string) => {
    setEditingIn("cell");
    setEditing(text);
  };
  const gridRef = useRef<HTMLTableElement>(null);
  // Not autoFocus: React DOM focuses such a field as it mounts, Preact (the pane's runtime) leaves it to the
  // browser, which honours it only as a page loads.
  const focusEditor = useCallback((input: HTMLInputElement | null) => input?.focus(), []);
  /** What Excel would say when it refuses an entry (a protected sheet, text too long for a cell). */
  const [refusal, setRefusal] = useState<string>();

  useAddInSelection(followed, (range) => {
    if (range.sheet !== activeSheet) setEditing(null);
    setSheet(range.sheet);
    setSelection(range);
  });

  const rows = Math.max(data.rowCount + 3, 20, selection.row + 2);
  // A sheet of 100,000 rows renders only the rows in view (a few thousand cells), as Excel draws only those.
  const scrollerRef = useRef<HTMLDivElement>(null);
  const windowed = rows > RENDER_ALL_ROWS_UP_TO;
  // eslint-disable-next-line react-hooks/incompatible-library -- the rows read the virtualizer afresh each render
  const virtualizer = useVirtualizer({
    count: windowed ? rows : 0,
    getScrollElement: () => scrollerRef.current,
    estimateSize: () => ROW_HEIGHT_GUESS,
    overscan: 10,
  });
  const shownRows = virtualizer.getVirtualItems();
  const topSpace = shownRows[0]?.start ?? 0;
  const bottomSpace = virtualizer.getTotalSize() - (shownRows[shownRows.length - 1]?.end ?? 0);

  // Keep the active cell in view, wherever the selection came from.
  const activeAddress = cellAddress(selection.row, selection.column);
  useEffect(() => {
    if (windowed) virtualizer.scrollToIndex(selection.row, { align: "auto" });
    const scrollIn = () =>
      gridRef.current
        ?.querySelector(`td[data-address="${activeAddress}"]`)
        ?.scrollIntoView({ block: "nearest", inline: "nearest" });
    scrollIn();
    // a row brought into range renders on the next frame
    if (windowed) requestAnimationFrame(scrollIn);
  }, [activeAddress, activeSheet]); // eslint-disable-line react-hooks/exhaustive-deps

  const choices = useMemo(
    () => (activeSheet ? workbook.listChoices(activeSheet, activeAddress) : undefined),
    [workbook, activeSheet, activeAddress, version], // eslint-disable-line react-hooks/exhaustive-deps
  );
  const columns = Math.max(data.columnCount, 8);
  // Hidden columns (the Licence Key starts hidden) are left out, as Excel draws them; arrows step over them.
  const hidden = useMemo(
    () => new Set(activeSheet ? workbook.describeSheet(activeSheet).hiddenColumns.map(columnIndex) : []),
    [workbook, activeSheet, version], // eslint-disable-line react-hooks/exhaustive-deps
  );
  const shown = Array.from({ length: columns }, (_, c) => c).filter((c) => !hidden.has(c));
  const nextShownColumn = (from: number, step: number): number => {
    let c = from + step;
    while (c >= 0 && c < columns && hidden.has(c)) c += step;
    return c < 0 || c >= columns ? from : c;
  };
  const formulaOf = (row: number, column: number): string => {
    const formula = data.formula(row, column);
    return formula === undefined || formula === null ? "" : String(formula);
  };

  /** Selecting a cell is what Excel reports to the add-in as a selection change (the pane follows the Licences row). */
  const select = (row: number, column: number) => {
    setSelection(cell(row, column));
    if (activeSheet) workbook.selectCell(activeSheet, cellAddress(row, column), typingAs);
  };

  /** Runs a person's entry; one Excel refuses is shown, as Excel shows its message, and changes nothing. */
  const enter = (change: () => void): boolean => {
    try {
      change();
      setRefusal(undefined);
      return true;
    } catch (error) {
      const code = (error as { code?: string }).code;
      setRefusal(
        code === "AccessDenied"
          ? "The cell you're trying to change is on a protected sheet."
          : error instanceof Error
            ? error.message
            : String(error),
      );
      return false;
    }
  };

  /** Enters the text and moves down a row; the grid takes the keyboard back only after Enter, not a click elsewhere. */
  const commit = (text: string, by: "enter" | "leaving") => {
    if (!enter(() => workbook.typeIntoCell(activeSheet, activeAddress, text, typingAs))) return;
    setEditing(null);
    select(selection.row + 1, selection.column);
    if (by === "enter") gridRef.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    if (editing !== null) return;
    const move = (dr: number, dc: number) =>
      select(
        Math.max(0, selection.row + dr),
        dc === 0 ? selection.column : nextShownColumn(selection.column, dc),
      );
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
        editInCell(formulaOf(selection.row, selection.column));
        break;
      case "Delete":
      case "Backspace":
        enter(() => workbook.typeIntoCell(activeSheet, activeAddress, "", typingAs));
        break;
      default:
        // Typing into a selected cell replaces what it holds, starting with the key just pressed.
        if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
          editInCell(event.key);
          break;
        }
        return;
    }
    event.preventDefault();
  };

  const renderRow = (r: number, measure?: (row: HTMLTableRowElement | null) => void) => (
    <tr key={r} data-index={r} ref={measure}>
      <th className={mergeClasses(styles.heading, styles.rowHeading)} scope="row">
        {r + 1}
      </th>
      {shown.map((c) => {
        const isSelected = selection.row === r && selection.column === c;
        const inRange =
          r >= selection.row &&
          r < selection.row + selection.rowCount &&
          c >= selection.column &&
          c < selection.column + selection.columnCount;
        const value = data.value(r, c);
        const formula = formulaOf(r, c);
        const isFormula = formula.startsWith("=");
        return (
          <td
            key={c}
            role="gridcell"
            data-address={cellAddress(r, c)}
            aria-selected={inRange}
            title={isFormula ? formula : undefined}
            className={mergeClasses(
              styles.cell,
              typeof value === "number" && styles.number,
              isFormula && styles.formula,
              inRange && !isSelected && styles.inRange,
              isSelected && styles.selected,
            )}
            onClick={() => select(r, c)}
            onDoubleClick={() => {
              select(r, c);
              editInCell(formula);
            }}
          >
            {isSelected && editing !== null && editingIn === "cell" ? (
              <input
                ref={focusEditor}
                aria-label={`Edit ${cellAddress(r, c)}`}
                className={styles.editor}
                value={editing}
                onChange={(e) => setEditing(e.target.value)}
                onFocus={(e) => e.currentTarget.setSelectionRange(editing.length, editing.length)}
                onKeyDown={(e) => {
                  // The key that ends the edit is not the grid's too: under Preact the grid's handler would run
                  // after the edit has closed (it re-renders between the two) and open the next cell's editor.
                  if (e.key === "Enter" || e.key === "Escape") e.stopPropagation();
                  if (e.key === "Enter") commit(e.currentTarget.value, "enter");
                  if (e.key === "Escape") {
                    setEditing(null);
                    gridRef.current?.focus();
                  }
                }}
                onBlur={(e) => editing !== null && commit(e.currentTarget.value, "leaving")}
              />
            ) : (
              displayCell(value, data.numberFormat(r, c))
            )}
          </td>
        );
      })}
    </tr>
  );

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
          onChange={(e) => {
            setEditingIn("bar");
            setEditing(e.target.value);
          }}
          onKeyDown={(e) => {
            if (e.key === "Enter") commit(e.currentTarget.value, "enter");
            if (e.key === "Escape") setEditing(null);
          }}
        />
        {choices && (
          // A list cell's dropdown: in Excel on the web, picking from it raises no change event.
          <select
            aria-label="Pick from list"
            value=""
            onChange={(e) => {
              const value = e.target.value;
              enter(() => workbook.pickFromList(activeSheet, activeAddress, value, typingAs));
            }}
          >
            <option value="" disabled>
              Pick…
            </option>
            {choices.map((choice) => (
              <option key={choice} value={choice}>
                {choice}
              </option>
            ))}
          </select>
        )}
        {/* As the Data tab's sort buttons in Excel: the table holding the selected cell, by its column. */}
        {(["Ascending", "Descending"] as const).map((order) => (
          <Button
            key={order}
            size="small"
            appearance="subtle"
            onClick={() => enter(() => workbook.sortAtCell(activeSheet, activeAddress, order, typingAs))}
          >
            {order === "Ascending" ? "Sort A to Z" : "Sort Z to A"}
          </Button>
        ))}
        {refusal && (
          <span role="alert" className={styles.refusal}>
            {refusal}
          </span>
        )}
      </div>
      <div className={styles.scroller} ref={scrollerRef}>
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
              {shown.map((c) => (
                <th key={c} className={styles.heading} scope="col">
                  {columnLetter(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {windowed ? (
              <>
                {/* Rows out of view are not rendered: empty rows of their height keep the scroll bar true. */}
                <tr aria-hidden style={{ height: topSpace }} />
                {shownRows.map((item) => renderRow(item.index, virtualizer.measureElement))}
                <tr aria-hidden style={{ height: bottomSpace }} />
              </>
            ) : (
              Array.from({ length: rows }, (_, r) => renderRow(r))
            )}
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
