import { todayIsoDate } from "../domain/dates";
import type { RecordKind } from "../domain/ids";
import { DEFAULT_SETTINGS } from "../domain/schemas";
import { yieldEvery } from "../domain/yielding";
import type { HostSession, InMemoryWorkbook } from "../host";
import { createWorkbookRegister } from "../workbook/createWorkbookRegister";
import { recordCells } from "../workbook/records";
import { RECORD_TABLES } from "../workbook/tables";
import { syntheticRegisterPaced } from "./syntheticRegister";

/** Rows written per request, as a paste of a large range would be split. */
const ROWS_PER_WRITE = 5_000;
const SEED_ORDER: RecordKind[] = ["software", "licences", "allocations", "installations"];

/** What seeding reports as it goes: a sentence for the page, and the share done (0 to 1). */
export type SeedProgress = (message: string, share: number) => void;

/** Making the register is about a third of the seeding; writing it into the tables, the rest. */
const MAKING_SHARE = 0.3;

/**
 * Sets the in-memory workbook up as "Set up workbook" does, then writes the benchmark's synthetic register of
 * `licenceCount` licences (same generator, same fixed seed) straight into the tables, so anyone can open a
 * register of 100,000 licences in a browser. Dates are counted from today, so the figures look current. The
 * page keeps its turns throughout (making 100,000 licences takes seconds), so it can show `onProgress`.
 */
export async function seedSynthetic(
  workbook: InMemoryWorkbook,
  licenceCount: number,
  {
    today = todayIsoDate(),
    onProgress = () => undefined,
  }: { today?: string; onProgress?: SeedProgress } = {},
): Promise<void> {
  const session = workbook.session("Synthetic set-up");
  const register = createWorkbookRegister({ run: (batch) => session.run(batch) });
  const setUp = await register.setUp();
  if (!setUp.ok) throw new Error(`Could not set up the workbook: ${setUp.error.message}`);
  // Some synthetic licences are bought in dollars and euros; with rates their costs count in the GBP totals.
  const settings = await register.updateSettings({
    ...DEFAULT_SETTINGS,
    exchangeRates: { USD: 0.79, EUR: 0.86 },
  });
  if (!settings.ok) throw new Error(`Could not record the exchange rates: ${settings.error.message}`);
  const licences = licenceCount.toLocaleString("en-GB");
  const synthetic = await syntheticRegisterPaced(licenceCount, {
    pause: yieldEvery(),
    onProgress: (share) => onProgress(`Making a register of ${licences} licences…`, share * MAKING_SHARE),
    today,
  });
  const total = SEED_ORDER.reduce((sum, kind) => sum + synthetic[kind].length, 0);
  let written = 0;
  for (const kind of SEED_ORDER) {
    const spec = RECORD_TABLES[kind];
    const records = synthetic[kind] as unknown as Record<string, unknown>[];
    await appendTableRows(
      session,
      spec.table,
      records,
      (record) => recordCells(spec, { ...record, rowVersion: 1 }),
      (rows) => {
        written += rows;
        const done = `${written.toLocaleString("en-GB")} of ${total.toLocaleString("en-GB")}`;
        onProgress(
          `Writing ${licences} licences and their rows into the tables: ${done} rows…`,
          MAKING_SHARE + ((1 - MAKING_SHARE) * written) / total,
        );
      },
    );
  }
}

/**
 * Writes rows straight into a table the set-up just made (seeding, not what anyone measures): the first chunk
 * into its blank row, the rest below its last row, ROWS_PER_WRITE rows a request, each turned into cells
 * just before it is written (a million rows' cells made at once would be a pause of their own).
 */
export async function appendTableRows<T>(
  session: HostSession,
  tableName: string,
  rows: readonly T[],
  toCells: (row: T) => unknown[],
  onWritten: (rows: number) => void = () => undefined,
): Promise<void> {
  if (rows.length === 0) return;
  await session.run(async (context) => {
    const table = context.workbook.tables.getItem(tableName);
    for (let start = 0; start < rows.length; start += ROWS_PER_WRITE) {
      const chunk = rows.slice(start, start + ROWS_PER_WRITE).map(toCells);
      const target =
        start === 0
          ? table
              .getDataBodyRange()
              .getRow(0)
              .getResizedRange(chunk.length - 1, 0)
          : table.getDataBodyRange().getRowsBelow(chunk.length);
      target.values = chunk as Excel.Range["values"];
      await context.sync();
      onWritten(chunk.length);
    }
  });
}
