import { matchKey } from "../domain/keys";
import {
  linkPlanOf,
  planProductLinks,
  PRODUCTS_PER_CHECK,
  type LinkPlan,
  type ProductLinkPlan,
} from "../domain/linkProposals";
import type { ProductPosition } from "../domain/positionTypes";
import type { RegisterIndex } from "../domain/registerIndex";
import type { Software } from "../domain/schemas";
import { forEachPaced, type Pause } from "../domain/yielding";
import type { Affected } from "./affected";

/** A change touching more products than this is planned again a slice at a time (planSoon), not at once. */
export const MOST_PRODUCTS_PLANNED_AT_ONCE = 256;

/**
 * The proposed links (the Import tab's "Link installations to licences") kept current over the live register's
 * index, as the figures are. Linking touches only the product whose installations are linked, so each product's
 * plan is kept by its matched software ID, and after an edit only the products it touched are planned again: at
 * 100,000 licences planning the whole register is a second or more of work, which after every change would keep
 * the Link button waiting.
 */
export class LiveLinkPlan {
  /** By matched software ID; null when the product has nothing to link. */
  private readonly plans = new Map<string, ProductLinkPlan | null>();
  /** Whether every product has been planned once (then a plan is put together at once). */
  private planned = false;
  private plan: LinkPlan | undefined;
  private building: Promise<LinkPlan> | undefined;

  /** `product`: a catalogue product's position now (kept by the figures until an edit touches it). */
  constructor(
    private readonly index: RegisterIndex,
    private readonly product: (softwareId: string) => ProductPosition | undefined,
    private readonly pause: () => Pause,
  ) {}

  /**
   * Forgets the plans of the products an applied change touched; nothing is planned here. After a change that
   * touched many products (linking them all, an import) they are planned again a slice at a time, as the first
   * time: at once, linking 44,015 installations at 100,000 licences held the pane for 4 s as it redrew.
   */
  changed(affected: Affected): void {
    for (const key of affected.products) this.plans.delete(key);
    if (affected.products.size > 0 || affected.licences.size > 0 || affected.catalogue) this.plan = undefined;
    if (affected.products.size > MOST_PRODUCTS_PLANNED_AT_ONCE) this.planned = false;
  }

  /** The plan, once every product has been planned (then kept current cheaply); undefined before. */
  planIfWorkedOut = (): LinkPlan | undefined => {
    if (!this.planned) return undefined;
    this.plan ??= linkPlanOf(this.index.asOf, this.index.settings.reportingCurrency, this.entries());
    return this.plan;
  };

  /** The plan, every product planned the first time a slice at a time, giving the thread back between slices. */
  planSoon = (): Promise<LinkPlan> => {
    const plan = this.planIfWorkedOut();
    if (plan) return Promise.resolve(plan);
    this.building ??= this.planPaced(this.pause()).finally(() => (this.building = undefined));
    return this.building;
  };

  private async planPaced(pause: Pause): Promise<LinkPlan> {
    do {
      await forEachPaced(
        this.index.catalogue(),
        pause,
        (software) => {
          this.product(software.id);
          this.planOf(software);
        },
        PRODUCTS_PER_CHECK,
      );
      // edits between slices forgot what they touched: a few are planned as the plan is put together, many
      // in another pass
    } while (this.unplanned() > MOST_PRODUCTS_PLANNED_AT_ONCE);
    this.planned = true;
    return this.planIfWorkedOut() as LinkPlan;
  }

  /** How many catalogue products have no plan kept. */
  private unplanned(): number {
    let count = 0;
    for (const software of this.index.catalogue()) if (!this.plans.has(matchKey(software.id))) count++;
    return count;
  }

  private *entries(): Generator<{ before: ProductPosition; plan?: ProductLinkPlan }> {
    for (const software of this.index.catalogue()) {
      const before = this.product(software.id);
      if (before) yield { before, plan: this.planOf(software) };
    }
  }

  private planOf(software: Software): ProductLinkPlan | undefined {
    const key = matchKey(software.id);
    let plan = this.plans.get(key);
    if (plan === undefined) {
      plan = planProductLinks(this.index, software, () => this.product(software.id)) ?? null;
      this.plans.set(key, plan);
    }
    return plan ?? undefined;
  }
}
