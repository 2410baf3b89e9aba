import type { DataIssue } from "./registerApi";
import { cellAddress, fromCell, toCell, type CellValue } from "./cells";
import { sheetRowNumber, type TableLayout } from "./tableLayout";
import type { RecordTableSpec } from "./tables/types";
import { isReadColumn } from "./tables/columns";
import { fastRowParserFor } from "./fastRowParser";

export interface ParsedRow {
  record?: Record<string, unknown>;
  issues: DataIssue[];
  blank: boolean;
}

/** Issues from a zod error, one per field (the first message), keyed by field name. */
export function fieldErrors(
  issues: readonly { path: PropertyKey[]; message: string }[],
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? "");
    if (!(field in errors)) errors[field] = issue.message;
  }
  return errors;
}

const versionColumns = new WeakMap<RecordTableSpec, number>();

function versionColumn(spec: RecordTableSpec): number {
  let index = versionColumns.get(spec);
  if (index === undefined) {
    index = spec.columns.findIndex((column) => column.field === "rowVersion");
    versionColumns.set(spec, index);
  }
  return index;
}

/**
 * A row whose Row Version is negative was being saved when the save stopped part-way (saveRows.ts marks a
 * row so while writing it with several ranges): its cells may be part old, part new.
 */
function unfinishedSave(
  spec: RecordTableSpec,
  layout: TableLayout,
  positions: number[],
  row: readonly unknown[],
  bodyRow: number,
): ParsedRow | undefined {
  const column = versionColumn(spec);
  const position = column >= 0 ? positions[column] : -1;
  const cell = position >= 0 ? row[position] : undefined;
  if (!(typeof cell === "number" && cell < 0)) return undefined;
  const idAt = positions[spec.columns.findIndex((c) => c.field === "id")] ?? -1;
  const id = idAt >= 0 ? String(row[idAt] ?? "").trim() : "";
  const rowNumber = sheetRowNumber(layout, bodyRow);
  return {
    blank: false,
    issues: [
      {
        sheet: layout.sheet,
        row: rowNumber,
        column: spec.columns[column].header,
        address: cellAddress(rowNumber - 1, layout.firstColumn + position),
        message: `This row was only partly saved: a save stopped before it finished, so some cells may hold the new values and some the old. Check the row, then type ${-cell} in its ${spec.columns[column].header} cell to use it again, or save it from the task pane of the person who was saving it.`,
        ...(id ? { recordId: id } : {}),
      },
    ],
  };
}

/**
 * Reads one body row by header positions; a field that fails its schema becomes a data issue and the row is
 * skipped, as is a row a save left unfinished (its negative Row Version fails the schema, so it always reaches
 * parseRowWithSchema). Valid rows take the memoised fast path (fastRowParser); any other row is parsed by the
 * whole schema.
 */
export function parseRow(
  spec: RecordTableSpec,
  layout: TableLayout,
  positions: number[],
  row: readonly unknown[],
  bodyRow: number,
): ParsedRow {
  const fast = fastRowParserFor(spec, positions)?.parse(positions, row);
  if (fast === "blank") return { issues: [], blank: true };
  if (fast) return { record: fast, issues: [], blank: false };
  return parseRowWithSchema(spec, layout, positions, row, bodyRow);
}

/**
 * parseRow for a whole table read: the row's record, or undefined for a blank row or one with data issues,
 * which are added to `issues`. Nothing is allocated for a valid row but its record.
 */
export function readRecord(
  spec: RecordTableSpec,
  layout: TableLayout,
  positions: number[],
  row: readonly unknown[],
  bodyRow: number,
  issues: DataIssue[],
): Record<string, unknown> | undefined {
  const fast = fastRowParserFor(spec, positions)?.parse(positions, row);
  if (fast === "blank") return undefined;
  if (fast) return fast;
  const parsed = parseRowWithSchema(spec, layout, positions, row, bodyRow);
  for (const issue of parsed.issues) issues.push(issue);
  return parsed.record;
}

/** parseRow by the whole record schema: what the fast path must agree with, and where data issues come from. */
export function parseRowWithSchema(
  spec: RecordTableSpec,
  layout: TableLayout,
  positions: number[],
  row: readonly unknown[],
  bodyRow: number,
): ParsedRow {
  const unfinished = unfinishedSave(spec, layout, positions, row, bodyRow);
  if (unfinished) return unfinished;
  const raw: Record<string, unknown> = {};
  let blank = true;
  spec.columns.forEach((column, index) => {
    if (!isReadColumn(column) || positions[index] < 0) return;
    const value = fromCell(column, row[positions[index]]);
    if (value !== undefined) {
      raw[column.field] = value;
      blank = false;
    }
  });
  if (blank) return { issues: [], blank: true };
  const parsed = spec.schema.safeParse(raw);
  if (parsed.success) return { record: parsed.data as Record<string, unknown>, issues: [], blank: false };
  const recordId = typeof raw.id === "string" ? raw.id : undefined;
  const rowNumber = sheetRowNumber(layout, bodyRow);
  const issues = Object.entries(fieldErrors(parsed.error.issues)).map(([field, message]): DataIssue => {
    const columnIndex = spec.columns.findIndex((column) => column.field === field);
    const position = columnIndex >= 0 ? positions[columnIndex] : -1;
    const header = columnIndex >= 0 ? spec.columns[columnIndex].header : field;
    return {
      sheet: layout.sheet,
      row: rowNumber,
      column: header,
      address: cellAddress(rowNumber - 1, layout.firstColumn + Math.max(position, 0)),
      message,
      ...(recordId ? { recordId } : {}),
    };
  });
  return { issues, blank: false };
}

/**
 * The cells of a record in the spec's column order: stored fields converted for Excel, computed columns
 * given their formulas so they are written in the same request.
 */
export function recordCells(spec: RecordTableSpec, record: Record<string, unknown>): CellValue[] {
  return spec.columns.map((column) =>
    column.formula ? column.formula : toCell(column, record[column.field ?? ""]),
  );
}
