import type { z } from "zod/mini";
import {
  allocationSchema,
  checkAllocationCrossFields,
  checkLicenceCrossFields,
  licenceSchema,
} from "../domain/schemas";
import { referenceId } from "../domain/references";
import { fromCell } from "./cells";
import type { ColumnSpec, RecordTableSpec } from "./tables/types";
import { isReadColumn } from "./tables/columns";

/**
 * Reading a large register validates millions of cells, and most columns repeat a handful of values (lists,
 * flags, currencies, dates, quantities). The fast path validates each distinct cell value of a column once,
 * with that field's own schema from the record schema's shape, then runs the record's cross-field rule
 * (the same function the record schema refines with). A row whose fields or cross-field rule fail is not
 * reported from here: the caller parses it with the whole record schema, so its data issues are exactly the
 * schema's. The record built here holds what the whole schema gives a valid row: shape order, defaults
 * applied; an absent optional field is there, undefined, where the schema leaves it out (see recordBuilder),
 * unless the table has no column it is read from.
 */

/** A cell the field rejects; the row then goes to the whole schema. */
const FAIL = Symbol("fail");
/** A blank or missing cell; the field's own result for undefined applies (a default, or required). */
const ABSENT = Symbol("absent");
type CellResult = unknown;

/** The checks a record schema adds over its fields: the refinement functions it was built with. */
type CrossFieldRule = (record: never, ctx: { addIssue: (issue: unknown) => void }) => void;

const CROSS_FIELD_RULES = new Map<z.ZodMiniType, CrossFieldRule>([
  [licenceSchema, checkLicenceCrossFields],
  [allocationSchema, checkAllocationCrossFields],
]);

/** Columns are memoised until this many lookups show whether their values repeat. */
const MEMO_PROBE = 4096;
/** A memo with more distinct values than this share of its lookups is dropped (IDs, device names). */
const MEMO_MAX_MISS_SHARE = 0.5;
/** How a column's cells reach its field without a memo: the cell's own value, checked by rules read from the schema. */
const enum Direct {
  None,
  /** fromCell passes text as it is (text, list, mixed and timestamp columns). */
  Text,
  /** A link column: the ID in the dropdown entry's last brackets. */
  Reference,
  /** A number column holding a number. */
  Number,
}

interface FieldPlan {
  field: string;
  /** Index in spec.columns of the column holding the field, or -1 when the spec has no column for it. */
  columnIndex: number;
  column?: ColumnSpec;
  schema: z.ZodMiniType;
  /** For a plain text field (string, trims, length limits): its value for a string, or FAIL, without zod's per-call overhead. */
  text?: (value: string) => unknown;
  /** For a plain number field (finite, whole, bounds, simple refinements): its value for a number, or FAIL. */
  number?: (value: number) => unknown;
  direct: Direct;
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
  format?: string;
  value?: unknown;
  inclusive?: boolean;
  fn?: (value: unknown) => unknown;
  abort?: boolean;
}

type BaseDef = { type: string; innerType?: z.ZodMiniType; coerce?: boolean; checks?: unknown[] };

/** The schema under optional() and default(), where the field's own checks are. */
function baseDef(schema: z.ZodMiniType): BaseDef {
  let def = schema._zod.def as BaseDef;
  while ((def.type === "optional" || def.type === "default") && def.innerType) {
    def = def.innerType._zod.def as BaseDef;
  }
  return def;
}

const checkDefs = (def: BaseDef): CheckDef[] =>
  (def.checks ?? []).map((check) => (check as { _zod: { def: CheckDef } })._zod.def);

/**
 * The steps of a plain text schema (z.string() with trim/overwrite and min/max length checks only, possibly
 * optional or defaulted) read from the schema itself, so the rule still lives in the schema; undefined for
 * anything else. The caller confirms the steps agree with zod on probe values before relying on them.
 */
function plainTextSteps(schema: z.ZodMiniType): Step[] | undefined {
  const def = baseDef(schema);
  if (def.type !== "string" || def.coerce) return undefined;
  const steps: Step[] = [];
  for (const checkDef of checkDefs(def)) {
    if (checkDef.check === "overwrite" && typeof checkDef.tx === "function") steps.push({ tx: checkDef.tx });
    else if (checkDef.check === "min_length" && typeof checkDef.minimum === "number")
      steps.push({ min: checkDef.minimum });
    else if (checkDef.check === "max_length" && typeof checkDef.maximum === "number")
      steps.push({ max: checkDef.maximum });
    else return undefined;
  }
  return steps;
}

/** Whether the fast check gives zod's result on every probe: its value where zod succeeds, FAIL where it fails. */
function agreesWithSchema<T>(
  schema: z.ZodMiniType,
  run: (value: T) => unknown,
  probes: readonly T[],
): boolean {
  return probes.every((probe) => {
    const parsed = schema.safeParse(probe);
    const fast = run(probe);
    return parsed.success ? Object.is(fast, parsed.data) : fast === FAIL;
  });
}

function plainText(schema: z.ZodMiniType): ((value: string) => unknown) | undefined {
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
  return agreesWithSchema(schema, run, probes) ? run : undefined;
}

/**
 * The checks of a plain number schema (z.number() with whole-number, bound and refine checks, possibly
 * optional or defaulted) read from the schema, so the rule still lives there; confirmed against zod on probes.
 */
function plainNumber(schema: z.ZodMiniType): ((value: number) => unknown) | undefined {
  const def = baseDef(schema);
  if (def.type !== "number" || def.coerce) return undefined;
  const tests: ((value: number) => boolean)[] = [];
  const bounds: number[] = [];
  for (const checkDef of checkDefs(def)) {
    const bound = checkDef.value;
    if (checkDef.check === "number_format" && checkDef.format === "safeint") tests.push(Number.isSafeInteger);
    else if (checkDef.check === "greater_than" && typeof bound === "number") {
      bounds.push(bound);
      tests.push(checkDef.inclusive ? (value) => value >= bound : (value) => value > bound);
    } else if (checkDef.check === "less_than" && typeof bound === "number") {
      bounds.push(bound);
      tests.push(checkDef.inclusive ? (value) => value <= bound : (value) => value < bound);
    } else if (checkDef.check === "custom" && typeof checkDef.fn === "function") {
      const fn = checkDef.fn;
      tests.push((value) => Boolean(fn(value)));
    } else return undefined;
  }
  const run = (value: number): unknown => {
    if (!Number.isFinite(value)) return FAIL;
    for (const test of tests) if (!test(value)) return FAIL;
    return value;
  };
  const probes = [0, -0, 1, -1, 0.5, -0.5, 2.5, 1e21, 2 ** 53, -(2 ** 53), NaN, Infinity, -Infinity];
  for (const bound of bounds) probes.push(bound - 1, bound - 0.5, bound, bound + 0.5, bound + 1);
  return agreesWithSchema(schema, run, probes) ? run : undefined;
}

/** How a column of this type reads without a memo, given the field's fast checks. */
function directOf(column: ColumnSpec | undefined, plan: Pick<FieldPlan, "text" | "number">): Direct {
  if (!column) return Direct.None;
  switch (column.type) {
    case "text":
    case "list":
    case "mixed":
    case "timestamp":
      return plan.text ? Direct.Text : Direct.None;
    case "reference":
      return plan.text ? Direct.Reference : Direct.None;
    case "wholeNumber":
    case "amount":
      return plan.number ? Direct.Number : Direct.None;
    default:
      return Direct.None;
  }
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
  if (plan.number && typeof value === "number") return plan.number(value);
  const parsed = plan.schema.safeParse(value);
  return parsed.success ? parsed.data : FAIL;
}

/** Whether text is blank as fromCell sees it (nothing but white space), looking no further than its ends when it can. */
function isBlankText(text: string): boolean {
  if (text.length === 0) return true;
  const first = text.charCodeAt(0);
  return first > 32 && first < 127 ? false : text.trim() === "";
}

/**
 * The cell's field value by the column's direct path when it has one for this cell (text in a text or link
 * column, a number in a number column): the same value fromCell and the field's checks give, without a memo.
 */
function direct(plan: FieldPlan, raw: unknown): CellResult | undefined {
  switch (plan.direct) {
    case Direct.Text:
      if (typeof raw !== "string") return undefined;
      if (isBlankText(raw)) return ABSENT;
      return plan.text!(raw);
    case Direct.Reference:
      if (typeof raw !== "string") return undefined;
      return isBlankText(raw) ? ABSENT : plan.text!(referenceId(raw));
    case Direct.Number:
      return typeof raw === "number" ? plan.number!(raw) : undefined;
    default:
      return undefined;
  }
}

function lookup(plan: FieldPlan, raw: unknown): CellResult {
  if (raw === undefined || raw === null) return ABSENT;
  const fast = direct(plan, raw);
  if (fast !== undefined) return fast;
  const memo = plan.memo;
  if (!memo || typeof raw === "object") return validate(plan, raw);
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

/**
 * How every record of a table is made from its fields' values (in shape order): one object literal naming every
 * field, so each record has every field inside it, in shape order, and all records of a table share one layout
 * (an absent optional field is there, undefined). A literal also lets V8 see that the records live long and
 * allocate them with the long-lived objects from the start, instead of copying each one twice out of the
 * short-lived space: at 100,000 licences 1.4 million records. The literal is compiled from the field names
 * (as zod compiles its object parsers) where the page allows it; where a content security policy forbids
 * compiling, each record is a copy of a template with the same layout.
 */
function recordBuilder(fields: readonly string[]): (values: readonly unknown[]) => Record<string, unknown> {
  const literal = fields.map((field, index) => `${JSON.stringify(field)}: values[${index}]`).join(", ");
  try {
    return new Function("values", `return { ${literal} };`) as (
      values: readonly unknown[],
    ) => Record<string, unknown>;
  } catch {
    const template = JSON.parse(
      JSON.stringify(Object.fromEntries(fields.map((field) => [field, null]))),
    ) as Record<string, unknown>;
    return (values) => {
      const record: Record<string, unknown> = { ...template };
      for (let i = 0; i < fields.length; i++) record[fields[i]] = values[i];
      return record;
    };
  }
}

/** The fast parser for a record table, or undefined when its schema is not a plain object of fields plus known rules. */
export function createFastRowParser(spec: RecordTableSpec): FastRowParser | undefined {
  const schema = spec.schema as z.ZodMiniType & { shape?: Record<string, z.ZodMiniType> };
  const shape = schema.shape;
  if (!shape || typeof shape !== "object") return undefined;
  const rule = CROSS_FIELD_RULES.get(spec.schema);
  const checks = spec.schema._zod.def.checks?.length ?? 0;
  if (checks !== (rule ? 1 : 0)) return undefined;
  if ((spec.schema._zod.def as { catchall?: unknown }).catchall !== undefined) return undefined;

  const columnOf = new Map<string, number>();
  for (const [index, column] of spec.columns.entries()) {
    if (!isReadColumn(column)) continue;
    // A column the schema would strip, or two columns for one field: leave it to the whole schema.
    if (!(column.field in shape) || columnOf.has(column.field)) return undefined;
    columnOf.set(column.field, index);
  }
  const plans: FieldPlan[] = Object.keys(shape).flatMap((field): FieldPlan[] => {
    const fieldSchema = shape[field];
    const absent = fieldSchema.safeParse(undefined);
    const columnIndex = columnOf.get(field) ?? -1;
    // Read from no column and undefined in every record (Modified, which only the register writes): left out,
    // as the schema leaves it out, instead of eight bytes in each of a million records.
    if (columnIndex < 0 && absent.success && absent.data === undefined) return [];
    const column = columnIndex >= 0 ? spec.columns[columnIndex] : undefined;
    const checks = { text: plainText(fieldSchema), number: plainNumber(fieldSchema) };
    return [
      {
        field,
        columnIndex,
        column,
        schema: fieldSchema,
        ...checks,
        direct: directOf(column, checks),
        absent: absent.success ? absent.data : FAIL,
        memo: new Map(),
        lookups: 0,
        nextProbe: MEMO_PROBE,
      },
    ];
  });

  let ruleFailed = false;
  const ruleContext = {
    addIssue: () => {
      ruleFailed = true;
    },
  };

  /** Each field's value in the row being parsed (undefined where the row leaves an optional field out). */
  const values: unknown[] = plans.map(() => undefined);
  const buildRecord = recordBuilder(plans.map((plan) => plan.field));

  return {
    spec,
    parse(positions, row) {
      let blank = true;
      let ok = true;
      for (let i = 0; i < plans.length; i++) {
        const plan = plans[i];
        const position = plan.columnIndex >= 0 ? positions[plan.columnIndex] : -1;
        let result = position >= 0 ? lookup(plan, row[position]) : ABSENT;
        if (result === ABSENT) result = plan.absent;
        else blank = false;
        if (result === FAIL) ok = false;
        else values[i] = result;
      }
      if (blank) return "blank";
      if (!ok) return undefined;
      const record = buildRecord(values);
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
