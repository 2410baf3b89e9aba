import * as formulajs from "@formulajs/formulajs";
import type { Argument, Builtin, Scope } from "../interpreter";
import { ERROR_VALUES } from "../references";
import { ExcelError, NUM, type Scalar, VALUE, toText } from "../values";
import { type Kind, type Registry, aggregateNumbers, scalarFunction, supplied } from "./args";

/**
 * Functions whose arithmetic and text handling come from @formulajs/formulajs. What the library does not
 * do as Excel does, we do before calling it: convert each argument by Excel's rules for its parameter
 * (numbers written as text, logicals, blanks, errors first), pick the numbers an aggregate takes from its
 * ranges, and make arrays run cell by cell. Known differences that remain are listed in ../README.md.
 */

/** A library result as a cell value: its Error objects carry Excel's codes; non-finite numbers are #NUM!. */
export function fromLibrary(result: unknown): Scalar {
  if (result instanceof Error)
    return ERROR_VALUES.has(result.message) ? new ExcelError(result.message) : VALUE(result.message);
  if (typeof result === "number") return Number.isFinite(result) ? result : NUM();
  if (typeof result === "string" || typeof result === "boolean") return result;
  if (result === null || result === undefined) return null;
  return VALUE(`Unexpected result ${String(result)}.`);
}

const MAX_TEXT = 32_767;

/** A text result longer than a cell can hold is #VALUE! in Excel. */
function text(result: unknown): Scalar {
  const value = fromLibrary(result);
  return typeof value === "string" && value.length > MAX_TEXT
    ? VALUE(`The text is longer than ${MAX_TEXT} characters.`)
    : value;
}

type LibraryFunction = (...args: never[]) => unknown;

/** A library function of scalar parameters (see scalarFunction), omitted arguments left out of the call. */
function scalar(f: LibraryFunction, kinds: Kind[], min: number, textResult = false): Builtin {
  return scalarFunction(kinds, min, (...args) => {
    const given = args.slice();
    while (given.length > 0 && given[given.length - 1] === undefined) given.pop();
    const result = (f as (...values: unknown[]) => unknown)(...given);
    return textResult ? text(result) : fromLibrary(result);
  });
}

/** SUM-like: the library gets the numbers Excel would add up. */
function aggregate(f: LibraryFunction, whenEmpty?: Scalar): Builtin {
  return {
    min: 1,
    max: 255,
    run(args: Argument[], scope: Scope) {
      const numbers = aggregateNumbers(args, scope);
      if (numbers instanceof ExcelError) return numbers;
      if (numbers.length === 0 && whenEmpty !== undefined) return whenEmpty;
      return fromLibrary((f as (...values: number[]) => unknown)(...numbers));
    },
  };
}

/** Every value of the arguments as text, blanks as "" (CONCAT, TEXTJOIN). */
function texts(args: Argument[], scope: Scope): string[] | ExcelError {
  const out: string[] = [];
  for (const arg of args)
    for (const { value } of supplied(arg, scope)) {
      const t = toText(value);
      if (t instanceof ExcelError) return t;
      out.push(t);
    }
  return out;
}

const N = "number";
const T = "text";

export const LIBRARY_FUNCTIONS: Registry = {
  SUM: aggregate(formulajs.SUM),
  PRODUCT: aggregate(formulajs.PRODUCT, 0),
  MIN: aggregate(formulajs.MIN, 0),
  MAX: aggregate(formulajs.MAX, 0),
  AVERAGE: aggregate(formulajs.AVERAGE, new ExcelError("#DIV/0!", "There are no numbers to average.")),
  ROUND: scalar(formulajs.ROUND, [N, N], 2),
  ROUNDUP: scalar(formulajs.ROUNDUP, [N, N], 2),
  ROUNDDOWN: scalar(formulajs.ROUNDDOWN, [N, N], 2),
  INT: scalar(formulajs.INT, [N], 1),
  MOD: scalar(formulajs.MOD, [N, N], 2),
  ABS: scalar(formulajs.ABS, [N], 1),
  LEN: scalar(formulajs.LEN, [T], 1),
  LEFT: scalar(formulajs.LEFT, [T, N], 1, true),
  RIGHT: scalar(formulajs.RIGHT, [T, N], 1, true),
  UPPER: scalar(formulajs.UPPER, [T], 1, true),
  LOWER: scalar(formulajs.LOWER, [T], 1, true),
  TRIM: scalar(formulajs.TRIM, [T], 1, true),
  SUBSTITUTE: scalar(formulajs.SUBSTITUTE, [T, T, T, N], 3, true),
  EXACT: scalar(formulajs.EXACT, [T, T], 2),
  VALUE: scalar(formulajs.VALUE, [T], 1),
  CONCAT: {
    min: 1,
    max: 253,
    run(args, scope) {
      const all = texts(args, scope);
      return all instanceof ExcelError ? all : text(formulajs.CONCAT(...all));
    },
  },
  TEXTJOIN: {
    min: 3,
    max: 252,
    run(args, scope) {
      const [delimiter, ignoreEmpty, ...rest] = args;
      const head = texts([delimiter], scope);
      if (head instanceof ExcelError) return head;
      const ignore = scalarFunction(["logical"], 1, (b) => b ?? false).run([ignoreEmpty], scope);
      if (ignore instanceof ExcelError) return ignore;
      const all = texts(rest, scope);
      if (all instanceof ExcelError) return all;
      return text(formulajs.TEXTJOIN(head.join(""), ignore === true, ...all));
    },
  },
};
