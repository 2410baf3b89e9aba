import type { Settings } from "../domain/schemas";
import { literalText, type CellValue } from "./cells";
import type { KeptRow, KeptRows } from "./keptRows";
import { columnsLostMessage, unreadableOverwriteMessage } from "./messages";
import type { RegisterFailure } from "./registerApi";
import {
  lostColumns,
  queueSettingsBody,
  type LostColumns,
  type NewSettingRow,
  type SettingsTableBody,
} from "./settingsBody";
import { parseSettings, settingCell } from "./settingsRows";
import { SETTING_ROWS, exchangeRatesTable, settingsTable } from "./tables";

/** A cell a save would have to overwrite although the register cannot read what someone typed there. */
export interface OverwrittenCell extends KeptRow {
  field: keyof Settings;
  /** "Expiring Soon (Days)", "the rate for EUR". */
  what: string;
}

/** Why a save wrote nothing: a table lost a column it needs, or the save would overwrite cells it cannot read. */
export type SettingsNotSaved = { lost: LostColumns[] } | { overwritten: OverwrittenCell[] };

/** A save that wrote nothing, as the pane shows it: a cell in the way is also an error on the setting it blocks. */
export function notSavedFailure(notSaved: SettingsNotSaved): RegisterFailure {
  const doing = "save the settings";
  if ("lost" in notSaved) return { kind: "not-set-up", message: columnsLostMessage(doing, notSaved.lost) };
  const { overwritten } = notSaved;
  const fieldErrors: Record<string, string> = {};
  for (const field of new Set(overwritten.map((cell) => cell.field)))
    fieldErrors[field] = unreadableOverwriteMessage(
      doing,
      overwritten.filter((cell) => cell.field === field),
    );
  return { kind: "invalid", message: unreadableOverwriteMessage(doing, overwritten), fieldErrors };
}

/**
 * Writes only the settings and exchange rates that differ from what the tables hold now, read as a load reads
 * them, so a co-author's edit to another setting survives (cells merge one by one). Rows are found by their
 * label or currency in the same call, just before writing; a co-author inserting or deleting exchange-rate rows
 * in between could shift them (accepted: the table is small and rarely edited by two people at once). A setting
 * or currency on two rows is saved to its first row, the one loading reads; the other rows stay for the person
 * to delete (loading reports them). Rows the register cannot read stay as typed (see KeptRows).
 * Writes nothing, and says why, when either table has lost a column it needs (set-up puts it back) or a change
 * would overwrite a cell the register cannot read; returns undefined when saved.
 */
export async function writeSettings(
  context: Excel.RequestContext,
  settings: Settings,
): Promise<SettingsNotSaved | undefined> {
  const queuedSettings = queueSettingsBody(context, settingsTable);
  const queuedRates = queueSettingsBody(context, exchangeRatesTable);
  await context.sync();

  const current = queuedSettings.read();
  const rates = queuedRates.read();
  const lost = lostColumns([current, rates]);
  if (lost.length > 0) return { lost };
  const held = parseSettings(current, rates);

  const writes: { body: SettingsTableBody; row: number; value: CellValue }[] = [];
  const overwritten: OverwrittenCell[] = [];
  const write = (
    body: SettingsTableBody,
    kept: KeptRows,
    row: number,
    value: CellValue,
    cell: Omit<OverwrittenCell, keyof KeptRow>,
  ) => {
    const typed = kept.overwritten(row);
    if (typed) overwritten.push({ ...typed, ...cell });
    else writes.push({ body, row, value });
  };

  const absent: NewSettingRow[] = [];
  for (const setting of SETTING_ROWS) {
    const value = settingCell(setting.key, settings);
    const row = current.rowOf(setting.label);
    if (row < 0) absent.push({ label: setting.label, value, numberFormat: setting.numberFormat });
    else if (settings[setting.key] !== held.settings[setting.key])
      write(current, held.kept.settings, row, value, { field: setting.key, what: setting.label });
  }

  const wanted = new Map(Object.entries(settings.exchangeRates));
  const removeRows: number[] = [];
  for (const { key, rows } of rates.keys) {
    const currency = key.toUpperCase();
    const rate = wanted.get(currency);
    const had = held.settings.exchangeRates[currency];
    wanted.delete(currency);
    // a currency taken out goes from every row it is read from, or a later row would bring it back
    if (rate === undefined && had !== undefined)
      removeRows.push(...rows.filter((row) => held.kept.rates.mayDelete(row)));
    else if (rate !== undefined && rate !== had)
      write(rates, held.kept.rates, rows[0], rate, {
        field: "exchangeRates",
        what: `the rate for ${currency}`,
      });
  }
  if (overwritten.length > 0) return { overwritten };

  for (const { body, row, value } of writes)
    body.table.getDataBodyRange().getCell(row, body.valueAt).values = [[value]];
  current.queueAppend(absent);
  for (const index of removeRows.sort((a, b) => b - a))
    rates.table.getDataBodyRange().getRow(index).delete("Up");
  const rateFormat = exchangeRatesTable.columns[1].numberFormat;
  rates.queueAppend(
    [...wanted].map(([currency, rate]) => ({
      label: literalText(currency),
      value: rate,
      numberFormat: rateFormat,
    })),
  );
  await context.sync();
  return undefined;
}
