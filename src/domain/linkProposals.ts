import { displayDate, type IsoDate } from "./dates";
import { entitlementOn } from "./entitlement";
import { matchKey } from "./keys";
import { LICENCE_LABELS } from "./labels";
import type { AllocationRule } from "./lists";
import type { ProductPosition } from "./positionTypes";
import { RegisterIndex, type RegisterInput } from "./registerIndex";
import type { Allocation, Installation, Licence } from "./schemas";
import { countUsed, isAllocationActive } from "./usage";
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

function candidatesFor(
  licences: readonly Licence[],
  linked: ReadonlyMap<string, Installation[]>,
  allocations: ReadonlyMap<string, Allocation[]>,
  asOf: IsoDate,
): Candidate[] {
  const candidates: Candidate[] = [];
  for (const licence of [...licences].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const by = COUNTS_BY[licence.allocationRule];
    const { entitled } = entitlementOn(licence, asOf);
    if (!by || entitled === 0) continue;
    const installations = linked.get(matchKey(licence.id)) ?? [];
    const active = (allocations.get(matchKey(licence.id)) ?? []).filter((a) => isAllocationActive(a, asOf));
    const counted = new Set<string>();
    for (const installation of installations) {
      const key = matchKey((by === "device" ? installation.device : installation.user) ?? "");
      if (key !== "") counted.add(key);
    }
    if (by === "user") for (const allocation of active) counted.add(matchKey(allocation.user));
    const used = countUsed(licence.allocationRule, installations, active, asOf).used;
    candidates.push({
      licence,
      by,
      counted,
      room: entitled === null ? Infinity : Math.max(entitled - used, 0),
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
 * Proposes a licence for every installation linked to none: a licence of the same product, in force on the
 * date, under a rule that counts installations (Device-based and Site by device, User-based by user), with
 * room left. A licence that already counts the device (or user) takes it first, at no cost; then licences
 * in ID order while they have seats. Installations no licence can take stay unlinked, and the position after
 * linking shows how many are still over-deployed and what buying the rest would cost. Nothing is linked here.
 */
export async function planLinks(
  input: RegisterInput,
  asOf: IsoDate,
  pause: Pause = noPause,
): Promise<LinkPlan> {
  const licencesBySoftware = new Map<string, Licence[]>();
  await forEachPaced(input.licences, pause, (licence) => {
    const key = matchKey(licence.softwareId);
    const list = licencesBySoftware.get(key);
    if (list) list.push(licence);
    else licencesBySoftware.set(key, [licence]);
  });
  const linked = new Map<string, Installation[]>();
  const unlinkedBySoftware = new Map<string, Installation[]>();
  await forEachPaced(input.installations, pause, (installation) => {
    const licenceKey = matchKey(installation.licenceId ?? "");
    const target = licenceKey === "" ? unlinkedBySoftware : linked;
    const key = licenceKey === "" ? matchKey(installation.softwareId) : licenceKey;
    const list = target.get(key);
    if (list) list.push(installation);
    else target.set(key, [installation]);
  });

  const allocations = new Map<string, Allocation[]>();
  await forEachPaced(input.allocations, pause, (allocation) => {
    const key = matchKey(allocation.licenceId);
    const list = allocations.get(key);
    if (list) list.push(allocation);
    else allocations.set(key, [allocation]);
  });

  const proposals: LinkProposal[] = [];
  const drafts: Omit<ProductLinkPlan, "before" | "after">[] = [];
  await forEachPaced(input.software, pause, (software) => {
    const unlinked = unlinkedBySoftware.get(matchKey(software.id)) ?? [];
    if (unlinked.length === 0) return;
    const licences = licencesBySoftware.get(matchKey(software.id)) ?? [];
    const candidates = candidatesFor(licences, linked, allocations, asOf);
    const ofProduct: LinkProposal[] = [];
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
      ofProduct.push({
        installationId: installation.id,
        licenceId: chosen.licence.id,
        softwareId: software.id,
        device: installation.device,
      });
    }
    proposals.push(...ofProduct);
    const leftUnlinked = unlinked.length - ofProduct.length;
    drafts.push({
      softwareId: software.id,
      softwareName: software.name,
      unlinked: unlinked.length,
      proposals: ofProduct,
      leftUnlinked,
      leftReason: leftUnlinked > 0 ? reasonLeft(software.name, licences, candidates, asOf) : undefined,
    });
  });

  // read once and never edited, so the indexes need no lookups of a million rows by ID
  const noEdits = { recordsKeptByCaller: true };
  const before = await RegisterIndex.build(input, asOf, pause, noEdits);
  const linkFor = new Map(proposals.map((p) => [p.installationId, p.licenceId]));
  const linkedInstallations: Installation[] = [];
  await forEachPaced(input.installations, pause, (installation) => {
    const licenceId = linkFor.get(installation.id);
    linkedInstallations.push(licenceId === undefined ? installation : { ...installation, licenceId });
  });
  const after = await RegisterIndex.build(
    { ...input, installations: linkedInstallations },
    asOf,
    pause,
    noEdits,
  );
  const products: ProductLinkPlan[] = [];
  await forEachPaced(drafts, pause, (draft) =>
    products.push({
      ...draft,
      before: before.productPosition(draft.softwareId) as ProductPosition,
      after: after.productPosition(draft.softwareId) as ProductPosition,
    }),
  );
  const positionsBefore = (await before.positionsPaced(pause)).products;
  const positionsAfter = (await after.positionsPaced(pause)).products;
  const sum = (positions: ProductPosition[]) => positions.reduce((total, p) => total + p.trueUpExposure, 0);
  const overDeployed = (positions: ProductPosition[]) =>
    positions.filter((p) => p.status === "Over-deployed").length;
  return {
    asOf,
    reportingCurrency: input.settings.reportingCurrency,
    products,
    proposals,
    overDeployedBefore: overDeployed(positionsBefore),
    overDeployedAfter: overDeployed(positionsAfter),
    trueUpBefore: sum(positionsBefore),
    trueUpAfter: sum(positionsAfter),
  };
}
