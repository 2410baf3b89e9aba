import type { z } from "zod/mini";
import type { RecordKind } from "../../domain/ids";

/** How a column's cells hold their value; drives reading, writing, number format and validation. */
export type ValueType =
  | "text"
  | "wholeNumber"
  | "amount"
  | "date"
  | "boolean"
  | "list"
  | "timestamp"
  | "mixed"
  /** A link to another record by ID; a cell may hold the dropdown entry "Label [ID]", read as the ID. */
  | "reference";

/** The validation lists kept on the Lists sheet, by the header of their column there. */
export type ListName =
  | "Licence Type"
  | "Scope"
  | "Allocation Rule"
  | "Pricing Model"
  | "Virtualisation Rights"
  | "Source"
  | "TRUE/FALSE";

export interface ColumnSpec {
  /** Header text, from the domain labels: records are read by header, never by position. */
  header: string;
  /** The record field the column stores; absent for computed columns. */
  field?: string;
  type: ValueType;
  numberFormat: string;
  /** Column width in points. */
  width: number;
  /** Dropdown validation source on the Lists sheet. */
  list?: ListName;
  /** Dropdown of another table's column (a link column offering that table's dropdown entries). */
  choices?: { table: string; column: string; noun: string };
  /** Headers this column had in older registers; set-up renames such a column instead of adding a new one. */
  formerHeaders?: readonly string[];
  /** Hidden when set-up creates the column (the person can unhide it). */
  hiddenWhenCreated?: boolean;
  /** Structured-reference formula written into every row; the column is then computed. */
  formula?: string;
  /** Its values come back row after row (people, devices): the live register keeps one copy of each (shareRepeatedText). */
  repeats?: boolean;
  /**
   * The register writes it for people to read and never reads it back: records read leave the field undefined
   * (Modified). Nothing the add-in works out uses it, a cell someone typed over cannot take its row out of the
   * figures, and at 100,000 licences the million distinct stamps would be about 50 MB of memory.
   */
  writtenOnly?: boolean;
  /** Managed by the register or computed: styled grey and italic so people leave it alone. */
  readOnly?: boolean;
}

export interface RecordTableSpec {
  kind: RecordKind;
  /** The noun messages use: "This licence was deleted by someone else." */
  noun: string;
  sheet: string;
  table: string;
  columns: readonly ColumnSpec[];
  /** Validates a whole record (cross-field rules included) when writing. */
  schema: z.ZodMiniType;
  /** Validates field by field when reading; a failing field becomes a data issue. */
  fieldSchemas: Record<string, z.ZodMiniType>;
  /** Header of the ID column. */
  idHeader: string;
  rowVersionHeader: string;
  modifiedHeader: string;
}

/** Any table the set-up creates: record tables and the two settings tables. */
export interface TableSpec {
  /** What set-up reports call it: "Licences", "Exchange Rates". */
  title: string;
  sheet: string;
  table: string;
  /** Top-left cell of the table when the set-up creates it. */
  anchor: string;
  columns: readonly ColumnSpec[];
}
