import type { Builtin } from "../interpreter";
import { ExcelError } from "../values";
import { CONDITIONAL_FUNCTIONS } from "./conditional";
import { DATE_FUNCTIONS } from "./dates";
import { INFORMATION_FUNCTIONS } from "./information";
import { LIBRARY_FUNCTIONS } from "./library";
import { LOGICAL_FUNCTIONS } from "./logical";
import { LOOKUP_FUNCTIONS } from "./lookup";

/**
 * The Excel built-in functions the in-memory host evaluates, every one of them in Excel 2021 (so a formula
 * the add-in writes that works here works in the oldest Excel it supports). Any other function is #NAME?,
 * as in an Excel that does not have it; functions only Microsoft 365 has say so in the cell's message.
 */
export const BUILTINS: ReadonlyMap<string, Builtin> = new Map(
  Object.entries({
    ...LOGICAL_FUNCTIONS,
    ...INFORMATION_FUNCTIONS,
    ...LIBRARY_FUNCTIONS,
    ...CONDITIONAL_FUNCTIONS,
    ...LOOKUP_FUNCTIONS,
    ...DATE_FUNCTIONS,
  }),
);

/** Functions of Microsoft 365 (and Excel 2024) that Excel 2021 does not have (Microsoft Learn, "Excel functions (by category)"). */
export const NEWER_THAN_EXCEL_2021 = new Set([
  "HSTACK",
  "VSTACK",
  "TAKE",
  "DROP",
  "CHOOSECOLS",
  "CHOOSEROWS",
  "EXPAND",
  "TOCOL",
  "TOROW",
  "WRAPCOLS",
  "WRAPROWS",
  "TEXTSPLIT",
  "TEXTBEFORE",
  "TEXTAFTER",
  "LAMBDA",
  "MAP",
  "REDUCE",
  "SCAN",
  "BYROW",
  "BYCOL",
  "MAKEARRAY",
  "ISOMITTED",
  "GROUPBY",
  "PIVOTBY",
  "PERCENTOF",
  "TRIMRANGE",
  "REGEXTEST",
  "REGEXEXTRACT",
  "REGEXREPLACE",
  "IMAGE",
]);

/** The function by upper-case name; an unknown one is a function that is #NAME? with a message saying why. */
export function builtin(name: string): Builtin {
  const found = BUILTINS.get(name);
  if (found) return found;
  const message = NEWER_THAN_EXCEL_2021.has(name)
    ? `${name} is not in Excel 2021 (only Microsoft 365 and Excel 2024 have it), so the add-in does not use it.`
    : `${name} is not a function the in-memory Excel evaluates (src/host/calc/README.md lists those it does).`;
  return { min: 0, max: 255, run: () => new ExcelError("#NAME?", message) };
}
