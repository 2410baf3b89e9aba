import path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";

/** The JSDoc of src/functions/functions.ts is Excel's contract: the metadata generated from it must not drift. */
const expected: Record<string, { name: string; optional: boolean }[]> = {
  AVAILABLE: [
    { name: "quantity", optional: false },
    { name: "used", optional: false },
    { name: "unlimited", optional: true },
  ],
  SHORTFALL: [
    { name: "quantity", optional: false },
    { name: "used", optional: false },
    { name: "unlimited", optional: true },
  ],
  COMPLIANCE: [
    { name: "quantity", optional: false },
    { name: "used", optional: false },
    { name: "unlimited", optional: true },
    { name: "threshold", optional: true },
  ],
  COUNTUSED: [
    { name: "licenceId", optional: false },
    { name: "licenceIds", optional: false },
    { name: "keys", optional: true },
  ],
  DAYSTOEXPIRY: [
    { name: "expiry", optional: false },
    { name: "asOf", optional: true },
  ],
  RENEWALSTATUS: [
    { name: "expiry", optional: false },
    { name: "perpetual", optional: true },
    { name: "autoRenew", optional: true },
    { name: "leadDays", optional: true },
    { name: "asOf", optional: true },
    { name: "start", optional: true },
  ],
  ANNUALCOST: [
    { name: "cost", optional: false },
    { name: "pricingModel", optional: false },
    { name: "termMonths", optional: true },
  ],
  TRUEUP: [
    { name: "quantity", optional: false },
    { name: "used", optional: false },
    { name: "unitCost", optional: false },
    { name: "unlimited", optional: true },
  ],
};

interface Parameter {
  name: string;
  description?: string;
  type: string;
  dimensionality?: string;
  optional?: boolean;
}
interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: Parameter[];
}

let functions: FunctionMetadata[];

beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata(
    path.join(__dirname, "../../src/functions/functions.ts"),
  );
  expect(result.errors).toEqual([]);
  functions = (JSON.parse(result.metadataJson) as { functions: FunctionMetadata[] }).functions;
});

test("exactly the eight LICENSE functions, by ID and name", () => {
  expect(functions.map((f) => f.id).sort()).toEqual(Object.keys(expected).sort());
  for (const f of functions) expect(f.name).toBe(f.id);
});

test.each(Object.entries(expected))(
  "%s has its parameters, in order, optional where they should be",
  (id, params) => {
    const fn = functions.find((f) => f.id === id)!;
    expect(fn.parameters.map((p) => ({ name: p.name, optional: p.optional === true }))).toEqual(params);
  },
);

test.each(Object.keys(expected))("%s and each of its parameters has a description", (id) => {
  const fn = functions.find((f) => f.id === id)!;
  expect(fn.description?.trim()).toBeTruthy();
  for (const p of fn.parameters) expect(p.description?.trim()).toBeTruthy();
});

test("every argument reaches the function as Excel passes it (type any), ranges as matrices", () => {
  for (const fn of functions) for (const p of fn.parameters) expect(p.type).toBe("any");
  const countUsed = functions.find((f) => f.id === "COUNTUSED")!;
  expect(countUsed.parameters.map((p) => p.dimensionality)).toEqual([undefined, "matrix", "matrix"]);
});
