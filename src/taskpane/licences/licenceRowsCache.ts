import { matchKey } from "../../domain/keys";
import type { Licence, Software } from "../../domain/schemas";
import { forEachPaced, type Pause } from "../../domain/yielding";
import { expiryKey, licenceRows, searchText, type LicenceRow } from "./filterLicences";

/** More licences changed at once than this and the list is sorted again instead of patched. */
const MAX_PATCHED = 100;

/** The searched words of `rows`, worked out up to `filled` (prepareSearchTexts may be part-way). */
interface SearchTexts {
  rows: LicenceRow[];
  texts: string[];
  filled: number;
}

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
  private texts: SearchTexts | undefined;

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

  /** The rows' searched words, for the rows of the last call to rows(): what is not yet worked out is, now. */
  searchTexts(rows: LicenceRow[]): string[] {
    const texts = this.textsOf(rows);
    while (texts.filled < rows.length) texts.texts[texts.filled] = searchText(rows[texts.filled++]);
    return texts.texts;
  }

  /**
   * Works the rows' searched words out a slice at a time, giving the thread back when `pause` says so, so the
   * first search typed finds them ready instead of lower-casing every licence in one long task. Stops when the
   * rows change (the words are then patched or worked out for the new rows).
   */
  async prepareSearchTexts(rows: LicenceRow[], pause: Pause): Promise<void> {
    const texts = this.textsOf(rows);
    await forEachPaced(this.unfilled(texts), pause, (row) => {
      texts.texts[row] = searchText(rows[row]);
      texts.filled = row + 1;
    });
  }

  /** The rows whose words are still to be worked out, while these words are still the ones kept. */
  private *unfilled(texts: SearchTexts): Generator<number> {
    while (texts.filled < texts.rows.length && this.texts === texts) yield texts.filled;
  }

  private textsOf(rows: LicenceRow[]): SearchTexts {
    if (this.texts?.rows !== rows) this.texts = { rows, texts: new Array<string>(rows.length), filled: 0 };
    return this.texts;
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
    const kept = this.texts?.rows === this.rowsValue ? this.texts : undefined;
    const texts = kept && { rows, texts: kept.texts.slice(), filled: kept.filled };
    // by identity, one scan per licence changed (usually one): a lookup per row in a map of the changed licences
    // was 32 ms of saving one licence at 100,000 licences
    for (const [before, after] of replaced) {
      const at = rows.findIndex((row) => row.licence === before);
      if (at < 0) return undefined;
      rows[at] = { licence: after, softwareName: rows[at].softwareName };
      if (texts && at < texts.filled) texts.texts[at] = searchText(rows[at]);
    }
    this.texts = texts;
    return rows;
  }
}

/** A licence changed without changing what orders it in the list: the same product, the same expiry. */
function keepsItsPlace(before: Licence, after: Licence): boolean {
  return matchKey(before.softwareId) === matchKey(after.softwareId) && expiryKey(before) === expiryKey(after);
}
