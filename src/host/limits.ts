import { errors } from "./errors";

/** Excel's request and response limits, and the counters tests and the benchmark read. */

export interface Limits {
  /** Largest request and largest response, in UTF-8 bytes of their JSON; undefined: no such limit. */
  payloadLimitBytes: number | undefined;
  /** Most cells one sync may read. */
  maxCellsPerRead: number;
}

export interface SessionStats {
  /** Syncs that went to the "host" (a sync with nothing queued does not round-trip, as in Office.js). */
  syncs: number;
  /** UTF-8 bytes of each sync's request JSON, in order. */
  requestBytes: number[];
  maxRequestBytes: number;
  /** UTF-8 bytes of each sync's response JSON (the loaded property values), in order. */
  responseBytes: number[];
  maxResponseBytes: number;
  /** Most cells read (loaded values, formulas, numberFormat, text or valueTypes) by one sync. */
  maxCellsRead: number;
  /**
   * Milliseconds spent carrying out this session's requests. The imitation does it on the caller's thread,
   * real Excel in its own process, so a measure of the add-in's own work on the thread leaves this out.
   * Decoding loaded grids from JSON, which Office.js does on the add-in's thread, is not part of it.
   */
  answeringMs: number;
  reset(): void;
}

export function createStats(): SessionStats {
  const stats: SessionStats = {
    syncs: 0,
    requestBytes: [],
    maxRequestBytes: 0,
    responseBytes: [],
    maxResponseBytes: 0,
    maxCellsRead: 0,
    answeringMs: 0,
    reset() {
      stats.syncs = 0;
      stats.requestBytes = [];
      stats.maxRequestBytes = 0;
      stats.responseBytes = [];
      stats.maxResponseBytes = 0;
      stats.maxCellsRead = 0;
      stats.answeringMs = 0;
    },
  };
  return stats;
}

/** UTF-8 bytes of a string (a lone surrogate counts as the 3 bytes of U+FFFD, as TextEncoder writes it). */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * UTF-8 bytes of `JSON.stringify(value)`, counted without building the string (responses of a few MB are
 * measured at every sync). Strings count their quotes and escapes; `undefined` in an array counts as null.
 */
export function jsonBytes(value: unknown): number {
  switch (typeof value) {
    case "string":
      return jsonStringBytes(value);
    case "number":
      return Number.isFinite(value) ? String(value).length : 4;
    case "boolean":
      return value ? 4 : 5;
    case "object": {
      if (value === null) return 4;
      if (Array.isArray(value)) {
        let bytes = 2 + Math.max(0, value.length - 1);
        for (const item of value)
          bytes += item === undefined || typeof item === "function" ? 4 : jsonBytes(item);
        return bytes;
      }
      const json = (value as { toJSON?: () => unknown }).toJSON;
      if (typeof json === "function") return jsonBytes(json.call(value));
      let bytes = 2;
      let first = true;
      for (const [key, item] of Object.entries(value)) {
        if (item === undefined || typeof item === "function") continue;
        bytes += (first ? 0 : 1) + jsonStringBytes(key) + 1 + jsonBytes(item);
        first = false;
      }
      return bytes;
    }
    default:
      return 4;
  }
}

function jsonStringBytes(text: string): number {
  let bytes = 2;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x22 || code === 0x5c) bytes += 2;
    else if (code < 0x20)
      bytes += code === 8 || code === 9 || code === 10 || code === 12 || code === 13 ? 2 : 6;
    else if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdfff) {
      const next = text.charCodeAt(i + 1);
      if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 6; // JSON.stringify escapes a lone surrogate as \udxxx
    } else bytes += 3;
  }
  return bytes;
}

/** The size of a request as Office.js would send it: UTF-8 bytes of the JSON of its operations and arguments. */
export function requestSize(wire: unknown[]): number {
  return jsonBytes(wire);
}

export function checkRequestSize(bytes: number, limits: Limits): void {
  if (limits.payloadLimitBytes !== undefined && bytes > limits.payloadLimitBytes)
    throw errors.requestTooLarge(bytes, limits.payloadLimitBytes);
}

/**
 * What one sync returns so far: cells read and UTF-8 bytes of the loaded values. Throws at the load that
 * takes it over a limit (the operations before it stay applied).
 */
export class ResponseBudget {
  cells = 0;
  bytes = 0;
  /**
   * The loaded values, given to their objects when the answer's message arrives: Office.js decodes the
   * response's JSON on the add-in's thread in the answer's task, not in the task that sent the request.
   */
  private readonly decodes: (() => void)[] = [];
  constructor(private readonly limits: Limits) {}

  takeCells(cells: number): void {
    this.cells += cells;
    if (this.cells > this.limits.maxCellsPerRead)
      throw errors.tooManyCells(this.cells, this.limits.maxCellsPerRead);
  }

  /**
   * Gives a loaded value to `deliver` when the answer arrives (arrive()): a grid decoded from its JSON then,
   * new arrays and new strings, as Office.js hands it over; any other value as it is.
   */
  deliverOnArrival(value: unknown, deliver: (value: unknown) => void): void {
    if (!Array.isArray(value)) this.decodes.push(() => deliver(value));
    else {
      // writing the JSON is Excel's work, in its own process
      const json = JSON.stringify(value);
      // named, so a profile of the add-in's thread shows where Office.js's decoding would be
      const decodeAnswer = () => deliver(JSON.parse(json));
      this.decodes.push(decodeAnswer);
    }
  }

  /** The answer has reached the add-in: its loaded values are decoded, in the order they were loaded. */
  arrive(): void {
    for (const decode of this.decodes) decode();
    this.decodes.length = 0;
  }

  /** One loaded property, as `"name":value,` in the response JSON. */
  takeValue(name: string, value: unknown): void {
    this.bytes += jsonStringBytes(name) + 2 + jsonBytes(value);
    const limit = this.limits.payloadLimitBytes;
    if (limit !== undefined && this.bytes > limit) throw errors.responseTooLarge(this.bytes, limit);
  }
}
