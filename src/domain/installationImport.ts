import { matchKey } from "./keys";
import type { InstallationSource } from "./lists";
import type { Installation } from "./schemas";

/** An installation an import would add: the register assigns its ID and metadata. */
export type InstallationDraft = Omit<Installation, "id" | "modified" | "rowVersion">;

/** One imported installation once its title is matched to a catalogue product. */
export interface MatchedInstallation {
  device: string;
  softwareId: string;
  version?: string;
  user?: string;
  installedOn?: string;
}

export interface InstallationImportPlan {
  /** New installations to write. */
  add: InstallationDraft[];
  /** Imported installations the register already holds from this source: left as they are. */
  unchanged: number;
  /** The source's installations in the register that this import does not report (for a full re-import). */
  notReported: Installation[];
}

/** An installation's identity for imports: (device, product, version) plus the source that reported it. */
export function installationImportKey(
  installation: { device: string; softwareId: string; version?: string },
  source: string,
): string {
  return [
    matchKey(installation.device),
    matchKey(installation.softwareId),
    (installation.version ?? "").trim(),
    matchKey(source),
  ].join("\u0000");
}

/**
 * What writing an import would do: an upsert on (device, product, version) plus the source, so importing the
 * same file again adds nothing. Installations of that source the file no longer reports are listed, not
 * removed: a full re-import asks the person before anything is taken away.
 */
export function planInstallationImport(
  existing: readonly Installation[],
  imported: readonly MatchedInstallation[],
  source: InstallationSource,
): InstallationImportPlan {
  const present = new Set<string>();
  for (const installation of existing) {
    if (matchKey(installation.source) === matchKey(source))
      present.add(installationImportKey(installation, source));
  }
  const reported = new Set<string>();
  const add: InstallationDraft[] = [];
  let unchanged = 0;
  for (const installation of imported) {
    const key = installationImportKey(installation, source);
    if (reported.has(key)) continue;
    reported.add(key);
    if (present.has(key)) {
      unchanged++;
      continue;
    }
    add.push({
      softwareId: installation.softwareId,
      device: installation.device,
      version: installation.version,
      user: installation.user,
      installedOn: installation.installedOn,
      source,
    });
  }
  const notReported = existing.filter(
    (installation) =>
      matchKey(installation.source) === matchKey(source) &&
      !reported.has(installationImportKey(installation, source)),
  );
  return { add, unchanged, notReported };
}
