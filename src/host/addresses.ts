/** A1 addresses: parsing, formatting and rectangle arithmetic. Rows and columns are zero-based. */

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

export interface Rect {
  row: number;
  column: number;
  rowCount: number;
  columnCount: number;
}

export interface ParsedAddress {
  sheet?: string;
  rect: Rect;
}

export const lastRow = (rect: Rect): number => rect.row + rect.rowCount - 1;
export const lastColumn = (rect: Rect): number => rect.column + rect.columnCount - 1;
export const cellCount = (rect: Rect): number => rect.rowCount * rect.columnCount;

export function rect(row: number, column: number, rowCount = 1, columnCount = 1): Rect {
  return { row, column, rowCount, columnCount };
}

export function columnLetters(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COLUMN = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d{1,7})$/;

interface Corner {
  row?: number;
  column?: number;
}

function corner(text: string): Corner | undefined {
  let m = CELL.exec(text);
  if (m) return { column: columnIndex(m[1]), row: Number(m[2]) - 1 };
  m = COLUMN.exec(text);
  if (m) return { column: columnIndex(m[1]) };
  m = ROW.exec(text);
  if (m) return { row: Number(m[1]) - 1 };
  return undefined;
}

/** Splits "Sheet1!A1:B2" or "'My sheet'!A1" into sheet and local address. */
export function splitSheet(address: string): { sheet?: string; local: string } {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return { local: address.trim() };
  let sheet = address.slice(0, bang).trim();
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, local: address.slice(bang + 1).trim() };
}

/** Parses an A1 address ("A1", "$A$1:B2", "A:C", "2:5", "Sheet!A1"); undefined when it is not one. */
export function parseAddress(address: string): ParsedAddress | undefined {
  const { sheet, local } = splitSheet(address);
  const parts = local.split(":");
  if (parts.length < 1 || parts.length > 2) return undefined;
  const a = corner(parts[0]);
  const b = parts.length === 2 ? corner(parts[1]) : a;
  if (!a || !b) return undefined;
  const wholeColumns = a.row === undefined && b.row === undefined;
  const wholeRows = a.column === undefined && b.column === undefined;
  if (parts.length === 1 && (wholeColumns || wholeRows)) return undefined;
  if (!wholeColumns && (a.row === undefined || b.row === undefined)) return undefined;
  if (!wholeRows && (a.column === undefined || b.column === undefined)) return undefined;
  const r0 = wholeColumns ? 0 : Math.min(a.row!, b.row!);
  const r1 = wholeColumns ? MAX_ROWS - 1 : Math.max(a.row!, b.row!);
  const c0 = wholeRows ? 0 : Math.min(a.column!, b.column!);
  const c1 = wholeRows ? MAX_COLUMNS - 1 : Math.max(a.column!, b.column!);
  if (r1 >= MAX_ROWS || c1 >= MAX_COLUMNS) return undefined;
  return { sheet, rect: rect(r0, c0, r1 - r0 + 1, c1 - c0 + 1) };
}

export const isWholeColumns = (r: Rect): boolean => r.row === 0 && r.rowCount === MAX_ROWS;
export const isWholeRows = (r: Rect): boolean => r.column === 0 && r.columnCount === MAX_COLUMNS;

/** "A1", "A1:B2", "A:B" or "1:2", as Excel writes a range's local address. */
export function formatRect(r: Rect): string {
  if (isWholeColumns(r) && !isWholeRows(r))
    return `${columnLetters(r.column)}:${columnLetters(lastColumn(r))}`;
  if (isWholeRows(r) && !isWholeColumns(r)) return `${r.row + 1}:${lastRow(r) + 1}`;
  const first = `${columnLetters(r.column)}${r.row + 1}`;
  if (r.rowCount === 1 && r.columnCount === 1) return first;
  return `${first}:${columnLetters(lastColumn(r))}${lastRow(r) + 1}`;
}

/** A sheet name as it appears in an address: quoted when Excel would quote it. */
export function quoteSheet(name: string): string {
  const plain =
    /^[A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*$/.test(name) &&
    !CELL.test(name) &&
    !/^R\d*C\d*$/i.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

export const formatAddress = (sheet: string, r: Rect): string => `${quoteSheet(sheet)}!${formatRect(r)}`;

export function intersect(a: Rect, b: Rect): Rect | undefined {
  const r0 = Math.max(a.row, b.row);
  const r1 = Math.min(lastRow(a), lastRow(b));
  const c0 = Math.max(a.column, b.column);
  const c1 = Math.min(lastColumn(a), lastColumn(b));
  if (r0 > r1 || c0 > c1) return undefined;
  return rect(r0, c0, r1 - r0 + 1, c1 - c0 + 1);
}

export function union(a: Rect, b: Rect): Rect {
  const r0 = Math.min(a.row, b.row);
  const c0 = Math.min(a.column, b.column);
  return rect(
    r0,
    c0,
    Math.max(lastRow(a), lastRow(b)) - r0 + 1,
    Math.max(lastColumn(a), lastColumn(b)) - c0 + 1,
  );
}

export const contains = (outer: Rect, inner: Rect): boolean =>
  inner.row >= outer.row &&
  inner.column >= outer.column &&
  lastRow(inner) <= lastRow(outer) &&
  lastColumn(inner) <= lastColumn(outer);

/** `from` minus `hole`, as up to four rectangles (above, below, left, right). */
export function subtract(from: Rect, hole: Rect): Rect[] {
  const cut = intersect(from, hole);
  if (!cut) return [from];
  const out: Rect[] = [];
  if (cut.row > from.row) out.push(rect(from.row, from.column, cut.row - from.row, from.columnCount));
  if (lastRow(cut) < lastRow(from))
    out.push(rect(lastRow(cut) + 1, from.column, lastRow(from) - lastRow(cut), from.columnCount));
  if (cut.column > from.column) out.push(rect(cut.row, from.column, cut.rowCount, cut.column - from.column));
  if (lastColumn(cut) < lastColumn(from))
    out.push(rect(cut.row, lastColumn(cut) + 1, cut.rowCount, lastColumn(from) - lastColumn(cut)));
  return out;
}
