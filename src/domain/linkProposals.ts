import { displayDate, type IsoDate } from "./dates";
import { entitlementOn } from "./entitlement";
import { matchKey } from "./keys";
import { LICENCE_LABELS } from "./labels";
import type { AllocationRule } from "./lists";
import type { ProductPosition } from "./positionTypes";
import { RegisterIndex, type RegisterInput } from "./registerIndex";
import type { Installation, Licence, Software } from "./schemas";
import { isAllocationActive } from "./usage";
import { forEachPaced, noPause, type Pause } from "./yielding";

/** Linking one installation to one licence: what the person confirms. */
export interface LinkProposal {
  installationId: string;
  licenceId: string;
  softwareId: string;
  device: string;
}

/** For one product: the links proposed, what stays unlinked and why, and the position before and after. */
export interface ProductLinkPlan {
  softwareId: string;
  softwareName: string;
  /** Installations of the product linked to no licence. */
  unlinked: number;
  proposals: LinkProposal[];
  /** Installations no licence can take; they stay unlicensed use. */
  leftUnlinked: number;
  /** Why some stay unlinked, in a sentence. */
  leftReason?: string;
  before: ProductPosition;
  after: ProductPosition;
}

export interface LinkPlan {
  asOf: IsoDate;
  reportingCurrency: string;
  products: ProductLinkPlan[];
  proposals: LinkProposal[];
  /** Products over-deployed before and after linking. */
  overDeployedBefore: number;
  overDeployedAfter: number;
  /** What buying the missing licences would cost, before and after linking (reporting currency). */
  trueUpBefore: number;
  trueUpAfter: number;
}

/** Rules under which an installation takes a seat: devices for Device-based and Site, users for User-based. */
const COUNTS_BY: Partial<Record<AllocationRule, "device" | "user">> = {
  "Device-based": "device",
  Site: "device",
  "User-based": "user",
};

/** A licence that can take installations, with what it already counts and the room it has left. */
interface Candidate {
  licence: Licence;
  by: "device" | "user";
  counted: Set<string>;
  /** Seats left; Infinity when Unlimited. */
  room: number;
}

function candidatesFor(index: RegisterIndex, licences: readonly Licence[]): Candidate[] {
  const asOf = index.asOf;
  const candidates: Candidate[] = [];
  for (const licence of [...licences].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const by = COUNTS_BY[licence.allocationRule];
    const { entitled } = entitlementOn(licence, asOf);
    if (!by || entitled === 0) continue;
    // what the licence counts is its used quantity (countUsed), so the seats it uses are counted.size
    const counted = new Set<string>();
    for (const installation of index.installationsOf(licence.id)) {
      const key = matchKey((by === "device" ? installation.device : installation.user) ?? "");
      if (key !== "") counted.add(key);
    }
    if (by === "user") {
      for (const allocation of index.allocationsOf(licence.id)) {
        const key = isAllocationActive(allocation, asOf) ? matchKey(allocation.user) : "";
        if (key !== "") counted.add(key);
      }
    }
    candidates.push({
      licence,
      by,
      counted,
      room: entitled === null ? Infinity : Math.max(entitled - counted.size, 0),
    });
  }
  return candidates;
}

function reasonLeft(
  softwareName: string,
  licences: readonly Licence[],
  candidates: readonly Candidate[],
  asOf: IsoDate,
): string {
  if (licences.length === 0)
    return `${softwareName} has no licence in the register: add its licence to link them.`;
  if (candidates.length === 0) {
    const counted = licences.some((l) => COUNTS_BY[l.allocationRule] !== undefined);
    return counted
      ? `No licence of ${softwareName} is in force on ${displayDate(asOf)}: record its renewal or new licence to link them.`
      : `${softwareName}'s licences count use by peak concurrent use, not by installation.`;
  }
  return `${softwareName}'s licences in force are full: raise a licence's ${LICENCE_LABELS.quantity} when more are bought.`;
}

/**
 * Proposes a licence for each of a catalogue product's installations linked to none: a licence of the same
 * product, in force on the index's date, under a rule that counts installations (Device-based and Site by
 * device, User-based by user), with room left. A licence that already counts the device (or user) takes it
 * first, at no cost; then licences in ID order while they have seats, taking installations in ID order (the
 * oldest first, whatever order edits left them in). Installations no licence can take stay unlinked, and the
 * position after linking shows how many are still over-deployed and what buying the rest would cost. Nothing
 * is linked here. Undefined when the product has no unlinked installation. Linking touches only this product's
 * figures, so each product is planned on its own, and after an edit only the products it touched are planned
 * again (LiveLinkPlan). `before`: the product's position now, when the caller already keeps it.
 */
export function planProductLinks(
  index: RegisterIndex,
  software: Software,
  before: () => ProductPosition | undefined = () => index.productPosition(software.id),
): ProductLinkPlan | undefined {
  const unlinked = [...index.unlinkedInstallationsOf(software.id)].sort((a, b) => (a.id < b.id ? -1 : 1));
  if (unlinked.length === 0) return undefined;
  const licences = index.licencesOf(software.id);
  const candidates = candidatesFor(index, licences);
  const proposals: LinkProposal[] = [];
  const links: { installation: Installation; licenceId: string }[] = [];
  for (const installation of unlinked) {
    const keyFor = (candidate: Candidate) =>
      matchKey((candidate.by === "device" ? installation.device : installation.user) ?? "");
    const usable = candidates.filter((candidate) => keyFor(candidate) !== "");
    const chosen =
      usable.find((candidate) => candidate.counted.has(keyFor(candidate))) ??
      usable.find((candidate) => candidate.room > 0);
    if (!chosen) continue;
    const key = keyFor(chosen);
    if (!chosen.counted.has(key)) {
      chosen.counted.add(key);
      chosen.room--;
    }
    links.push({ installation, licenceId: chosen.licence.id });
    proposals.push({
      installationId: installation.id,
      licenceId: chosen.licence.id,
      softwareId: software.id,
      device: installation.device,
    });
  }
  const leftUnlinked = unlinked.length - proposals.length;
  return {
    softwareId: software.id,
    softwareName: software.name,
    unlinked: unlinked.length,
    proposals,
    leftUnlinked,
    leftReason: leftUnlinked > 0 ? reasonLeft(software.name, licences, candidates, index.asOf) : undefined,
    before: before() as ProductPosition,
    after: index.productPositionIfLinked(software.id, links) as ProductPosition,
  };
}

/**
 * Products planned between two looks at the clock: each is all its licences and their rows (at 100,000 licences
 * about ten licences and a hundred installations), so 256 at a time, as for records, ran 50–100 ms.
 */
export const PRODUCTS_PER_CHECK = 16;

/** A catalogue product's position now, and its plan when it has installations to link. */
export interface ProductLinks {
  before: ProductPosition;
  plan?: ProductLinkPlan;
}

/**
 * The whole plan from every catalogue product's position and plan: a product with nothing to link is the same
 * after linking as before.
 */
export function linkPlanOf(
  asOf: IsoDate,
  reportingCurrency: string,
  catalogue: Iterable<ProductLinks>,
): LinkPlan {
  const plan: LinkPlan = {
    asOf,
    reportingCurrency,
    products: [],
    proposals: [],
    overDeployedBefore: 0,
    overDeployedAfter: 0,
    trueUpBefore: 0,
    trueUpAfter: 0,
  };
  const overDeployed = (position: ProductPosition) => (position.status === "Over-deployed" ? 1 : 0);
  for (const { before, plan: ofProduct } of catalogue) {
    const after = ofProduct?.after ?? before;
    plan.overDeployedBefore += overDeployed(before);
    plan.overDeployedAfter += overDeployed(after);
    plan.trueUpBefore += before.trueUpExposure;
    plan.trueUpAfter += after.trueUpExposure;
    if (!ofProduct) continue;
    plan.products.push(ofProduct);
    for (const proposal of ofProduct.proposals) plan.proposals.push(proposal);
  }
  return plan;
}

/** Every catalogue product's links planned (planProductLinks) over a register read once, a slice at a time. */
export async function planLinks(
  input: RegisterInput,
  asOf: IsoDate,
  pause: Pause = noPause,
): Promise<LinkPlan> {
  // read once and never edited, so the index needs no lookups of a million rows by ID
  const index = await RegisterIndex.build(input, asOf, pause, { recordsKeptByCaller: true });
  const catalogue: ProductLinks[] = [];
  await forEachPaced(
    index.catalogue(),
    pause,
    (software) => {
      const plan = planProductLinks(index, software);
      catalogue.push({
        before: plan?.before ?? (index.productPosition(software.id) as ProductPosition),
        plan,
      });
    },
    PRODUCTS_PER_CHECK,
  );
  return linkPlanOf(asOf, input.settings.reportingCurrency, catalogue);
}
