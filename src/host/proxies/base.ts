import type { Execution, HostContext } from "../context";
import { errors } from "../errors";
import type { EventKind, Handler } from "../events";

/**
 * The proxy-object machinery shared by every Excel object the host implements: lazy resolution of what
 * the object points at (once, at the first sync that uses it), load / property-not-loaded rules, queued
 * property sets, null objects, and event sources.
 */

/** What `load` accepts: "a,b", ["a", "b"], { select: "a,b" } or { a: true, format: { fill: true } }. */
export type LoadSpec =
  string | string[] | { select?: string | string[]; expand?: string | string[] } | Record<string, unknown>;

/** Property names from a load spec, with navigation paths kept as "format/fill/color". */
export function loadPaths(spec: LoadSpec | undefined): string[] | undefined {
  if (spec === undefined || spec === null) return undefined;
  if (typeof spec === "string")
    return spec
      .split(",")
      .map((p) => p.trim())
      .filter(Boolean);
  if (Array.isArray(spec)) return spec.flatMap((p) => loadPaths(p) ?? []);
  const object = spec as Record<string, unknown>;
  if ("select" in object || "expand" in object) {
    return [
      ...(loadPaths(object.select as LoadSpec | undefined) ?? []),
      ...(loadPaths(object.expand as LoadSpec | undefined) ?? []),
    ];
  }
  const paths: string[] = [];
  for (const [key, value] of Object.entries(object)) {
    if (key.startsWith("$")) continue;
    if (value && typeof value === "object") {
      const nested = loadPaths(value as LoadSpec) ?? [];
      if (nested.length === 0) paths.push(key);
      for (const path of nested) paths.push(`${key}/${path}`);
    } else if (value) paths.push(key);
  }
  return paths;
}

/** Splits paths into own properties and, per navigation property, the paths below it. */
export function splitPaths(paths: string[]): { own: string[]; nested: Map<string, string[]> } {
  const own: string[] = [];
  const nested = new Map<string, string[]>();
  for (const path of paths) {
    const slash = path.indexOf("/");
    if (slash < 0) own.push(path);
    else {
      const head = path.slice(0, slash);
      nested.set(head, [...(nested.get(head) ?? []), path.slice(slash + 1)]);
    }
  }
  return { own, nested };
}

export abstract class ClientObjectProxy<T> {
  readonly _id: number;
  /** Values filled at sync by load, or set locally by a property assignment. */
  protected readonly _loaded = new Map<string, unknown>();
  private _target: T | null | undefined;
  private _resolved = false;
  private _isNull: boolean | undefined;

  /** The Excel type name used in error messages, e.g. "Range". */
  abstract readonly _typeName: string;
  /** Scalar properties a plain load() fills. */
  protected abstract readonly _scalars: readonly string[];

  constructor(
    readonly context: HostContext,
    private readonly _resolver: (exec: Execution) => T | null,
    /** How this object was reached, for the request's JSON size. */
    readonly _path: string,
  ) {
    this._id = context.newId();
  }

  /** Resolves the object (once); null for a null object. */
  _resolve(exec: Execution): T | null {
    if (!this._resolved) {
      this._target = this._resolver(exec);
      this._resolved = true;
      this._isNull = this._target === null;
    }
    return this._target ?? null;
  }

  /** Queue resolution now (for *OrNullObject), so isNullObject is known after the next sync. */
  _resolveAtSync(): void {
    this._enqueue("resolve", [], (exec) => void this._resolve(exec));
  }

  get isNullObject(): boolean {
    if (this._isNull === undefined) throw errors.propertyNotLoaded("isNullObject", this._typeName);
    return this._isNull;
  }

  /** Queues an operation on this object; `apply` runs at sync with the resolved target (skipped for null objects). */
  protected _enqueue(action: string, args: unknown[], apply: (exec: Execution, target: T) => void): void {
    this.context.enqueue({
      wire: [action, this._id, this._path, ...args],
      run: (exec) => {
        const target = this._resolve(exec);
        if (target !== null) apply(exec, target);
      },
    });
  }

  protected _get<V>(property: string): V {
    if (this._isNull === true) return undefined as V;
    if (!this._loaded.has(property)) throw errors.propertyNotLoaded(property, this._typeName);
    return this._loaded.get(property) as V;
  }

  /** A property assignment: readable straight away (as in Office.js), applied at sync. */
  protected _set<V>(property: string, value: V, apply: (exec: Execution, target: T, value: V) => void): void {
    this._loaded.set(property, value);
    this._enqueue("set", [property, value], (exec, target) => apply(exec, target, value));
  }

  /** The current value of one scalar property (called at sync by load). */
  protected abstract _read(property: string, exec: Execution, target: T): unknown;

  /** Navigation properties that load may reach into ("format" on a range). */
  protected _navigation(_name: string): ClientObjectProxy<unknown> | undefined {
    return undefined;
  }

  load(spec?: LoadSpec): this {
    const paths = loadPaths(spec);
    this._enqueue("load", [paths ?? null], (exec) => this._loadNow(paths, exec));
    return this;
  }

  /** Fills loaded values from the workbook as it is now. */
  _loadNow(paths: string[] | undefined, exec: Execution): void {
    const target = this._resolve(exec);
    if (target === null) return;
    const { own, nested } = splitPaths(paths ?? [...this._scalars]);
    for (const property of own) {
      if (property === "isNullObject") continue;
      const child = this._navigation(property);
      if (child) child._loadNow(undefined, exec);
      else {
        const value = this._read(property, exec, target);
        exec.response.takeValue(property, value);
        exec.response.deliverOnArrival(value, (delivered) => this._loaded.set(property, delivered));
      }
    }
    for (const [name, below] of nested) {
      const child = this._navigation(name);
      if (!child)
        throw errors.invalidArgument(
          `${this._typeName}.load`,
          `The property '${name}' does not exist on ${this._typeName}.`,
        );
      child._loadNow(below, exec);
    }
  }

  /** Assigns several properties at once, as Office.js `set` does (nested objects go to navigation properties). */
  set(properties: Record<string, unknown>): void {
    const self = this as unknown as Record<string, unknown>;
    for (const [key, value] of Object.entries(properties)) {
      const child = this._navigation(key);
      if (child && value && typeof value === "object" && !Array.isArray(value))
        child.set(value as Record<string, unknown>);
      else self[key] = value;
    }
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this._loaded);
  }

  track(): this {
    return this;
  }

  untrack(): this {
    return this;
  }
}

/** A `*.getCount()` style result: value readable after sync. */
export class ClientResult<V> {
  private _value: V | undefined;
  private _set = false;
  get value(): V {
    if (!this._set) throw errors.propertyNotLoaded("value", "ClientResult");
    return this._value as V;
  }
  _fill(value: V, exec: Execution): void {
    exec.response.takeValue("value", value);
    this._value = value;
    this._set = true;
  }
}

/** `onChanged` and friends: add(handler) registers at sync; the result's remove() unregisters at the next sync. */
export class EventSource<TArgs> {
  constructor(
    private readonly context: HostContext,
    private readonly kind: EventKind,
    private readonly target: (exec: Execution) => string | undefined,
  ) {}

  add(handler: (args: TArgs) => Promise<unknown>): { context: HostContext; remove(): void } {
    const context = this.context;
    const kind = this.kind;
    context.enqueue({
      wire: ["addHandler", kind],
      run: (exec) =>
        exec.host.hub.add({
          sessionId: exec.session.id,
          kind,
          targetId: this.target(exec),
          handler: handler as Handler,
        }),
    });
    return {
      context,
      remove: () =>
        context.enqueue({
          wire: ["removeHandler", kind],
          run: (exec) => exec.host.hub.remove(handler as Handler, exec.session.id),
        }),
    };
  }
}
