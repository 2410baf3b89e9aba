import { ExcelError, type Scalar, numberFromText } from "./values";

/**
 * The criteria of COUNTIF, COUNTIFS, SUMIF, SUMIFS, AVERAGEIF(S), MAXIFS and MINIFS, as Microsoft Learn's
 * COUNTIF page describes them: a value ("apples", 32, TRUE) or an operator and a value as text (">32",
 * "<>"&B4, "<="&TODAY()); text matches without case, with ? and * as wildcards and ~ escaping them; a
 * number matches numbers and text that reads as that number; "" or "=" matches blank cells, "<>" any
 * non-blank one; an order comparison only compares like with like (numbers with numbers, text with text,
 * so ">5" skips a 7 stored as text).
 * Error cells never match. We do not use @formulajs/formulajs for this: its criteria match text with case
 * and count every cell, blanks included, for "*".
 */
export type Matcher = (cell: Scalar) => boolean;

const OPERATOR = /^(<=|>=|<>|=|<|>)?([\s\S]*)$/;

export function criterion(criteria: Scalar): Matcher {
  if (criteria instanceof ExcelError) return () => false;
  if (criteria === null) return isBlank;
  if (typeof criteria === "number") return (cell) => cellNumber(cell) === criteria;
  if (typeof criteria === "boolean") return (cell) => cellLogical(cell) === criteria;
  const [, op = "=", operand] = OPERATOR.exec(criteria)!;
  if (operand === "") {
    if (op === "=") return isBlank;
    if (op === "<>") return (cell) => !isBlank(cell);
    return () => false;
  }
  const number = numberFromText(operand);
  const logical = /^(TRUE|FALSE)$/i.test(operand) ? operand.toUpperCase() === "TRUE" : undefined;
  if (op === "=" || op === "<>") {
    const equal: Matcher =
      number !== undefined
        ? (cell) => cellNumber(cell) === number
        : logical !== undefined
          ? (cell) => cellLogical(cell) === logical
          : textPattern(operand);
    return op === "=" ? equal : (cell) => !(cell instanceof ExcelError) && !equal(cell);
  }
  const order = (difference: number): boolean =>
    op === "<"
      ? difference < 0
      : op === ">"
        ? difference > 0
        : op === "<="
          ? difference <= 0
          : difference >= 0;
  // an order comparison reads numbers only: a number stored as text is not greater than anything
  if (number !== undefined) return (cell) => typeof cell === "number" && order(cell - number);
  const lower = operand.toLowerCase();
  return (cell) =>
    typeof cell === "string" && order(cell.toLowerCase() < lower ? -1 : cell.toLowerCase() > lower ? 1 : 0);
}

const isBlank = (cell: Scalar): boolean => cell === null || cell === "";

/** A cell's number for matching: numbers, and text that reads as a number. */
function cellNumber(cell: Scalar): number | undefined {
  if (typeof cell === "number") return cell;
  if (typeof cell === "string") return numberFromText(cell);
  return undefined;
}

const cellLogical = (cell: Scalar): boolean | undefined => (typeof cell === "boolean" ? cell : undefined);

/** Text equality without case, with ? * wildcards and ~ escapes. */
function textPattern(pattern: string): Matcher {
  if (!/[?*~]/.test(pattern)) {
    const lower = pattern.toLowerCase();
    return (cell) => typeof cell === "string" && cell.toLowerCase() === lower;
  }
  let source = "";
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === "~" && i + 1 < pattern.length) source += escape(pattern[++i]);
    else if (ch === "*") source += "[\\s\\S]*";
    else if (ch === "?") source += "[\\s\\S]";
    else source += escape(ch);
  }
  const regex = new RegExp(`^${source}$`, "i");
  return (cell) => typeof cell === "string" && regex.test(cell);
}

const escape = (ch: string): string => ch.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
