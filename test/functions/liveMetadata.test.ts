import path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";

/** functions.json as the build makes it from both function files (the plugin's input list). */
interface FunctionMetadata {
  id: string;
  parameters: { name: string; optional?: boolean; type: string }[];
  result: { type?: string; dimensionality?: string };
  options?: { stream?: boolean; volatile?: boolean };
}

let functions: FunctionMetadata[];

beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata([
    path.join(__dirname, "../../src/functions/functions.ts"),
    path.join(__dirname, "../../src/functions/liveFunctions.ts"),
  ]);
  expect(result.errors).toEqual([]);
  functions = (JSON.parse(result.metadataJson) as { functions: FunctionMetadata[] }).functions;
});

test("USED, STATUS, FIGURE and POSITION stream, are not volatile, and take only the licence ID (and figure) or software", () => {
  const live = Object.fromEntries(
    functions.filter((f) => ["USED", "STATUS", "POSITION", "FIGURE"].includes(f.id)).map((f) => [f.id, f]),
  );
  expect(Object.keys(live).sort()).toEqual(["FIGURE", "POSITION", "STATUS", "USED"]);
  for (const f of Object.values(live)) {
    expect(f.options?.stream).toBe(true);
    expect(f.options?.volatile).toBeUndefined();
  }
  expect(live.USED.parameters).toEqual([expect.objectContaining({ name: "licenceId", type: "any" })]);
  expect(live.USED.result.type).toBe("number");
  expect(live.STATUS.result.type).toBe("string");
  expect(live.POSITION.parameters).toEqual([expect.objectContaining({ name: "software", optional: true })]);
  expect(live.POSITION.result.dimensionality).toBe("matrix");
  expect(live.FIGURE.parameters).toEqual([
    expect.objectContaining({ name: "licenceId", type: "any" }),
    expect.objectContaining({ name: "figure", type: "any" }),
  ]);
  // a number or text: the metadata leaves the type out (any) and the result a single value
  expect(live.FIGURE.result.type).toBeUndefined();
  expect(live.FIGURE.result.dimensionality ?? "scalar").toBe("scalar");
});

test("RENEWALS streams a matrix and takes an optional number of days", () => {
  const renewals = functions.find((f) => f.id === "RENEWALS")!;
  expect(renewals.options?.stream).toBe(true);
  expect(renewals.options?.volatile).toBeUndefined();
  expect(renewals.parameters).toEqual([expect.objectContaining({ name: "days", optional: true })]);
  expect(renewals.result.dimensionality).toBe("matrix");
});

test("the two files together give thirteen functions with distinct IDs", () => {
  expect(new Set(functions.map((f) => f.id)).size).toBe(13);
});
