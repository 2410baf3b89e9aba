import type { IsoDate } from "../domain/dates";
import { counted } from "../domain/wording";
import { describeLines, namedLines } from "./sourceTable";
import { looksLikeFormula, normaliseDevice, normaliseTitle, normaliseVersion, titleKey } from "./normalise";
import type { ImportedInstallation, RejectedRow } from "./types";

/** One row's installation as the file gives it, before normalising. */
export interface RowInstallation {
  device?: string;
  title?: string;
  version?: string;
  publisher?: string;
  user?: string;
  installedOn?: IsoDate;
  /** The version came from a number cell: an earlier Excel save turned "121.0" into 121. */
  versionWasNumber?: boolean;
}

const keyOf = (device: string, title: string, version: string) =>
  `${device.toLowerCase()}\u0000${titleKey(title)}\u0000${version}`;

const optional = (text: string | undefined) => {
  const trimmed = text?.trim();
  return trimmed ? trimmed : undefined;
};

/**
 * Gathers installations row by row: normalises device, title and version, collapses repeats of one
 * (device, title, version) into one installation and counts them, rejects rows with no device or no title,
 * and counts formula-looking text (which the workbook writes as literal text).
 */
export class InstallationCollector {
  readonly rejected: RejectedRow[] = [];
  duplicatesCollapsed = 0;
  neutralised = 0;
  private readonly byKey = new Map<string, ImportedInstallation>();
  private readonly numberVersionLines: number[] = [];

  add(line: number, row: RowInstallation): void {
    const device = normaliseDevice(row.device ?? "");
    const title = normaliseTitle(row.title ?? "");
    if (device === "") {
      this.rejected.push({
        line,
        reason: "No device: the row does not say which computer the software is on.",
      });
      return;
    }
    if (title === "") {
      this.rejected.push({ line, reason: "No title: the row does not name the software." });
      return;
    }
    const version = normaliseVersion(row.version ?? "");
    for (const text of [row.device, row.title, row.version, row.publisher, row.user]) {
      if (text !== undefined && (looksLikeFormula(text) || looksLikeFormula(text.trim()))) this.neutralised++;
    }
    if (row.versionWasNumber && version !== "") this.numberVersionLines.push(line);
    const key = keyOf(device, title, version);
    const existing = this.byKey.get(key);
    if (existing) {
      existing.rows++;
      existing.publisher ??= optional(row.publisher);
      existing.user ??= optional(row.user);
      existing.installedOn ??= row.installedOn;
      this.duplicatesCollapsed++;
      return;
    }
    this.byKey.set(key, {
      device,
      title,
      version: version === "" ? undefined : version,
      publisher: optional(row.publisher),
      user: optional(row.user),
      installedOn: row.installedOn,
      line,
      rows: 1,
    });
  }

  /** Takes an installation away again (an osquery "removed" event). */
  remove(row: RowInstallation): void {
    const key = keyOf(
      normaliseDevice(row.device ?? ""),
      normaliseTitle(row.title ?? ""),
      normaliseVersion(row.version ?? ""),
    );
    this.byKey.delete(key);
  }

  /** Forgets everything on one device (an osquery snapshot replaces what the host reported before). */
  clearDevice(rawDevice: string): void {
    const prefix = `${normaliseDevice(rawDevice).toLowerCase()}\u0000`;
    for (const key of [...this.byKey.keys()]) if (key.startsWith(prefix)) this.byKey.delete(key);
  }

  installations(): ImportedInstallation[] {
    return [...this.byKey.values()];
  }

  /** Versions an earlier Excel save has likely changed: number cells, and "121" beside "121.0" of one title. */
  warnings(): string[] {
    const warnings: string[] = [];
    if (this.numberVersionLines.length > 0) {
      warnings.push(
        `${counted(this.numberVersionLines.length, "version")} ${this.numberVersionLines.length === 1 ? "is a number" : "are numbers"}, not text: an earlier save in Excel turns "121.0" into 121 and "8.10" into 8.1. Check ${this.numberVersionLines.length === 1 ? "it" : "them"} in the source tool (${namedLines(this.numberVersionLines)}).`,
      );
    }
    const versionsByTitle = new Map<string, { title: string; versions: Set<string> }>();
    for (const installation of this.byKey.values()) {
      if (installation.version === undefined) continue;
      const key = titleKey(installation.title);
      const entry = versionsByTitle.get(key) ?? { title: installation.title, versions: new Set<string>() };
      entry.versions.add(installation.version);
      versionsByTitle.set(key, entry);
    }
    const shortened: string[] = [];
    for (const { title, versions } of versionsByTitle.values()) {
      for (const version of versions) {
        if (!/^\d+(\.\d+)?$/.test(version)) continue;
        const longer = version.includes(".") ? `${version}0` : `${version}.0`;
        if (versions.has(longer)) shortened.push(`${title} ${version} (beside ${longer})`);
      }
    }
    if (shortened.length > 0) {
      warnings.push(
        `Some versions look shortened by an earlier Excel save: ${describeLines(shortened, 3)}. They are kept as given; check them in the source tool.`,
      );
    }
    return warnings;
  }
}
