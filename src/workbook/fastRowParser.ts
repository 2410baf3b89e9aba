import type { z } from "zod";
import {
  allocationSchema,
  checkAllocationCrossFields,
  checkLicenceCrossFields,
  licenceSchema,
} from "../domain/schemas";
import { fromCell } from "./cells";
import type { ColumnSpec, RecordTableSpec } from "./tables/types";

/**
 * Reading a large register validates millions of cells, and most columns repeat a handful of values (lists,
 * flags, currencies, dates, quantities). The fast path validates each distinct cell value of a column once,
 * with that field's own schema from the record schema's shape, then runs the record's cross-field rule
 * (the same function the record schema refines with). A row whose fields or cross-field rule fail is not
 * reported from here: the caller parses it with the whole record schema, so its data issues are exactly the
 * schema's. The record built here equals what the whole schema gives a valid row: shape order, defaults
 * applied, absent optional fields left out.
 */

/** A cell the field rejects; the row then goes to the whole schema. */
const FAIL = Symbol("fail");
/** A blank or missing cell; the field's own result for undefined applies (a default, or required). */
const ABSENT = Symbol("absent");
type CellResult = unknown;

/** The checks a record schema adds over its fields: the refinement functions it was built with. */
type CrossFieldRule = (record: never, ctx: { addIssue: (issue: unknown) => void }) => void;

const CROSS_FIELD_RULES = new Map<z.ZodType, CrossFieldRule>([
  [licenceSchema, checkLicenceCrossFields],
  [allocationSchema, checkAllocationCrossFields],
]);

/** Columns are memoised until this many lookups show whether their values repeat. */
const MEMO_PROBE = 4096;
/** A memo with more distinct values than this share of its lookups is dropped (IDs, device names). */
const MEMO_MAX_MISS_SHARE = 0.5;

interface FieldPlan {
  field: string;
  /** Index in spec.columns of the column holding the field, or -1 when the spec has no column for it. */
  columnIndex: number;
  column?: ColumnSpec;
  schema: z.ZodType;
  /** For a plain text field (string, trims, length limits): its value for a string, or FAIL, without zod's per-call overhead. */
  text?: (value: string) => unknown;
  /** What the field gives a blank cell: its default or undefined, or FAIL when it is required. */
  absent: unknown;
  memo?: Map<unknown, CellResult>;
  lookups: number;
  nextProbe: number;
}

type Step = { tx: (value: string) => string } | { min: number } | { max: number };

interface CheckDef {
  check?: string;
  tx?: (value: string) => string;
  minimum?: number;
  maximum?: number;
}

/**
 * The steps of a plain text schema (z.string() with trim/overwrite and min/max length checks only, possibly
 * optional or defaulted) read from the schema itself, so the rule still lives in the schema; undefined for
 * anything else. The caller confirms the steps agree with zod on probe values before relying on them.
 */
function plainTextSteps(schema: z.ZodType): Step[] | undefined {
  let def = schema._zod.def as { type: string; innerType?: z.ZodType; coerce?: boolean; checks?: unknown[] };
  while ((def.type === "optional" || def.type === "default") && def.innerType) {
    def = def.innerType._zod.def as typeof def;
  }
  if (def.type !== "string" || def.coerce) return undefined;
  const steps: Step[] = [];
  for (const check of def.checks ?? []) {
    const checkDef = (check as { _zod: { def: CheckDef } })._zod.def;
    if (checkDef.check === "overwrite" && typeof checkDef.tx === "function") steps.push({ tx: checkDef.tx });
    else if (checkDef.check === "min_length" && typeof checkDef.minimum === "number")
      steps.push({ min: checkDef.minimum });
    else if (checkDef.check === "max_length" && typeof checkDef.maximum === "number")
      steps.push({ max: checkDef.maximum });
    else return undefined;
  }
  return steps;
}

function plainText(schema: z.ZodType): ((value: string) => unknown) | undefined {
  const steps = plainTextSteps(schema);
  if (!steps) return undefined;
  const run = (input: string): unknown => {
    let value = input;
    for (const step of steps) {
      if ("tx" in step) value = step.tx(value);
      else if ("min" in step ? value.length < step.min : value.length > step.max) return FAIL;
    }
    return value;
  };
  const limits = steps.flatMap((step) => ("tx" in step ? [] : "min" in step ? [step.min] : [step.max]));
  const probes = ["", " ", "a", " a ", "A b\t", ...limits.flatMap((n) => [n - 1, n, n + 1])].map((probe) =>
    typeof probe === "number" ? "x".repeat(Math.max(probe, 0)) + "  " : probe,
  );
  const agrees = probes.every((probe) => {
    const parsed = schema.safeParse(probe);
    const fast = run(probe);
    return parsed.success ? fast === parsed.data : fast === FAIL;
  });
  return agrees ? run : undefined;
}

export interface FastRowParser {
  spec: RecordTableSpec;
  /**
   * The record a row holds when every field and the cross-field rule accept it; "blank" for a row with no
   * values; undefined when the row needs the whole schema to say what is wrong with it.
   */
  parse(positions: readonly number[], row: readonly unknown[]): Record<string, unknown> | "blank" | undefined;
}

function validate(plan: FieldPlan, raw: unknown): CellResult {
  const value = plan.column ? fromCell(plan.column, raw) : undefined;
  if (value === undefined) return ABSENT;
  if (plan.text && typeof value === "string") return plan.text(value);
  const parsed = plan.schema.safeParse(value);
  return parsed.success ? parsed.data : FAIL;
}

function lookup(plan: FieldPlan, raw: unknown): CellResult {
  const memo = plan.memo;
  if (!memo || (typeof raw === "object" && raw !== null)) return validate(plan, raw);
  let result = memo.get(raw);
  if (result === undefined) {
    result = validate(plan, raw);
    // Only immutable outcomes are shared between rows.
    if (result !== undefined && (typeof result !== "object" || result === null)) memo.set(raw, result);
  }
  if (++plan.lookups >= plan.nextProbe) {
    if (memo.size > plan.lookups * MEMO_MAX_MISS_SHARE) plan.memo = undefined;
    else plan.nextProbe *= 4;
  }
  return result;
}

/** The fast parser for a record table, or undefined when its schema is not a plain object of fields plus known rules. */
export function createFastRowParser(spec: RecordTableSpec): FastRowParser | undefined {
  const schema = spec.schema as z.ZodType & { shape?: Record<string, z.ZodType> };
  const shape = schema.shape;
  if (!shape || typeof shape !== "object") return undefined;
  const rule = CROSS_FIELD_RULES.get(spec.schema);
  const checks = spec.schema._zod.def.checks?.length ?? 0;
  if (checks !== (rule ? 1 : 0)) return undefined;
  if ((spec.schema._zod.def as { catchall?: unknown }).catchall !== undefined) return undefined;

  const columnOf = new Map<string, number>();
  for (const [index, column] of spec.columns.entries()) {
    if (!column.field) continue;
    // A column the schema would strip, or two columns for one field: leave it to the whole schema.
    if (!(column.field in shape) || columnOf.has(column.field)) return undefined;
    columnOf.set(column.field, index);
  }
  const plans: FieldPlan[] = Object.keys(shape).map((field) => {
    const fieldSchema = shape[field];
    const absent = fieldSchema.safeParse(undefined);
    const columnIndex = columnOf.get(field) ?? -1;
    return {
      field,
      columnIndex,
      column: columnIndex >= 0 ? spec.columns[columnIndex] : undefined,
      schema: fieldSchema,
      text: plainText(fieldSchema),
      absent: absent.success ? absent.data : FAIL,
      memo: new Map(),
      lookups: 0,
      nextProbe: MEMO_PROBE,
    };
  });

  let ruleFailed = false;
  const ruleContext = {
    addIssue: () => {
      ruleFailed = true;
    },
  };

  return {
    spec,
    parse(positions, row) {
      const record: Record<string, unknown> = {};
      let blank = true;
      let ok = true;
      for (let i = 0; i < plans.length; i++) {
        const plan = plans[i];
        const position = plan.columnIndex >= 0 ? positions[plan.columnIndex] : -1;
        const result = position >= 0 ? lookup(plan, row[position]) : ABSENT;
        if (result === ABSENT) {
          if (plan.absent === FAIL) ok = false;
          else if (plan.absent !== undefined) record[plan.field] = plan.absent;
        } else {
          blank = false;
          if (result === FAIL) ok = false;
          else record[plan.field] = result;
        }
      }
      if (blank) return "blank";
      if (!ok) return undefined;
      if (rule) {
        ruleFailed = false;
        rule(record as never, ruleContext);
        if (ruleFailed) return undefined;
      }
      return record;
    },
  };
}

/**
 * Fast parsers live as long as the column positions array of one read (readRegister and readTableRows make
 * one per table read), so a memo holds one read's distinct values and is dropped with it.
 */
const parsers = new WeakMap<readonly number[], { spec: RecordTableSpec; parser?: FastRowParser }>();

export function fastRowParserFor(
  spec: RecordTableSpec,
  positions: readonly number[],
): FastRowParser | undefined {
  const cached = parsers.get(positions);
  if (cached?.spec === spec) return cached.parser;
  const parser = createFastRowParser(spec);
  parsers.set(positions, { spec, parser });
  return parser;
}
