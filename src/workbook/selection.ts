import type { RecordKind } from "../domain/ids";
import type { ExcelRun } from "./excel";
import { locate, type LocateOptions } from "./locate";
import { positionOf, queueLayout } from "./tableLayout";
import { RECORD_TABLES } from "./tables";
import { SubscribeRetries } from "./subscribeRetries";
import { TableSubscriptions } from "./tableSubscriptions";

type Listener = (kind: RecordKind, id: string) => void;

const SELECTABLE: RecordKind[] = ["licences", "allocations", "installations"];

/** First row number in an address such as "C5", "C5:F9" or "Licences!C5". */
export function firstRowOf(address: string): number {
  const match = /(\d+)/.exec(address.split("!").pop() ?? "");
  return match ? Number(match[1]) : NaN;
}

/** Reports which record the user selected in the sheet, by reading the ID cell of the selected row. */
export class SelectionFeed {
  private readonly listeners = new Set<Listener>();
  private readonly tables: TableSubscriptions<RecordKind>;

  private readonly retries: SubscribeRetries;

  constructor(
    private readonly run: ExcelRun,
    private readonly reportError: (error: unknown) => void,
    subscribeRetryMs?: readonly number[],
  ) {
    this.tables = new TableSubscriptions(
      run,
      SELECTABLE.map((kind) => ({ key: kind, table: RECORD_TABLES[kind].table })),
      (table, kind) =>
        table.onSelectionChanged.add(async (event) => {
          if (event.isInsideTable) await this.selected(kind, event.address).catch(this.reportError);
        }),
    );
    this.retries = new SubscribeRetries(() => this.subscribeOnce(), {
      wanted: () => this.listeners.size > 0,
      reportError,
      delaysMs: subscribeRetryMs,
    });
  }

  listen(listener: Listener): () => void {
    this.listeners.add(listener);
    void this.retries.start();
    return () => this.listeners.delete(listener);
  }

  /** Subscribes to any table not yet subscribed (tables appear when the workbook is set up); retried on failure. */
  subscribe(): Promise<void> {
    return this.retries.once();
  }

  private subscribeOnce(): Promise<void> {
    return this.listeners.size === 0 ? Promise.resolve() : this.tables.subscribe();
  }

  private async selected(kind: RecordKind, address: string): Promise<void> {
    const spec = RECORD_TABLES[kind];
    const sheetRow = firstRowOf(address);
    const id = await this.run(async (context) => {
      const queued = queueLayout(context, spec.table, spec.sheet);
      await context.sync();
      const layout = queued.read();
      const bodyRow = sheetRow - layout.headerRow - 2;
      const idAt = positionOf(layout, spec.idHeader);
      if (!(bodyRow >= 0 && bodyRow < layout.rowCount) || idAt < 0) return "";
      const cell = queued.table.getDataBodyRange().getCell(bodyRow, idAt).load("values");
      await context.sync();
      return String(cell.values[0]?.[0] ?? "").trim();
    });
    if (id === "") return;
    for (const listener of [...this.listeners]) listener(kind, id);
  }
}

/** Selects a record's row and brings its sheet to the front; false when the record is not there. */
export async function selectRecord(
  run: ExcelRun,
  kind: RecordKind,
  id: string,
  options: LocateOptions,
): Promise<boolean> {
  const spec = RECORD_TABLES[kind];
  return run(async (context) => {
    const located = await locate(context, spec, [id], options);
    const row = located.rowOf.get(id);
    if (row === undefined) return false;
    context.workbook.worksheets.getItem(spec.sheet).activate();
    located.table.getDataBodyRange().getRow(row).select();
    await context.sync();
    return true;
  });
}

export async function selectCell(run: ExcelRun, sheet: string, address: string): Promise<void> {
  await run(async (context) => {
    const worksheet = context.workbook.worksheets.getItem(sheet);
    worksheet.activate();
    worksheet.getRange(address).select();
    await context.sync();
  });
}
