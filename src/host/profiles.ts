/**
 * The Excel platforms the host imitates. Each profile is the list of behaviours that differ between
 * Excel on the web, on Windows and on the Mac; src/host/README.md gives the source of each.
 */

export type ExcelPlatform = "web" | "windows" | "mac";

export const EXCEL_PLATFORMS: readonly ExcelPlatform[] = ["web", "windows", "mac"];

export interface ExcelProfile {
  readonly platform: ExcelPlatform;
  /** Largest request and largest response, UTF-8 bytes of their JSON; undefined where Excel sets none. */
  readonly payloadLimitBytes: number | undefined;
  /** Most cells one sync may read (Excel: five million per range read, on every platform). */
  readonly maxCellsPerRead: number;
  /** What a blank referenced cell reaches a custom function as. */
  readonly emptyCell: null | 0;
  /** Whether a value picked from a data-validation dropdown raises onChanged. */
  readonly dropdownPickRaisesChanged: boolean;
}

const FIVE_MB = 5_000_000;
const FIVE_MILLION_CELLS = 5_000_000;

export const EXCEL_PROFILES: Readonly<Record<ExcelPlatform, ExcelProfile>> = {
  web: {
    platform: "web",
    payloadLimitBytes: FIVE_MB,
    maxCellsPerRead: FIVE_MILLION_CELLS,
    emptyCell: null,
    dropdownPickRaisesChanged: false,
  },
  windows: {
    platform: "windows",
    payloadLimitBytes: undefined,
    maxCellsPerRead: FIVE_MILLION_CELLS,
    emptyCell: 0,
    // Reported on Windows too (office-js #420, #3888); not known to be fixed, so the stricter choice.
    dropdownPickRaisesChanged: false,
  },
  mac: {
    platform: "mac",
    payloadLimitBytes: undefined,
    maxCellsPerRead: FIVE_MILLION_CELLS,
    // Not reported either way for the Mac: the stricter choice, as Windows.
    emptyCell: 0,
    dropdownPickRaisesChanged: false,
  },
};

let defaultPlatform: ExcelPlatform = "web";

/** The profile a workbook gets when none is named (jest sets it per project; the playground from ?excel=). */
export function setDefaultExcelPlatform(platform: ExcelPlatform): void {
  if (!EXCEL_PLATFORMS.includes(platform)) throw new Error(`Unknown Excel platform "${String(platform)}".`);
  defaultPlatform = platform;
}

export function defaultExcelPlatform(): ExcelPlatform {
  return defaultPlatform;
}

export function isExcelPlatform(value: unknown): value is ExcelPlatform {
  return EXCEL_PLATFORMS.includes(value as ExcelPlatform);
}
