import { toReportingCurrency } from "./costs";
import type { IsoDate } from "./dates";
import { ID_PREFIXES } from "./ids";
import { DistinctKeys, KeyCounter, matchKey, MatchedMap } from "./keys";
import { assessLicence, underUseThreshold, type LicenceLinks } from "./licencePosition";
import type { LicencePosition, ProductPosition, RegisterPosition } from "./positionTypes";
import { productPositionOf, type AssessedLicence } from "./productPosition";
import { RecordStore } from "./recordStore";
import { Cover, coverOf, LoadLinks } from "./loadLinks";
import { LoadTallies } from "./loadTallies";
import { RowsBySlot } from "./rowsBySlot";
import { problemMessages } from "./registerProblems";
import type { Allocation, Installation, Licence, Settings, Software } from "./schemas";
import { countUsage, isAllocationActive, usedQuantity, UsageTally, type UsageCounts } from "./usage";
import { forEachPaced, passOver, runPasses, runPassesPaced, type Pass, type Pause } from "./yielding";

export interface RegisterInput {
  software: Software[];
  licences: Licence[];
  allocations: Allocation[];
  installations: Installation[];
  settings: Settings;
}

export type RegisterProblem = RegisterPosition["problems"][number];

export interface BuildOptions {
  /**
   * The caller keeps the installations and allocations by ID and edits them with replaceInstallation and
   * replaceAllocation, so the index keeps no map of its own of a million IDs (the live register).
   */
  recordsKeptByCaller?: boolean;
}

/** The register's problems by what they are about (RegisterIndex.problemsAbout); keys are matched IDs. */
export interface ProblemsByOwner {
  register: RegisterProblem[];
  licences: Map<string, RegisterProblem[]>;
  products: Map<string, RegisterProblem[]>;
}

/** The register-wide problems first, then those of each licence, then those of each product. */
export function problemList({ register, licences, products }: ProblemsByOwner): RegisterProblem[] {
  const all = [...register];
  for (const owners of [licences, products]) for (const list of owners.values()) all.push(...list);
  return all;
}

/** Everything linked to one licence ID, kept whether or not a licence with that ID exists. */
interface LicenceSlot {
  /** The licence ID, matched. */
  key: string;
  /**
   * Slots are numbered in the order they are made, which is the order the index lists them in: the slot's index in
   * licenceSlots (MatchedMap.at).
   */
  ordinal: number;
  licence?: Licence;
  /**
   * Counted from the rows for the licence's rule (nothing while there is no licence); a UsageTally, which
   * keeps the keys, once an edit has changed the licence's rows.
   */
  tally: UsageCounts;
  /** Arrays, not sets: far cheaper to build for a million rows, and one removal scans one licence's rows only. */
  installations: Installation[];
  allocations: Allocation[];
  /** Linked installations whose software is not the licence's (0 while there is no licence). */
  mismatched: number;
  /** The licence's product (undefined while there is no licence). */
  product?: ProductSlot;
}

/** Everything known about one software ID, whether or not it is in the catalogue. */
interface ProductSlot {
  /** The software ID, matched. */
  key: string;
  /** Numbered as licence slots are: the slot's index in productSlots (LoadLinks counts by these). */
  ordinal: number;
  software?: Software;
  licences: Set<LicenceSlot>;
  installations: number;
  /** Installations linked to no licence or to a licence that is not in the register. */
  uncovered: Installation[];
  /** Their distinct devices, counted once the load is over; undefined once uncoveredDevices keeps the keys. */
  uncoveredDeviceCount?: number;
  /** The same kept by key, from the first edit that changes the product's uncovered installations. */
  uncoveredDevices?: KeyCounter;
  danglingInstallations: number;
  misplacedInstallations: number;
}

/** The counts of a licence-less slot: nothing reads them, and a licence arriving recounts for its rule. */
const NO_USAGE: UsageCounts = {
  installations: 0,
  activeAllocations: 0,
  distinctDevices: 0,
  distinctUsers: 0,
};

/**
 * The register indexed for one as-of date: built once in a single pass over each table, then kept current
 * one record at a time (upsert/remove), so a single edit updates the figures without a rebuild and one
 * licence's or product's position costs time in proportion to that licence or product alone.
 * References between records (licence ID, software ID) match trimmed and case-insensitively.
 * While a load adds rows, distinct devices and users are not counted row by row (a map per licence for a
 * million rows is most of the work and the memory): each licence is counted once when the load is over, and
 * keeps its keys only from the first edit that changes its rows.
 */
export class RegisterIndex {
  private readonly licenceSlots = new MatchedMap<LicenceSlot>(ID_PREFIXES.licences);
  private readonly productSlots = new MatchedMap<ProductSlot>(ID_PREFIXES.software);
  /** Undefined when the caller keeps the records by ID (BuildOptions.recordsKeptByCaller). */
  private installations: RecordStore<Installation> | undefined = new RecordStore();
  private allocations: RecordStore<Allocation> | undefined = new RecordStore();
  private readonly duplicateProblems: RegisterProblem[] = [];
  /** The licences' currencies as written, counted: a missing exchange rate is found without a pass over the licences. */
  private readonly licenceCurrencies = new KeyCounter();
  private settingsValue: Settings;
  private asOfValue: IsoDate;
  /** True while a load adds rows without counting distinct keys (they are counted when it is over). */
  private loading = true;
  /** Reused to count distinct keys; empty between uses. */
  private readonly distinct = new DistinctKeys();
  private licenceSlotCount = 0;
  private productSlotCount = 0;
  /** The ordinal of the slot of blank Licence IDs (only spaces), which link to no licence; -1 until one is seen. */
  private blankLicenceOrdinal = -1;

  constructor(input: RegisterInput, asOf: IsoDate) {
    this.settingsValue = input.settings;
    this.asOfValue = asOf;
    for (const { items, each } of this.loadPasses(input, true)) {
      for (let index = 0; index < items.length; index++) each(items[index], index);
    }
    this.loading = false;
  }

  /**
   * The same index built a slice at a time, giving the thread back whenever `pause` says so, with the
   * lookups by ID that edits need built too (the live register's load: nothing else runs meanwhile).
   */
  static async build(
    input: RegisterInput,
    asOf: IsoDate,
    pause: Pause,
    { recordsKeptByCaller = false }: BuildOptions = {},
  ): Promise<RegisterIndex> {
    const index = new RegisterIndex(
      { software: [], licences: [], allocations: [], installations: [], settings: input.settings },
      asOf,
    );
    index.loading = true;
    if (recordsKeptByCaller) {
      index.installations = undefined;
      index.allocations = undefined;
    }
    for (const { items, each } of index.loadPasses(input, false)) await forEachPaced(items, pause, each);
    index.loading = false;
    await index.installations?.prepareLookups(pause);
    await index.allocations?.prepareLookups(pause);
    return index;
  }

  /**
   * A load's passes in order, each over its items: run at once (the constructor) or a slice at a time (build).
   * A generator, so that each pass is made once the passes before it have run. Installation and allocation IDs
   * are generated unique and checked when read, so the load adds them without looking them up; duplicates
   * surface in problems() once an edit needs the IDs.
   *
   * `tallyAsRowsArrive`: each licence's usage counted as the passes reach its rows (LoadTallies), not licence by
   * licence at the end. Not a slice at a time: its tables are made at once (a hash table of about 20 MB at 100k
   * seemed to bring a collection of the whole heap forward in the live register's start), and the counts are made
   * in one stretch when first read, about 0.25 s at 100k (bench/README.md).
   */
  private *loadPasses(input: RegisterInput, tallyAsRowsArrive: boolean): Generator<LoadPass> {
    this.productSlots.reserve(input.software.length);
    this.licenceSlots.reserve(input.licences.length);
    yield pass(input.software, (software) => this.loadSoftware(software));
    yield pass(input.licences, (licence) => this.loadLicence(licence));
    this.installations?.addAll(input.installations);
    this.allocations?.addAll(input.allocations);
    const tallies = tallyAsRowsArrive
      ? new LoadTallies(
          [...this.licenceSlots.values()].map((slot) => slot.licence?.allocationRule),
          input.installations,
          input.allocations,
          this.asOfValue,
        )
      : undefined;
    const installations = new RowsBySlot<Installation>(input.installations.length);
    const links = new LoadLinks(this.licenceProductOrdinals(), this.productSlotCount);
    yield pass(input.installations, (installation, row) => {
      const ordinal = this.loadInstallation(installation, links);
      if (ordinal < 0) return;
      installations.note(row, ordinal);
      tallies?.installation(ordinal, installation, row);
    });
    const allocations = new RowsBySlot<Allocation>(input.allocations.length);
    yield pass(input.allocations, (allocation, row) => {
      const ordinal = this.licenceSlots.obtainIndex(allocation.licenceId, this.newLicenceSlot);
      allocations.note(row, ordinal);
      tallies?.allocation(ordinal, allocation, row);
    });
    const slots = [...this.licenceSlots.values()];
    yield pass(slots, (slot) => {
      slot.installations = installations.makeList(slot.ordinal, slot.installations);
      slot.allocations = allocations.makeList(slot.ordinal, slot.allocations);
      slot.mismatched += links.mismatched.get(slot.ordinal);
    });
    const products = [...this.productSlots.values()];
    yield pass(products, (product) => {
      product.installations += links.installations.get(product.ordinal);
      product.misplacedInstallations += links.misplaced.get(product.ordinal);
    });
    yield pass(input.installations, (installation, row) => installations.fill(installation, row));
    yield pass(input.allocations, (allocation, row) => allocations.fill(allocation, row));
    yield pass(slots, (slot) => {
      const licence = slot.licence;
      if (!tallies || !licence) this.retally(slot);
      else slot.tally = tallies.countsOf(slot.ordinal, licence.allocationRule, slot.installations.length);
    });
    yield pass(products, (product) => this.countUncovered(product));
  }

  /**
   * A load's installation, counted by ordinal (LoadLinks); its licence's list is filled after the pass
   * (RowsBySlot). Gives its licence's ordinal, or -1 when its Licence ID is blank.
   */
  private loadInstallation(installation: Installation, links: LoadLinks): number {
    const ordinal = this.linkedOrdinal(installation.licenceId);
    const product = this.installationProductOrdinal(installation, ordinal);
    if (!links.installation(ordinal, product)) {
      const slot = this.productSlots.at(product);
      slot.uncovered.push(installation);
      if (ordinal >= 0) slot.danglingInstallations++;
    }
    return ordinal;
  }

  /** By licence ordinal, the product ordinal of the licence with that ID, -1 where there is none. */
  private licenceProductOrdinals(): Int32Array {
    const products = new Int32Array(this.licenceSlotCount).fill(-1);
    for (const slot of this.licenceSlots.values()) {
      if (slot.licence && slot.product) products[slot.ordinal] = slot.product.ordinal;
    }
    return products;
  }

  /** A software or licence row of a load: a second row with the same ID is a problem (the last one counts). */
  private loadSoftware(software: Software): void {
    this.noteDuplicate("software", software.id, this.productSlot(software.id).software);
    this.upsertSoftware(software);
  }

  private loadLicence(licence: Licence): void {
    this.noteDuplicate("licence", licence.id, this.licenceSlot(licence.id).licence);
    this.upsertLicence(licence);
  }

  private noteDuplicate(kind: "software" | "licence", id: string, present: unknown): void {
    if (present === undefined) return;
    this.duplicateProblems.push({ recordId: id, message: problemMessages.repeatedId(kind, id) });
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
    this.asOfValue = asOf;
    for (const slot of this.licenceSlots.values()) if (slot.allocations.length > 0) this.retally(slot);
  }

  upsertSoftware(software: Software): void {
    this.productSlot(software.id).software = software;
  }

  removeSoftware(id: string): void {
    const slot = this.productSlots.get(id);
    if (slot) slot.software = undefined;
  }

  upsertLicence(licence: Licence): void {
    const slot = this.licenceSlot(licence.id);
    this.changeLinkedProductCounts(slot, -1);
    slot.product?.licences.delete(slot);
    if (slot.licence) this.licenceCurrencies.change(slot.licence.currency, -1);
    slot.licence = licence;
    this.licenceCurrencies.change(licence.currency, 1);
    if (slot.tally.rule !== licence.allocationRule) this.retally(slot);
    slot.product = this.productSlot(licence.softwareId);
    slot.product.licences.add(slot);
    this.changeLinkedProductCounts(slot, 1);
  }

  removeLicence(id: string): void {
    const slot = this.licenceSlots.get(id);
    if (!slot?.licence) return;
    this.changeLinkedProductCounts(slot, -1);
    slot.product?.licences.delete(slot);
    this.licenceCurrencies.change(slot.licence.currency, -1);
    slot.licence = undefined;
    slot.product = undefined;
    this.retally(slot);
    this.changeLinkedProductCounts(slot, 1);
  }

  /** Adds or replaces (by ID) an installation. */
  upsertInstallation(installation: Installation): void {
    this.removeInstallation(installation.id);
    this.addInstallation(installation);
  }

  removeInstallation(id: string): void {
    const previous = ownStore(this.installations, "Installation").take(id);
    if (previous) this.changeInstallation(previous, -1);
  }

  /** Replaces an installation the caller kept (`previous`) with another, or adds or removes one. */
  replaceInstallation(previous: Installation | undefined, next: Installation | undefined): void {
    if (previous) this.changeInstallation(previous, -1);
    if (next) this.changeInstallation(next, 1);
  }

  /** Adds or replaces (by ID) an allocation. */
  upsertAllocation(allocation: Allocation): void {
    this.removeAllocation(allocation.id);
    this.addAllocation(allocation);
  }

  removeAllocation(id: string): void {
    const previous = ownStore(this.allocations, "Allocation").take(id);
    if (previous) this.changeAllocation(previous, -1);
  }

  /** Replaces an allocation the caller kept (`previous`) with another, or adds or removes one. */
  replaceAllocation(previous: Allocation | undefined, next: Allocation | undefined): void {
    if (previous) this.changeAllocation(previous, -1);
    if (next) this.changeAllocation(next, 1);
  }

  private addInstallation(installation: Installation): void {
    this.installations?.add(installation);
    this.changeInstallation(installation, 1);
  }

  private addAllocation(allocation: Allocation): void {
    this.allocations?.add(allocation);
    this.changeAllocation(allocation, 1);
  }

  /** The licence's position, or undefined when no licence has that ID. */
  licencePosition(licenceId: string): LicencePosition | undefined {
    const slot = this.licenceSlots.get(licenceId);
    return slot ? this.assessSlot(slot)?.position : undefined;
  }

  /** The product's position across its licences, or undefined when the software is not in the catalogue. */
  productPosition(softwareId: string): ProductPosition | undefined {
    const slot = this.productSlots.get(softwareId);
    if (!slot?.software) return undefined;
    const assessed: AssessedLicence[] = [];
    for (const licenceSlot of slot.licences) {
      const licence = this.assessSlot(licenceSlot);
      if (licence) assessed.push(licence);
    }
    return this.productOf(slot, slot.software, assessed);
  }

  /** IDs of the licences of a product (as stored on the licences). */
  licenceIdsOf(softwareId: string): string[] {
    const slot = this.productSlots.get(softwareId);
    if (!slot) return [];
    const ids: string[] = [];
    for (const { licence } of slot.licences) if (licence) ids.push(licence.id);
    return ids;
  }

  /** The licences of a product (as stored), in no set order. */
  licencesOf(softwareId: string): Licence[] {
    const slot = this.productSlots.get(softwareId);
    const licences: Licence[] = [];
    for (const { licence } of slot?.licences ?? []) if (licence) licences.push(licence);
    return licences;
  }

  /** The catalogue's products, each once (the last row of a repeated software ID), in the order first indexed. */
  catalogue(): Software[] {
    const products: Software[] = [];
    for (const slot of this.productSlots.values()) if (slot.software) products.push(slot.software);
    return products;
  }

  /**
   * The product's position if some of its unlinked installations were linked to its licences (`links`: each
   * installation as unlinkedInstallationsOf gives it, with the ID of a licence of the same product); the index
   * is not changed. Linking moves an installation from the product's unlicensed use to one of its own licences,
   * so no other product's figures change. Costs time in proportion to the product's rows.
   */
  productPositionIfLinked(
    softwareId: string,
    links: readonly { installation: Installation; licenceId: string }[],
  ): ProductPosition | undefined {
    const product = this.productSlots.get(softwareId);
    if (!product?.software) return undefined;
    const added = new Map<LicenceSlot, Installation[]>();
    const moved = new Set<Installation>();
    for (const { installation, licenceId } of links) {
      const slot = this.licenceSlots.get(licenceId);
      if (!slot?.licence || slot.product !== product || !isUnlinked(installation))
        throw new Error(`Only an unlinked installation can be linked, to a licence of its own product.`);
      const list = added.get(slot);
      if (list) list.push(installation);
      else added.set(slot, [installation]);
      moved.add(installation);
    }
    const assessed: AssessedLicence[] = [];
    for (const slot of product.licences) {
      const licence = slot.licence;
      const more = added.get(slot);
      if (!licence) continue;
      if (!more) {
        const same = this.assessSlot(slot);
        if (same) assessed.push(same);
        continue;
      }
      const installations = [...slot.installations, ...more];
      const tally = countUsage(
        licence.allocationRule,
        installations,
        slot.allocations,
        this.asOfValue,
        this.distinct,
      );
      const links: LicenceLinks = { tally, mismatchedInstallations: slot.mismatched, softwareKnown: true };
      assessed.push(assessLicence(licence, links, this.settingsValue, this.asOfValue));
    }
    const distinct = this.distinct;
    for (const installation of product.uncovered)
      if (!moved.has(installation)) distinct.addText(installation.device);
    const unlicensedDevices = distinct.size;
    distinct.clear();
    return this.productOf(product, product.software, assessed, unlicensedDevices);
  }

  /** The whole register's position: every licence, every catalogue product, and the problems found. */
  position(): RegisterPosition {
    return { ...this.positions(), problems: this.problems() };
  }

  /** Every licence's and catalogue product's position, without the problems (problemsAbout groups those). */
  positions(): Omit<RegisterPosition, "problems"> {
    const figures = this.figuresOfAll();
    runPasses(figures.passes);
    return figures.result();
  }

  /**
   * Every licence's and catalogue product's position (the problems are problemsAbout's), worked out a slice at a
   * time, giving the thread back when `pause` says so: at 100,000 licences the whole register's figures are
   * most of a second of work (bench/README.md). Edits may land between slices; the caller asks again about
   * what they touched, as after any edit.
   */
  async positionsPaced(pause: Pause): Promise<Omit<RegisterPosition, "problems">> {
    const figures = this.figuresOfAll();
    await runPassesPaced(figures.passes, pause);
    return figures.result();
  }

  /** position()'s passes over the licence and product slots, and what they made once they have run. */
  private figuresOfAll(): { passes: Pass[]; result: () => Omit<RegisterPosition, "problems"> } {
    // by slot ordinal, filled in order (the slots are listed in ordinal order), which keeps the array compact
    const assessed: (AssessedLicence | undefined)[] = [];
    const licences = new Map<string, LicencePosition>();
    const products: ProductPosition[] = [];
    const assess = (slot: LicenceSlot) => {
      const licence = this.assessSlot(slot);
      assessed[slot.ordinal] = licence;
      if (licence) licences.set(licence.position.licenceId, licence.position);
    };
    const aggregate = (slot: ProductSlot) => {
      if (!slot.software) return;
      const ofProduct: AssessedLicence[] = [];
      for (const licenceSlot of slot.licences) {
        const licence = assessed[licenceSlot.ordinal];
        if (licence) ofProduct.push(licence);
      }
      products.push(this.productOf(slot, slot.software, ofProduct));
    };
    return {
      passes: [passOver(this.licenceSlots.values(), assess), passOver(this.productSlots.values(), aggregate)],
      result: () => ({
        asOf: this.asOfValue,
        reportingCurrency: this.settingsValue.reportingCurrency,
        licences,
        products,
      }),
    };
  }

  /**
   * Data problems that make figures doubtful: references to records that do not exist, installations on a
   * licence of another software, concurrent licences with no usage figure, currencies with no exchange rate.
   * Costs time in proportion to the licences and the problem rows, not to all installations.
   */
  problems(): RegisterProblem[] {
    const problems = this.duplicateIdProblems();
    for (const slot of this.licenceSlots.values()) problems.push(...this.licenceSlotProblems(slot));
    for (const slot of this.productSlots.values()) problems.push(...this.productSlotProblems(slot));
    problems.push(...this.missingRateProblems());
    return problems;
  }

  private duplicateIdProblems(): RegisterProblem[] {
    const problems: RegisterProblem[] = [...this.duplicateProblems];
    for (const id of this.installations?.duplicateIds() ?? []) {
      problems.push({ recordId: id, message: problemMessages.repeatedRecordId("installation", id) });
    }
    for (const id of this.allocations?.duplicateIds() ?? []) {
      problems.push({ recordId: id, message: problemMessages.repeatedRecordId("allocation", id) });
    }
    return problems;
  }

  /** The problems of one licence ID: of the licence itself, or of the records naming it when there is none. */
  private licenceSlotProblems(slot: LicenceSlot): RegisterProblem[] {
    const problems: RegisterProblem[] = [];
    const licence = slot.licence;
    if (!licence) {
      for (const { id, licenceId } of slot.installations) {
        problems.push({
          recordId: id,
          message: problemMessages.installationNamesMissingLicence(id, licenceId),
        });
      }
      for (const { id, licenceId } of slot.allocations) {
        problems.push({
          recordId: id,
          message: problemMessages.allocationNamesMissingLicence(id, licenceId),
        });
      }
      return problems;
    }
    if (!slot.product?.software) {
      problems.push({
        recordId: licence.id,
        message: problemMessages.licenceOfMissingSoftware(licence.id, licence.softwareId),
      });
    }
    if (slot.mismatched > 0) {
      for (const installation of slot.installations) {
        if (this.productSlots.get(installation.softwareId) === slot.product) continue;
        problems.push({
          recordId: installation.id,
          message: problemMessages.installationOnOtherSoftwaresLicence(installation, licence),
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
    return problems;
  }

  private productSlotProblems(slot: ProductSlot): RegisterProblem[] {
    if (slot.software || slot.installations === 0) return [];
    return [
      {
        recordId: slot.key,
        message: problemMessages.installationsOfMissingSoftware(slot.installations, shownSoftwareId(slot)),
      },
    ];
  }

  private missingRateProblems(): RegisterProblem[] {
    const { reportingCurrency: reporting, exchangeRates } = this.settingsValue;
    const problems: RegisterProblem[] = [];
    for (const currency of this.licenceCurrencies.keys()) {
      if (toReportingCurrency(1, currency, reporting, exchangeRates) !== null) continue;
      problems.push({
        recordId: "settings",
        message: problemMessages.missingExchangeRate(currency, reporting),
      });
    }
    return problems;
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

  /**
   * The position a licence would have if it were stored (in place of the licence with its ID, or added), read
   * from the rows linked to its ID; the index is not changed. The licence form's figures as the user types:
   * costs time in proportion to that licence's rows, and only when the rule or the software differ from the
   * stored licence's.
   */
  assessDraft(licence: Licence): LicencePosition {
    const slot = this.licenceSlots.get(licence.id);
    const installations = slot?.installations ?? [];
    const stored = slot?.licence;
    const tally =
      stored && slot.tally.rule === licence.allocationRule
        ? slot.tally
        : countUsage(
            licence.allocationRule,
            installations,
            slot?.allocations ?? [],
            this.asOfValue,
            this.distinct,
          );
    const product = this.productSlots.get(licence.softwareId);
    let mismatched = 0;
    if (stored && slot.product === product) mismatched = slot.mismatched;
    else
      for (const { softwareId } of installations)
        if (this.productSlots.get(softwareId) !== product) mismatched++;
    const links: LicenceLinks = {
      tally,
      mismatchedInstallations: mismatched,
      softwareKnown: product?.software !== undefined,
    };
    return assessLicence(licence, links, this.settingsValue, this.asOfValue).position;
  }

  /** The installations linked to a licence ID (matched), whether or not the licence exists; in no set order. */
  installationsOf(licenceId: string): readonly Installation[] {
    const slot = this.licenceSlots.get(licenceId);
    return slot && slot.key !== "" ? slot.installations : [];
  }

  /** The allocations naming a licence ID (matched), whether or not the licence exists; in no set order. */
  allocationsOf(licenceId: string): readonly Allocation[] {
    const slot = this.licenceSlots.get(licenceId);
    return slot && slot.key !== "" ? slot.allocations : [];
  }

  /**
   * The installations of a software ID (matched) whose Licence ID is blank: the ones a licence of that product
   * can take ("Link unlinked installations"). Those naming a licence that is not in the register are left out
   * (they are linked, to a wrong ID). A new list each time; costs time in proportion to the product's
   * uncovered installations, never to the register.
   */
  unlinkedInstallationsOf(softwareId: string): readonly Installation[] {
    const product = this.productSlots.get(softwareId);
    return product ? product.uncovered.filter(isUnlinked) : [];
  }

  private productOf(
    slot: ProductSlot,
    software: Software,
    licences: AssessedLicence[],
    unlicensedDevices = slot.uncoveredDevices?.size ?? slot.uncoveredDeviceCount ?? 0,
  ): ProductPosition {
    const settings = this.settingsValue;
    return productPositionOf(
      software,
      licences,
      {
        unlicensedDevices,
        danglingInstallations: slot.danglingInstallations,
        misplacedInstallations: slot.misplacedInstallations,
      },
      underUseThreshold(settings),
      (amount, currency) =>
        toReportingCurrency(amount, currency, settings.reportingCurrency, settings.exchangeRates),
    );
  }

  private changeInstallation(installation: Installation, delta: 1 | -1): void {
    const slot = this.linkedSlot(installation.licenceId);
    if (slot) {
      this.keyedTally(slot)?.changeInstallation(installation, delta);
      if (delta === 1) slot.installations.push(installation);
      else removeItem(slot.installations, installation);
    }
    this.countForProduct(installation, slot, delta);
  }

  private countForProduct(installation: Installation, slot: LicenceSlot | undefined, delta: 1 | -1): void {
    const product = this.installationProduct(installation, slot);
    this.changeProductCounts(installation, product, slot, delta);
    product.installations += delta;
  }

  private changeAllocation(allocation: Allocation, delta: 1 | -1): void {
    const slot = this.licenceSlot(allocation.licenceId);
    this.keyedTally(slot)?.changeAllocation(
      allocation,
      isAllocationActive(allocation, this.asOfValue),
      delta,
    );
    if (delta === 1) slot.allocations.push(allocation);
    else removeItem(slot.allocations, allocation);
  }

  /**
   * The installation's product. A software ID in the generated form is found by its number, which reads no
   * other record. Other text is most often the same text as its licence's software ID, and then it is the
   * licence's product without hashing the text (a million lookups at 100k licences).
   */
  private installationProduct(installation: Installation, slot: LicenceSlot | undefined): ProductSlot {
    return this.productSlots.at(this.installationProductOrdinal(installation, slot?.ordinal ?? -1));
  }

  /** installationProduct by ordinals: the product's, given the licence slot's (-1 for none). */
  private installationProductOrdinal(installation: Installation, licenceOrdinal: number): number {
    const byNumber = this.productSlots.indexByIdNumber(installation.softwareId);
    if (byNumber >= 0) return byNumber;
    const slot = licenceOrdinal >= 0 ? this.licenceSlots.at(licenceOrdinal) : undefined;
    const linked = slot?.product;
    if (linked && slot.licence?.softwareId === installation.softwareId) return linked.ordinal;
    return this.productSlots.obtainIndex(installation.softwareId, this.newProductSlot);
  }

  /** How an installation counts for its own product and its licence, given whether that licence exists. */
  private changeProductCounts(
    installation: Installation,
    product: ProductSlot,
    slot: LicenceSlot | undefined,
    delta: 1 | -1,
  ): void {
    const cover = coverOf(slot?.licence && slot.product ? slot.product.ordinal : -1, product.ordinal);
    if (cover === Cover.None) {
      if (!this.loading) {
        const devices = (product.uncoveredDevices ??= deviceCounter(product.uncovered));
        product.uncoveredDeviceCount = undefined;
        const device = matchKey(installation.device);
        if (device !== "") devices.change(device, delta);
      }
      if (delta === 1) product.uncovered.push(installation);
      else removeItem(product.uncovered, installation);
      if (slot) product.danglingInstallations += delta;
    } else if (cover === Cover.Other && slot) {
      product.misplacedInstallations += delta;
      slot.mismatched += delta;
    }
  }

  /**
   * The licence's tally, made to keep keys (from its rows) before its first edit; undefined while loading,
   * when the counting waits for the end, and while there is no licence, when nothing reads it.
   */
  private keyedTally(slot: LicenceSlot): UsageTally | undefined {
    if (this.loading || !slot.licence) return undefined;
    if (slot.tally instanceof UsageTally) return slot.tally;
    const tally = new UsageTally(slot.licence.allocationRule);
    for (const installation of slot.installations) tally.changeInstallation(installation, 1);
    for (const allocation of slot.allocations) {
      tally.changeAllocation(allocation, isAllocationActive(allocation, this.asOfValue), 1);
    }
    slot.tally = tally;
    return tally;
  }

  /** Recounts a licence's links for the rule of the licence now in the slot. */
  private retally(slot: LicenceSlot): void {
    slot.tally = slot.licence
      ? countUsage(
          slot.licence.allocationRule,
          slot.installations,
          slot.allocations,
          this.asOfValue,
          this.distinct,
        )
      : NO_USAGE;
  }

  /** Counts a product's uncovered devices once, at the end of a load. */
  private countUncovered(product: ProductSlot): void {
    const distinct = this.distinct;
    for (const { device } of product.uncovered) distinct.addText(device);
    product.uncoveredDeviceCount = distinct.size;
    product.uncoveredDevices = undefined;
    distinct.clear();
  }

  private changeLinkedProductCounts(slot: LicenceSlot, delta: 1 | -1): void {
    for (const installation of slot.installations) {
      this.changeProductCounts(installation, this.productSlot(installation.softwareId), slot, delta);
    }
  }

  /** The licence an installation is linked to; undefined when its Licence ID is blank. */
  private linkedSlot(licenceId: string | undefined): LicenceSlot | undefined {
    const ordinal = this.linkedOrdinal(licenceId);
    return ordinal < 0 ? undefined : this.licenceSlots.at(ordinal);
  }

  /** linkedSlot's ordinal, -1 when the Licence ID is blank; reads no slot. */
  private linkedOrdinal(licenceId: string | undefined): number {
    if (licenceId === undefined) return -1;
    const ordinal = this.licenceSlots.obtainIndex(licenceId, this.newLicenceSlot);
    return ordinal === this.blankLicenceOrdinal ? -1 : ordinal;
  }

  private licenceSlot(id: string): LicenceSlot {
    return this.licenceSlots.obtain(id, this.newLicenceSlot);
  }

  private productSlot(id: string): ProductSlot {
    return this.productSlots.obtain(id, this.newProductSlot);
  }

  /**
   * Every field named, even those filled in later: a field given to an object after it is made is kept outside
   * it, in a second allocation (40 bytes a slot, and a slower read).
   */
  private readonly newLicenceSlot = (key: string): LicenceSlot => {
    if (key === "") this.blankLicenceOrdinal = this.licenceSlotCount;
    return {
      key,
      ordinal: this.licenceSlotCount++,
      licence: undefined,
      tally: NO_USAGE,
      installations: [],
      allocations: [],
      mismatched: 0,
      product: undefined,
    };
  };

  /** Every field named, as newLicenceSlot does. */
  private readonly newProductSlot = (key: string): ProductSlot => ({
    key,
    ordinal: this.productSlotCount++,
    software: undefined,
    licences: new Set(),
    installations: 0,
    uncovered: [],
    uncoveredDeviceCount: 0,
    uncoveredDevices: undefined,
    danglingInstallations: 0,
    misplacedInstallations: 0,
  });

  /**
   * The problems of problems() grouped by what they are about, for a reader that keeps them and, after an edit,
   * asks again only about the licence and software IDs (matched) the edit touched (each with a list, empty when
   * it has no problems). `register` holds the problems about the register as a whole (repeated IDs, missing
   * exchange rates), always worked out afresh. Without `about`, every licence and product that has problems.
   */
  problemsAbout(about?: { licences: Iterable<string>; products: Iterable<string> }): ProblemsByOwner {
    if (!about) {
      const problems = this.problemsOfAll();
      runPasses(problems.passes);
      return problems.result();
    }
    const licences = new Map<string, RegisterProblem[]>();
    const products = new Map<string, RegisterProblem[]>();
    for (const key of about.licences) {
      const slot = this.licenceSlots.get(key);
      licences.set(key, slot ? this.licenceSlotProblems(slot) : []);
    }
    for (const key of about.products) {
      const slot = this.productSlots.get(key);
      products.set(key, slot ? this.productSlotProblems(slot) : []);
    }
    return { register: this.registerProblems(), licences, products };
  }

  /** problemsAbout() for every licence and product, a slice at a time (see positionsPaced). */
  async problemsAboutPaced(pause: Pause): Promise<ProblemsByOwner> {
    const problems = this.problemsOfAll();
    await runPassesPaced(problems.passes, pause);
    return problems.result();
  }

  private problemsOfAll(): { passes: Pass[]; result: () => ProblemsByOwner } {
    const licences = new Map<string, RegisterProblem[]>();
    const products = new Map<string, RegisterProblem[]>();
    return {
      passes: [
        passOver(this.licenceSlots.values(), (slot) =>
          keep(licences, slot.key, this.licenceSlotProblems(slot)),
        ),
        passOver(this.productSlots.values(), (slot) =>
          keep(products, slot.key, this.productSlotProblems(slot)),
        ),
      ],
      result: () => ({ register: this.registerProblems(), licences, products }),
    };
  }

  /** The problems about the register as a whole: repeated IDs, missing exchange rates. */
  private registerProblems(): RegisterProblem[] {
    return [...this.duplicateIdProblems(), ...this.missingRateProblems()];
  }

  /**
   * The software IDs (matched) of the installations linked to a licence ID: the products whose counts change
   * when that licence arrives, goes or changes software.
   */
  linkedSoftwareKeys(licenceId: string): string[] {
    const slot = this.licenceSlots.get(licenceId);
    return slot
      ? [...new Set(slot.installations.map((installation) => matchKey(installation.softwareId)))]
      : [];
  }
}

/** One pass of a load: a step for each item, in order. */
interface LoadPass {
  items: readonly unknown[];
  each: (item: unknown, index: number) => void;
}

const pass = <T>(items: readonly T[], each: (item: T, index: number) => void): LoadPass => ({
  items,
  each: each as LoadPass["each"],
});

/** Keeps a slot's problems when it has any: a whole register's maps hold only the slots with problems. */
function keep(owners: Map<string, RegisterProblem[]>, key: string, problems: RegisterProblem[]): void {
  if (problems.length > 0) owners.set(key, problems);
}

function ownStore<T extends { id: string }>(store: RecordStore<T> | undefined, kind: string): RecordStore<T> {
  if (!store)
    throw new Error(`${kind}s are kept by the index's caller: replace them, giving the record it kept.`);
  return store;
}

function deviceCounter(installations: readonly Installation[]): KeyCounter {
  const counter = new KeyCounter();
  for (const { device } of installations) {
    const key = matchKey(device);
    if (key !== "") counter.change(key, 1);
  }
  return counter;
}

/**
 * The software ID a problem about a product missing from the catalogue shows: as its installations write it,
 * and the same text whatever order they were added in (the smallest), so an edit and a reload show the same.
 */
function shownSoftwareId(product: ProductSlot): string {
  let shown: string | undefined;
  for (const { softwareId } of product.uncovered) {
    const text = softwareId.trim();
    if (shown === undefined || text < shown) shown = text;
  }
  return shown ?? product.key;
}

/** Linked to no licence: the Licence ID is blank or only spaces. */
function isUnlinked(installation: Installation): boolean {
  return installation.licenceId === undefined || matchKey(installation.licenceId) === "";
}

/** Removes one occurrence (by identity) without keeping order. */
function removeItem<T>(items: T[], item: T): void {
  const index = items.lastIndexOf(item);
  if (index === -1) return;
  items[index] = items[items.length - 1];
  items.pop();
}
