/**
 * The `CustomFunctions` global as Excel's runtime provides it, for places where Excel is absent
 * (jest, the browser playground). Only what the add-in uses: Error, ErrorCode and associate.
 */

export enum ErrorCode {
  invalidValue = "#VALUE!",
  notAvailable = "#N/A",
  divisionByZero = "#DIV/0!",
  invalidNumber = "#NUM!",
  nullReference = "#NULL!",
  invalidName = "#NAME?",
  invalidReference = "#REF!",
}

export class CustomFunctionError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message?: string) {
    super(message ?? code);
    this.name = "CustomFunctions.Error";
    this.code = code;
  }
}

export type AssociatedFunction = (...args: unknown[]) => unknown;

/** Functions registered through `CustomFunctions.associate`, keyed by upper-case id. */
export const associatedFunctions = new Map<string, AssociatedFunction>();

export function installCustomFunctionsGlobal(target: Record<string, unknown> = globalThis as never): void {
  if (target.CustomFunctions) return;
  target.CustomFunctions = {
    Error: CustomFunctionError,
    ErrorCode,
    associate(idOrMap: string | Record<string, AssociatedFunction>, fn?: AssociatedFunction) {
      if (typeof idOrMap === "string") {
        if (fn) associatedFunctions.set(idOrMap.toUpperCase(), fn);
        return;
      }
      for (const [id, f] of Object.entries(idOrMap)) associatedFunctions.set(id.toUpperCase(), f);
    },
  };
}
