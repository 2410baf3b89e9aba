import * as formulajs from "@formulajs/formulajs";
import { type Argument, type Scope, lift, values } from "../interpreter";
import { ExcelError, type Scalar, type Value, VALUE, isGrid, toBoolean, toNumber } from "../values";
import { type Registry, scalarFunction, supplied } from "./args";

/**
 * IF, IFERROR, IFNA and CHOOSE evaluate only the branch they return (as Excel does), and work cell by cell
 * when their first argument is an array. AND, OR and NOT use @formulajs/formulajs once the arguments are
 * logicals by Excel's rules.
 */

/** What an omitted branch gives: IF(TRUE,,1) is 0; an IF with no third argument at all gives FALSE. */
const branch = (args: Argument[], index: number): Value => {
  const arg = args[index];
  if (!arg) return false;
  return arg.missing ? 0 : arg.value();
};

function ifFunction(args: Argument[], scope: Scope): Value {
  const condition = values(args[0].value(), scope);
  if (isGrid(condition)) {
    const whenTrue = values(branch(args, 1), scope);
    const whenFalse = values(branch(args, 2), scope);
    return lift([condition, whenTrue, whenFalse], (c, t, f) => {
      const test = toBoolean(c);
      return test instanceof ExcelError ? test : test ? t : f;
    });
  }
  const test = toBoolean(condition);
  if (test instanceof ExcelError) return test;
  return branch(args, test ? 1 : 2);
}

function replaceErrors(args: Argument[], scope: Scope, caught: (error: ExcelError) => boolean): Value {
  const value = values(args[0].value(), scope);
  const fallback = () => values(args[1].missing ? 0 : args[1].value(), scope);
  if (isGrid(value)) {
    if (!value.some((row) => row.some((cell) => cell instanceof ExcelError && caught(cell)))) return value;
    return lift([value, fallback()], (v, f) => (v instanceof ExcelError && caught(v) ? f : v));
  }
  return value instanceof ExcelError && caught(value) ? fallback() : value;
}

function choose(args: Argument[], scope: Scope): Value {
  const index = values(args[0].value(), scope);
  const options = args.length - 1;
  const pick = (i: Scalar): number | ExcelError => {
    const n = toNumber(i);
    if (n instanceof ExcelError) return n;
    const k = Math.trunc(n);
    return k >= 1 && k <= options ? k : VALUE(`CHOOSE has ${options} values; index ${k} is not one of them.`);
  };
  if (isGrid(index)) {
    const choices = args.slice(1).map((arg) => values(arg.missing ? 0 : arg.value(), scope));
    return lift([index, ...choices], (i, ...cells) => {
      const k = pick(i);
      return k instanceof ExcelError ? k : cells[k - 1];
    });
  }
  const k = pick(index);
  if (k instanceof ExcelError) return k;
  const chosen = args[k];
  return chosen.missing ? 0 : chosen.value();
}

/**
 * AND/OR's values: in ranges and arrays, logicals and numbers (text and blanks ignored); typed arguments
 * converted (other text is #VALUE!); #VALUE! when nothing is a logical at all.
 */
function logicals(args: Argument[], scope: Scope): boolean[] | ExcelError {
  const out: boolean[] = [];
  for (const arg of args)
    for (const { value, inRange } of supplied(arg, scope)) {
      if (value instanceof ExcelError) return value;
      if (inRange) {
        if (typeof value === "boolean") out.push(value);
        else if (typeof value === "number") out.push(value !== 0);
        continue;
      }
      const b = toBoolean(value);
      if (b instanceof ExcelError) return b;
      out.push(b);
    }
  return out.length > 0 ? out : VALUE("There are no logical values to test.");
}

const logicalAggregate = (f: (...values: boolean[]) => unknown) => ({
  min: 1,
  max: 255,
  run(args: Argument[], scope: Scope): Value {
    const found = logicals(args, scope);
    return found instanceof ExcelError ? found : Boolean(f(...found));
  },
});

export const LOGICAL_FUNCTIONS: Registry = {
  IF: { min: 1, max: 3, run: ifFunction },
  IFERROR: { min: 2, max: 2, run: (args, scope) => replaceErrors(args, scope, () => true) },
  IFNA: { min: 2, max: 2, run: (args, scope) => replaceErrors(args, scope, (e) => e.code === "#N/A") },
  CHOOSE: { min: 2, max: 255, run: choose },
  AND: logicalAggregate(formulajs.AND),
  OR: logicalAggregate(formulajs.OR),
  NOT: scalarFunction(["logical"], 1, (b) => formulajs.NOT(b) as boolean),
  TRUE: { min: 0, max: 0, run: () => true },
  FALSE: { min: 0, max: 0, run: () => false },
};
