import { type Rect, parseAddress, splitSheet } from "../addresses";

/**
 * Parses the formulas the calculation engine runs: one custom-function call making up the whole formula,
 * `=NS.NAME(arg, ...)`, whose arguments are literals, A1 references, structured references or TODAY().
 * Anything else (nested calls, operators, other functions) is not ours: parseCall returns undefined and the
 * host shows its default value for the formula.
 */

export type FormulaArgument =
  /** A number, "text" or TRUE/FALSE written in the formula. */
  | { kind: "literal"; value: string | number | boolean }
  /** Nothing between two commas: an omitted optional argument. */
  | { kind: "missing" }
  /** A1 reference: "B2", "$A$1:C5", "Sheet2!A1", "'My sheet'!A1:B2". */
  | { kind: "range"; sheet?: string; rect: Rect }
  /** [@Column], [@[Column]], Table[@Column] or Table[[#This Row],[Column]]: the same row of the table. */
  | { kind: "thisRow"; table?: string; column: string }
  /** Table[Column] or Table[[Column]]: the column's body as a 2-D array. */
  | { kind: "column"; table: string; column: string }
  | { kind: "today" };

export interface ParsedCall {
  /** The name as written, upper-cased ("LICENSE.USED"). */
  name: string;
  /** The custom function id ("USED"). */
  id: string;
  args: FormulaArgument[];
}

/** Parse results by formula text: a register's calculated columns repeat one formula on every row. */
const cache = new Map<string, ParsedCall | null>();

export function parseCall(formula: string, namespace: string): ParsedCall | undefined {
  const key = `${namespace}\u0000${formula}`;
  let parsed = cache.get(key);
  if (parsed === undefined) {
    parsed = parseUncached(formula, namespace) ?? null;
    if (cache.size > 10_000) cache.clear();
    cache.set(key, parsed);
  }
  return parsed ?? undefined;
}

const CALL = /^=\s*([A-Za-z_][A-Za-z0-9_]*)\.([A-Za-z_][A-Za-z0-9_.]*)\s*\(([\s\S]*)\)\s*$/;

function parseUncached(formula: string, namespace: string): ParsedCall | undefined {
  const match = CALL.exec(formula);
  if (!match || match[1].toUpperCase() !== namespace.toUpperCase()) return undefined;
  const parts = splitArguments(match[3]);
  if (!parts) return undefined;
  const args: FormulaArgument[] = [];
  for (const part of parts) {
    const arg = parseArgument(part.trim());
    if (!arg) return undefined;
    args.push(arg);
  }
  // "=NS.F()" has no arguments, not one missing one.
  if (args.length === 1 && args[0].kind === "missing") args.length = 0;
  const id = match[2].toUpperCase();
  return { name: `${match[1].toUpperCase()}.${id}`, id, args };
}

/** Splits an argument list at top-level commas (not inside quotes, brackets or parentheses). */
function splitArguments(text: string): string[] | undefined {
  const parts: string[] = [];
  let depthBracket = 0;
  let depthParen = 0;
  let quote: string | undefined;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === quote) {
        if (text[i + 1] === quote) i++;
        else quote = undefined;
      }
      continue;
    }
    if (ch === '"' || (ch === "'" && depthBracket === 0)) quote = ch;
    // Inside brackets an apostrophe escapes the next character ("[Col'[1']]").
    else if (ch === "'" && depthBracket > 0) i++;
    else if (ch === "[") depthBracket++;
    else if (ch === "]") depthBracket--;
    else if (ch === "(") depthParen++;
    else if (ch === ")") depthParen--;
    else if (ch === "," && depthBracket === 0 && depthParen === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
    if (depthBracket < 0 || depthParen < 0) return undefined;
  }
  if (quote || depthBracket !== 0 || depthParen !== 0) return undefined;
  parts.push(text.slice(start));
  return parts;
}

const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?$/i;
const TEXT = /^"((?:[^"]|"")*)"$/;
const TABLE_NAME = /^[A-Za-z_\\][A-Za-z0-9_.\\]*$/;

function parseArgument(text: string): FormulaArgument | undefined {
  if (text === "") return { kind: "missing" };
  if (NUMBER.test(text)) return { kind: "literal", value: Number(text) };
  const quoted = TEXT.exec(text);
  if (quoted) return { kind: "literal", value: quoted[1].replace(/""/g, '"') };
  if (/^(TRUE|FALSE)$/i.test(text)) return { kind: "literal", value: text.toUpperCase() === "TRUE" };
  if (/^TODAY\s*\(\s*\)$/i.test(text)) return { kind: "today" };
  const bracket = text.indexOf("[");
  if (bracket >= 0) return parseStructured(text.slice(0, bracket), text.slice(bracket));
  const { sheet, local } = splitSheet(text);
  if (sheet !== undefined && sheet === "") return undefined;
  const address = parseAddress(local);
  return address ? { kind: "range", sheet, rect: address.rect } : undefined;
}

/** Unescapes a structured-reference column name: an apostrophe escapes [ ] # and '. */
const columnName = (raw: string): string => raw.replace(/'(.)/g, "$1").trim();

/** The parts of "[[#This Row],[Column]]" or "[@[Column]]" as written, outer brackets removed. */
function parseStructured(tableText: string, spec: string): FormulaArgument | undefined {
  const table = tableText.trim();
  if (table !== "" && !TABLE_NAME.test(table)) return undefined;
  if (!spec.startsWith("[") || !spec.endsWith("]")) return undefined;
  const inner = spec.slice(1, -1).trim();
  // [@Column] or [@[Column]]
  if (inner.startsWith("@")) {
    const rest = inner.slice(1).trim();
    const column = rest.startsWith("[") && rest.endsWith("]") ? rest.slice(1, -1) : rest;
    if (column === "" || /(^|[^'])[[\]]/.test(column)) return undefined;
    return { kind: "thisRow", table: table || undefined, column: columnName(column) };
  }
  // [[#This Row],[Column]]
  const thisRow = /^\[\s*#This Row\s*\]\s*,\s*\[(.*)\]$/i.exec(inner);
  if (thisRow) return { kind: "thisRow", table: table || undefined, column: columnName(thisRow[1]) };
  // Table[Column] or Table[[Column]]: the whole body column. Needs the table name here.
  const column = inner.startsWith("[") && inner.endsWith("]") ? inner.slice(1, -1) : inner;
  if (table === "" || column === "" || column.startsWith("#") || /(^|[^'])[[\]]/.test(column))
    return undefined;
  return { kind: "column", table, column: columnName(column) };
}
