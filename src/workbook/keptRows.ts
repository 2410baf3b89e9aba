import { isBlankCell } from "./cells";

/** A row of a settings table the register cannot read: its value cell, as typed, and where that cell is. */
export interface KeptRow {
  sheet: string;
  /** A1 address of the row's value cell. */
  address: string;
  value: unknown;
}

/**
 * The rows of a settings table the register cannot read (an unknown currency code, a value or rate it cannot
 * take), each of which loading reports as a data issue. Nothing a person typed is ever lost, so a save leaves
 * them as they are: it deletes none of them, and writes into none of their value cells unless it is blank.
 * Rows with a setting name the register does not know are never read, so never written either.
 */
export class KeptRows {
  private readonly rows = new Map<number, KeptRow>();

  add(bodyRow: number, row: KeptRow): void {
    this.rows.set(bodyRow, row);
  }

  /** Whether a save may delete the body row: only one the register read. */
  mayDelete(bodyRow: number): boolean {
    return !this.rows.has(bodyRow);
  }

  /** What writing the body row's value cell would overwrite; undefined when the register read it or it is blank. */
  overwritten(bodyRow: number): KeptRow | undefined {
    const row = this.rows.get(bodyRow);
    return row && !isBlankCell(row.value) ? row : undefined;
  }
}
