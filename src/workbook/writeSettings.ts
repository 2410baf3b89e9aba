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
import { settingDecision, settingText, settingsClashMessage, type SettingClash } from "./settingsMerge";
import { SETTING_ROWS, exchangeRatesTable, settingsTable } from "./tables";

/** A cell a save would have to overwrite although the register cannot read what someone typed there. */
export interface OverwrittenCell extends KeptRow {
  field: keyof Settings;
  /** "Expiring Soon (Days)", "the rate for EUR". */
  what: string;
}

/**
 * Why a save wrote nothing: a table lost a column it needs, the save would overwrite cells it cannot read, or
 * someone else changed a value the person also changed (`current`: the settings as the tables hold them now).
 */
export type SettingsNotSaved =
  | { lost: LostColumns[] }
  | { overwritten: OverwrittenCell[] }
  | { clashes: SettingClash[]; current: Settings };

/** A save that wrote: the settings as the tables now hold them, and what someone else changed that it kept. */
export interface SettingsSaved {
  saved: Settings;
  /** Labels of the settings and rates someone else changed since the base, kept as they wrote them. */
  kept: string[];
}

/** A save that wrote nothing, as the pane shows it: a cell in the way is also an error on the setting it blocks. */
export function notSavedFailure(notSaved: SettingsNotSaved): RegisterFailure {
  const doing = "save the settings";
  if ("lost" in notSaved) return { kind: "not-set-up", message: columnsLostMessage(doing, notSaved.lost) };
  if ("clashes" in notSaved) {
    const { clashes, current } = notSaved;
    const fields = [...new Set(clashes.map((clash) => clash.field))];
    return { kind: "conflict", message: settingsClashMessage(clashes), changedFields: fields, current };
  }
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
 * Writes only what the person changed since they loaded the settings (`base`), so a co-author's edit to any other
 * setting or rate survives, even one made after the person opened the settings and their form still shows the
 * old value (cells merge one by one, as a record's fields do: settingsMerge.ts). A value both changed, to
 * different values, is a clash: nothing is written. Without a base, the person is taken to have seen the tables
 * as they are now. Rows are found by their label or currency in the same call, just before writing; a co-author
 * inserting or deleting exchange-rate rows in between could shift them (accepted: the table is small and rarely
 * edited by two people at once). A setting or currency on two rows is saved to its first row, the one loading
 * reads; the other rows stay for the person to delete (loading reports them). Rows the register cannot read
 * stay as typed (see KeptRows).
 * Writes nothing, and says why, when either table has lost a column it needs (set-up puts it back), a change
 * would overwrite a cell the register cannot read, or a change clashes with someone else's.
 */
export async function writeSettings(
  context: Excel.RequestContext,
  settings: Settings,
  base?: Settings,
): Promise<SettingsSaved | { notSaved: SettingsNotSaved }> {
  const queuedSettings = queueSettingsBody(context, settingsTable);
  const queuedRates = queueSettingsBody(context, exchangeRatesTable);
  await context.sync();

  const current = queuedSettings.read();
  const rates = queuedRates.read();
  const lost = lostColumns([current, rates]);
  if (lost.length > 0) return { notSaved: { lost } };
  const held = parseSettings(current, rates);
  const seen = base ?? held.settings;

  const saved: Settings = { ...held.settings, exchangeRates: { ...held.settings.exchangeRates } };
  const kept: string[] = [];
  const clashes: SettingClash[] = [];
  /** Decides one value; true when the person's value is to be written. */
  const decide = <T extends string | number | undefined>(
    field: keyof Settings,
    what: string,
    mine: T,
    had: T,
    now: T,
  ): boolean => {
    const decision = settingDecision(mine, had, now);
    if (decision === "clash")
      clashes.push({ field, what, mine: settingText(field, mine), theirs: settingText(field, now) });
    else if (decision === "keep" && now !== had && mine !== now) kept.push(what);
    return decision === "write";
  };

  const writes: { body: SettingsTableBody; row: number; value: CellValue }[] = [];
  const overwritten: OverwrittenCell[] = [];
  const write = (
    body: SettingsTableBody,
    unreadable: KeptRows,
    row: number,
    value: CellValue,
    cell: Omit<OverwrittenCell, keyof KeptRow>,
  ) => {
    const typed = unreadable.overwritten(row);
    if (typed) overwritten.push({ ...typed, ...cell });
    else writes.push({ body, row, value });
  };

  const absent: NewSettingRow[] = [];
  for (const setting of SETTING_ROWS) {
    const { key, label } = setting;
    const changed = decide(key, label, settings[key], seen[key], held.settings[key]);
    if (changed) (saved as Record<string, unknown>)[key] = settings[key];
    const row = current.rowOf(label);
    if (row < 0) absent.push({ label, value: settingCell(key, saved), numberFormat: setting.numberFormat });
    else if (changed)
      write(current, held.kept.settings, row, settingCell(key, saved), { field: key, what: label });
  }

  const rateOf = (from: Settings, currency: string): number | undefined => from.exchangeRates[currency];
  const currencies = new Set(
    [settings, seen, held.settings].flatMap((from) => Object.keys(from.exchangeRates)),
  );
  const changedRates = new Map<string, number | undefined>();
  for (const currency of currencies) {
    const mine = rateOf(settings, currency);
    const what = `the rate for ${currency}`;
    if (!decide("exchangeRates", what, mine, rateOf(seen, currency), rateOf(held.settings, currency)))
      continue;
    changedRates.set(currency, mine);
    if (mine === undefined) delete saved.exchangeRates[currency];
    else saved.exchangeRates[currency] = mine;
  }
  if (clashes.length > 0) return { notSaved: { clashes, current: held.settings } };

  const removeRows: number[] = [];
  for (const { key, rows } of rates.keys) {
    const currency = key.toUpperCase();
    if (!changedRates.has(currency)) continue;
    const rate = changedRates.get(currency);
    changedRates.delete(currency);
    // a currency taken out goes from every row it is read from, or a later row would bring it back
    if (rate === undefined) removeRows.push(...rows.filter((row) => held.kept.rates.mayDelete(row)));
    else
      write(rates, held.kept.rates, rows[0], rate, {
        field: "exchangeRates",
        what: `the rate for ${currency}`,
      });
  }
  if (overwritten.length > 0) return { notSaved: { overwritten } };

  for (const { body, row, value } of writes)
    body.table.getDataBodyRange().getCell(row, body.valueAt).values = [[value]];
  current.queueAppend(absent);
  for (const index of removeRows.sort((a, b) => b - a))
    rates.table.getDataBodyRange().getRow(index).delete("Up");
  const rateFormat = exchangeRatesTable.columns[1].numberFormat;
  rates.queueAppend(
    [...changedRates]
      .filter((entry): entry is [string, number] => entry[1] !== undefined)
      .map(([currency, rate]) => ({ label: literalText(currency), value: rate, numberFormat: rateFormat })),
  );
  await context.sync();
  return { saved, kept };
}
