import type { ColumnSpec, ListName } from "./types";

/** Number formats: locale-neutral dates, text columns as Text so Excel never reinterprets what people type. */
export const FORMATS = {
  text: "@",
  date: "yyyy-mm-dd",
  amount: "#,##0.00",
  wholeNumber: "0",
  general: "General",
} as const;

export const textColumn = (header: string, field: string, width = 120): ColumnSpec => ({
  header,
  field,
  type: "text",
  numberFormat: FORMATS.text,
  width,
});

/**
 * A text column whose values come back row after row (people, devices, departments, vendors, notes an import
 * writes on every row it adds): the live register keeps one copy of each instead of one per cell, sharing them
 * after a load (shareRepeatedText). At 100,000 licences 1.3 million cells name about 300,000 people and a
 * million name 500,000 devices; Excel delivers each cell's text as a string of its own (JSON.parse shares only
 * text of a few characters, such as dates and versions).
 */
export const repeatingTextColumn = (header: string, field: string, width = 120): ColumnSpec => ({
  ...textColumn(header, field, width),
  repeats: true,
});

export const listColumn = (header: string, field: string, list: ListName, width = 110): ColumnSpec => ({
  header,
  field,
  type: "list",
  numberFormat: FORMATS.text,
  width,
  list,
});

export const wholeNumberColumn = (header: string, field: string, width = 80): ColumnSpec => ({
  header,
  field,
  type: "wholeNumber",
  numberFormat: FORMATS.wholeNumber,
  width,
});

export const amountColumn = (header: string, field: string, width = 90): ColumnSpec => ({
  header,
  field,
  type: "amount",
  numberFormat: FORMATS.amount,
  width,
});

export const dateColumn = (header: string, field: string, width = 85): ColumnSpec => ({
  header,
  field,
  type: "date",
  numberFormat: FORMATS.date,
  width,
});

export const booleanColumn = (header: string, field: string, width = 75): ColumnSpec => ({
  header,
  field,
  type: "boolean",
  numberFormat: FORMATS.general,
  width,
  list: "TRUE/FALSE",
});

/** A column records are made from: one with a field that the register reads back (every one but Modified). */
export function isReadColumn(column: ColumnSpec): column is ColumnSpec & { field: string } {
  return column.field !== undefined && !column.writtenOnly;
}

/** ID, Modified and Row Version: the register owns them. */
export const idColumn = (header: string, width = 120): ColumnSpec => ({ ...textColumn(header, "id", width) });

/**
 * Row Version, then Modified as the table's last column: a load reads each table only as far as the last column
 * its records are made from (TableRecords.columnsRead), so the stamps it never reads stay in Excel (at 100,000
 * licences 1.4 million of them, 38 of the 291 MB a load would otherwise receive).
 */
export const metaColumns = (modified: string, rowVersion: string): ColumnSpec[] => [
  {
    header: rowVersion,
    field: "rowVersion",
    type: "wholeNumber",
    numberFormat: FORMATS.wholeNumber,
    width: 70,
    readOnly: true,
  },
  {
    header: modified,
    field: "modified",
    type: "timestamp",
    numberFormat: FORMATS.text,
    width: 140,
    readOnly: true,
    writtenOnly: true,
  },
];

export const computedColumn = (
  header: string,
  formula: string,
  type: ColumnSpec["type"],
  numberFormat: string,
  width = 100,
): ColumnSpec => ({ header, type, numberFormat, width, formula, readOnly: true });

/**
 * A link to another table's record by its ID, with a dropdown of that table's entries ("Name [ID]"), so a
 * person typing a row picks by name and the cell still links by ID.
 */
export const referenceColumn = (
  header: string,
  field: string,
  choices: ColumnSpec["choices"],
  width = 120,
  formerHeaders?: readonly string[],
): ColumnSpec => ({
  header,
  field,
  type: "reference",
  numberFormat: FORMATS.text,
  width,
  choices,
  ...(formerHeaders ? { formerHeaders } : {}),
});

/** A name the add-in keeps beside a link (DISPLAY_LABELS): styled as the register's own, like Modified. */
export const displayColumn = (header: string, field: string, width = 180): ColumnSpec => ({
  ...textColumn(header, field, width),
  readOnly: true,
});
