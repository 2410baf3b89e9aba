import type { FormatId, InstallationField } from "./types";

/** Alternative spellings of one column's header, compared trimmed and case-insensitively. */
type HeaderNames = readonly string[];

/** What a tabular export holds: installations per device, per-app totals, or another tool's licences or seats. */
export type TableKind = "installations" | "app-totals" | "licences" | "seats";

/** A tool's export recognised by its header row; its columns are named, never guessed by position. */
export interface TableProfile {
  id: FormatId;
  name: string;
  kind: TableKind;
  /** Every entry must match some header for the profile to apply. */
  identify: readonly HeaderNames[];
  columns: Partial<Record<InstallationField, HeaderNames>>;
  /** Cells may hold several values joined by a literal <br> (GLPI). */
  multiValue?: boolean;
}

/** In order: the first profile whose identifying headers are all present wins, so specific ones come first. */
export const TABLE_PROFILES: readonly TableProfile[] = [
  {
    id: "snipeit-seats",
    name: "Snipe-IT licence seats",
    kind: "seats",
    identify: [["seat"], ["user", "assigned to", "checked out to", "asset"]],
    columns: {},
  },
  {
    id: "snipeit-licences",
    name: "Snipe-IT licences",
    kind: "licences",
    identify: [
      ["seats", "total"],
      ["product key", "serial", "serial number", "licensed to email", "licensed to name"],
      ["name", "item name", "license name", "licence name", "software name"],
    ],
    columns: {},
  },
  {
    id: "intune-discovered-apps",
    name: "Microsoft Intune discovered apps",
    kind: "installations",
    identify: [["applicationname"], ["devicename"]],
    columns: {
      device: ["devicename"],
      title: ["applicationname"],
      version: ["applicationversion", "applicationshortversion"],
      publisher: ["applicationpublisher"],
      user: ["emailaddress", "username", "userid"],
    },
  },
  {
    id: "mecm-add-remove-programs",
    name: "Configuration Manager Add/Remove Programs",
    kind: "installations",
    identify: [["netbios_name0"], ["displayname0"]],
    columns: {
      device: ["netbios_name0"],
      title: ["displayname0"],
      version: ["version0"],
      publisher: ["publisher0"],
      user: ["user_name0"],
      installedOn: ["installdate0"],
    },
  },
  {
    id: "lansweeper-software",
    name: "Lansweeper software by computer",
    kind: "installations",
    identify: [
      ["assetunique", "assetname"],
      ["software", "softwarename"],
    ],
    columns: {
      device: ["assetunique", "assetname"],
      title: ["software", "softwarename"],
      version: ["version", "softwareversion"],
      publisher: ["publisher", "softwarepublisher"],
      user: ["username", "lastuser"],
      installedOn: ["installdate"],
    },
  },
  {
    id: "glpi-computers",
    name: "GLPI computers with their software",
    kind: "installations",
    identify: [
      ["name", "computer - name"],
      ["software - name", "softwares - name", "software - software"],
    ],
    columns: {
      device: ["name", "computer - name"],
      title: ["software - name", "softwares - name", "software - software"],
      version: ["software - version", "software versions - name", "versions - name", "version - name"],
      publisher: ["software - publisher", "software - manufacturer"],
      user: ["user", "alternate username"],
    },
    multiValue: true,
  },
  {
    id: "glpi-software",
    name: "GLPI software list",
    kind: "app-totals",
    identify: [["name"], ["publisher", "manufacturer"], ["number of installations", "versions - name"]],
    columns: {
      title: ["name"],
      publisher: ["publisher", "manufacturer"],
      version: ["versions - name"],
    },
    multiValue: true,
  },
  {
    id: "powershell-win32-product",
    name: "PowerShell Win32_Product export",
    kind: "installations",
    identify: [["identifyingnumber"], ["name"], ["vendor"]],
    columns: {
      device: ["pscomputername", "computername", "__server"],
      title: ["name"],
      version: ["version"],
      publisher: ["vendor"],
      installedOn: ["installdate"],
    },
  },
  {
    id: "powershell-uninstall",
    name: "PowerShell export of installed programs",
    kind: "installations",
    identify: [["displayname"], ["displayversion"]],
    columns: {
      device: ["pscomputername", "computername", "__server"],
      title: ["displayname"],
      version: ["displayversion"],
      publisher: ["publisher"],
      installedOn: ["installdate"],
    },
  },
  {
    id: "osquery-apps",
    name: "osquery apps (macOS)",
    kind: "installations",
    identify: [["name"], ["bundle_identifier"]],
    columns: {
      title: ["name"],
      version: ["bundle_short_version", "bundle_version"],
    },
  },
  {
    id: "osquery-deb-packages",
    name: "osquery deb_packages (Linux)",
    kind: "installations",
    identify: [["name"], ["version"], ["maintainer"], ["arch"]],
    columns: { title: ["name"], version: ["version"] },
  },
  {
    id: "osquery-programs",
    name: "osquery programs (Windows)",
    kind: "installations",
    identify: [["name"], ["version"], ["install_location", "identifying_number", "uninstall_string"]],
    columns: {
      title: ["name"],
      version: ["version"],
      publisher: ["publisher"],
      installedOn: ["install_date"],
    },
  },
];

export const headerKey = (header: string): string => header.trim().toLowerCase();

/** Index of the first header matching one of the names, or -1. */
export function findColumn(header: readonly string[], names: HeaderNames | undefined): number {
  if (!names) return -1;
  const keys = header.map(headerKey);
  for (const name of names) {
    const at = keys.indexOf(name);
    if (at !== -1) return at;
  }
  return -1;
}

/** The tool whose export has this header row, if any. */
export function recogniseHeader(header: readonly string[]): TableProfile | undefined {
  const keys = new Set(header.map(headerKey));
  return TABLE_PROFILES.find((profile) => profile.identify.every((names) => names.some((n) => keys.has(n))));
}
