import { SETTINGS_LABELS as S } from "../../domain/labels";
import type { Settings } from "../../domain/schemas";
import { DEFAULT_SETTINGS } from "../../domain/schemas";
import { FORMATS, amountColumn, textColumn } from "./columns";
import type { TableSpec } from "./types";

/**
 * Settings live in cells, one setting per row, so co-authors' edits merge cell by cell
 * (document settings are overwritten wholesale by whoever saves last).
 */
export const SETTINGS_SHEET = "Settings";

export const settingsTable: TableSpec = {
  title: "Settings",
  sheet: SETTINGS_SHEET,
  table: "SettingsTable",
  anchor: "A1",
  columns: [
    { ...textColumn("Setting", "key", 190), readOnly: true },
    { header: "Value", field: "value", type: "mixed", numberFormat: FORMATS.general, width: 110 },
  ],
};

type ScalarSetting = Exclude<keyof Settings, "exchangeRates">;

export interface SettingRow {
  key: ScalarSetting;
  label: string;
  type: "text" | "number";
  numberFormat: string;
}

/** The rows of the Settings table, in order; the Value cell of each row gets its own number format. */
export const SETTING_ROWS: readonly SettingRow[] = [
  { key: "reportingCurrency", label: S.reportingCurrency, type: "text", numberFormat: FORMATS.text },
  { key: "underUseThreshold", label: S.underUseThreshold, type: "number", numberFormat: "0%" },
  {
    key: "defaultRenewalLeadDays",
    label: S.defaultRenewalLeadDays,
    type: "number",
    numberFormat: FORMATS.wholeNumber,
  },
  { key: "expiringSoonDays", label: S.expiringSoonDays, type: "number", numberFormat: FORMATS.wholeNumber },
];

export const defaultSettingValue = (key: ScalarSetting): string | number => DEFAULT_SETTINGS[key];

export const exchangeRatesTable: TableSpec = {
  title: "Exchange Rates",
  sheet: SETTINGS_SHEET,
  table: "ExchangeRatesTable",
  anchor: "D1",
  columns: [
    textColumn("Currency", "currency", 70),
    { ...amountColumn("Rate to Reporting Currency", "rate", 150), numberFormat: "0.0000" },
  ],
};
