/**
 * Faults injected into context.sync for tests, as a network or Excel produces them:
 *  - "request-lost": the request never reaches Excel; nothing of it is applied and the sync rejects;
 *  - "response-lost": Excel applies the whole request, but the answer never comes back and the sync rejects;
 *  - { failAt: n }: Excel applies the first n operations of the request, the next one fails and the rest are
 *    not run (a batch is not a transaction), and the sync rejects.
 * A plan may also return { before }: something to do (another co-author's edit) just before that sync is sent.
 * Syncs are counted across every run of the session; only syncs with something queued count (an empty sync
 * never leaves the client).
 */
import { HostError, type HostSession } from "../../src/host";
import type { HostContext, Operation } from "../../src/host/context";

export type Fault =
  "request-lost" | "response-lost" | { failAt: number } | { before: () => void | Promise<void> };

export interface FaultySession extends HostSession {
  /** Syncs sent so far (faulty or not). */
  readonly sent: number;
  /** Operations in each sync sent, in order. */
  readonly operations: number[];
}

export function networkError(): HostError {
  return new HostError("GeneralException", "The connection to Excel was lost before it answered.");
}

/**
 * The session's run(), with `plan(n, operations, wire)` deciding what happens to the n-th sync (1-based);
 * `wire` is each queued operation as the host sends it ([action, object id, path, ...arguments]).
 */
export function withFaults(
  session: HostSession,
  plan: (sync: number, operations: number, wire: unknown[][]) => Fault | undefined,
): FaultySession {
  let sent = 0;
  const operations: number[] = [];
  const inject = (context: HostContext) => {
    const held: Operation[] = [];
    const enqueue = context.enqueue.bind(context);
    const sync = context.sync.bind(context);
    context.enqueue = (operation: Operation) => void held.push(operation);
    Object.defineProperty(context, "pending", { get: () => held.length });
    context.sync = async <T>(passThrough?: T): Promise<T> => {
      const queued = held.splice(0);
      if (queued.length === 0) return sync(passThrough);
      let fault = plan(
        ++sent,
        queued.length,
        queued.map((operation) => operation.wire as unknown[]),
      );
      operations.push(queued.length);
      if (typeof fault === "object" && "before" in fault) {
        await fault.before();
        fault = undefined;
      }
      if (fault === "request-lost") {
        await Promise.resolve();
        throw networkError();
      }
      if (typeof fault === "object") {
        queued.splice(fault.failAt, queued.length - fault.failAt, {
          wire: ["fail"],
          run: () => {
            throw new HostError("GeneralException", "An internal error has occurred.");
          },
        });
      }
      for (const operation of queued) enqueue(operation);
      const result = await sync(passThrough);
      if (fault === "response-lost") throw networkError();
      return result;
    };
  };
  return {
    name: session.name,
    stats: session.stats,
    get sent() {
      return sent;
    },
    operations,
    run: (batch) =>
      session.run((context) => {
        inject(context as unknown as HostContext);
        return batch(context);
      }),
    close: () => session.close(),
  };
}
