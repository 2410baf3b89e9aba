import type { ExcelRun } from "./excel";

/**
 * Event handlers on tables that may not exist yet (they appear when the workbook is set up): each call to
 * subscribe() attaches handlers to the watched tables that now exist and were not attached before, one call at
 * a time so no table is attached twice.
 */
export class TableSubscriptions<K> {
  private readonly attached = new Set<string>();
  private pending: Promise<void> = Promise.resolve();

  constructor(
    private readonly run: ExcelRun,
    private readonly watched: readonly { key: K; table: string }[],
    private readonly attach: (table: Excel.Table, key: K) => void,
  ) {}

  subscribe(): Promise<void> {
    this.pending = this.pending.catch(() => undefined).then(() => this.subscribeNow());
    return this.pending;
  }

  private async subscribeNow(): Promise<void> {
    await this.run(async (context) => {
      const wanted = this.watched
        .filter((w) => !this.attached.has(w.table))
        .map((w) => ({ ...w, proxy: context.workbook.tables.getItemOrNullObject(w.table) }));
      await context.sync();
      const present = wanted.filter((w) => !w.proxy.isNullObject);
      for (const { key, proxy } of present) this.attach(proxy, key);
      await context.sync();
      for (const { table } of present) this.attached.add(table);
    });
  }
}
