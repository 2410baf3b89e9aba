import type { ExcelRun } from "./excel";

/**
 * Event handlers on tables that may not exist yet (they appear when the workbook is set up) or may be replaced
 * (a person deletes a table and set-up makes it again): each call to subscribe() attaches handlers to every
 * watched table whose current table has none yet, one call at a time so no table is attached twice. Tables are
 * told apart by Excel's table ID, not by name: the handlers of a deleted table never fire again (Microsoft
 * Learn, "Work with Events": "When an object to which events are registered is deleted ... the event handler no
 * longer triggers"), so a new table of the same name needs handlers of its own.
 * Handlers on the tables' worksheets (`attachSheet`) are attached once a worksheet, by its ID, however many
 * watched tables it holds. A table or worksheet counts as attached only once the sync that registers its
 * handlers has succeeded, so a call after a failed one attaches them again.
 */
export class TableSubscriptions<K> {
  /** Table name -> the ID of the table its handlers are attached to. */
  private readonly attached = new Map<string, string>();
  /** IDs of the worksheets whose handlers are attached. */
  private readonly attachedSheets = new Set<string>();
  private pending: Promise<void> = Promise.resolve();

  constructor(
    private readonly run: ExcelRun,
    private readonly watched: readonly { key: K; table: string }[],
    /** `worksheetId`: the ID of the table's worksheet, which worksheet events name. */
    private readonly attach: (table: Excel.Table, key: K, worksheetId: string) => void,
    private readonly attachSheet?: (sheet: Excel.Worksheet, worksheetId: string) => void,
  ) {}

  subscribe(): Promise<void> {
    this.pending = this.pending.catch(() => undefined).then(() => this.subscribeNow());
    return this.pending;
  }

  private async subscribeNow(): Promise<void> {
    await this.run(async (context) => {
      const found = this.watched.map((w) => {
        const proxy = context.workbook.tables.getItemOrNullObject(w.table).load("id");
        return { ...w, proxy, sheet: proxy.worksheet.load("id") };
      });
      await context.sync();
      const present = found.filter((w) => !w.proxy.isNullObject);
      const fresh = present.filter((w) => this.attached.get(w.table) !== w.proxy.id);
      for (const { key, proxy, sheet } of fresh) this.attach(proxy, key, sheet.id);
      const freshSheets = new Map<string, Excel.Worksheet>();
      for (const { sheet } of present) {
        if (!this.attachedSheets.has(sheet.id) && this.attachSheet) freshSheets.set(sheet.id, sheet);
      }
      for (const [id, sheet] of freshSheets) this.attachSheet?.(sheet, id);
      await context.sync();
      for (const { table, proxy } of fresh) this.attached.set(table, proxy.id);
      for (const id of freshSheets.keys()) this.attachedSheets.add(id);
    });
  }
}
