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
  /**
   * Formats earlier versions gave the Value cell (`from`): set-up brings a cell still in one of them up to date,
   * saying what changed (`change`), and leaves a format someone chose themselves as it is.
   */
  formerFormats?: { from: readonly string[]; change: string };
}

/**
 * The threshold as it is kept, to up to three decimal places: after the point "0" always shows its digit and "#"
 * only a digit that is not a trailing zero (Microsoft's "Number format codes"), so 0.8125 shows as 81.25%, 0.825
 * as 82.5% and 0.8 as 80.0%. The one "0" keeps the point from standing alone ("0.#%" shows 0.8 as "80.%").
 */
export const THRESHOLD_FORMAT = "0.0##%";

/** The rows of the Settings table, in order; the Value cell of each row gets its own number format. */
export const SETTING_ROWS: readonly SettingRow[] = [
  { key: "reportingCurrency", label: S.reportingCurrency, type: "text", numberFormat: FORMATS.text },
  {
    key: "underUseThreshold",
    label: S.underUseThreshold,
    type: "number",
    numberFormat: THRESHOLD_FORMAT,
    formerFormats: {
      from: ["0%", "0.0%"],
      change: `${S.underUseThreshold} shows as it is kept, to up to three decimal places: 81.25% no longer shows rounded to 81.3% or 81%.`,
    },
  },
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
