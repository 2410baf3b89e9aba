import { DEFAULT_SETTINGS, settingsSchema, type Settings } from "../domain/schemas";
import type { DataIssue } from "./registerApi";
import { cellAddress, literalText, type CellValue } from "./cells";
import { sheetRowNumber, positionOf, type TableLayout } from "./tableLayout";
import { SETTING_ROWS, exchangeRatesTable, settingsTable } from "./tables/settingsTables";

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

/** Settings from the Settings and Exchange Rates tables; a bad value is an issue and its default is used. */
export function parseSettings(
  settings: { layout: TableLayout; rows: unknown[][] } | undefined,
  rates: { layout: TableLayout; rows: unknown[][] } | undefined,
): { settings: Settings; issues: DataIssue[] } {
  const result: Settings = { ...DEFAULT_SETTINGS, exchangeRates: {} };
  const issues: DataIssue[] = [];
  if (settings) {
    const keyAt = positionOf(settings.layout, settingsTable.columns[0].header);
    const valueAt = positionOf(settings.layout, settingsTable.columns[1].header);
    settings.rows.forEach((row, bodyRow) => {
      const label = String(row[keyAt] ?? "").trim();
      const setting = SETTING_ROWS.find((s) => s.label.toLowerCase() === label.toLowerCase());
      const raw = row[valueAt];
      if (!setting || keyAt < 0 || valueAt < 0 || raw === "" || raw === undefined) return;
      const value = setting.type === "number" ? numberFrom(raw) : String(raw);
      const parsed = settingsSchema.shape[setting.key].safeParse(value);
      if (parsed.success) (result as Record<string, unknown>)[setting.key] = parsed.data;
      else
        issues.push(
          issueAt(settings.layout, bodyRow, valueAt, setting.label, parsed.error.issues[0].message),
        );
    });
  }
  if (rates) {
    const [currencyColumn, rateColumn] = exchangeRatesTable.columns;
    const currencyAt = positionOf(rates.layout, currencyColumn.header);
    const rateAt = positionOf(rates.layout, rateColumn.header);
    if (currencyAt >= 0 && rateAt >= 0) {
      rates.rows.forEach((row, bodyRow) => {
        const currency = String(row[currencyAt] ?? "")
          .trim()
          .toUpperCase();
        const rate = numberFrom(row[rateAt]);
        if (currency === "" && (rate === "" || rate === undefined)) return;
        if (!/^[A-Z]{3}$/.test(currency)) {
          const message = `${currencyColumn.header} must be a 3-letter ISO 4217 code such as GBP, EUR or USD.`;
          issues.push(issueAt(rates.layout, bodyRow, currencyAt, currencyColumn.header, message));
        } else if (typeof rate !== "number" || !(rate > 0)) {
          const message = `${rateColumn.header} for ${currency} must be a number greater than 0.`;
          issues.push(issueAt(rates.layout, bodyRow, rateAt, rateColumn.header, message));
        } else result.exchangeRates[currency] = rate;
      });
    }
  }
  return { settings: result, issues };
}

/** The Value cell for a setting. */
export function settingCell(key: (typeof SETTING_ROWS)[number]["key"], settings: Settings): CellValue {
  const value = settings[key];
  return typeof value === "string" ? literalText(value) : value;
}
