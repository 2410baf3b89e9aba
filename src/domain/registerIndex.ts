import { toReportingCurrency } from "./costs";
import type { IsoDate } from "./dates";
import { KeyCounter, matchKey } from "./keys";
import { assessLicence, underUseThreshold, type LicenceLinks } from "./licencePosition";
import type { LicencePosition, ProductPosition, RegisterPosition } from "./positionTypes";
import { productPositionOf, type AssessedLicence } from "./productPosition";
import { RecordStore } from "./recordStore";
import type { Allocation, Installation, Licence, Settings, Software } from "./schemas";
import { isAllocationActive, usedQuantity, UsageTally } from "./usage";
import { forEachPaced, type Pause } from "./yielding";

export interface RegisterInput {
  software: Software[];
  licences: Licence[];
  allocations: Allocation[];
  installations: Installation[];
  settings: Settings;
}

export type RegisterProblem = RegisterPosition["problems"][number];

/** Everything linked to one licence ID, kept whether or not a licence with that ID exists. */
interface LicenceSlot {
  licence?: Licence;
  tally: UsageTally;
  /** Arrays, not sets: far cheaper to build for a million rows, and one removal scans one licence's rows only. */
  installations: Installation[];
  allocations: Allocation[];
  /** Linked installations whose software is not the licence's (0 while there is no licence). */
  mismatched: number;
  /** The licence's software, matched ("" while there is no licence). */
  softwareKey: string;
  /** The licence's product (undefined while there is no licence). */
  product?: ProductSlot;
}

/** Everything known about one software ID, whether or not it is in the catalogue. */
interface ProductSlot {
  software?: Software;
  licenceKeys: Set<string>;
  installations: number;
  /** Devices of installations linked to no licence or to a licence that is not in the register. */
  uncoveredDevices: KeyCounter;
  danglingInstallations: number;
  misplacedInstallations: number;
}

const linkKey = (id: string | undefined): string => (id === undefined ? "" : matchKey(id));

/**
 * The register indexed for one as-of date: built once in a single pass over each table, then kept current
 * one record at a time (upsert/remove), so a single edit updates the figures without a rebuild and one
 * licence's or product's position costs time in proportion to that licence or product alone.
 * References between records (licence ID, software ID) match trimmed and case-insensitively.
 */
export class RegisterIndex {
  private readonly licenceSlots = new Map<string, LicenceSlot>();
  private readonly productSlots = new Map<string, ProductSlot>();
  private readonly installations = new RecordStore<Installation>();
  private readonly allocations = new RecordStore<Allocation>();
  private readonly duplicateProblems: RegisterProblem[] = [];
  private settingsValue: Settings;
  private asOfValue: IsoDate;

  constructor(input: RegisterInput, asOf: IsoDate) {
    this.settingsValue = input.settings;
    this.asOfValue = asOf;
    for (const software of input.software) this.loadSoftware(software);
    for (const licence of input.licences) this.loadLicence(licence);
    // Installation and allocation IDs are generated unique and checked when read, so the bulk load adds
    // without looking them up; duplicates surface in problems() once an edit needs the IDs.
    for (const installation of input.installations) this.addInstallation(installation);
    for (const allocation of input.allocations) this.addAllocation(allocation);
  }

  /**
   * The same index built a slice at a time, giving the thread back whenever `pause` says so, with the
   * lookups by ID that edits need built too (the live register's load: nothing else runs meanwhile).
   */
  static async build(input: RegisterInput, asOf: IsoDate, pause: Pause): Promise<RegisterIndex> {
    const index = new RegisterIndex(
      { software: [], licences: [], allocations: [], installations: [], settings: input.settings },
      asOf,
    );
    await forEachPaced(input.software, pause, (software) => index.loadSoftware(software));
    await forEachPaced(input.licences, pause, (licence) => index.loadLicence(licence));
    await forEachPaced(input.installations, pause, (installation) => index.addInstallation(installation));
    await forEachPaced(input.allocations, pause, (allocation) => index.addAllocation(allocation));
    await index.installations.prepareLookups(pause);
    await index.allocations.prepareLookups(pause);
    return index;
  }

  /** A software or licence row of a load: a second row with the same ID is a problem (the last one counts). */
  private loadSoftware(software: Software): void {
    this.noteDuplicate("Software", software.id, this.productSlots.get(linkKey(software.id))?.software);
    this.upsertSoftware(software);
  }

  private loadLicence(licence: Licence): void {
    this.noteDuplicate("Licence", licence.id, this.licenceSlots.get(linkKey(licence.id))?.licence);
    this.upsertLicence(licence);
  }

  private noteDuplicate(kind: string, id: string, present: unknown): void {
    if (present === undefined) return;
    this.duplicateProblems.push({
      recordId: id,
      message: `${kind} ID ${id} is used by more than one row; only the last row counts.`,
    });
  }

  get asOf(): IsoDate {
    return this.asOfValue;
  }

  get settings(): Settings {
    return this.settingsValue;
  }

  /** Thresholds, lead times and rates are read at query time, so new settings need no re-indexing. */
  setSettings(settings: Settings): void {
    this.settingsValue = settings;
  }

  /** Moves the index to another date; only allocations depend on it (active or not), so only they are re-tallied. */
  setAsOf(asOf: IsoDate): void {
    if (asOf === this.asOfValue) return;
    for (const allocation of this.allocations.values()) this.changeAllocation(allocation, -1);
    this.asOfValue = asOf;
    for (const allocation of this.allocations.values()) this.changeAllocation(allocation, 1);
  }

  upsertSoftware(software: Software): void {
    this.productSlot(linkKey(software.id)).software = software;
  }

  removeSoftware(id: string): void {
    const slot = this.productSlots.get(linkKey(id));
    if (!slot) return;
    slot.software = undefined;
    this.dropProductSlotIfEmpty(linkKey(id), slot);
  }

  upsertLicence(licence: Licence): void {
    const key = linkKey(licence.id);
    const slot = this.licenceSlot(key);
    this.changeLinkedProductCounts(slot, -1);
    if (slot.licence) {
      const previousProductKey = linkKey(slot.licence.softwareId);
      const previousProduct = this.productSlot(previousProductKey);
      previousProduct.licenceKeys.delete(key);
      this.dropProductSlotIfEmpty(previousProductKey, previousProduct);
    }
    slot.licence = licence;
    if (slot.tally.rule !== licence.allocationRule) this.retally(slot);
    slot.softwareKey = linkKey(licence.softwareId);
    slot.product = this.productSlot(slot.softwareKey);
    slot.product.licenceKeys.add(key);
    this.changeLinkedProductCounts(slot, 1);
  }

  removeLicence(id: string): void {
    const key = linkKey(id);
    const slot = this.licenceSlots.get(key);
    if (!slot?.licence) return;
    this.changeLinkedProductCounts(slot, -1);
    const productKey = linkKey(slot.licence.softwareId);
    const product = this.productSlot(productKey);
    product.licenceKeys.delete(key);
    slot.licence = undefined;
    slot.softwareKey = "";
    slot.product = undefined;
    this.retally(slot);
    this.changeLinkedProductCounts(slot, 1);
    this.dropProductSlotIfEmpty(productKey, product);
    this.dropLicenceSlotIfEmpty(key, slot);
  }

  /** Adds or replaces (by ID) an installation. */
  upsertInstallation(installation: Installation): void {
    this.removeInstallation(installation.id);
    this.addInstallation(installation);
  }

  removeInstallation(id: string): void {
    const previous = this.installations.take(id);
    if (previous) this.changeInstallation(previous, -1);
  }

  /** Adds or replaces (by ID) an allocation. */
  upsertAllocation(allocation: Allocation): void {
    this.removeAllocation(allocation.id);
    this.addAllocation(allocation);
  }

  removeAllocation(id: string): void {
    const previous = this.allocations.take(id);
    if (previous) this.changeAllocation(previous, -1);
  }

  private addInstallation(installation: Installation): void {
    this.installations.add(installation);
    this.changeInstallation(installation, 1);
  }

  private addAllocation(allocation: Allocation): void {
    this.allocations.add(allocation);
    this.changeAllocation(allocation, 1);
  }

  /** The licence's position, or undefined when no licence has that ID. */
  licencePosition(licenceId: string): LicencePosition | undefined {
    return this.assess(linkKey(licenceId))?.position;
  }

  /** The product's position across its licences, or undefined when the software is not in the catalogue. */
  productPosition(softwareId: string): ProductPosition | undefined {
    const slot = this.productSlots.get(linkKey(softwareId));
    if (!slot?.software) return undefined;
    const assessed: AssessedLicence[] = [];
    for (const key of slot.licenceKeys) {
      const licence = this.assess(key);
      if (licence) assessed.push(licence);
    }
    return this.productOf(slot, slot.software, assessed);
  }

  /** IDs of the licences of a product (as stored on the licences). */
  licenceIdsOf(softwareId: string): string[] {
    const slot = this.productSlots.get(linkKey(softwareId));
    if (!slot) return [];
    const ids: string[] = [];
    for (const key of slot.licenceKeys) {
      const licence = this.licenceSlots.get(key)?.licence;
      if (licence) ids.push(licence.id);
    }
    return ids;
  }

  /** The whole register's position: every licence, every catalogue product, and the problems found. */
  position(): RegisterPosition {
    const assessed = new Map<string, AssessedLicence>();
    const licences = new Map<string, LicencePosition>();
    for (const [key, slot] of this.licenceSlots) {
      const licence = this.assessSlot(slot);
      if (!licence) continue;
      assessed.set(key, licence);
      licences.set(licence.position.licenceId, licence.position);
    }
    const products: ProductPosition[] = [];
    for (const slot of this.productSlots.values()) {
      if (!slot.software) continue;
      const ofProduct: AssessedLicence[] = [];
      for (const key of slot.licenceKeys) {
        const licence = assessed.get(key);
        if (licence) ofProduct.push(licence);
      }
      products.push(this.productOf(slot, slot.software, ofProduct));
    }
    return {
      asOf: this.asOfValue,
      reportingCurrency: this.settingsValue.reportingCurrency,
      licences,
      products,
      problems: this.problems(),
    };
  }

  /**
   * Data problems that make figures doubtful: references to records that do not exist, installations on a
   * licence of another software, concurrent licences with no usage figure, currencies with no exchange rate.
   * Costs time in proportion to the licences and the problem rows, not to all installations.
   */
  problems(): RegisterProblem[] {
    const problems: RegisterProblem[] = [...this.duplicateProblems];
    for (const id of this.installations.duplicateIds()) {
      problems.push({ recordId: id, message: `Installation ID ${id} is used by more than one row.` });
    }
    for (const id of this.allocations.duplicateIds()) {
      problems.push({ recordId: id, message: `Allocation ID ${id} is used by more than one row.` });
    }
    const missingRates = new Set<string>();
    const reporting = this.settingsValue.reportingCurrency;
    for (const slot of this.licenceSlots.values()) {
      const licence = slot.licence;
      if (!licence) {
        for (const { id, licenceId } of slot.installations) {
          problems.push({
            recordId: id,
            message: `Installation ${id} names licence ${licenceId}, which is not in the register.`,
          });
        }
        for (const { id, licenceId } of slot.allocations) {
          problems.push({
            recordId: id,
            message: `Allocation ${id} names licence ${licenceId}, which is not in the register.`,
          });
        }
        continue;
      }
      if (!this.productSlots.get(linkKey(licence.softwareId))?.software) {
        problems.push({
          recordId: licence.id,
          message: `Licence ${licence.id} is for software ${licence.softwareId}, which is not in the software catalogue.`,
        });
      }
      if (slot.mismatched > 0) {
        const licenceSoftware = linkKey(licence.softwareId);
        for (const installation of slot.installations) {
          if (linkKey(installation.softwareId) === licenceSoftware) continue;
          problems.push({
            recordId: installation.id,
            message: `Installation ${installation.id} is of software ${installation.softwareId} but is linked to licence ${licence.id}, which is for ${licence.softwareId}.`,
          });
        }
      }
      const usageReview = usedQuantity(
        licence.allocationRule,
        slot.tally,
        licence.peakConcurrentUse,
      ).reviewReason;
      if (usageReview)
        problems.push({ recordId: licence.id, message: `Licence ${licence.id}: ${usageReview}` });
      if (toReportingCurrency(1, licence.currency, reporting, this.settingsValue.exchangeRates) === null) {
        missingRates.add(licence.currency);
      }
    }
    for (const [key, slot] of this.productSlots) {
      if (slot.software || slot.installations === 0) continue;
      problems.push({
        recordId: key,
        message: `${slot.installations} installation(s) are of software ${key}, which is not in the software catalogue.`,
      });
    }
    for (const currency of missingRates) {
      problems.push({
        recordId: "settings",
        message: `No exchange rate from ${currency} to ${reporting} in Settings: costs in ${currency} are left out of the ${reporting} totals.`,
      });
    }
    return problems;
  }

  private assess(key: string): AssessedLicence | undefined {
    const slot = this.licenceSlots.get(key);
    return slot ? this.assessSlot(slot) : undefined;
  }

  private assessSlot(slot: LicenceSlot): AssessedLicence | undefined {
    const licence = slot.licence;
    if (!licence) return undefined;
    const links: LicenceLinks = {
      tally: slot.tally,
      mismatchedInstallations: slot.mismatched,
      softwareKnown: slot.product?.software !== undefined,
    };
    return assessLicence(licence, links, this.settingsValue, this.asOfValue);
  }

  private productOf(slot: ProductSlot, software: Software, licences: AssessedLicence[]): ProductPosition {
    const settings = this.settingsValue;
    return productPositionOf(
      software,
      licences,
      {
        unlicensedDevices: slot.uncoveredDevices.size,
        danglingInstallations: slot.danglingInstallations,
        misplacedInstallations: slot.misplacedInstallations,
      },
      underUseThreshold(settings),
      (amount, currency) =>
        toReportingCurrency(amount, currency, settings.reportingCurrency, settings.exchangeRates),
    );
  }

  private changeInstallation(installation: Installation, delta: 1 | -1): void {
    const licenceKey = linkKey(installation.licenceId);
    const softwareKey = linkKey(installation.softwareId);
    let product: ProductSlot;
    if (licenceKey === "") {
      product = this.productSlot(softwareKey);
      this.changeProductCounts(installation, softwareKey, product, undefined, delta);
    } else {
      const slot = this.licenceSlot(licenceKey);
      slot.tally.changeInstallation(installation, delta);
      if (delta === 1) slot.installations.push(installation);
      else removeItem(slot.installations, installation);
      // Most installations are of their licence's product: reach it through the licence, not another lookup.
      product =
        slot.product && slot.softwareKey === softwareKey ? slot.product : this.productSlot(softwareKey);
      this.changeProductCounts(installation, softwareKey, product, slot, delta);
      if (delta === -1) this.dropLicenceSlotIfEmpty(licenceKey, slot);
    }
    product.installations += delta;
    if (delta === -1) this.dropProductSlotIfEmpty(softwareKey, product);
  }

  private changeAllocation(allocation: Allocation, delta: 1 | -1): void {
    const key = linkKey(allocation.licenceId);
    const slot = this.licenceSlot(key);
    slot.tally.changeAllocation(allocation, isAllocationActive(allocation, this.asOfValue), delta);
    if (delta === 1) slot.allocations.push(allocation);
    else {
      removeItem(slot.allocations, allocation);
      this.dropLicenceSlotIfEmpty(key, slot);
    }
  }

  /** How an installation counts for its own product and its licence, given whether that licence exists. */
  private changeProductCounts(
    installation: Installation,
    softwareKey: string,
    product: ProductSlot,
    slot: LicenceSlot | undefined,
    delta: 1 | -1,
  ): void {
    if (!slot?.licence) {
      const device = matchKey(installation.device);
      if (device !== "") product.uncoveredDevices.change(device, delta);
      if (slot) product.danglingInstallations += delta;
    } else if (slot.softwareKey !== softwareKey) {
      product.misplacedInstallations += delta;
      slot.mismatched += delta;
    }
  }

  /** Recounts a licence's links for the rule of the licence now in the slot (all measures when none). */
  private retally(slot: LicenceSlot): void {
    slot.tally = new UsageTally(slot.licence?.allocationRule);
    for (const installation of slot.installations) slot.tally.changeInstallation(installation, 1);
    for (const allocation of slot.allocations) {
      slot.tally.changeAllocation(allocation, isAllocationActive(allocation, this.asOfValue), 1);
    }
  }

  private changeLinkedProductCounts(slot: LicenceSlot, delta: 1 | -1): void {
    for (const installation of slot.installations) {
      const softwareKey = linkKey(installation.softwareId);
      this.changeProductCounts(installation, softwareKey, this.productSlot(softwareKey), slot, delta);
    }
  }

  private licenceSlot(key: string): LicenceSlot {
    let slot = this.licenceSlots.get(key);
    if (!slot) {
      slot = {
        tally: new UsageTally(undefined),
        installations: [],
        allocations: [],
        mismatched: 0,
        softwareKey: "",
      };
      this.licenceSlots.set(key, slot);
    }
    return slot;
  }

  private productSlot(key: string): ProductSlot {
    let slot = this.productSlots.get(key);
    if (!slot) {
      slot = {
        licenceKeys: new Set(),
        installations: 0,
        uncoveredDevices: new KeyCounter(),
        danglingInstallations: 0,
        misplacedInstallations: 0,
      };
      this.productSlots.set(key, slot);
    }
    return slot;
  }

  private dropLicenceSlotIfEmpty(key: string, slot: LicenceSlot): void {
    if (!slot.licence && slot.installations.length === 0 && slot.allocations.length === 0) {
      this.licenceSlots.delete(key);
    }
  }

  private dropProductSlotIfEmpty(key: string, slot: ProductSlot): void {
    if (!slot.software && slot.licenceKeys.size === 0 && slot.installations === 0)
      this.productSlots.delete(key);
  }
}

/** Removes one occurrence (by identity) without keeping order. */
function removeItem<T>(items: T[], item: T): void {
  const index = items.lastIndexOf(item);
  if (index === -1) return;
  items[index] = items[items.length - 1];
  items.pop();
}
