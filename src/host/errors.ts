/**
 * Errors shaped like OfficeExtension.Error, with the codes and messages Excel uses, so code that inspects
 * `error.code` behaves the same against the host as against Excel.
 */

export type HostErrorCode =
  | "PropertyNotLoaded"
  | "ItemNotFound"
  | "ItemAlreadyExists"
  | "InvalidArgument"
  | "InvalidOperation"
  | "InvalidReference"
  | "InvalidObjectPath"
  | "GeneralException"
  | "AccessDenied"
  | "RangeExceedsLimit"
  | "RequestPayloadSizeLimitExceeded"
  | "ResponsePayloadSizeLimitExceeded";

export class HostError extends Error {
  override readonly name = "RichApi.Error";
  readonly code: HostErrorCode;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };

  constructor(code: HostErrorCode, message: string, errorLocation?: string) {
    super(message);
    this.code = code;
    this.debugInfo = { code, message, ...(errorLocation ? { errorLocation } : {}) };
  }
}

const LIMITS_DOC =
  "https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins";

export const errors = {
  propertyNotLoaded: (property: string, type: string) =>
    new HostError(
      "PropertyNotLoaded",
      `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      `${type}.${property}`,
    ),
  itemNotFound: (where: string) =>
    new HostError("ItemNotFound", "The requested resource doesn't exist.", where),
  itemAlreadyExists: (where: string) =>
    new HostError("ItemAlreadyExists", "A resource with the same name or identifier already exists.", where),
  invalidArgument: (where: string, detail?: string) =>
    new HostError(
      "InvalidArgument",
      detail ?? "The argument is invalid or missing or has an incorrect format.",
      where,
    ),
  dimensionMismatch: (where: string) =>
    new HostError(
      "InvalidArgument",
      "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
      where,
    ),
  invalidOperation: (where: string, detail?: string) =>
    new HostError("InvalidOperation", detail ?? "The operation is not allowed.", where),
  invalidObjectPath: (where: string) =>
    new HostError(
      "InvalidObjectPath",
      'The object path isn\'t working for what you\'re trying to do. If you\'re using the object across multiple "context.sync" calls and outside the sequential execution of a ".run" batch, please use the "context.trackedObjects.add()" and "context.trackedObjects.remove()" methods to manage the object\'s lifetime.',
      where,
    ),
  requestTooLarge: (bytes: number, limit: number) =>
    new HostError(
      "RequestPayloadSizeLimitExceeded",
      `The request payload size has exceeded the limit. Please refer to the documentation: "${LIMITS_DOC}". (request ${bytes} bytes, limit ${limit})`,
    ),
  responseTooLarge: (bytes: number, limit: number) =>
    new HostError(
      "ResponsePayloadSizeLimitExceeded",
      `The response payload size has exceeded the limit. Please refer to the documentation: "${LIMITS_DOC}". (response ${bytes} bytes, limit ${limit})`,
    ),
  tooManyCells: (cells: number, limit: number) =>
    new HostError(
      "RangeExceedsLimit",
      `The cell count in the range has exceeded the maximum supported number. Please refer to the documentation: "${LIMITS_DOC}". (${cells} cells read in one sync, limit ${limit})`,
    ),
  accessDenied: (where: string, detail?: string) =>
    new HostError("AccessDenied", detail ?? "You cannot perform the requested operation.", where),
};
