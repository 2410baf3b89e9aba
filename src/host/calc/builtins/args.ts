import { type Argument, type Builtin, type Scope, grid, lift, values } from "../interpreter";
import {
  ExcelError,
  type Grid,
  Reference,
  type Scalar,
  type Value,
  VALUE,
  isGrid,
  toBoolean,
  toNumber,
  toText,
} from "../values";

/** Helpers the built-in functions share: reading arguments the way Excel converts them. */

export type Kind = "number" | "text" | "logical" | "any";

/** A scalar converted to a parameter's kind ("any" keeps it as it is, blank included). */
export function convert(value: Scalar, kind: Kind): Scalar {
  switch (kind) {
    case "number":
      return toNumber(value);
    case "text":
      return toText(value);
    case "logical":
      return toBoolean(value);
    case "any":
      return value;
  }
}

/**
 * A function of scalar parameters: each argument is converted to its parameter's kind (an error in a
 * converted argument is the result, unless the kind is "any"), and an array or range argument makes the
 * function run cell by cell and return an array, as Excel's dynamic arrays do. Omitted optional arguments
 * are `undefined` for `f`.
 */
export function scalarFunction(
  kinds: Kind[],
  min: number,
  f: (...args: (Scalar | undefined)[]) => Scalar,
  max = kinds.length,
): Builtin {
  return {
    min,
    max,
    run(args, scope) {
      const given = args.map((arg) => (arg.missing ? undefined : values(arg.value(), scope)));
      return liftPresent(given, (scalars) => {
        const converted: (Scalar | undefined)[] = [];
        for (let i = 0; i < scalars.length; i++) {
          const value = scalars[i];
          if (value === undefined) {
            converted.push(undefined);
            continue;
          }
          const kind = kinds[Math.min(i, kinds.length - 1)];
          const c = convert(value, kind);
          if (c instanceof ExcelError && kind !== "any") return c;
          converted.push(c);
        }
        return f(...converted);
      });
    },
  };
}

/** lift() over arguments some of which were omitted (undefined stays undefined in every cell). */
function liftPresent(
  given: (Scalar | Grid | undefined)[],
  f: (scalars: (Scalar | undefined)[]) => Scalar,
): Scalar | Grid {
  const present = given.map((value) => value ?? null);
  return lift(present, (...scalars) => f(scalars.map((s, i) => (given[i] === undefined ? undefined : s))));
}

/** An argument's scalar value: one cell of a reference, else #VALUE! for a larger area. */
export function single(arg: Argument | undefined, scope: Scope): Scalar | undefined {
  if (!arg || arg.missing) return undefined;
  const value = values(arg.value(), scope);
  if (isGrid(value))
    return value.length === 1 && value[0].length === 1
      ? value[0][0]
      : VALUE("A single value is needed here, not a range.");
  return value;
}

/** An optional number argument: its default when omitted, an error when it is not a number. */
export function numberArg(arg: Argument | undefined, scope: Scope, fallback: number): number | ExcelError {
  const value = single(arg, scope);
  if (value === undefined) return fallback;
  return toNumber(value);
}

export function booleanArg(arg: Argument | undefined, scope: Scope, fallback: boolean): boolean | ExcelError {
  const value = single(arg, scope);
  if (value === undefined) return fallback;
  return toBoolean(value);
}

/** An argument as a grid of its values (a reference read, a scalar 1 × 1). */
export const gridArg = (arg: Argument, scope: Scope): Grid => grid(arg.value(), scope);

/** Every value an argument supplies to an aggregate, and whether it came from a reference or array. */
export function* supplied(arg: Argument, scope: Scope): Generator<{ value: Scalar; inRange: boolean }> {
  if (arg.missing) {
    yield { value: null, inRange: false };
    return;
  }
  const value: Value = arg.value();
  if (value instanceof Reference || isGrid(value)) {
    for (const row of grid(value, scope)) for (const cell of row) yield { value: cell, inRange: true };
  } else yield { value, inRange: false };
}

/**
 * The numbers an aggregate (SUM, AVERAGE, MIN, MAX, PRODUCT) takes, as Excel's help pages say: numbers in
 * ranges and arrays, ignoring their text, logicals and blanks; typed arguments are converted (TRUE is 1,
 * "3" is 3, other text is #VALUE!). An error anywhere is the result.
 */
export function aggregateNumbers(args: Argument[], scope: Scope): number[] | ExcelError {
  const numbers: number[] = [];
  for (const arg of args)
    for (const { value, inRange } of supplied(arg, scope)) {
      if (value instanceof ExcelError) return value;
      if (inRange) {
        if (typeof value === "number") numbers.push(value);
        continue;
      }
      const n = toNumber(value);
      if (n instanceof ExcelError) return n;
      numbers.push(n);
    }
  return numbers;
}

/** The first error in a grid, if any. */
export function firstError(cells: Grid): ExcelError | undefined {
  for (const row of cells) for (const cell of row) if (cell instanceof ExcelError) return cell;
  return undefined;
}

export const sameShape = (a: Grid, b: Grid): boolean =>
  a.length === b.length && (a[0]?.length ?? 0) === (b[0]?.length ?? 0);

export type Registry = Record<string, Builtin>;
