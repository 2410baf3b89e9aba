import { useEffect, useRef } from "react";
import type { HostSession } from "../host";
import { parseAddress } from "../host/addresses";

/** A selected range on a sheet, zero-based, as the grid draws it. */
export interface GridRange {
  sheet: string;
  row: number;
  column: number;
  rowCount: number;
  columnCount: number;
}

/** "Licences!A5:Z5" → the sheet and the range; undefined for an address the grid cannot show. */
export function rangeOf(address: string): GridRange | undefined {
  const parsed = parseAddress(address);
  if (!parsed?.sheet) return undefined;
  return { sheet: parsed.sheet, ...parsed.rect };
}

/**
 * Follows each session's selection as Excel's own grid does: whenever a selection changes in a session (the
 * add-in's "Show in sheet", a data issue's "Go to cell", or the grid itself), reads where it now is through
 * the Excel API (workbook.onSelectionChanged, getSelectedRange) and reports it.
 */
export function useAddInSelection(sessions: HostSession[], onSelect: (range: GridRange) => void): void {
  const latest = useRef(onSelect);
  useEffect(() => {
    latest.current = onSelect;
  });

  useEffect(() => {
    let active = true;
    for (const session of sessions) {
      const report = async () => {
        const address = await session.run(async (context) => {
          const range = context.workbook.getSelectedRange().load("address");
          await context.sync();
          return range.address;
        });
        const range = rangeOf(address);
        if (active && range) latest.current(range);
      };
      void session.run(async (context) => {
        // The host keeps handlers for the life of the page, as Excel does for a task pane's runtime.
        context.workbook.onSelectionChanged.add(() => report().catch(() => undefined));
        await context.sync();
      });
    }
    return () => {
      active = false;
    };
  }, [sessions]);
}
