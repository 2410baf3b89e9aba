import {
  type CalculationOptions,
  type ExcelPlatform,
  attachCalculation,
  createInMemoryWorkbook,
} from "../../../src/host";
import type { AssociatedFunction } from "../../../src/host/customFunctionsRuntime";

/**
 * A workbook with the engine attached and `functions` associated (ids upper-cased, as Excel does); `profile`
 * when a test means one Excel (default: the jest project's).
 */
export function calcWorkbook(
  functions: Record<string, AssociatedFunction>,
  options: CalculationOptions = {},
  profile?: ExcelPlatform,
) {
  CustomFunctions.associate(functions as unknown as Record<string, (...args: unknown[]) => unknown>);
  const workbook = createInMemoryWorkbook(profile ? { profile } : {});
  const engine = attachCalculation(workbook, options);
  const session = workbook.session("addin");
  /** Writes values or formulas (a grid) at an address through Office.js, as the add-in would. */
  const write = (address: string, grid: unknown[][], sheet = "Sheet1") =>
    session.run(async (context) => {
      context.workbook.worksheets.getItem(sheet).getRange(address).formulas = grid as never;
      await context.sync();
    });
  const value = (address: string, sheet = "Sheet1") => engine.describeCell(sheet, address).value;
  const settle = async () => {
    await engine.whenIdle();
  };
  return { workbook, engine, session, write, value, settle };
}

/** A function that records every call's arguments (invocation excluded) and returns `result(args)`. */
export function recorder(result: (...args: unknown[]) => unknown = () => 0) {
  const calls: unknown[][] = [];
  const fn = (...args: unknown[]) => {
    const invocation = args[args.length - 1];
    calls.push(args.slice(0, -1));
    void invocation;
    return result(...args.slice(0, -1));
  };
  return { fn, calls };
}
