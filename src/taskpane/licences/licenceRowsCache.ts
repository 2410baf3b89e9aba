import { matchKey } from "../../domain/keys";
import type { Licence, Software } from "../../domain/schemas";
import { expiryKey, licenceRows, searchText, type LicenceRow } from "./filterLicences";

/** More licences changed at once than this and the list is sorted again instead of patched. */
const MAX_PATCHED = 100;

/**
 * The list's rows (licenceRows) and their searched words (searchTexts), kept while the pane is open, across
 * visits to the list. Coming back from a form, or after a save or a co-author's edit of a few licences that
 * keep their software and expiry, the rows are reused or patched where they stand instead of the whole
 * register being sorted again (a quarter of a second at 100,000 licences). Licences are compared by identity:
 * the live register lists them in load order and gives a changed one a new object in the same place.
 */
export class LicenceRowsCache {
  private licences: readonly Licence[] = [];
  private software: readonly Software[] | undefined;
  private rowsValue: LicenceRow[] = [];
  private texts: { rows: LicenceRow[]; texts: string[] } | undefined;

  rows(licences: readonly Licence[], software: readonly Software[]): LicenceRow[] {
    if (licences === this.licences && software === this.software) return this.rowsValue;
    const patched = software === this.software ? this.patched(licences) : undefined;
    this.licences = licences;
    this.software = software;
    if (patched) {
      this.rowsValue = patched;
      return patched;
    }
    this.rowsValue = licenceRows(licences, software);
    this.texts = undefined;
    return this.rowsValue;
  }

  /** The rows' searched words, worked out for the rows of the last call to rows() and patched with them. */
  searchTexts(rows: LicenceRow[]): string[] {
    if (this.texts?.rows !== rows) this.texts = { rows, texts: rows.map(searchText) };
    return this.texts.texts;
  }

  /** The last rows with the changed licences put in their places; undefined when any of them moves. */
  private patched(licences: readonly Licence[]): LicenceRow[] | undefined {
    const previous = this.licences;
    if (licences.length !== previous.length || previous.length === 0) return undefined;
    const replaced = new Map<Licence, Licence>();
    for (let i = 0; i < licences.length; i++) {
      const [before, after] = [previous[i], licences[i]];
      if (before === after) continue;
      if (replaced.size === MAX_PATCHED || !keepsItsPlace(before, after)) return undefined;
      replaced.set(before, after);
    }
    const rows = this.rowsValue.slice();
    const texts = this.texts?.rows === this.rowsValue ? this.texts.texts.slice() : undefined;
    for (let i = 0; i < rows.length && replaced.size > 0; i++) {
      const after = replaced.get(rows[i].licence);
      if (!after) continue;
      replaced.delete(rows[i].licence);
      rows[i] = { licence: after, softwareName: rows[i].softwareName };
      if (texts) texts[i] = searchText(rows[i]);
    }
    if (replaced.size > 0) return undefined;
    this.texts = texts ? { rows, texts } : undefined;
    return rows;
  }
}

/** A licence changed without changing what orders it in the list: the same product, the same expiry. */
function keepsItsPlace(before: Licence, after: Licence): boolean {
  return matchKey(before.softwareId) === matchKey(after.softwareId) && expiryKey(before) === expiryKey(after);
}
