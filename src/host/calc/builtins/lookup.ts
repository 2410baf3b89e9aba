import { type Argument, type Scope, grid, lift, values } from "../interpreter";
import {
  ExcelError,
  type Grid,
  NA,
  REF,
  Reference,
  type Scalar,
  type Value,
  VALUE,
  compare,
  error,
  isGrid,
  toBoolean,
} from "../values";
import { type Registry, booleanArg, firstError, numberArg, single } from "./args";

/**
 * Lookup and dynamic-array functions as Microsoft Learn describes them: INDEX (a reference in, a reference
 * out, so SUM(INDEX(A13#,0,8)) adds a column of a spill), MATCH, VLOOKUP, XLOOKUP, ROWS, COLUMNS, FILTER,
 * SORT, SEQUENCE, TRANSPOSE and UNIQUE. Written here: the library has no FILTER, XLOOKUP or SEQUENCE,
 * and its INDEX does not take 0 for a whole row or column.
 */

const sizeOf = (value: Value): { rows: number; columns: number } => {
  if (value instanceof Reference) return { rows: value.rect.rowCount, columns: value.rect.columnCount };
  if (isGrid(value)) return { rows: value.length, columns: value[0]?.length ?? 0 };
  return { rows: 1, columns: 1 };
};

/** ROWS / COLUMNS: the size of a reference or array (an error passes through). */
const dimension =
  (which: "rows" | "columns") =>
  (args: Argument[]): Value => {
    const value = args[0].value();
    return value instanceof ExcelError ? value : sizeOf(value)[which];
  };

function index(args: Argument[], scope: Scope): Value {
  const source = args[0].value();
  if (source instanceof ExcelError) return source;
  const { rows, columns } = sizeOf(source);
  const rowArg = numberArg(args[1], scope, 0);
  if (rowArg instanceof ExcelError) return rowArg;
  const columnGiven = args[2] !== undefined && !args[2].missing;
  const columnArg = numberArg(args[2], scope, 0);
  if (columnArg instanceof ExcelError) return columnArg;
  let r = Math.trunc(rowArg);
  let c = Math.trunc(columnArg);
  // one row: INDEX(row, n) is the n-th column
  if (!columnGiven && rows === 1 && columns > 1) [r, c] = [1, r];
  else if (!columnGiven && columns === 1) c = 1;
  if (r < 0 || c < 0) return VALUE("INDEX's row and column must not be negative.");
  if (r > rows || c > columns)
    return REF(`INDEX asks for row ${r}, column ${c} of an area of ${rows} × ${columns}.`);
  const top = r === 0 ? 0 : r - 1;
  const left = c === 0 ? 0 : c - 1;
  const height = r === 0 ? rows : 1;
  const width = c === 0 ? columns : 1;
  if (source instanceof Reference)
    return new Reference(source.sheet, {
      row: source.rect.row + top,
      column: source.rect.column + left,
      rowCount: height,
      columnCount: width,
    });
  const cells = grid(source, scope)
    .slice(top, top + height)
    .map((row) => row.slice(left, left + width));
  return cells.length === 1 && cells[0].length === 1 ? cells[0][0] : cells;
}

/** A one-row or one-column array as a list, or undefined when it has both several rows and columns. */
function vector(cells: Grid): Scalar[] | undefined {
  if (cells.length === 1) return cells[0];
  if ((cells[0]?.length ?? 0) === 1) return cells.map((row) => row[0]);
  return undefined;
}

const sameKind = (a: Scalar, b: Scalar): boolean =>
  a !== null &&
  b !== null &&
  typeof a === typeof b &&
  !(a instanceof ExcelError) &&
  !(b instanceof ExcelError);

function wildcard(pattern: string): RegExp {
  let source = "";
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === "~" && i + 1 < pattern.length) source += pattern[++i].replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    else if (ch === "*") source += "[\\s\\S]*";
    else if (ch === "?") source += "[\\s\\S]";
    else source += ch.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${source}$`, "i");
}

/** Position (0-based) of `wanted` in `list` by MATCH's match_type, or -1. */
function position(wanted: Scalar, list: Scalar[], type: number, wildcards: boolean): number {
  if (type === 0) {
    const pattern =
      wildcards && typeof wanted === "string" && /[?*~]/.test(wanted) ? wildcard(wanted) : undefined;
    for (let i = 0; i < list.length; i++) {
      const cell = list[i];
      if (pattern) {
        if (typeof cell === "string" && pattern.test(cell)) return i;
      } else if (sameKind(cell, wanted) && compare(cell, wanted) === 0) return i;
    }
    return -1;
  }
  // sorted lists: the last value on the right side of `wanted` before the order is broken
  let found = -1;
  for (let i = 0; i < list.length; i++) {
    const cell = list[i];
    if (!sameKind(cell, wanted)) continue;
    const order = compare(cell, wanted);
    if (type > 0 ? order <= 0 : order >= 0) found = i;
    else break;
  }
  return found;
}

function match(args: Argument[], scope: Scope): Value {
  const list = vector(grid(args[1].value(), scope));
  if (!list) return NA("MATCH looks in one row or one column.");
  const type = numberArg(args[2], scope, 1);
  if (type instanceof ExcelError) return type;
  const wanted = values(args[0].value(), scope);
  return lift([wanted], (w) => {
    if (w instanceof ExcelError) return w;
    const at = position(w ?? 0, list, Math.sign(type), true);
    return at < 0 ? NA(`${String(w)} is not in the list.`) : at + 1;
  });
}

function vlookup(args: Argument[], scope: Scope): Value {
  const table = grid(args[1].value(), scope);
  const column = numberArg(args[2], scope, 1);
  if (column instanceof ExcelError) return column;
  const approximate = booleanArg(args[3], scope, true);
  if (approximate instanceof ExcelError) return approximate;
  const c = Math.trunc(column);
  if (c < 1) return VALUE("VLOOKUP's column number starts at 1.");
  if (c > (table[0]?.length ?? 0)) return REF(`The table has ${table[0]?.length ?? 0} columns, not ${c}.`);
  const keys = table.map((row) => row[0]);
  return lift([values(args[0].value(), scope)], (w) => {
    if (w instanceof ExcelError) return w;
    const at = position(w ?? 0, keys, approximate ? 1 : 0, true);
    return at < 0 ? NA(`${String(w)} is not in the first column.`) : table[at][c - 1];
  });
}

/** XLOOKUP: match_mode 0 exact, -1 exact or next smaller, 1 exact or next larger, 2 wildcards; search first-to-last (1) or last-to-first (-1). */
function xlookup(args: Argument[], scope: Scope): Value {
  const keys = grid(args[1].value(), scope);
  const results = grid(args[2].value(), scope);
  const list = vector(keys);
  if (!list) return VALUE("XLOOKUP looks in one row or one column.");
  const vertical = keys.length > 1 || (keys[0]?.length ?? 0) === 1;
  if (vertical ? results.length !== list.length : (results[0]?.length ?? 0) !== list.length)
    return VALUE("XLOOKUP's lookup and return arrays must be the same length.");
  const mode = numberArg(args[4], scope, 0);
  const search = numberArg(args[5], scope, 1);
  if (mode instanceof ExcelError) return mode;
  if (search instanceof ExcelError) return search;
  if (![0, -1, 1, 2].includes(mode) || ![1, -1, 2, -2].includes(search))
    return VALUE("XLOOKUP's match_mode is 0, -1, 1 or 2 and search_mode 1, -1, 2 or -2.");
  const wanted = single(args[0], scope) ?? null;
  if (wanted instanceof ExcelError) return wanted;
  const order = search < 0 ? [...list.keys()].reverse() : [...list.keys()];
  const pattern = mode === 2 && typeof wanted === "string" ? wildcard(wanted) : undefined;
  let best = -1;
  for (const i of order) {
    const cell = list[i];
    if (
      pattern
        ? typeof cell === "string" && pattern.test(cell)
        : sameKind(cell, wanted) && compare(cell, wanted) === 0
    ) {
      best = i;
      break;
    }
    if (mode === -1 || mode === 1) {
      if (!sameKind(cell, wanted)) continue;
      const side = compare(cell, wanted);
      if ((mode === -1 && side < 0) || (mode === 1 && side > 0))
        if (best < 0 || (mode === -1 ? compare(cell, list[best]) > 0 : compare(cell, list[best]) < 0))
          best = i;
    }
  }
  if (best < 0) {
    if (args[3] && !args[3].missing) return args[3].value();
    return NA(`${String(wanted)} is not in the lookup array.`);
  }
  const row = vertical ? [results[best]] : results.map((line) => [line[best]]);
  return row.length === 1 && row[0].length === 1 ? row[0][0] : row;
}

function filter(args: Argument[], scope: Scope): Value {
  const cells = grid(args[0].value(), scope);
  const include = grid(args[1].value(), scope);
  const rows = cells.length;
  const columns = cells[0]?.length ?? 0;
  const failed = firstError(include);
  if (failed) return failed;
  const keep = (flags: Scalar[]): boolean[] | ExcelError => {
    const out: boolean[] = [];
    for (const flag of flags) {
      const b = toBoolean(flag);
      if (b instanceof ExcelError) return b;
      out.push(b);
    }
    return out;
  };
  let kept: Grid;
  if ((include[0]?.length ?? 0) === 1 && include.length === rows) {
    const flags = keep(include.map((row) => row[0]));
    if (flags instanceof ExcelError) return flags;
    kept = cells.filter((_, r) => flags[r]);
  } else if (include.length === 1 && include[0].length === columns) {
    const flags = keep(include[0]);
    if (flags instanceof ExcelError) return flags;
    kept = cells.map((row) => row.filter((_, c) => flags[c]));
    if ((kept[0]?.length ?? 0) === 0) kept = [];
  } else return VALUE("FILTER's include must be one column as tall as the array, or one row as wide.");
  if (kept.length === 0) {
    if (args[2] && !args[2].missing) return args[2].value();
    return error("#CALC!", "FILTER found nothing to show (give if_empty to show something else).");
  }
  return kept;
}

/** Excel's sort order: numbers, text (without case), logicals, then errors; blanks last either way. */
function sortKey(a: Scalar, b: Scalar): number {
  const blank = (v: Scalar) => v === null || v === "";
  if (blank(a) || blank(b)) return blank(a) === blank(b) ? 0 : blank(a) ? 1 : -1;
  const isErr = (v: Scalar) => v instanceof ExcelError;
  if (isErr(a) || isErr(b)) return isErr(a) === isErr(b) ? 0 : isErr(a) ? 1 : -1;
  return compare(a, b);
}

function sort(args: Argument[], scope: Scope): Value {
  const cells = grid(args[0].value(), scope);
  const by = numberArg(args[1], scope, 1);
  const order = numberArg(args[2], scope, 1);
  const byColumn = booleanArg(args[3], scope, false);
  for (const arg of [by, order, byColumn]) if (arg instanceof ExcelError) return arg;
  const k = Math.trunc(by as number);
  const direction = order as number;
  if (direction !== 1 && direction !== -1) return VALUE("SORT's order is 1 (ascending) or -1 (descending).");
  const lines = byColumn ? transpose(cells) : cells;
  if (k < 1 || k > (lines[0]?.length ?? 0)) return VALUE(`SORT's sort index ${k} is outside the array.`);
  const sorted = lines
    .map((line, i) => ({ line, i }))
    .sort((a, b) => {
      const x = a.line[k - 1];
      const y = b.line[k - 1];
      const blanks = (x === null || x === "") !== (y === null || y === "");
      const order = sortKey(x, y);
      return (blanks ? order : order * direction) || a.i - b.i;
    })
    .map(({ line }) => line);
  return byColumn ? transpose(sorted) : sorted;
}

function transpose(cells: Grid): Grid {
  const columns = cells[0]?.length ?? 0;
  return Array.from({ length: columns }, (_, c) => cells.map((row) => row[c]));
}

function unique(args: Argument[], scope: Scope): Value {
  const cells = grid(args[0].value(), scope);
  const byColumn = booleanArg(args[1], scope, false);
  const exactlyOnce = booleanArg(args[2], scope, false);
  if (byColumn instanceof ExcelError) return byColumn;
  if (exactlyOnce instanceof ExcelError) return exactlyOnce;
  const lines = byColumn ? transpose(cells) : cells;
  const key = (line: Scalar[]) =>
    JSON.stringify(
      line.map((v) =>
        v instanceof ExcelError ? `#${v.code}` : typeof v === "string" ? `s${v.toLowerCase()}` : v,
      ),
    );
  const counts = new Map<string, number>();
  for (const line of lines) counts.set(key(line), (counts.get(key(line)) ?? 0) + 1);
  const seen = new Set<string>();
  const out = lines.filter((line) => {
    const k = key(line);
    if (seen.has(k) || (exactlyOnce && counts.get(k) !== 1)) return false;
    seen.add(k);
    return true;
  });
  if (out.length === 0) return error("#CALC!", "UNIQUE found nothing to show.");
  return byColumn ? transpose(out) : out;
}

function sequence(args: Argument[], scope: Scope): Value {
  const parts = [
    numberArg(args[0], scope, 1),
    numberArg(args[1], scope, 1),
    numberArg(args[2], scope, 1),
    numberArg(args[3], scope, 1),
  ];
  for (const part of parts) if (part instanceof ExcelError) return part;
  const [rows, columns, start, step] = (parts as number[]).map((n, i) => (i < 2 ? Math.trunc(n) : n));
  if (rows < 1 || columns < 1) return error("#CALC!", "SEQUENCE needs at least one row and one column.");
  if (rows > 1_048_576 || columns > 16_384) return VALUE("The array is larger than a sheet.");
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: columns }, (_, c) => start + (r * columns + c) * step),
  );
}

export const LOOKUP_FUNCTIONS: Registry = {
  INDEX: { min: 2, max: 3, run: index },
  MATCH: { min: 2, max: 3, run: match },
  VLOOKUP: { min: 3, max: 4, run: vlookup },
  XLOOKUP: { min: 3, max: 6, run: xlookup },
  ROWS: { min: 1, max: 1, run: dimension("rows") },
  COLUMNS: { min: 1, max: 1, run: dimension("columns") },
  FILTER: { min: 2, max: 3, run: filter },
  SORT: { min: 1, max: 4, run: sort },
  UNIQUE: { min: 1, max: 3, run: unique },
  SEQUENCE: { min: 1, max: 4, run: sequence },
  TRANSPOSE: { min: 1, max: 1, run: (args, scope) => transpose(grid(args[0].value(), scope)) },
};
