import type { CellValue } from "./cells";
import { positionOf, queueLayout, type TableLayout } from "./tableLayout";
import { settingsTable } from "./tables";

/** The Settings table as read: its body, and where its Setting and Value columns are now. */
export interface SettingsBody {
  table: Excel.Table;
  layout: TableLayout;
  values: unknown[][];
  /** Positions of the Setting and Value columns; -1 when someone renamed or deleted the column. */
  keyAt: number;
  valueAt: number;
  /** A body row's Setting, trimmed ("" for a blank row, or when the Setting column is missing). */
  labelAt(bodyRow: number): string;
  /** The first body row whose Setting is `label`, ignoring case and spaces around it; -1 when none is. */
  rowOf(label: string): number;
  /** Queues rows added below the table, each Value cell in its own number format. Both columns must exist. */
  queueAppend(rows: readonly NewSettingRow[]): void;
}

export interface NewSettingRow {
  label: CellValue;
  value: CellValue;
  numberFormat: string;
}

/**
 * Queues the loads that read the Settings table and does not sync, so a caller can read other tables in the
 * same request; `read()` after the caller's context.sync(). The table must exist (the sync throws
 * ItemNotFound otherwise).
 */
export function queueSettingsBody(context: Excel.RequestContext): { read(): SettingsBody } {
  const queued = queueLayout(context, settingsTable.table, settingsTable.sheet);
  const body = queued.table.getDataBodyRange().load("values");
  return {
    read() {
      const { table } = queued;
      const layout = queued.read();
      const { values } = body;
      const keyAt = positionOf(layout, settingsTable.columns[0].header);
      const valueAt = positionOf(layout, settingsTable.columns[1].header);
      const labelAt = (bodyRow: number) => String(values[bodyRow]?.[keyAt] ?? "").trim();
      return {
        table,
        layout,
        values,
        keyAt,
        valueAt,
        labelAt,
        rowOf: (label) => {
          const wanted = label.toLowerCase();
          return values.findIndex((_, bodyRow) => labelAt(bodyRow).toLowerCase() === wanted);
        },
        queueAppend(rows) {
          if (rows.length === 0) return;
          const cells = rows.map((row) => {
            const line = new Array<CellValue>(layout.headers.length).fill("");
            line[keyAt] = row.label;
            line[valueAt] = row.value;
            return line;
          });
          const below = table.getDataBodyRange().getRowsBelow(rows.length);
          below.getColumn(valueAt).numberFormat = rows.map((row) => [row.numberFormat]);
          below.values = cells;
        },
      };
    },
  };
}
