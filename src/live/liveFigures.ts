/**
 * The register's figures as readers see them (the pane, the LICENSE functions), worked out by the domain's
 * RegisterIndex only when first asked for and then kept until an edit touches them. A licence's position stays
 * the same object until a change affects that licence, so a list row drawn from it is not drawn again; the
 * whole register's position, once asked for, is kept current by asking the index again about the licences and
 * products each change touched, never about the rest.
 */
import type { IsoDate } from "../domain/dates";
import { matchKey } from "../domain/keys";
import type { LinkPlan } from "../domain/linkProposals";
import type { LicencePosition, ProductPosition, RegisterPosition } from "../domain/positionTypes";
import { problemList, type ProblemsByOwner, type RegisterIndex } from "../domain/registerIndex";
import type { Allocation, Installation, Licence } from "../domain/schemas";
import { passOver, runPasses, runPassesPaced, type Pass, type Pause } from "../domain/yielding";
import type { Affected } from "./affected";
import { LiveLinkPlan } from "./liveLinkPlan";

/** What a reader of the figures needs: one licence's position cheaply, and the whole register's on demand. */
export interface RegisterFigures {
  readonly asOf: IsoDate;
  readonly reportingCurrency: string;
  /** One licence's position (by ID, matched ignoring case and spaces); the same object until an edit touches it. */
  licence(id: string): LicencePosition | undefined;
  /**
   * Every licence, every catalogue product and the problems found; a new object only after a change. Worked out
   * at once the first time: a reader that can wait asks positionSoon instead.
   */
  position(): RegisterPosition;
  /** position(), once it has been worked out (then kept current cheaply); undefined before. */
  positionIfWorkedOut(): RegisterPosition | undefined;
  /**
   * position(), worked out the first time a slice at a time, giving the thread back between slices (the custom
   * functions and the pane keep answering): at 100,000 licences it is most of a second of work.
   */
  positionSoon(): Promise<RegisterPosition>;
  /** The position a licence would have if saved as it stands (a form's draft); nothing is changed. */
  draft(licence: Licence): LicencePosition;
  /** The installations linked to a licence ID (matched ignoring case and spaces), in no set order; read only. */
  installationsOf(licenceId: string): readonly Installation[];
  /** The allocations naming a licence ID (matched ignoring case and spaces), in no set order; read only. */
  allocationsOf(licenceId: string): readonly Allocation[];
  /** The proposed links (LiveLinkPlan), once worked out (then kept current cheaply); undefined before. */
  linkPlanIfWorkedOut(): LinkPlan | undefined;
  /** The proposed links, worked out the first time a slice at a time, as positionSoon is. */
  linkPlanSoon(): Promise<LinkPlan>;
  /** A software ID's (matched) installations linked to no licence (blank Licence ID); a new list each time. */
  unlinkedInstallationsOf(softwareId: string): readonly Installation[];
}

/** The whole register's position and what it was built from, by matched ID. */
interface Whole {
  position: RegisterPosition;
  licences: Map<string, LicencePosition>;
  /**
   * The position's licences map (by licence ID) as last made, and the changes to it since (undefined: gone):
   * a map of every licence is made only when someone reads one, never on each edit. In a register of a
   * million records, allocating a 100,000-entry map costs 250-850 ms of garbage collection.
   */
  licenceMap: Map<string, LicencePosition>;
  licenceChanges: Map<string, LicencePosition | undefined>;
  /** Goes up with every patch, so a map made for the latest position becomes the base of the next. */
  version: number;
  products: Map<string, ProductPosition>;
  problems: ProblemsByOwner;
  /** Touched since `position` was put together. */
  staleLicences: Set<string>;
  staleProducts: Set<string>;
}

/** The licences map of one patched position, made when first read from the whole's last map and changes. */
function lazyLicences(whole: Whole, version: number): () => Map<string, LicencePosition> {
  const base = whole.licenceMap;
  const changes = whole.licenceChanges.size > 0 ? new Map(whole.licenceChanges) : undefined;
  let made: Map<string, LicencePosition> | undefined;
  return () => {
    if (made) return made;
    if (!changes) return (made = base);
    made = new Map(base);
    for (const [id, position] of changes) {
      if (position) made.set(id, position);
      else made.delete(id);
    }
    // made for the latest position: the next patches' changes start from it
    if (whole.version === version) {
      whole.licenceMap = made;
      whole.licenceChanges = new Map();
    }
    return made;
  };
}

/** Thrown from the pause of work a slice at a time once its figures are retired, to end that work. */
const RETIRED = new Error("These figures were replaced by figures of the register as it is now.");

/** What `cache` holds for the key, else what `work` finds, kept when there is something to keep. */
function remembered<T>(
  cache: Map<string, T>,
  key: string,
  work: (key: string) => T | undefined,
): T | undefined {
  let value = cache.get(key);
  if (value === undefined) {
    value = work(key);
    if (value !== undefined) cache.set(key, value);
  }
  return value;
}

export class LiveFigures implements RegisterFigures {
  /** By matched licence ID; only licences someone asked about (all of them once the whole position was asked for). */
  private readonly licences = new Map<string, LicencePosition>();
  private readonly products = new Map<string, ProductPosition>();
  private whole: Whole | undefined;
  private links: LiveLinkPlan | undefined;
  /** The figures that replaced these (see retire). */
  private successor: LiveFigures | undefined;
  /** A whole position being worked out a slice at a time, and what edits touched meanwhile. */
  private building:
    { done: Promise<RegisterPosition>; staleLicences: Set<string>; staleProducts: Set<string> } | undefined;

  /** `pause`: how positionSoon gives the thread back (a fresh one for each whole position worked out). */
  constructor(
    private readonly index: RegisterIndex,
    private readonly pause: () => Pause,
  ) {}

  get asOf(): IsoDate {
    return this.index.asOf;
  }

  get reportingCurrency(): string {
    return this.index.settings.reportingCurrency;
  }

  licence = (id: string): LicencePosition | undefined =>
    remembered(this.licences, matchKey(id), (key) => this.index.licencePosition(key));

  draft = (licence: Licence): LicencePosition => this.index.assessDraft(licence);

  installationsOf = (licenceId: string): readonly Installation[] => this.index.installationsOf(licenceId);

  allocationsOf = (licenceId: string): readonly Allocation[] => this.index.allocationsOf(licenceId);

  unlinkedInstallationsOf = (softwareId: string): readonly Installation[] =>
    this.index.unlinkedInstallationsOf(softwareId);

  /** A catalogue product's position by software ID; the same object until an edit touches the product. */
  product(softwareId: string): ProductPosition | undefined {
    return remembered(this.products, matchKey(softwareId), (key) => this.index.productPosition(key));
  }

  linkPlanIfWorkedOut = (): LinkPlan | undefined => this.links?.planIfWorkedOut();

  linkPlanSoon = (): Promise<LinkPlan> => {
    if (this.successor) return this.successor.linkPlanSoon();
    this.links ??= new LiveLinkPlan(
      this.index,
      (id) => this.product(id),
      () => this.pacing(),
    );
    return this.links
      .planSoon()
      .catch((reason: unknown) => this.fromSuccessor(reason, (next) => next.linkPlanSoon()));
  };

  /**
   * Replaced by figures of a changed register (a load, a settings change, a new day): work under way here a
   * slice at a time stops at its next slice (at 100,000 licences up to a second of work for figures nobody
   * will read), and whoever waits for it gets the successor's answer instead.
   */
  retire(successor: LiveFigures): void {
    this.successor = successor;
  }

  /** A fresh pause for work a slice at a time, which ends that work once these figures are retired. */
  private pacing(): Pause {
    const pause = this.pause();
    return () => {
      if (this.successor) throw RETIRED;
      return pause();
    };
  }

  private fromSuccessor<T>(reason: unknown, ask: (next: LiveFigures) => Promise<T>): Promise<T> {
    if (reason === RETIRED && this.successor) return ask(this.successor);
    throw reason;
  }

  /** Forgets what an applied change touched (the index already holds the change); nothing is worked out here. */
  changed(affected: Affected): void {
    this.links?.changed(affected);
    for (const key of affected.licences) this.licences.delete(key);
    for (const key of affected.products) this.products.delete(key);
    const stale = this.whole ?? this.building;
    if (!stale) return;
    for (const key of affected.licences) stale.staleLicences.add(key);
    for (const key of affected.products) stale.staleProducts.add(key);
  }

  position = (): RegisterPosition => {
    if (!this.whole) {
      const assembly = this.assembly(this.index.positions(), this.index.problemsAbout());
      runPasses(assembly.passes);
      this.whole = assembly.whole();
    } else if (this.whole.staleLicences.size > 0 || this.whole.staleProducts.size > 0) this.patch(this.whole);
    return this.whole.position;
  };

  positionIfWorkedOut = (): RegisterPosition | undefined => (this.whole ? this.position() : undefined);

  positionSoon = (): Promise<RegisterPosition> => {
    if (this.whole) return Promise.resolve(this.position());
    if (this.successor) return this.successor.positionSoon();
    this.building ??= {
      done: this.buildPaced(this.pacing()).catch((reason: unknown) =>
        this.fromSuccessor(reason, (next) => next.positionSoon()),
      ),
      staleLicences: new Set(),
      staleProducts: new Set(),
    };
    return this.building.done;
  };

  private async buildPaced(pause: Pause): Promise<RegisterPosition> {
    try {
      const positions = await this.index.positionsPaced(pause);
      const problems = await this.index.problemsAboutPaced(pause);
      const assembly = this.assembly(positions, problems);
      await runPassesPaced(assembly.passes, pause);
      // position() may have worked it out at once meanwhile; that one is current
      if (!this.whole && this.building) {
        const whole = assembly.whole();
        // what edits touched while the slices ran is asked about again, as after any edit
        const { staleLicences, staleProducts } = this.building;
        for (const key of staleLicences) this.licences.delete(key);
        for (const key of staleProducts) this.products.delete(key);
        this.whole = { ...whole, staleLicences, staleProducts };
      }
    } finally {
      // after a failure, the next reader starts again
      this.building = undefined;
    }
    return this.position();
  }

  /**
   * The whole position put together from the index's answers, in passes over every licence and product: each
   * licence or product already read keeps its object, so its row is not drawn again.
   */
  private assembly(
    positions: Omit<RegisterPosition, "problems">,
    problems: ProblemsByOwner,
  ): { passes: Pass[]; whole: () => Whole } {
    const licences = new Map<string, LicencePosition>();
    const products = new Map<string, ProductPosition>();
    const shownLicences = positions.licences;
    // once position() has put a whole together at once, this one is dropped: it must not fill the caches
    const mergeLicence = ([id, fresh]: [string, LicencePosition]) => {
      if (this.whole) return;
      const key = matchKey(id);
      const known = this.licences.get(key);
      if (known) shownLicences.set(id, known);
      licences.set(key, known ?? fresh);
      if (!known) this.licences.set(key, fresh);
    };
    const mergeProduct = (fresh: ProductPosition) => {
      if (this.whole) return;
      const key = matchKey(fresh.softwareId);
      const known = this.products.get(key) ?? fresh;
      products.set(key, known);
      this.products.set(key, known);
    };
    return {
      passes: [passOver(shownLicences, mergeLicence), passOver(positions.products, mergeProduct)],
      whole: () => ({
        position: { ...positions, products: [...products.values()], problems: problemList(problems) },
        licences,
        licenceMap: shownLicences,
        licenceChanges: new Map(),
        version: 0,
        products,
        problems,
        staleLicences: new Set(),
        staleProducts: new Set(),
      }),
    };
  }

  /** Asks the index again about the licences and products touched since, and nothing else. */
  private patch(whole: Whole): void {
    const { staleLicences, staleProducts } = whole;
    for (const key of staleLicences) {
      const before = whole.licences.get(key);
      const after = this.licence(key);
      if (before === after) continue;
      if (before) {
        whole.licenceChanges.set(before.licenceId, undefined);
        whole.licences.delete(key);
      }
      if (after) {
        whole.licenceChanges.set(after.licenceId, after);
        whole.licences.set(key, after);
      }
    }
    let productsChanged = false;
    for (const key of staleProducts) {
      const before = whole.products.get(key);
      const after = this.product(key);
      if (before === after) continue;
      productsChanged = true;
      if (after) whole.products.set(key, after);
      else whole.products.delete(key);
    }
    const asked = this.index.problemsAbout({ licences: staleLicences, products: staleProducts });
    for (const [owners, fresh] of [
      [whole.problems.licences, asked.licences],
      [whole.problems.products, asked.products],
    ] as const) {
      for (const [key, list] of fresh) {
        if (list.length > 0) owners.set(key, list);
        else owners.delete(key);
      }
    }
    whole.problems.register = asked.register;
    const { asOf, reportingCurrency, products } = whole.position;
    const next = {
      asOf,
      reportingCurrency,
      products: productsChanged ? [...whole.products.values()] : products,
      problems: problemList(whole.problems),
    };
    whole.version++;
    whole.position = Object.defineProperty(next, "licences", {
      enumerable: true,
      get: lazyLicences(whole, whole.version),
    }) as RegisterPosition;
    whole.staleLicences = new Set();
    whole.staleProducts = new Set();
  }
}
