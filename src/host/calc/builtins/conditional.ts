import * as formulajs from "@formulajs/formulajs";
import { type Argument, type Scope, grid, lift, values } from "../interpreter";
import { type Matcher, criterion } from "../criteria";
import {
  DIV0,
  ExcelError,
  type Grid,
  Reference,
  type Scalar,
  type Value,
  VALUE,
  numberFromText,
} from "../values";
import { type Registry, firstError, sameShape, supplied } from "./args";
import { fromLibrary } from "./library";

/**
 * Counting and conditional sums: COUNT, COUNTA, COUNTBLANK, COUNTIF(S), SUMIF(S), AVERAGEIF(S),
 * MAXIFS, MINIFS and SUMPRODUCT. The criteria are ../criteria.ts; the sums, averages and extremes of the
 * chosen numbers come from @formulajs/formulajs. As in Excel, the *IF(S) ranges must be references (a
 * worksheet range, a structured reference, a spill reference or INDEX of one), all of one shape.
 */

function rangeArg(arg: Argument, scope: Scope, name: string): Grid | ExcelError {
  const value = arg.value();
  if (value instanceof ExcelError) return value;
  if (!(value instanceof Reference))
    return VALUE(`${name} needs a range of cells here, not a value or an array.`);
  return scope.read(value);
}

/** The cells where every (range, criteria) pair matches, or an error; criteria given as arrays make arrays. */
function conditional(
  pairs: { range: Argument; criteria: Argument }[],
  scope: Scope,
  name: string,
  reduce: (positions: [number, number][]) => Scalar,
): Value {
  const ranges: Grid[] = [];
  for (const pair of pairs) {
    const range = rangeArg(pair.range, scope, name);
    if (range instanceof ExcelError) return range;
    if (ranges.length > 0 && !sameShape(range, ranges[0]))
      return VALUE(`${name}'s ranges must all be the same size.`);
    ranges.push(range);
  }
  const criteria = pairs.map((pair) => values(pair.criteria.missing ? null : pair.criteria.value(), scope));
  return lift(criteria, (...each) => {
    const matchers: Matcher[] = each.map(criterion);
    const positions: [number, number][] = [];
    const rows = ranges[0].length;
    const columns = ranges[0][0]?.length ?? 0;
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < columns; c++)
        if (matchers.every((matches, i) => matches(ranges[i][r][c]))) positions.push([r, c]);
    return reduce(positions);
  });
}

function pairsFrom(args: Argument[]): { range: Argument; criteria: Argument }[] {
  const pairs: { range: Argument; criteria: Argument }[] = [];
  for (let i = 0; i + 1 < args.length; i += 2) pairs.push({ range: args[i], criteria: args[i + 1] });
  return pairs;
}

/** The numbers of `target` at the matched positions (text, logicals and blanks are skipped; errors count). */
function numbersAt(target: Grid, positions: [number, number][]): number[] | ExcelError {
  const out: number[] = [];
  for (const [r, c] of positions) {
    const cell = target[r]?.[c] ?? null;
    if (cell instanceof ExcelError) return cell;
    if (typeof cell === "number") out.push(cell);
  }
  return out;
}

/** SUMIFS-style: the first argument is the range whose numbers are reduced. */
function targeted(
  name: string,
  f: (numbers: number[]) => Scalar,
): { min: number; max: number; run: (args: Argument[], scope: Scope) => Value } {
  return {
    min: 3,
    max: 255,
    run(args, scope) {
      if (args.length % 2 === 0) return VALUE(`${name} takes a range, then pairs of range and criteria.`);
      const target = rangeArg(args[0], scope, name);
      if (target instanceof ExcelError) return target;
      const pairs = pairsFrom(args.slice(1));
      const first = rangeArg(pairs[0].range, scope, name);
      if (first instanceof ExcelError) return first;
      if (!sameShape(target, first)) return VALUE(`${name}'s ranges must all be the same size.`);
      return conditional(pairs, scope, name, (positions) => {
        const numbers = numbersAt(target, positions);
        return numbers instanceof ExcelError ? numbers : f(numbers);
      });
    },
  };
}

/**
 * SUMIF / AVERAGEIF: the optional range to add up starts at its own top-left cell and takes the size of the
 * criteria range (Excel's rule, whatever size was written).
 */
function single(name: string, f: (numbers: number[]) => Scalar) {
  return {
    min: 2,
    max: 3,
    run(args: Argument[], scope: Scope): Value {
      const range = args[0].value();
      let target: Grid | ExcelError;
      if (args[2] && !args[2].missing) {
        const written = args[2].value();
        if (!(range instanceof Reference) || !(written instanceof Reference))
          return VALUE(`${name} needs ranges of cells.`);
        target = scope.read(
          new Reference(written.sheet, {
            ...written.rect,
            rowCount: range.rect.rowCount,
            columnCount: range.rect.columnCount,
          }),
        );
      } else target = rangeArg(args[0], scope, name);
      if (target instanceof ExcelError) return target;
      const resolved = target;
      return conditional([{ range: args[0], criteria: args[1] }], scope, name, (positions) => {
        const numbers = numbersAt(resolved, positions);
        return numbers instanceof ExcelError ? numbers : f(numbers);
      });
    },
  };
}

const sum = (numbers: number[]) => fromLibrary(formulajs.SUM(numbers));
const average = (numbers: number[]) =>
  numbers.length === 0 ? DIV0() : fromLibrary(formulajs.AVERAGE(numbers));
const max = (numbers: number[]) => (numbers.length === 0 ? 0 : fromLibrary(formulajs.MAX(numbers)));
const min = (numbers: number[]) => (numbers.length === 0 ? 0 : fromLibrary(formulajs.MIN(numbers)));

/** SUMPRODUCT: arrays of one size multiplied cell by cell and added; what is not a number counts as 0. */
function sumProduct(args: Argument[], scope: Scope): Value {
  const grids = args.map((arg) => grid(arg.value(), scope));
  if (grids.some((g) => !sameShape(g, grids[0])))
    return VALUE("SUMPRODUCT's arrays must all be the same size.");
  for (const g of grids) {
    const failed = firstError(g);
    if (failed) return failed;
  }
  let total = 0;
  grids[0].forEach((row, r) =>
    row.forEach((_, c) => {
      let product = 1;
      for (const g of grids) {
        const cell = g[r][c];
        product *= typeof cell === "number" ? cell : 0;
      }
      total += product;
    }),
  );
  return total;
}

export const CONDITIONAL_FUNCTIONS: Registry = {
  COUNT: {
    min: 1,
    max: 255,
    run(args, scope) {
      let n = 0;
      for (const arg of args)
        for (const { value, inRange } of supplied(arg, scope)) {
          if (typeof value === "number") n++;
          else if (
            !inRange &&
            !arg.missing &&
            (typeof value === "boolean" || (typeof value === "string" && numberFromText(value) !== undefined))
          )
            n++;
        }
      return n;
    },
  },
  COUNTA: {
    min: 1,
    max: 255,
    run(args, scope) {
      let n = 0;
      for (const arg of args)
        for (const { value, inRange } of supplied(arg, scope)) if (!inRange || value !== null) n++;
      return n;
    },
  },
  COUNTBLANK: {
    min: 1,
    max: 1,
    run(args, scope) {
      const range = rangeArg(args[0], scope, "COUNTBLANK");
      if (range instanceof ExcelError) return range;
      let n = 0;
      for (const row of range) for (const cell of row) if (cell === null || cell === "") n++;
      return n;
    },
  },
  COUNTIF: {
    min: 2,
    max: 2,
    run: (args, scope) =>
      conditional([{ range: args[0], criteria: args[1] }], scope, "COUNTIF", (found) => found.length),
  },
  COUNTIFS: {
    min: 2,
    max: 254,
    run: (args, scope) =>
      args.length % 2 === 1
        ? VALUE("COUNTIFS takes pairs of range and criteria.")
        : conditional(pairsFrom(args), scope, "COUNTIFS", (found) => found.length),
  },
  SUMIF: single("SUMIF", sum),
  SUMIFS: targeted("SUMIFS", sum),
  AVERAGEIF: single("AVERAGEIF", average),
  AVERAGEIFS: targeted("AVERAGEIFS", average),
  MAXIFS: targeted("MAXIFS", max),
  MINIFS: targeted("MINIFS", min),
  SUMPRODUCT: { min: 1, max: 255, run: sumProduct },
};
