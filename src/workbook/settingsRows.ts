import { DEFAULT_SETTINGS, settingsSchema, type Settings } from "../domain/schemas";
import type { DataIssue } from "./registerApi";
import { cellAddress, literalText, type CellValue } from "./cells";
import { joinAnd } from "./messages";
import type { KeyRows, SettingsBody } from "./settingsBody";
import { sheetRowNumber, type TableLayout } from "./tableLayout";
import { SETTING_ROWS, exchangeRatesTable } from "./tables/settingsTables";

const NUMERIC_TEXT = /^\s*[-+]?(\d+\.?\d*|\.\d+)\s*(%?)\s*$/;

function numberFrom(raw: unknown): unknown {
  if (typeof raw === "string") {
    const match = NUMERIC_TEXT.exec(raw);
    if (match) return Number(raw.replace("%", "")) / (match[2] ? 100 : 1);
  }
  return raw;
}

function issueAt(
  layout: TableLayout,
  bodyRow: number,
  position: number,
  column: string,
  message: string,
): DataIssue {
  const row = sheetRowNumber(layout, bodyRow);
  return {
    sheet: layout.sheet,
    row,
    column,
    address: cellAddress(row - 1, layout.firstColumn + position),
    message,
  };
}

/**
 * The rows of a key on more than one row: the first is used (see settingsBody), so the later ones are an issue
 * that points at the second row's key cell, the one to delete.
 */
function repeatIssue(body: SettingsBody, { key, rows }: KeyRows): DataIssue {
  const { spec, layout, keyAt } = body;
  const keyHeader = spec.columns[0].header;
  const sheetRows = joinAnd(rows.map((row) => String(sheetRowNumber(layout, row))));
  const others = rows.length > 2 ? "other rows" : "other row";
  const message = `The ${keyHeader.toLowerCase()} ${key} is on rows ${sheetRows} of the ${spec.title} table; the first is used. Delete the ${others}.`;
  return issueAt(layout, rows[1], keyAt, keyHeader, message);
}

/**
 * Settings from the Settings and Exchange Rates tables, each read from its first row; a bad value is an issue
 * and its default is used, and so is a setting or currency on more than one row. A table without its key or
 * value column gives nothing (loading reports the missing column).
 */
export function parseSettings(
  settings: SettingsBody | undefined,
  rates: SettingsBody | undefined,
): { settings: Settings; issues: DataIssue[] } {
  const result: Settings = { ...DEFAULT_SETTINGS, exchangeRates: {} };
  const issues: DataIssue[] = [];
  if (settings && settings.missing.length === 0) {
    for (const setting of SETTING_ROWS) {
      const rows = settings.rowsOf(setting.label);
      if (rows.length === 0) continue;
      if (rows.length > 1) issues.push(repeatIssue(settings, { key: setting.label, rows }));
      const raw = settings.values[rows[0]][settings.valueAt];
      if (raw === "" || raw === undefined) continue;
      const value = setting.type === "number" ? numberFrom(raw) : String(raw);
      const parsed = settingsSchema.shape[setting.key].safeParse(value);
      if (parsed.success) (result as Record<string, unknown>)[setting.key] = parsed.data;
      else
        issues.push(
          issueAt(settings.layout, rows[0], settings.valueAt, setting.label, parsed.error.issues[0].message),
        );
    }
  }
  if (rates && rates.missing.length === 0) {
    const [currencyColumn, rateColumn] = exchangeRatesTable.columns;
    const { layout, keyAt: currencyAt, valueAt: rateAt } = rates;
    rates.values.forEach((row, bodyRow) => {
      const currency = rates.labelAt(bodyRow).toUpperCase();
      const rate = numberFrom(row[rateAt]);
      if (currency === "" && (rate === "" || rate === undefined)) return;
      const rows = rates.rowsOf(currency);
      if (rows.length > 1 && rows[0] !== bodyRow) {
        if (rows[1] === bodyRow) issues.push(repeatIssue(rates, { key: currency, rows }));
      } else if (!/^[A-Z]{3}$/.test(currency)) {
        const message = `${currencyColumn.header} must be a 3-letter ISO 4217 code such as GBP, EUR or USD.`;
        issues.push(issueAt(layout, bodyRow, currencyAt, currencyColumn.header, message));
      } else if (typeof rate !== "number" || !(rate > 0)) {
        const message = `${rateColumn.header} for ${currency} must be a number greater than 0.`;
        issues.push(issueAt(layout, bodyRow, rateAt, rateColumn.header, message));
      } else result.exchangeRates[currency] = rate;
    });
  }
  return { settings: result, issues };
}

/** The Value cell for a setting. */
export function settingCell(key: (typeof SETTING_ROWS)[number]["key"], settings: Settings): CellValue {
  const value = settings[key];
  return typeof value === "string" ? literalText(value) : value;
}
