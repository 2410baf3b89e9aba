import { groupTitles, productTitleKey, type TitleGroup } from "../../domain/productMatching";
import type { Software } from "../../domain/schemas";
import type { ImportedInstallation } from "../../import/types";

/** What the person chose for a title the catalogue does not know. */
export type TitleDecision = { kind: "new" } | { kind: "alias"; softwareId: string } | { kind: "skip" };

/** A suggestion is offered as the alias; with none, the title is left out until the person says otherwise. */
export function defaultDecisions(groups: readonly TitleGroup[]): Map<string, TitleDecision> {
  const decisions = new Map<string, TitleDecision>();
  for (const group of groups) {
    if (group.match) continue;
    const suggestion = group.suggestions[0];
    decisions.set(
      productTitleKey(group.title),
      suggestion ? { kind: "alias", softwareId: suggestion.id } : { kind: "skip" },
    );
  }
  return decisions;
}

export function titleGroupsOf(
  installations: readonly ImportedInstallation[],
  catalogue: readonly Software[],
): TitleGroup[] {
  return groupTitles(installations, catalogue);
}
