import { type Rect, columnIndex } from "../addresses";
import { ExcelError, type Scalar } from "./values";
import { ERROR_VALUES } from "./references";

/**
 * Parses a formula into an expression tree: numbers, "text", TRUE/FALSE, error literals, array constants
 * ({1,2;3,4}), A1 references with an optional sheet ("Sheet 2"!A1:B3), spill references (A13#), structured
 * references (Table[Column], [@Column], Table[[#All],[A]:[B]], ...), function calls (nested, with omitted
 * arguments) and the operators + - * / ^ & % = <> < > <= >= with Excel's precedence (negation binds tighter
 * than ^, so -2^2 is 4). Whole-column (A:A) and whole-row references, the range, union and intersection
 * operators, defined names and R1C1 are not supported: parseExpression returns undefined and the formula
 * is left to the host's default value.
 */

export type StructuredArea = "data" | "all" | "headers" | "totals" | "thisRow";

export type Expr =
  | { kind: "number"; value: number }
  | { kind: "text"; value: string }
  | { kind: "logical"; value: boolean }
  | { kind: "error"; code: string }
  | { kind: "array"; rows: Scalar[][] }
  /** Nothing between two commas of a call. */
  | { kind: "missing" }
  | { kind: "ref"; sheet?: string; rect: Rect; spill: boolean }
  /** Table[...]; table undefined for [@Column] (the table the formula is in). Columns as written. */
  | { kind: "structured"; table?: string; area: StructuredArea; first?: string; last?: string; text: string }
  /** A name that is not a function call or reference: Excel shows #NAME? for an unknown one. */
  | { kind: "name"; name: string }
  /** name upper-cased, without the _xlfn. prefix files carry. */
  | { kind: "call"; name: string; args: Expr[] }
  | { kind: "unary"; op: "-" | "+"; operand: Expr }
  | { kind: "percent"; operand: Expr }
  | { kind: "binary"; op: BinaryOperator; left: Expr; right: Expr };

export type BinaryOperator = "+" | "-" | "*" | "/" | "^" | "&" | "=" | "<>" | "<" | ">" | "<=" | ">=";

const PRECEDENCE: Record<BinaryOperator, number> = {
  "=": 1,
  "<>": 1,
  "<": 1,
  ">": 1,
  "<=": 1,
  ">=": 1,
  "&": 2,
  "+": 3,
  "-": 3,
  "*": 4,
  "/": 4,
  "^": 5,
};
/** Excel applies negation first, then percent, then ^ (so -2^2 is 4). */
const NEGATION = 7;
const PERCENT = 6;

class Unsupported extends Error {}

const cache = new Map<string, Expr | null>();

/** The formula's expression tree (cached by text: calculated columns repeat one formula), or undefined. */
export function parseExpression(formula: string): Expr | undefined {
  let parsed = cache.get(formula);
  if (parsed === undefined) {
    try {
      parsed = new Parser(formula.replace(/^=/, "")).parseFormula();
    } catch (error) {
      if (!(error instanceof Unsupported)) throw error;
      parsed = null;
    }
    if (cache.size > 10_000) cache.clear();
    cache.set(formula, parsed);
  }
  return parsed ?? undefined;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?([1-9]\d{0,6})$/;
const NAME_START = /[A-Za-z_\\$]/;
const NAME_PART = /[A-Za-z0-9_.\\$]/;
const NUMBER = /^(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?/;

class Parser {
  private at = 0;

  constructor(private readonly text: string) {}

  parseFormula(): Expr {
    const expr = this.expression(0);
    this.space();
    if (this.at < this.text.length) this.fail();
    return expr;
  }

  private fail(): never {
    throw new Unsupported();
  }

  private space(): void {
    while (this.at < this.text.length && /\s/.test(this.text[this.at])) this.at++;
  }

  private peek(): string {
    this.space();
    return this.text[this.at] ?? "";
  }

  private take(token: string): boolean {
    if (this.peek() !== token[0] || !this.text.startsWith(token, this.at)) return false;
    this.at += token.length;
    return true;
  }

  private expect(token: string): void {
    if (!this.take(token)) this.fail();
  }

  private expression(minPrecedence: number): Expr {
    let left = this.prefix();
    for (;;) {
      if (this.peek() === "%") {
        if (PERCENT < minPrecedence) break;
        this.at++;
        left = { kind: "percent", operand: left };
        continue;
      }
      const op = this.operator();
      if (!op || PRECEDENCE[op] < minPrecedence) break;
      this.at += op.length;
      // left-associative: the right side binds only tighter operators
      const right = this.expression(PRECEDENCE[op] + 1);
      left = { kind: "binary", op, left, right };
    }
    return left;
  }

  private operator(): BinaryOperator | undefined {
    const ch = this.peek();
    const two = this.text.slice(this.at, this.at + 2);
    if (two === "<>" || two === "<=" || two === ">=") return two;
    if ("+-*/^&=<>".includes(ch) && ch !== "") return ch as BinaryOperator;
    return undefined;
  }

  private prefix(): Expr {
    const ch = this.peek();
    if (ch === "-" || ch === "+") {
      this.at++;
      return { kind: "unary", op: ch, operand: this.expression(NEGATION) };
    }
    if (ch === "(") {
      this.at++;
      const inner = this.expression(0);
      this.expect(")");
      return inner;
    }
    if (ch === '"') return { kind: "text", value: this.string() };
    if (ch === "{") return this.arrayConstant();
    if (ch === "#") return { kind: "error", code: this.errorLiteral() };
    if (ch === "[") return this.structured(undefined);
    if (ch === "'") return this.sheetReference(this.quotedSheet());
    const number = NUMBER.exec(this.text.slice(this.at));
    if (number) {
      this.at += number[0].length;
      return { kind: "number", value: Number(number[0]) };
    }
    if (NAME_START.test(ch)) return this.word();
    return this.fail();
  }

  private string(): string {
    let out = "";
    this.at++; // opening quote
    for (;;) {
      const ch = this.text[this.at++];
      if (ch === undefined) this.fail();
      if (ch === '"') {
        if (this.text[this.at] !== '"') return out;
        this.at++;
      }
      out += ch;
    }
  }

  private errorLiteral(): string {
    for (const code of ERROR_VALUES) {
      if (this.text.slice(this.at, this.at + code.length).toUpperCase() === code) {
        this.at += code.length;
        return code;
      }
    }
    return this.fail();
  }

  private arrayConstant(): Expr {
    this.at++; // {
    const rows: Scalar[][] = [[]];
    for (;;) {
      rows[rows.length - 1].push(this.arrayItem());
      if (this.take(",")) continue;
      if (this.take(";")) {
        rows.push([]);
        continue;
      }
      this.expect("}");
      break;
    }
    if (rows.some((row) => row.length !== rows[0].length)) this.fail();
    return { kind: "array", rows };
  }

  private arrayItem(): Scalar {
    const ch = this.peek();
    if (ch === '"') return this.string();
    if (ch === "#") return new ExcelError(this.errorLiteral());
    const sign = ch === "-" ? -1 : 1;
    if (ch === "-" || ch === "+") this.at++;
    this.space();
    const number = NUMBER.exec(this.text.slice(this.at));
    if (number) {
      this.at += number[0].length;
      return sign * Number(number[0]);
    }
    const word = /^(TRUE|FALSE)\b/i.exec(this.text.slice(this.at));
    if (word && sign === 1) {
      this.at += word[0].length;
      return word[0].toUpperCase() === "TRUE";
    }
    return this.fail();
  }

  /** A name, a function call, a cell reference, a sheet prefix or a table name. */
  private word(): Expr {
    const start = this.at;
    while (this.at < this.text.length && NAME_PART.test(this.text[this.at])) this.at++;
    const word = this.text.slice(start, this.at);
    const next = this.text[this.at];
    if (next === "(") {
      this.at++;
      return this.call(word);
    }
    if (next === "!") return this.sheetReference(word);
    if (next === "[") return this.structured(word);
    if (CELL.test(word)) {
      this.at = start;
      return this.reference(undefined);
    }
    if (word.includes("$")) this.fail();
    const upper = word.toUpperCase();
    if (upper === "TRUE" || upper === "FALSE") return { kind: "logical", value: upper === "TRUE" };
    return { kind: "name", name: word };
  }

  private quotedSheet(): string {
    let name = "";
    this.at++; // opening apostrophe
    for (;;) {
      const ch = this.text[this.at++];
      if (ch === undefined) this.fail();
      if (ch === "'") {
        if (this.text[this.at] !== "'") break;
        this.at++;
      }
      name += ch;
    }
    if (this.text[this.at] !== "!") this.fail();
    return name;
  }

  private sheetReference(sheet: string): Expr {
    this.expect("!");
    return this.reference(sheet);
  }

  private cell(): { row: number; column: number } {
    const match = /^\$?[A-Za-z]{1,3}\$?\d{1,7}/.exec(this.text.slice(this.at));
    if (!match) return this.fail();
    const parts = CELL.exec(match[0]);
    if (!parts) return this.fail();
    this.at += match[0].length;
    if (NAME_PART.test(this.text[this.at] ?? "")) this.fail();
    return { column: columnIndex(parts[1]), row: Number(parts[2]) - 1 };
  }

  private reference(sheet: string | undefined): Expr {
    const first = this.cell();
    let last = first;
    if (this.text[this.at] === ":") {
      this.at++;
      last = this.cell();
    }
    const spill = this.text[this.at] === "#";
    if (spill) {
      if (last !== first) this.fail();
      this.at++;
    }
    const row = Math.min(first.row, last.row);
    const column = Math.min(first.column, last.column);
    const rect = {
      row,
      column,
      rowCount: Math.abs(last.row - first.row) + 1,
      columnCount: Math.abs(last.column - first.column) + 1,
    };
    return { kind: "ref", sheet, rect, spill };
  }

  private call(written: string): Expr {
    const name = written.toUpperCase().replace(/^_XLFN\.(_XLWS\.)?/, "");
    const args: Expr[] = [];
    if (this.take(")")) return { kind: "call", name, args };
    for (;;) {
      const ch = this.peek();
      args.push(ch === "," || ch === ")" ? { kind: "missing" } : this.expression(0));
      if (this.take(",")) continue;
      this.expect(")");
      return { kind: "call", name, args };
    }
  }

  /** The bracketed part after a table name (or alone, for the formula's own table), brackets balanced. */
  private structured(table: string | undefined): Expr {
    const start = this.at;
    let depth = 0;
    do {
      const ch = this.text[this.at++];
      if (ch === undefined) this.fail();
      if (ch === "'") this.at++;
      else if (ch === "[") depth++;
      else if (ch === "]") depth--;
    } while (depth > 0);
    const spec = this.text.slice(start, this.at);
    const parsed = structuredSpec(spec.slice(1, -1));
    if (!parsed) this.fail();
    if (table === undefined && parsed.area !== "thisRow") this.fail();
    return { kind: "structured", table, ...parsed, text: `${table ?? ""}${spec}` };
  }
}

/** Unescapes a structured-reference column name: an apostrophe escapes [ ] # and '. */
const columnName = (raw: string): string => raw.replace(/'(.)/g, "$1").trim();

const SPECIALS: Record<string, StructuredArea> = {
  "#ALL": "all",
  "#DATA": "data",
  "#HEADERS": "headers",
  "#TOTALS": "totals",
  "#THIS ROW": "thisRow",
};

/** "[A]:[B]" or "[A]" or "A" as first/last column names. */
function columnRange(text: string): { first: string; last: string } | undefined {
  const trimmed = text.trim();
  const range = /^\[((?:[^\]']|'.)*)\]\s*:\s*\[((?:[^\]']|'.)*)\]$/.exec(trimmed);
  if (range) return { first: columnName(range[1]), last: columnName(range[2]) };
  const one = /^\[((?:[^\]']|'.)*)\]$/.exec(trimmed);
  const name = one ? one[1] : trimmed;
  if (name === "" || /(^|[^'])[[\]]/.test(name)) return undefined;
  return { first: columnName(name), last: columnName(name) };
}

/** The inside of Table[...]: the area and the columns. */
function structuredSpec(inner: string): { area: StructuredArea; first?: string; last?: string } | undefined {
  const text = inner.trim();
  if (text.startsWith("@")) {
    const columns = columnRange(text.slice(1));
    return columns ? { area: "thisRow", ...columns } : undefined;
  }
  if (!text.startsWith("[")) {
    const special = SPECIALS[text.toUpperCase()];
    if (special) return { area: special };
    const columns = columnRange(text);
    return columns ? { area: "data", ...columns } : undefined;
  }
  // [[#Special],[Col]] / [[Col]:[Col2]] / [[#Special],[A]:[B]]
  const items = splitTopLevel(text);
  if (!items) return undefined;
  let area: StructuredArea = "data";
  let columns: { first: string; last: string } | undefined;
  for (const item of items) {
    const special = /^\[\s*(#[A-Za-z ]+?)\s*\]$/.exec(item.trim());
    if (special) {
      const found = SPECIALS[special[1].toUpperCase()];
      if (!found || columns) return undefined;
      area = found;
      continue;
    }
    if (columns) return undefined;
    columns = columnRange(item);
    if (!columns) return undefined;
  }
  return { area, ...columns };
}

/** Splits at commas outside brackets. */
function splitTopLevel(text: string): string[] | undefined {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "'") i++;
    else if (ch === "[") depth++;
    else if (ch === "]") depth--;
    else if (ch === "," && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
    if (depth < 0) return undefined;
  }
  parts.push(text.slice(start));
  return parts;
}
