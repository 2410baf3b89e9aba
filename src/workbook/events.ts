import type { RecordKind } from "../domain/ids";
import type { DisplayUpdate } from "../domain/references";
import type { BeforeWrite } from "./displayFields";
import type { RegisterChange } from "./registerApi";
import type { ExcelRun } from "./excel";
import { SubscribeRetries } from "./subscribeRetries";
import { SilentEditWatch, type Span, spanContains, spanOf } from "./silentEdits";
import { TableSubscriptions } from "./tableSubscriptions";
import { columnLetter } from "./cells";
import { supports } from "./requirements";
import { RECORD_KINDS, RECORD_TABLES, exchangeRatesTable, settingsTable } from "./tables";

type ChangeKind = RecordKind | "settings";
type Listener = (change: RegisterChange) => void;

interface Watched {
  kind: ChangeKind;
  table: string;
  sheet: string;
}

const WATCHED: Watched[] = [
  ...RECORD_KINDS.map((kind) => ({
    kind,
    table: RECORD_TABLES[kind].table,
    sheet: RECORD_TABLES[kind].sheet,
  })),
  { kind: "settings", table: settingsTable.table, sheet: settingsTable.sheet },
  { kind: "settings", table: exchangeRatesTable.table, sheet: exchangeRatesTable.sheet },
];

/** How long a format change is remembered, to recognise the onChanged Excel raises for it. */
const FORMAT_MEMORY_MS = 5_000;
/** How long the cells of a display write are remembered, to recognise the onChanged Excel raises for them. */
const SHOWN_MEMORY_MS = 5_000;
/** How long a cell found changed under the selection waits for the onChanged Excel may still deliver. */
const EVENT_GRACE_MS = 250;
/** Rows under the selection watched for edits Excel raises no event for (a dropdown pick is one cell). */
const WATCHED_ROWS = 100;

export interface ChangeFeedOptions {
  /** How long after its own write the register ignores Local change events (they arrive asynchronously). */
  echoMs: number;
  /** How long an edit event waits for the onFormatChanged that would make it a format-only change. */
  formatWaitMs: number;
  /** How often the rows under the selection are re-read for edits Excel raised no event for. */
  recheckMs: number;
  /** Waits between tries to subscribe after one failed (default SUBSCRIBE_RETRY_MS). */
  subscribeRetryMs?: readonly number[];
  /**
   * Runs when a co-author's change to a record table arrives, before listeners hear of it: what it adds to
   * the change (the register's saves that change replaced, see saveWatch.ts).
   */
  onRemote?: (
    kind: RecordKind,
    changeType: string,
  ) => Promise<Pick<RegisterChange, "overwritten" | "saved" | "recordIds">>;
}

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

/** Excel says what one edited cell held before and after: a value change, whatever the formats did. */
function isValueChange(details: Excel.ChangedEventDetail | undefined): boolean {
  return (
    details !== undefined &&
    details !== null &&
    (!Object.is(details.valueBefore, details.valueAfter) ||
      details.valueTypeBefore !== details.valueTypeAfter)
  );
}

interface ExcelEdit {
  kind: ChangeKind;
  local: boolean;
  address: string | undefined;
  changeType: string;
  /** A sort moved the rows. */
  sorted?: boolean;
}

interface FormatChange {
  worksheetId: string;
  span: Span;
  at: number;
}

/** The cells one request of a display write wrote to a table: each range, and the box around them all. */
interface ShownCells {
  table: string;
  ranges: Span[];
  bounds: Span;
  at: number;
}

function boundsOf(spans: readonly Span[]): Span {
  return {
    firstRow: Math.min(...spans.map((span) => span.firstRow)),
    lastRow: Math.max(...spans.map((span) => span.lastRow)),
    firstColumn: Math.min(...spans.map((span) => span.firstColumn)),
    lastColumn: Math.max(...spans.map((span) => span.lastColumn)),
  };
}

/**
 * Tells listeners when the record tables change, locally (another add-in, the user typing) or remotely
 * (co-authors), and only when their data may have changed:
 *
 * - Own writes are not echoed: Excel raises Local events for our own writes too, so Local events are ignored
 *   while one of our writes is in flight and for a short moment after it; the register then notifies "local"
 *   once per write, with the IDs. A person's own edit landing inside that moment is not reported separately.
 * - Format changes are not data changes. Excel raises onChanged for them too ("onChanged fires when either the
 *   format or value of the data changes", Microsoft Learn) with the same RangeEdited type, so an edit event
 *   that does not say a value changed (Excel gives `details` for one cell only) waits `formatWaitMs` for the
 *   worksheet's onFormatChanged over the same cells; if one came, nothing is reported (a whole-column format
 *   would otherwise make every listener re-read the table). A paste that changes values and formats of the
 *   same cells at once looks the same and is caught only under the selection.
 * - Edits Excel raises no event for (a dropdown pick on the web) are found by re-reading the rows under the
 *   selection (silentEdits.ts) and reported as Excel would have.
 */
export class ChangeFeed {
  private readonly listeners = new Set<Listener>();
  private readonly tables: TableSubscriptions<Watched>;
  private readonly silent: SilentEditWatch<ChangeKind>;
  private formats: FormatChange[] = [];
  /** Worksheet ID -> the kinds of the watched tables on it, for the sorts of its rows (one handler a sheet). */
  private readonly sortWatched = new Map<string, Set<ChangeKind>>();
  private readonly retries: SubscribeRetries;
  private shown: ShownCells[] = [];
  private selectionSubscribed = false;
  private ownWrites = 0;
  private quietUntil = 0;

  constructor(
    private readonly run: ExcelRun,
    private readonly reportError: (error: unknown) => void,
    private readonly options: ChangeFeedOptions,
  ) {
    this.tables = new TableSubscriptions(
      run,
      WATCHED.map((watched) => ({ key: watched, table: watched.table })),
      (table, watched, worksheetId) => {
        table.onChanged.add(async (event) => this.changed(watched, event));
        this.sortedKinds(worksheetId).add(watched.kind);
      },
      (sheet) => {
        sheet.onFormatChanged.add(async (event) => this.formatted(event));
        this.watchSorts(sheet);
      },
    );
    this.retries = new SubscribeRetries(() => this.subscribeOnce(), {
      wanted: () => this.listeners.size > 0,
      reportError,
      delaysMs: options.subscribeRetryMs,
      // edits made while nothing listened raised no event here: listeners read their tables again
      onRecovered: () => {
        const kinds = [...new Set(WATCHED.map((watched) => watched.kind))];
        notify(this.listeners, { kinds, source: "remote" });
      },
    });
    this.silent = new SilentEditWatch({
      run,
      tables: WATCHED.map(({ kind, table, sheet }) => ({ key: kind, table, sheet })),
      onSilentEdit: (kind, address) =>
        this.deliver({ kinds: [kind], source: "local", excel: { address, changeType: "RangeEdited" } }),
      reportError,
      recheckMs: options.recheckMs,
      graceMs: EVENT_GRACE_MS,
      maxRows: WATCHED_ROWS,
    });
  }

  listen(listener: Listener): () => void {
    this.listeners.add(listener);
    void this.retries.start();
    return () => this.listeners.delete(listener);
  }

  /**
   * Subscribes to any table not yet subscribed (tables appear when the workbook is set up). When that fails,
   * it is tried again in the background until it succeeds (SubscribeRetries).
   */
  subscribe(): Promise<void> {
    return this.retries.once();
  }

  private async subscribeOnce(): Promise<void> {
    if (this.listeners.size === 0) return;
    await this.subscribeSelection();
    await this.tables.subscribe();
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
      this.quietUntil = Date.now() + this.options.echoMs;
    }
    const recordIds = changed(result);
    if (recordIds) {
      notify(this.listeners, { kinds: [kind], source: "local", recordIds, ...details?.(result) });
    }
    return result;
  }

  /**
   * Runs a write of display fields (the names beside links), which happens in the background after edits,
   * while a person may be typing in the grid. Its echoes are recognised by their cells, not by the moment they
   * arrive, so an edit of anyone else's landing meanwhile is still reported. One request writing rows
   * scattered over a table raises one event whose address is the box around them all (the in-memory Excel
   * does so, the strictest reading), and re-reading that box costs a reader up to the whole table. Listeners
   * hear once, with the fields written (`shown`), instead of re-reading the rows.
   */
  async shownWrite(
    kind: RecordKind,
    work: (beforeWrite: BeforeWrite) => Promise<number>,
    updates: readonly DisplayUpdate[],
  ): Promise<number> {
    const { table } = RECORD_TABLES[kind];
    const cells = await work((ranges) => {
      if (ranges.length === 0) return;
      const at = Date.now();
      this.shown = this.shown.filter((shown) => at - shown.at < SHOWN_MEMORY_MS);
      this.shown.push({ table, ranges, bounds: boundsOf(ranges), at });
    });
    if (cells > 0) {
      notify(this.listeners, {
        kinds: [kind],
        source: "local",
        recordIds: updates.map((update) => update.id),
        shown: updates,
      });
    }
    return cells;
  }

  /**
   * Whether a Local change is the echo of a recent display write: over exactly its cells, or within one of its
   * ranges. Each echo is taken once (Excel raises one event per request, or one per range written), so a person
   * typing into one of those cells afterwards is heard; a host that echoed cell by cell would only make a
   * reader re-read those cells.
   */
  private takeShownEcho(table: string, address: string): boolean {
    const span = spanOf(address);
    if (!span) return false;
    const now = Date.now();
    this.shown = this.shown.filter((shown) => now - shown.at < SHOWN_MEMORY_MS);
    for (const shown of this.shown) {
      if (shown.table !== table) continue;
      if (spanContains(shown.bounds, span) && spanContains(span, shown.bounds)) {
        this.shown = this.shown.filter((other) => other !== shown);
        return true;
      }
      const range = shown.ranges.findIndex((written) => spanContains(written, span));
      if (range === -1) continue;
      // the box stays remembered: a host that echoed each range might echo the box too
      shown.ranges.splice(range, 1);
      return true;
    }
    return false;
  }

  private async subscribeSelection(): Promise<void> {
    if (this.selectionSubscribed) return;
    this.selectionSubscribed = true;
    try {
      await this.run(async (context) => {
        context.workbook.onSelectionChanged.add(async () => this.silent.selectionChanged());
        await context.sync();
      });
    } catch (error) {
      this.selectionSubscribed = false;
      throw error;
    }
  }

  /**
   * A sort moves rows without a value typed: Excel raises the worksheet's onRowSorted (ExcelApi 1.10) and Learn
   * does not say whether the table's onChanged fires too. To a reader of rows, the rows a sort moved were edited
   * in place, so it is reported as an edit of them, marked sorted: the rows hold the records they held, in
   * another order, which the ID column alone can confirm (live register, tableRows.ts). The address lists only
   * the rows that moved, one area for each run of them; readers are given the rows from the first to the last.
   * Excel without the event: the register's checks of the rows find the order changed on the next change (live
   * register, rowOrder.ts).
   */
  private watchSorts(sheet: Excel.Worksheet): void {
    if (!supports("ExcelApi", "1.10")) return;
    sheet.onRowSorted.add(async (event) =>
      this.sorted(event.worksheetId, event.address, event.source === "Local"),
    );
  }

  private sortedKinds(worksheetId: string): Set<ChangeKind> {
    let kinds = this.sortWatched.get(worksheetId);
    if (!kinds) this.sortWatched.set(worksheetId, (kinds = new Set()));
    return kinds;
  }

  private async sorted(worksheetId: string, sortedAddress: string, local: boolean): Promise<void> {
    const kinds = this.sortWatched.get(worksheetId);
    const spans = sortedAddress.split(",").map(spanOf);
    if (!kinds || spans.length === 0 || spans.some((span) => span === undefined)) return;
    const { firstRow, lastRow, firstColumn, lastColumn } = boundsOf(spans as Span[]);
    // whole rows ("3:9") have no last column to name
    const [left, right] =
      lastColumn === Number.MAX_SAFE_INTEGER
        ? ["", ""]
        : [columnLetter(firstColumn), columnLetter(lastColumn)];
    const address = `${left}${firstRow + 1}:${right}${lastRow + 1}`;
    for (const kind of kinds)
      await this.deliverEdit({ kind, local, address, changeType: "RangeEdited", sorted: true });
  }

  private formatted(event: Excel.WorksheetFormatChangedEventArgs): void {
    const span = spanOf(event.address);
    if (!span) return;
    const now = Date.now();
    this.formats = this.formats.filter((format) => now - format.at < FORMAT_MEMORY_MS);
    this.formats.push({ worksheetId: event.worksheetId, span, at: now });
  }

  /** An edit event over cells whose format changed just now, with no sign that a value changed. */
  private isFormatOnly(event: Excel.TableChangedEventArgs): boolean {
    const span = spanOf(event.address);
    const now = Date.now();
    return (
      span !== undefined &&
      this.formats.some(
        (format) =>
          now - format.at < FORMAT_MEMORY_MS &&
          format.worksheetId === event.worksheetId &&
          spanContains(format.span, span),
      )
    );
  }

  private async changed(watched: Watched, event: Excel.TableChangedEventArgs): Promise<void> {
    this.silent.reported(watched.table, event.address, String(event.changeType));
    const local = event.source === "Local";
    if (local && (this.ownWrites > 0 || Date.now() < this.quietUntil)) return;
    if (local && this.takeShownEcho(watched.table, event.address)) return;
    if (event.changeType === "RangeEdited" && !isValueChange(event.details)) {
      await new Promise((resolve) => setTimeout(resolve, this.options.formatWaitMs));
      if (this.isFormatOnly(event)) return;
    }
    await this.deliverEdit({
      kind: watched.kind,
      local,
      address: event.address,
      changeType: String(event.changeType),
    });
  }

  /** An Excel change to a watched table, told to listeners (a co-author's with the saves it replaced). */
  private async deliverEdit({ kind, local, address, changeType, sorted }: ExcelEdit): Promise<void> {
    const found =
      !local && kind !== "settings"
        ? await this.options.onRemote?.(kind, changeType).catch((error: unknown) => {
            this.reportError(error);
            return {};
          })
        : undefined;
    this.deliver({
      kinds: [kind],
      source: local ? "local" : "remote",
      ...(address ? { excel: { address, changeType, ...(sorted ? { sorted } : {}) } } : {}),
      ...found,
    });
  }

  private deliver(change: RegisterChange): void {
    notify(this.listeners, change);
  }
}
