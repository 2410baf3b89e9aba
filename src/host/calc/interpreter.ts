import type { BinaryOperator, Expr } from "./expressionParser";
import {
  DIV0,
  ExcelError,
  type Grid,
  NUM,
  Reference,
  type Scalar,
  type Value,
  at,
  compare,
  error,
  isGrid,
  toNumber,
  toText,
} from "./values";

/**
 * Evaluates an expression tree with dynamic-array semantics (Excel 2021 and later): operators work cell by
 * cell over arrays (a single row or column stretches to the other side's size, cells outside the smaller
 * one are #N/A), references stay references until a function or operator needs their values, and built-in
 * functions come from ./builtins. Custom (LICENSE.*) calls are the engine's: the scope makes them.
 */

/** An argument as a built-in function receives it: evaluated only when asked (IF, IFERROR, CHOOSE). */
export interface Argument {
  /** Nothing was written for it (F(1,,3)). */
  readonly missing: boolean;
  value(): Value;
}

export interface Scope {
  /** The cells a reference (or a table's name) covers, or why it covers none (#REF!, #NAME?). */
  resolve(expr: Extract<Expr, { kind: "ref" | "structured" | "name" }>): Reference | ExcelError;
  read(reference: Reference): Grid;
  /** Today's date as a serial number. */
  today(): number;
  /** A custom function call (NS.NAME), made by the engine. */
  custom(expr: Extract<Expr, { kind: "call" }>, args: Value[]): Value;
  isCustom(name: string): boolean;
  builtin(name: string): Builtin | undefined;
}

export interface Builtin {
  min: number;
  max: number;
  run(args: Argument[], scope: Scope): Value;
}

export function evaluate(expr: Expr, scope: Scope): Value {
  switch (expr.kind) {
    case "number":
      return expr.value;
    case "text":
      return expr.value;
    case "logical":
      return expr.value;
    case "error":
      return error(expr.code);
    case "array":
      return expr.rows;
    case "missing":
      return null;
    case "ref":
    case "structured":
    case "name":
      return scope.resolve(expr);
    case "unary": {
      const operand = values(evaluate(expr.operand, scope), scope);
      return lift([operand], (x) => {
        const n = toNumber(x);
        return n instanceof ExcelError ? n : expr.op === "-" ? -n : n;
      });
    }
    case "percent":
      return lift([values(evaluate(expr.operand, scope), scope)], (x) => {
        const n = toNumber(x);
        return n instanceof ExcelError ? n : n / 100;
      });
    case "binary": {
      const left = values(evaluate(expr.left, scope), scope);
      const right = values(evaluate(expr.right, scope), scope);
      return lift([left, right], (a, b) => operate(expr.op, a, b));
    }
    case "call":
      return call(expr, scope);
  }
}

function call(expr: Extract<Expr, { kind: "call" }>, scope: Scope): Value {
  if (scope.isCustom(expr.name))
    return scope.custom(
      expr,
      expr.args.map((arg) => (arg.kind === "missing" ? null : evaluate(arg, scope))),
    );
  const builtin = scope.builtin(expr.name);
  if (!builtin)
    return error(
      "#NAME?",
      `${expr.name} is not a function the in-memory Excel evaluates (src/host/calc/README.md lists those it does).`,
    );
  if (expr.args.length < builtin.min || expr.args.length > builtin.max)
    return error(
      "#N/A",
      `${expr.name} takes ${builtin.min === builtin.max ? builtin.min : `${builtin.min} to ${builtin.max}`} arguments; the formula gives ${expr.args.length}.`,
    );
  const args: Argument[] = expr.args.map((arg) => {
    let cached: Value | undefined;
    return {
      missing: arg.kind === "missing",
      value: () => (cached ??= evaluate(arg, scope)),
    };
  });
  return builtin.run(args, scope);
}

/** A value with any reference read: a scalar for one cell, else a grid. */
export function values(value: Value, scope: Pick<Scope, "read">): Scalar | Grid {
  if (value instanceof Reference) {
    const grid = scope.read(value);
    return grid.length === 1 && grid[0].length === 1 ? grid[0][0] : grid;
  }
  return value;
}

/** A value as a grid (a scalar is 1 × 1). */
export function grid(value: Value, scope: Pick<Scope, "read">): Grid {
  if (value instanceof Reference) return scope.read(value);
  return isGrid(value) ? value : [[value]];
}

/**
 * Applies a function of scalars cell by cell: all scalars give a scalar; otherwise the result is as large as
 * the largest argument, single rows and columns stretching, #N/A where an argument has no cell.
 */
export function lift(args: (Scalar | Grid)[], f: (...scalars: Scalar[]) => Scalar): Scalar | Grid {
  if (!args.some(isGrid)) return f(...(args as Scalar[]));
  let rows = 1;
  let columns = 1;
  for (const arg of args)
    if (isGrid(arg)) {
      rows = Math.max(rows, arg.length);
      columns = Math.max(columns, arg[0]?.length ?? 0);
    }
  const out: Grid = [];
  for (let r = 0; r < rows; r++) {
    const line: Scalar[] = new Array<Scalar>(columns);
    for (let c = 0; c < columns; c++) line[c] = f(...args.map((arg) => (isGrid(arg) ? at(arg, r, c) : arg)));
    out.push(line);
  }
  return out;
}

function operate(op: BinaryOperator, a: Scalar, b: Scalar): Scalar {
  if (a instanceof ExcelError) return a;
  if (b instanceof ExcelError) return b;
  switch (op) {
    case "&": {
      const x = toText(a);
      const y = toText(b);
      return x instanceof ExcelError ? x : y instanceof ExcelError ? y : x + y;
    }
    case "=":
      return compare(a, b) === 0;
    case "<>":
      return compare(a, b) !== 0;
    case "<":
      return compare(a, b) < 0;
    case ">":
      return compare(a, b) > 0;
    case "<=":
      return compare(a, b) <= 0;
    case ">=":
      return compare(a, b) >= 0;
  }
  const x = toNumber(a);
  if (x instanceof ExcelError) return x;
  const y = toNumber(b);
  if (y instanceof ExcelError) return y;
  switch (op) {
    case "+":
      return x + y;
    case "-":
      return x - y;
    case "*":
      return x * y;
    case "/":
      return y === 0 ? DIV0() : x / y;
    case "^": {
      if (x === 0 && y === 0) return NUM("0^0 is not defined.");
      const result = Math.pow(x, y);
      return Number.isFinite(result) ? result : NUM("The power is not a real number.");
    }
  }
}
