import type { RegisterFailure, Result } from "./registerApi";

/** Excel.run, or the in-memory host's session.run in tests and the playground. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T>(error: RegisterFailure): Result<T> => ({ ok: false, error });

/** Office.js error codes we explain differently; everything else is reported with Excel's own words. */
function errorCode(error: unknown): string | undefined {
  if (typeof error === "object" && error !== null && "code" in error) {
    const code = (error as { code: unknown }).code;
    return typeof code === "string" ? code : undefined;
  }
  return undefined;
}

function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

/** Errors that say the request itself is wrong (or the workbook is): trying it again gives the same answer. */
const PERMANENT = new Set([
  "ItemNotFound",
  "InvalidArgument",
  "InvalidReference",
  "InvalidOperation",
  "InvalidObjectPath",
  "AccessDenied",
  "UnsupportedOperation",
  "ApiNotFound",
  "RequestPayloadSizeLimitExceeded",
  "ResponsePayloadSizeLimitExceeded",
]);

/** Whether an error may pass if the same request is tried again (a lost connection, a busy Excel). */
export function isTransient(error: unknown): boolean {
  const code = errorCode(error);
  return !(code && PERMANENT.has(code)) && !(error instanceof TypeError) && !(error instanceof RangeError);
}

export function isItemNotFound(error: unknown): boolean {
  return errorCode(error) === "ItemNotFound";
}

/** Turns an unexpected Excel error into a failure the task pane can show in a sentence. */
export function excelFailure(error: unknown, doing: string): RegisterFailure {
  const code = errorCode(error);
  if (code === "ItemNotFound") {
    return {
      kind: "not-set-up",
      message: `Could not ${doing}: a register sheet or table is missing. Choose "Set up workbook" to repair it, then try again.`,
    };
  }
  if (code === "AccessDenied") {
    return {
      kind: "failed",
      message: `Could not ${doing}: a sheet it needs to change is protected. Unprotect that sheet (Review > Unprotect Sheet), then try again.`,
    };
  }
  if (code === "RequestPayloadSizeLimitExceeded") {
    return {
      kind: "failed",
      message: `Could not ${doing}: the change was too large for Excel to take at once. Try fewer rows.`,
    };
  }
  const detail = errorText(error).replace(/\.?\s*$/, ".");
  return {
    kind: "failed",
    message: `Could not ${doing}: Excel said "${detail}" Check the workbook is editable and try again.`,
  };
}

/** Runs a batch and turns any thrown error into a failure value. */
export async function attempt<T>(doing: string, work: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await work();
  } catch (error) {
    return fail(excelFailure(error, doing));
  }
}

/** The sentence for a load that failed every time it was tried. */
export function loadFailure(error: unknown, tries: number): string {
  const detail = errorText(error).replace(/\.?\s*$/, ".");
  const times = tries === 1 ? "" : ` (tried ${tries} times)`;
  return `Could not read the register from the workbook${times}: Excel said "${detail}"`;
}

/**
 * Runs work, and again after each of the waits while it keeps failing; the last error is turned into the
 * error thrown. For reads only: running them twice changes nothing.
 */
export async function withRetries<T>(
  work: () => Promise<T>,
  waitsMs: readonly number[],
  failure: (error: unknown, tries: number) => Error,
): Promise<T> {
  for (let tries = 1; ; tries++) {
    try {
      return await work();
    } catch (error) {
      if (tries > waitsMs.length) throw failure(error, tries);
      await new Promise((resolve) => setTimeout(resolve, waitsMs[tries - 1]));
    }
  }
}
