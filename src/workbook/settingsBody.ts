import type { CellValue } from "./cells";
import { positionOf, queueLayout, type TableLayout } from "./tableLayout";
import type { TableSpec } from "./tables";

/**
 * The Settings and Exchange Rates tables as read: one row per setting or currency, its first column naming
 * the row (the key) and its second holding the value. Loading and saving both read them through here, so
 * they agree on where each column is and on which row a key is in.
 */
export interface SettingsBody {
  spec: TableSpec;
  layout: TableLayout;
  values: unknown[][];
  /** Positions of the key and value columns; -1 when someone renamed or deleted the column. */
  keyAt: number;
  valueAt: number;
  /** Headers of the key and value columns the table no longer has; saving needs both. */
  missing: string[];
  /** A body row's key, trimmed ("" for a blank row, or when the key column is missing). */
  labelAt(bodyRow: number): string;
  /** Each key in the table (as on its first row), with its body rows in order; blank keys are left out. */
  keys: KeyRows[];
  /** The row a key is read from and saved to: its first row, ignoring case and spaces; -1 when none is. */
  rowOf(key: string): number;
  /** Every row of a key, first first; empty when none is. */
  rowsOf(key: string): readonly number[];
}

export interface KeyRows {
  key: string;
  rows: readonly number[];
}

/** A settings table read, with what is needed to write to it in the same request. */
export interface SettingsTableBody extends SettingsBody {
  table: Excel.Table;
  /**
   * Queues rows added below the table, each value cell in its own number format; the one empty row a new
   * table has is filled first. Both columns must exist.
   */
  queueAppend(rows: readonly NewSettingRow[]): void;
}

export interface NewSettingRow {
  label: CellValue;
  value: CellValue;
  numberFormat: string;
}

/** The table columns a save needs and cannot find, by table; empty when every table has them. */
export interface LostColumns {
  title: string;
  headers: string[];
}

export function lostColumns(bodies: readonly SettingsBody[]): LostColumns[] {
  return bodies
    .filter((body) => body.missing.length > 0)
    .map((body) => ({ title: body.spec.title, headers: body.missing }));
}

const keyOf = (label: string) => label.toLowerCase();

/**
 * Where a key is: its first row, as Excel's own lookups (XLOOKUP, VLOOKUP, MATCH) take the first match, so a
 * formula reading the table finds the value the register reads. A key on more than one row is a data issue.
 */
export function settingsBody(spec: TableSpec, layout: TableLayout, values: unknown[][]): SettingsBody {
  const [keyColumn, valueColumn] = spec.columns;
  const keyAt = positionOf(layout, keyColumn.header);
  const valueAt = positionOf(layout, valueColumn.header);
  const labelAt = (bodyRow: number) => (keyAt < 0 ? "" : String(values[bodyRow]?.[keyAt] ?? "").trim());
  const byKey = new Map<string, { key: string; rows: number[] }>();
  values.forEach((_, bodyRow) => {
    const label = labelAt(bodyRow);
    if (label === "") return;
    const found = byKey.get(keyOf(label));
    if (found) found.rows.push(bodyRow);
    else byKey.set(keyOf(label), { key: label, rows: [bodyRow] });
  });
  const rowsOf = (key: string) => byKey.get(keyOf(key.trim()))?.rows ?? [];
  return {
    spec,
    layout,
    values,
    keyAt,
    valueAt,
    missing: [keyColumn, valueColumn]
      .filter((column) => positionOf(layout, column.header) < 0)
      .map((column) => column.header),
    labelAt,
    keys: [...byKey.values()],
    rowOf: (key) => rowsOf(key)[0] ?? -1,
    rowsOf,
  };
}

/**
 * Queues the loads that read a settings table and does not sync, so a caller can read other tables in the
 * same request; `read()` after the caller's context.sync(). The table must exist (the sync throws
 * ItemNotFound otherwise).
 */
export function queueSettingsBody(
  context: Excel.RequestContext,
  spec: TableSpec,
): { read(): SettingsTableBody } {
  const queued = queueLayout(context, spec.table, spec.sheet);
  const loaded = queued.table.getDataBodyRange().load("values");
  return {
    read() {
      const { table } = queued;
      const body = settingsBody(spec, queued.read(), loaded.values);
      const { layout, values, keyAt, valueAt } = body;
      return {
        ...body,
        table,
        queueAppend(rows) {
          if (rows.length === 0) return;
          const lines = rows.map((row) => {
            const line = new Array<CellValue>(layout.headers.length).fill("");
            line[keyAt] = row.label;
            line[valueAt] = row.value;
            return line;
          });
          const formats = rows.map((row) => [row.numberFormat]);
          const range = table.getDataBodyRange();
          const fillsEmptyRow = values.length === 1 && values[0].every((cell) => cell === "");
          if (fillsEmptyRow) {
            const first = range.getRow(0);
            first.getColumn(valueAt).numberFormat = formats.slice(0, 1);
            first.values = lines.slice(0, 1);
          }
          const below = lines.length - (fillsEmptyRow ? 1 : 0);
          if (below === 0) return;
          const added = range.getRowsBelow(below);
          added.getColumn(valueAt).numberFormat = formats.slice(-below);
          added.values = lines.slice(-below);
        },
      };
    },
  };
}
