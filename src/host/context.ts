import { errors } from "./errors";
import type { HostCore, SessionCore } from "./hostCore";
import { ResponseBudget, checkRequestSize, requestSize } from "./limits";
import { WorkbookProxy } from "./proxies/workbook";

/** One queued operation: what it looks like on the wire (for payload size) and what it does at sync. */
export interface Operation {
  wire: unknown;
  run(exec: Execution): void;
}

export interface Execution {
  host: HostCore;
  session: SessionCore;
  context: HostContext;
  /** What this sync returns so far (cells and bytes), checked against the limits. */
  response: ResponseBudget;
}

/**
 * The request context a batch receives (cast to Excel.RequestContext at the boundary): operations queue
 * here and `sync()` runs them in order against the shared workbook. Like Office.js, a batch is not a
 * transaction: if an operation fails, the ones before it stay applied and the sync rejects. A request over
 * the payload limit is refused before anything runs.
 */
export class HostContext {
  readonly workbook: WorkbookProxy;
  readonly application: WorkbookProxy["application"];
  readonly trackedObjects = { add: (_object: unknown) => undefined, remove: (_object: unknown) => undefined };
  debugInfo = {};
  private queue: Operation[] = [];
  private ids = 1;
  private closed = false;

  constructor(
    readonly host: HostCore,
    readonly session: SessionCore,
  ) {
    this.workbook = new WorkbookProxy(this);
    this.application = this.workbook.application;
  }

  newId(): number {
    return this.ids++;
  }

  enqueue(operation: Operation): void {
    if (this.closed) throw errors.invalidObjectPath("RequestContext");
    this.queue.push(operation);
  }

  get pending(): number {
    return this.queue.length;
  }

  async sync<T>(passThroughValue?: T): Promise<T> {
    if (this.closed) throw errors.invalidObjectPath("RequestContext.sync");
    const operations = this.queue;
    this.queue = [];
    await Promise.resolve();
    if (operations.length === 0) return passThroughValue as T;
    const { stats } = this.session;
    const started = performance.now();
    const bytes = requestSize(operations.map((op) => op.wire));
    stats.syncs++;
    stats.requestBytes.push(bytes);
    stats.maxRequestBytes = Math.max(stats.maxRequestBytes, bytes);
    checkRequestSize(bytes, this.host.limits);
    const exec: Execution = {
      host: this.host,
      session: this.session,
      context: this,
      response: new ResponseBudget(this.host.limits),
    };
    let failure: { error: unknown } | undefined;
    this.host.as(this.session, () => {
      try {
        for (const operation of operations) operation.run(exec);
      } catch (error) {
        failure = { error };
      } finally {
        stats.maxCellsRead = Math.max(stats.maxCellsRead, exec.response.cells);
        stats.responseBytes.push(exec.response.bytes);
        stats.maxResponseBytes = Math.max(stats.maxResponseBytes, exec.response.bytes);
        this.host.finishChanges(this.session);
        stats.answeringMs += performance.now() - started;
      }
    });
    await answerArrives(this.host.roundTripMs);
    exec.response.arrive();
    if (failure) throw failure.error;
    return passThroughValue as T;
  }

  close(): void {
    this.closed = true;
  }
}

/**
 * Excel's answer reaches the add-in as a message from another process (a webview, or an iframe on the web),
 * so a sync always resolves in a task of its own, never straight after the work that queued it: other tasks
 * (event handlers, the pane, custom functions) can run in between. A timeout, like the host's events, so the
 * events a sync raised are delivered before its answer. `afterMs`: the rest of a round trip, for the benchmark.
 */
function answerArrives(afterMs: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, afterMs));
}
