import type { Settings } from "../domain/schemas";
import { literalText, type CellValue } from "./cells";
import { queueSettingsBody, type NewSettingRow } from "./settingsBody";
import { settingCell } from "./settingsRows";
import { positionOf, queueLayout } from "./tableLayout";
import { SETTING_ROWS, exchangeRatesTable } from "./tables";

/**
 * Writes only the Value cells and exchange-rate rows that differ, so a co-author's edit to another setting
 * survives (cells merge one by one). Rows are found by their label or currency in the same call, just before
 * writing; a co-author inserting or deleting exchange-rate rows in between could shift them (accepted: the
 * table is small and rarely edited by two people at once). False, writing nothing, when the Settings table has
 * lost its Setting or Value column (set-up puts it back).
 */
export async function writeSettings(context: Excel.RequestContext, settings: Settings): Promise<boolean> {
  const queuedSettings = queueSettingsBody(context);
  const ratesLayout = queueLayout(context, exchangeRatesTable.table, exchangeRatesTable.sheet);
  const ratesBody = ratesLayout.table.getDataBodyRange().load("values");
  await context.sync();

  const current = queuedSettings.read();
  if (current.keyAt < 0 || current.valueAt < 0) return false;
  const absent: NewSettingRow[] = [];
  for (const setting of SETTING_ROWS) {
    const value = settingCell(setting.key, settings);
    const row = current.rowOf(setting.label);
    if (row < 0) absent.push({ label: setting.label, value, numberFormat: setting.numberFormat });
    else if (current.values[row][current.valueAt] !== settings[setting.key])
      current.table.getDataBodyRange().getCell(row, current.valueAt).values = [[value]];
  }
  current.queueAppend(absent);

  const rLayout = ratesLayout.read();
  const currencyAt = positionOf(rLayout, exchangeRatesTable.columns[0].header);
  const rateAt = positionOf(rLayout, exchangeRatesTable.columns[1].header);
  const wanted = new Map(Object.entries(settings.exchangeRates));
  const blankRows: number[] = [];
  const removeRows: number[] = [];
  ratesBody.values.forEach((row, index) => {
    const currency = String(row[currencyAt] ?? "")
      .trim()
      .toUpperCase();
    if (currency === "") {
      blankRows.push(index);
      return;
    }
    const rate = wanted.get(currency);
    if (rate === undefined) removeRows.push(index);
    else if (row[rateAt] !== rate)
      ratesLayout.table.getDataBodyRange().getCell(index, rateAt).values = [[rate]];
    wanted.delete(currency);
  });
  const newRates = [...wanted.entries()].map(([currency, rate]) => {
    const cells = new Array<CellValue>(rLayout.headers.length).fill("");
    cells[currencyAt] = literalText(currency);
    cells[rateAt] = rate;
    return cells;
  });
  // the one empty row a new table has is used before growing the table
  const fillBlank = newRates.length > 0 && blankRows.length === 1 && ratesBody.values.length === 1;
  if (fillBlank) ratesLayout.table.getDataBodyRange().getRow(0).values = [newRates.shift()!];
  for (const index of removeRows.sort((a, b) => b - a))
    ratesLayout.table.getDataBodyRange().getRow(index).delete("Up");
  if (newRates.length > 0)
    ratesLayout.table.getDataBodyRange().getRowsBelow(newRates.length).values = newRates;
  await context.sync();
  return true;
}
