import { planInstallationImport, type MatchedInstallation } from "../../domain/installationImport";
import { productTitleKey, withAlias, type TitleGroup } from "../../domain/productMatching";
import type { Installation, Software } from "../../domain/schemas";
import { SOURCE_OF_FORMAT } from "../../import/sources";
import type { ImportResult } from "../../import/types";
import type { Register, RegisterFailure } from "../../workbook/registerApi";
import type { TitleDecision } from "./titleDecisions";

export interface ImportOutcome {
  productsAdded: number;
  aliasesRemembered: number;
  installationsAdded: number;
  unchanged: number;
  removed: number;
}

export type WriteProgress = (message: string, fraction: number) => void;

/** What writing would do, for the confirmation: counts only, nothing written. */
export function previewWrite(
  result: ImportResult,
  groups: readonly TitleGroup[],
  decisions: ReadonlyMap<string, TitleDecision>,
  existing: readonly Installation[],
) {
  const matched = matchInstallations(result, groups, decisions, new Map());
  const source = SOURCE_OF_FORMAT[result.format];
  const plan = planInstallationImport(existing, matched.installations, source);
  return { source, plan, skipped: matched.skipped, newProducts: matched.newTitles.length };
}

/** Each imported installation with the product it goes to; new titles get a placeholder until created. */
function matchInstallations(
  result: ImportResult,
  groups: readonly TitleGroup[],
  decisions: ReadonlyMap<string, TitleDecision>,
  created: ReadonlyMap<string, string>,
) {
  const productOf = new Map<string, string | undefined>();
  const newTitles: TitleGroup[] = [];
  for (const group of groups) {
    const key = productTitleKey(group.title);
    if (group.match) {
      productOf.set(key, group.match.softwareId);
      continue;
    }
    const decision = decisions.get(key) ?? { kind: "skip" };
    if (decision.kind === "alias") productOf.set(key, decision.softwareId);
    else if (decision.kind === "new") {
      newTitles.push(group);
      productOf.set(key, created.get(key) ?? `new:${key}`);
    }
  }
  const installations: MatchedInstallation[] = [];
  let skipped = 0;
  for (const installation of result.installations) {
    const softwareId = productOf.get(productTitleKey(installation.title));
    if (softwareId === undefined) {
      skipped++;
      continue;
    }
    installations.push({ ...installation, softwareId });
  }
  return { installations, skipped, newTitles };
}

class WriteFailed extends Error {
  constructor(
    readonly failure: RegisterFailure,
    readonly action: string,
  ) {
    super(failure.message);
  }
}

const unwrap = <T>(
  result: { ok: true; value: T } | { ok: false; error: RegisterFailure },
  action: string,
): T => {
  if (!result.ok) throw new WriteFailed(result.error, action);
  return result.value;
};

/**
 * Writes an import through the register: new products first (so installations can name them), aliases onto
 * the products they name, then the installations the plan adds, and, only when the person asked, removes
 * the source's installations the file no longer reports. Each step is one paged write with progress.
 */
export async function writeImport(
  register: Register,
  input: {
    result: ImportResult;
    groups: readonly TitleGroup[];
    decisions: ReadonlyMap<string, TitleDecision>;
    catalogue: readonly Software[];
    existing: readonly Installation[];
    removeNotReported: boolean;
  },
  onProgress: WriteProgress = () => undefined,
): Promise<{ ok: true; value: ImportOutcome } | { ok: false; error: RegisterFailure; action: string }> {
  try {
    const { result, groups, decisions, catalogue, existing } = input;
    const first = matchInstallations(result, groups, decisions, new Map());
    const created = new Map<string, string>();
    if (first.newTitles.length > 0) {
      onProgress("Adding new products", 0);
      const added = unwrap(
        await register.addMany(
          "software",
          first.newTitles.map((group) => ({ name: group.title, publisher: group.publisher })),
        ),
        "add the new products",
      );
      first.newTitles.forEach((group, i) => created.set(productTitleKey(group.title), added[i].id));
    }
    const aliased = new Map<string, Software>();
    for (const group of groups) {
      const decision = decisions.get(productTitleKey(group.title));
      if (group.match || decision?.kind !== "alias") continue;
      const product = aliased.get(decision.softwareId) ?? catalogue.find((s) => s.id === decision.softwareId);
      if (product) aliased.set(product.id, withAlias(product, group.title));
    }
    const changedProducts = [...aliased.values()].filter((product) => !catalogue.includes(product));
    if (changedProducts.length > 0) {
      onProgress("Remembering aliases", 0.1);
      unwrap(await register.updateMany("software", changedProducts), "remember the aliases");
    }
    const matched = matchInstallations(result, groups, decisions, created);
    const source = SOURCE_OF_FORMAT[result.format];
    const plan = planInstallationImport(existing, matched.installations, source);
    if (plan.add.length > 0) {
      unwrap(
        await register.addMany("installations", plan.add, (_, fraction) =>
          onProgress("Writing installations", 0.15 + fraction * 0.75),
        ),
        "write the installations",
      );
    }
    let removed = 0;
    if (input.removeNotReported) {
      for (const installation of plan.notReported) {
        unwrap(
          await register.remove("installations", installation.id, installation.rowVersion),
          "remove the installations no longer reported",
        );
        removed++;
        onProgress(
          "Removing installations no longer reported",
          0.9 + (0.1 * removed) / plan.notReported.length,
        );
      }
    }
    onProgress("Done", 1);
    return {
      ok: true,
      value: {
        productsAdded: first.newTitles.length,
        aliasesRemembered: changedProducts.length,
        installationsAdded: plan.add.length,
        unchanged: plan.unchanged,
        removed,
      },
    };
  } catch (caught) {
    if (caught instanceof WriteFailed) return { ok: false, error: caught.failure, action: caught.action };
    throw caught;
  }
}
