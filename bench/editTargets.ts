/** The installation edits the benchmarks time: an installation moved to another licence, then back. */
import { columnLetter } from "../src/workbook/cells";
import { RECORD_TABLES } from "../src/workbook/tables";
import type { SyntheticRegister } from "./synthetic";

/** What the edits need of the synthetic register, so the rest of it can be dropped before the host is measured. */
export interface EditTargets {
  licenceIds: string[];
  /** The Licence ID of the first installations, which the edits move and move back. */
  installationLicenceIds: (string | undefined)[];
}

export function editTargets(synthetic: SyntheticRegister): EditTargets {
  return {
    licenceIds: synthetic.licences.map((licence) => licence.id),
    installationLicenceIds: synthetic.installations.slice(0, 100).map((i) => i.licenceId),
  };
}

/** The Installations sheet's Licence ID column, as a letter. */
export const licenceIdColumn = (): string => {
  const spec = RECORD_TABLES.installations;
  return columnLetter(spec.columns.findIndex((column) => column.field === "licenceId"));
};

/** Edit k: the cell of installation k's Licence ID, the licence it moves to, and the one it moves back to. */
export function editOf(targets: EditTargets, k: number): { cell: string; other: string; back: string } {
  return {
    cell: `${licenceIdColumn()}${k + 2}`,
    other: targets.licenceIds[(k * 7919) % targets.licenceIds.length],
    back: targets.installationLicenceIds[k] ?? "",
  };
}

/** Licence edit k: the cell of a licence's Vendor, spread over the sheet, and that licence's ID. */
export function licenceEditOf(targets: EditTargets, k: number): { cell: string; id: string } {
  const spec = RECORD_TABLES.licences;
  const vendor = columnLetter(spec.columns.findIndex((column) => column.field === "vendor"));
  const row = (k * 7919) % targets.licenceIds.length;
  return { cell: `${vendor}${row + 2}`, id: targets.licenceIds[row] };
}
