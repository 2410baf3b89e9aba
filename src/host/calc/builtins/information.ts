import { ExcelError, NA, type Scalar } from "../values";
import { type Registry, scalarFunction } from "./args";

/**
 * The IS functions test the kind of a value, so they are written against the host's own values (the
 * library's versions recognise only its own error objects). A blank cell is blank; "" returned by a formula
 * is text, as in Excel.
 */
const test = (f: (value: Scalar) => boolean) => scalarFunction(["any"], 1, (value) => f(value ?? null));

export const INFORMATION_FUNCTIONS: Registry = {
  ISBLANK: test((value) => value === null),
  ISNUMBER: test((value) => typeof value === "number"),
  ISTEXT: test((value) => typeof value === "string"),
  ISLOGICAL: test((value) => typeof value === "boolean"),
  ISERROR: test((value) => value instanceof ExcelError),
  ISERR: test((value) => value instanceof ExcelError && value.code !== "#N/A"),
  ISNA: test((value) => value instanceof ExcelError && value.code === "#N/A"),
  NA: { min: 0, max: 0, run: () => NA() },
};
