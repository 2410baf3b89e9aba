import type { InstallationSource } from "../domain/lists";
import type { FormatId } from "./types";

/** The Source an imported installation records: the tool, so a re-import of its exports can find its rows. */
export const SOURCE_OF_FORMAT: Record<FormatId, InstallationSource> = {
  "intune-discovered-apps": "Intune",
  "graph-detected-apps": "Intune",
  "mecm-add-remove-programs": "Configuration Manager",
  "lansweeper-software": "Lansweeper",
  "osquery-programs": "osquery",
  "osquery-apps": "osquery",
  "osquery-deb-packages": "osquery",
  "osquery-results-log": "osquery",
  "jamf-computer-inventory": "Jamf",
  "glpi-computers": "GLPI",
  "glpi-software": "GLPI",
  "powershell-uninstall": "PowerShell",
  "powershell-win32-product": "PowerShell",
  "snipeit-licences": "Snipe-IT",
  "snipeit-seats": "Snipe-IT",
  "column-mapping": "Import",
  unknown: "Import",
};
