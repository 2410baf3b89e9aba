import type { ColumnMapping, MappedField, SavedColumnMapping } from "../domain/columnMapping";
import type { IsoDate } from "../domain/dates";
import type { ForeignLicence } from "../domain/licenceImport";

/** The tools whose exports are recognised, plus a person's own column mapping. */
export type FormatId =
  | "intune-discovered-apps"
  | "graph-detected-apps"
  | "mecm-add-remove-programs"
  | "lansweeper-software"
  | "osquery-programs"
  | "osquery-apps"
  | "osquery-deb-packages"
  | "osquery-results-log"
  | "jamf-computer-inventory"
  | "glpi-computers"
  | "glpi-software"
  | "powershell-uninstall"
  | "powershell-win32-product"
  | "snipeit-licences"
  | "snipeit-seats"
  | "column-mapping"
  | "unknown";

/** A row the import will not write, with the line a person can find it on and why. */
export interface RejectedRow {
  /** 1-based line in the file (for a JSON document, the record's position in its list). */
  line: number;
  reason: string;
}

/** One installation as the file gives it, already normalised: (device, title, version) identifies it. */
export interface ImportedInstallation {
  device: string;
  title: string;
  version?: string;
  publisher?: string;
  user?: string;
  installedOn?: IsoDate;
  /** The line of its first occurrence. */
  line: number;
  /** How many rows of the file gave this installation (1 when it was not repeated). */
  rows: number;
}

/** A per-app total from a tool that counts devices but does not list them. */
export interface AppTotal {
  title: string;
  publisher?: string;
  version?: string;
  deviceCount?: number;
}

/** A licence from another tool (Snipe-IT), in the register's terms. */
export interface ImportedLicence extends Omit<ForeignLicence, "softwareId"> {
  line: number;
  /** The product it licenses, as the other tool names it (matched to the catalogue later). */
  product: string;
  publisher?: string;
}

/** A seat of a licence checked out to a person (or to a device). */
export interface ImportedAllocation {
  line: number;
  /** The licence's product name in the other tool; absent when the file does not say (a seats export). */
  licence?: string;
  user?: string;
  device?: string;
  allocatedOn?: IsoDate;
}

/** Everything a file gave, and what happened to every row of it. */
export interface ImportResult {
  format: FormatId;
  /** The tool in plain words: "Microsoft Intune discovered apps". */
  formatName: string;
  installations: ImportedInstallation[];
  /** Rows that repeated an installation already read and were counted into it. */
  duplicatesCollapsed: number;
  /** Cells whose text began like a formula (= + - @, TAB, CR) and are kept as literal text. */
  neutralised: number;
  rejected: RejectedRow[];
  warnings: string[];
  /** How the file was read, in a sentence ("UTF-8 text, semicolon-delimited"). */
  readAs?: string;
  /** Per-app totals (Graph detectedApps, the GLPI software list): no installations can come from them. */
  appTotals?: AppTotal[];
  licences?: ImportedLicence[];
  allocations?: ImportedAllocation[];
  /** The file has no device column: installations are on the device given, or the one its name suggests. */
  noDeviceColumn?: boolean;
  /** The header row when no tool was recognised or a mapping read it, so a person can map its columns. */
  header?: string[];
  /** For a file read with a column mapping: the mapping, and whether it is one saved in the workbook. */
  mapping?: { columns: ColumnMapping; saved: boolean };
}

/** What the reader needs to know beyond the file's bytes. */
export interface ReadOptions {
  fileName?: string;
  /** The device every installation is on, for files with no device column (osquery, PowerShell on one PC). */
  device?: string;
  /** A person's mapping of this file's columns, used when no tool profile matches (or to override one). */
  mapping?: ColumnMapping;
  /** Mappings saved in the workbook: one whose header row is this file's is used before any tool profile. */
  savedMappings?: readonly SavedColumnMapping[];
  /** Called as reading advances, with the fraction done (0..1). */
  onProgress?: (fraction: number) => void;
  /** Stops reading at the next yield point; the read then rejects with an AbortError. */
  signal?: AbortSignal;
}

export type { ColumnMapping, SavedColumnMapping } from "../domain/columnMapping";
export type InstallationField = MappedField;
