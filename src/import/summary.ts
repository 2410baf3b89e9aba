import { titleKey } from "./normalise";
import type { ImportResult } from "./types";

/** The figures a person checks before anything is written: what the preview shows and the CLI prints. */
export interface ImportSummary {
  format: ImportResult["format"];
  formatName: string;
  readAs?: string;
  installations: number;
  devices: number;
  titles: number;
  duplicatesCollapsed: number;
  neutralised: number;
  rejected: ImportResult["rejected"];
  warnings: string[];
  appTotals?: number;
  licences?: ImportResult["licences"];
  allocations?: ImportResult["allocations"];
  header?: string[];
  mapping?: ImportResult["mapping"];
}

export function summariseImport(result: ImportResult): ImportSummary {
  const devices = new Set(result.installations.map((i) => i.device.toLowerCase()));
  const titles = new Set(result.installations.map((i) => titleKey(i.title)));
  return {
    format: result.format,
    formatName: result.formatName,
    readAs: result.readAs,
    installations: result.installations.length,
    devices: devices.size,
    titles: result.appTotals ? new Set(result.appTotals.map((a) => titleKey(a.title))).size : titles.size,
    duplicatesCollapsed: result.duplicatesCollapsed,
    neutralised: result.neutralised,
    rejected: result.rejected,
    warnings: result.warnings,
    ...(result.appTotals && { appTotals: result.appTotals.length }),
    ...(result.licences && { licences: result.licences }),
    ...(result.allocations && { allocations: result.allocations }),
    ...(result.header && { header: result.header }),
    ...(result.mapping && { mapping: result.mapping }),
  };
}
