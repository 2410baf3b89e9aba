import type { Settings } from "../domain/schemas";
import { joinAnd } from "./messages";

/**
 * What a save does with one setting or one currency's rate, from three versions of it: as the person loaded it
 * (base), as they want it (mine) and as the table holds it now (current). As a record's fields merge (merge.ts):
 * a value only the person changed is written; a value only someone else changed stays as they wrote it; a value
 * both changed to different values is a clash, and nothing is saved. Undefined is a currency with no rate.
 */
export function settingDecision<T>(mine: T, base: T, current: T): "keep" | "write" | "clash" {
  if (mine === base || mine === current) return "keep";
  return current === base ? "write" : "clash";
}

/** A value both the person and someone else changed since the person loaded the settings. */
export interface SettingClash {
  field: keyof Settings;
  /** "Under-use Threshold", "the rate for EUR". */
  what: string;
  /** Each value as the pane shows it ("80%"); undefined for a rate removed. */
  mine?: string;
  theirs?: string;
}

/** A setting's value as the pane shows it: "80%", "30", "GBP"; undefined for a currency with no rate. */
export function settingText(key: keyof Settings, value: string | number | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (key === "underUseThreshold" && typeof value === "number") return `${+(value * 100).toFixed(4)}%`;
  return String(value);
}

/**
 * 'Not saved: after you opened the settings, someone else changed Under-use Threshold to 70% (you changed it to
 * 90%). Your changes are still in the form. To keep yours, save again; to keep theirs, set Under-use Threshold
 * to 70%, then save.'
 */
export function settingsClashMessage(clashes: readonly SettingClash[]): string {
  const changes = clashes.map(({ what, mine, theirs }) => {
    const did = theirs === undefined ? `removed ${what}` : `changed ${what} to ${theirs}`;
    return `${did} (${mine === undefined ? "you removed it" : `you changed it to ${mine}`})`;
  });
  const undo = clashes.map(({ what, theirs }) =>
    theirs === undefined ? `remove ${what}` : `set ${what} to ${theirs}`,
  );
  return `Not saved: after you opened the settings, someone else ${joinAnd(changes)}. Your changes are still in the form. To keep yours, save again; to keep theirs, ${joinAnd(undo)}, then save.`;
}

/** "Under-use Threshold and the rate for EUR": what someone else changed that a save kept as they wrote it. */
export function settingsKeptMessage(kept: readonly string[]): string {
  return `Saved. Someone else changed ${joinAnd(kept)} meanwhile; their change is kept with yours.`;
}
