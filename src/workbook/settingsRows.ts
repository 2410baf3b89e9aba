import { DEFAULT_SETTINGS, readExchangeRate, settingsSchema, type Settings } from "../domain/schemas";
import type { DataIssue } from "./registerApi";
import { cellAddress, isBlankCell, literalText, type CellValue } from "./cells";
import { KeptRows, type KeptRow } from "./keptRows";
import { joinAnd, typedText } from "./messages";
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

function cellAt(layout: TableLayout, bodyRow: number, position: number) {
  const row = sheetRowNumber(layout, bodyRow);
  return { sheet: layout.sheet, row, address: cellAddress(row - 1, layout.firstColumn + position) };
}

function issueAt(
  layout: TableLayout,
  bodyRow: number,
  position: number,
  column: string,
  message: string,
): DataIssue {
  const { sheet, row, address } = cellAt(layout, bodyRow, position);
  return { sheet, row, column, address, message };
}

/** A row's value cell as typed, for the rows a save leaves as they are. */
function keptRow({ layout, valueAt, values }: SettingsBody, bodyRow: number): KeptRow {
  const { sheet, address } = cellAt(layout, bodyRow, valueAt);
  return { sheet, address, value: values[bodyRow][valueAt] };
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

export interface SettingsReading {
  settings: Settings;
  issues: DataIssue[];
  /** The rows of each table the register could not read, which a save leaves as they are. */
  kept: { settings: KeptRows; rates: KeptRows };
}

/**
 * Settings from the Settings and Exchange Rates tables, each read from its first row; a bad value is an issue
 * and its default is used, and so is a setting or currency on more than one row. A table without its key or
 * value column gives nothing (loading reports the missing column). Loading and saving both read the tables
 * through here, so a save knows which rows the register could not read.
 */
export function parseSettings(
  settings: SettingsBody | undefined,
  rates: SettingsBody | undefined,
): SettingsReading {
  const reading: SettingsReading = {
    settings: { ...DEFAULT_SETTINGS, exchangeRates: {} },
    issues: [],
    kept: { settings: new KeptRows(), rates: new KeptRows() },
  };
  if (settings && settings.missing.length === 0) readSettingRows(settings, reading);
  if (rates && rates.missing.length === 0) readRateRows(rates, reading);
  return reading;
}

function readSettingRows(body: SettingsBody, { settings, issues, kept }: SettingsReading): void {
  for (const setting of SETTING_ROWS) {
    const rows = body.rowsOf(setting.label);
    if (rows.length === 0) continue;
    if (rows.length > 1) issues.push(repeatIssue(body, { key: setting.label, rows }));
    const raw = body.values[rows[0]][body.valueAt];
    if (isBlankCell(raw)) continue;
    const value = setting.type === "number" ? numberFrom(raw) : String(raw);
    const parsed = settingsSchema.shape[setting.key].safeParse(value);
    if (parsed.success) {
      (settings as Record<string, unknown>)[setting.key] = parsed.data;
      continue;
    }
    const message = `${parsed.error.issues[0].message} The cell holds ${typedText(raw)}, so the default, ${DEFAULT_SETTINGS[setting.key]}, is used until you correct it.`;
    issues.push(issueAt(body.layout, rows[0], body.valueAt, setting.label, message));
    kept.settings.add(rows[0], keptRow(body, rows[0]));
  }
}

const CODE_FIX = "Type the 3-letter ISO 4217 code, such as USD, EUR or GBP, or delete the row.";

/** What is wrong with a row of the Exchange Rates table the register cannot take a rate from, and what to do. */
function rateIssue(
  body: SettingsBody,
  bodyRow: number,
  problem: "code" | "rate",
  currency: string,
): DataIssue {
  const [currencyColumn, rateColumn] = exchangeRatesTable.columns;
  const label = body.labelAt(bodyRow);
  const rate = body.values[bodyRow][body.valueAt];
  if (problem === "code") {
    const message =
      label === ""
        ? `This rate has no currency, so the register does not use it. ${CODE_FIX}`
        : `${typedText(label)} is not a currency code, so the register does not use this row's rate. ${CODE_FIX}`;
    return issueAt(body.layout, bodyRow, body.keyAt, currencyColumn.header, message);
  }
  const found = isBlankCell(rate)
    ? `The rate for ${currency} is blank`
    : `The rate for ${currency}, ${typedText(rate)}, is not a number greater than 0`;
  const message = `${found}, so ${currency} has no exchange rate. Type the rate as a number greater than 0, or delete the row.`;
  return issueAt(body.layout, bodyRow, body.valueAt, rateColumn.header, message);
}

/** Each currency's rate from its first row; a row the register cannot take a rate from is kept as typed. */
function readRateRows(body: SettingsBody, { settings, issues, kept }: SettingsReading): void {
  body.values.forEach((row, bodyRow) => {
    const label = body.labelAt(bodyRow);
    if (label === "" && isBlankCell(row[body.valueAt])) return;
    const read = readExchangeRate(label, numberFrom(row[body.valueAt]));
    if (read.problem) kept.rates.add(bodyRow, keptRow(body, bodyRow));
    const rows = body.rowsOf(label);
    if (rows.length > 1 && rows[0] !== bodyRow) {
      if (rows[1] === bodyRow) issues.push(repeatIssue(body, { key: read.currency, rows }));
    } else if (read.problem) issues.push(rateIssue(body, bodyRow, read.problem, read.currency));
    else settings.exchangeRates[read.currency] = read.rate;
  });
}

/** The Value cell for a setting. */
export function settingCell(key: (typeof SETTING_ROWS)[number]["key"], settings: Settings): CellValue {
  const value = settings[key];
  return typeof value === "string" ? literalText(value) : value;
}
