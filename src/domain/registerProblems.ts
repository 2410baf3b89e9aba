import {
  ALLOCATION_LABELS as A,
  INSTALLATION_LABELS as I,
  LICENCE_LABELS as L,
  SETTINGS_LABELS as S,
  SHEET_NAMES,
  SOFTWARE_LABELS as SW,
} from "./labels";
import { counted } from "./wording";

/**
 * What the Data issues list and the Dashboard say about the register's problems (RegisterIndex.problems):
 * each names the record, says what is wrong, then what to change and where.
 */
export const problemMessages = {
  /** A software or licence ID on two rows of a load: the index keeps the last row it read. */
  repeatedId(kind: "software" | "licence", id: string): string {
    const [idLabel, sheet] =
      kind === "software" ? [SW.id, SHEET_NAMES.software] : [L.id, SHEET_NAMES.licences];
    return `${idLabel} ${id} is on more than one row of the ${sheet} sheet and only the last of them counts: give the other rows a new ${idLabel}, or delete them.`;
  },

  /** An installation or allocation ID on two rows: each row is counted. */
  repeatedRecordId(kind: "installation" | "allocation", id: string): string {
    const [idLabel, sheet] =
      kind === "installation" ? [I.id, SHEET_NAMES.installations] : [A.id, SHEET_NAMES.allocations];
    return `${idLabel} ${id} is on more than one row of the ${sheet} sheet and each row is counted: keep one, and give the others a new ${idLabel} or delete them.`;
  },

  installationNamesMissingLicence(id: string, licenceId: string | undefined): string {
    return `Installation ${id} names licence ${licenceId}, which is not in the register: change its ${I.licenceId} to a licence in the ${SHEET_NAMES.licences} sheet, or clear it.`;
  },

  allocationNamesMissingLicence(id: string, licenceId: string): string {
    return `Allocation ${id} names licence ${licenceId}, which is not in the register: change its ${A.licenceId} to a licence in the ${SHEET_NAMES.licences} sheet, or delete the allocation.`;
  },

  licenceOfMissingSoftware(licenceId: string, softwareId: string): string {
    return `Licence ${licenceId} is for software ${softwareId}, which is not in the software catalogue: add ${softwareId} to the ${SHEET_NAMES.software} sheet, or change the licence's ${L.softwareId}.`;
  },

  installationOnOtherSoftwaresLicence(
    installation: { id: string; softwareId: string },
    licence: { id: string; softwareId: string },
  ): string {
    return `Installation ${installation.id} is of software ${installation.softwareId} but is linked to licence ${licence.id}, which is for ${licence.softwareId}: link it to a licence of ${installation.softwareId}, or correct its ${I.softwareId}.`;
  },

  installationsOfMissingSoftware(count: number, softwareId: string): string {
    const installations = counted(count, "installation");
    const are = count === 1 ? "is" : "are";
    return `${installations} ${are} of software ${softwareId}, which is not in the software catalogue: add ${softwareId} to the ${SHEET_NAMES.software} sheet, or correct the ${I.softwareId} of ${count === 1 ? "that installation" : "those installations"}.`;
  },

  missingExchangeRate(currency: string, reporting: string): string {
    return `No exchange rate from ${currency} to ${reporting}, so costs in ${currency} are left out of the ${reporting} totals: add a rate for ${currency} to the ${S.exchangeRates} in Settings.`;
  },
};
