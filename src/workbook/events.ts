import type { RecordKind } from "../domain/ids";
import type { RegisterChange } from "./registerApi";
import type { ExcelRun } from "./excel";
import { TableSubscriptions } from "./tableSubscriptions";
import { RECORD_KINDS, RECORD_TABLES, exchangeRatesTable, settingsTable } from "./tables";

type ChangeKind = RecordKind | "settings";
type Listener = (change: RegisterChange) => void;

const WATCHED: { kind: ChangeKind; table: string }[] = [
  ...RECORD_KINDS.map((kind) => ({ kind, table: RECORD_TABLES[kind].table })),
  { kind: "settings", table: settingsTable.table },
  { kind: "settings", table: exchangeRatesTable.table },
];

/** Calls every listener even if one throws, then rethrows the first error so it is not lost. */
function notify(listeners: Iterable<Listener>, change: RegisterChange): void {
  const errors: unknown[] = [];
  for (const listener of [...listeners]) {
    try {
      listener(change);
    } catch (error) {
      errors.push(error);
    }
  }
  if (errors.length > 0) throw errors[0];
}

/**
 * Tells listeners when the record tables change, locally (another add-in, the user typing) or remotely
 * (co-authors). Changes the register makes itself are not echoed: Excel raises Local events for our own
 * writes too, so Local events are ignored while one of our writes is in flight and for a short moment after
 * it (Excel delivers events asynchronously); the register then notifies "local" once per write, with the IDs.
 * A person's own edit landing inside that moment is not reported separately; the register's notification
 * for its write still tells listeners to refresh that kind.
 */
export class ChangeFeed {
  private readonly listeners = new Set<Listener>();
  private readonly tables: TableSubscriptions<ChangeKind>;
  private ownWrites = 0;
  private quietUntil = 0;

  constructor(
    run: ExcelRun,
    private readonly reportError: (error: unknown) => void,
    private readonly echoMs: number,
  ) {
    this.tables = new TableSubscriptions(
      run,
      WATCHED.map(({ kind, table }) => ({ key: kind, table })),
      (table, kind) => table.onChanged.add(async (event) => this.handle(kind, event)),
    );
  }

  listen(listener: Listener): () => void {
    this.listeners.add(listener);
    this.subscribe().catch(this.reportError);
    return () => this.listeners.delete(listener);
  }

  /** Subscribes to any table not yet subscribed (tables appear when the workbook is set up). */
  subscribe(): Promise<void> {
    return this.listeners.size === 0 ? Promise.resolve() : this.tables.subscribe();
  }

  /** Runs one of the register's own writes: its echoes are ignored, and listeners hear about it once. */
  async ownWrite<T>(
    kind: ChangeKind,
    work: () => Promise<T>,
    changed: (result: T) => string[] | undefined,
    details?: (result: T) => Pick<RegisterChange, "saved" | "removedIds">,
  ): Promise<T> {
    this.ownWrites++;
    let result: T;
    try {
      result = await work();
    } finally {
      // Excel queues the events of our last request before this point; let them arrive while still ignored.
      await new Promise((resolve) => setTimeout(resolve, 0));
      this.ownWrites--;
      this.quietUntil = Date.now() + this.echoMs;
    }
    const recordIds = changed(result);
    if (recordIds) {
      notify(this.listeners, { kinds: [kind], source: "local", recordIds, ...details?.(result) });
    }
    return result;
  }

  private handle(kind: ChangeKind, event: Excel.TableChangedEventArgs): void {
    const local = event.source === "Local";
    if (local && (this.ownWrites > 0 || Date.now() < this.quietUntil)) return;
    notify(this.listeners, {
      kinds: [kind],
      source: local ? "local" : "remote",
      ...(event.address ? { excel: { address: event.address, changeType: String(event.changeType) } } : {}),
    });
  }
}
