import type { Settings } from "../domain/schemas";
import { literalText } from "./cells";
import { lostColumns, queueSettingsBody, type LostColumns, type NewSettingRow } from "./settingsBody";
import { settingCell } from "./settingsRows";
import { SETTING_ROWS, exchangeRatesTable, settingsTable } from "./tables";

/**
 * Writes only the Value cells and exchange-rate rows that differ, so a co-author's edit to another setting
 * survives (cells merge one by one). Rows are found by their label or currency in the same call, just before
 * writing; a co-author inserting or deleting exchange-rate rows in between could shift them (accepted: the
 * table is small and rarely edited by two people at once). A setting or currency on two rows is saved to its
 * first row, the one loading reads; the other rows stay for the person to delete (loading reports them).
 * Writes nothing, and returns what is missing, when either table has lost a column it needs (set-up puts it
 * back); returns [] when saved.
 */
export async function writeSettings(
  context: Excel.RequestContext,
  settings: Settings,
): Promise<LostColumns[]> {
  const queuedSettings = queueSettingsBody(context, settingsTable);
  const queuedRates = queueSettingsBody(context, exchangeRatesTable);
  await context.sync();

  const current = queuedSettings.read();
  const rates = queuedRates.read();
  const lost = lostColumns([current, rates]);
  if (lost.length > 0) return lost;

  const absent: NewSettingRow[] = [];
  for (const setting of SETTING_ROWS) {
    const value = settingCell(setting.key, settings);
    const row = current.rowOf(setting.label);
    if (row < 0) absent.push({ label: setting.label, value, numberFormat: setting.numberFormat });
    else if (current.values[row][current.valueAt] !== settings[setting.key])
      current.table.getDataBodyRange().getCell(row, current.valueAt).values = [[value]];
  }
  current.queueAppend(absent);

  const wanted = new Map(Object.entries(settings.exchangeRates));
  const removeRows: number[] = [];
  for (const { key, rows } of rates.keys) {
    const currency = key.toUpperCase();
    const rate = wanted.get(currency);
    // a currency taken out goes from every row, or a later row would bring it back
    if (rate === undefined) removeRows.push(...rows);
    else if (rates.values[rows[0]][rates.valueAt] !== rate)
      rates.table.getDataBodyRange().getCell(rows[0], rates.valueAt).values = [[rate]];
    wanted.delete(currency);
  }
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
  return [];
}
