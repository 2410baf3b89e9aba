import type { Licence } from "../../src/domain/schemas";
import { licenceRows, searchTexts } from "../../src/taskpane/licences/filterLicences";
import { LicenceRowsCache } from "../../src/taskpane/licences/licenceRowsCache";
import { seededRandom, syntheticRegister } from "../../src/playground/syntheticRegister";

const { licences, software } = syntheticRegister(300);

/** The list's order and search words as a fresh sort gives them: what the cache must always agree with. */
function expectFresh(cache: LicenceRowsCache, list: Licence[]): void {
  const rows = cache.rows(list, software);
  expect(rows).toEqual(licenceRows(list, software));
  expect(cache.searchTexts(rows)).toEqual(searchTexts(licenceRows(list, software)));
}

describe("the licence list's rows, kept between visits and edits", () => {
  it("coming back to the list with nothing changed gives the same rows without sorting again", () => {
    const cache = new LicenceRowsCache();
    const first = cache.rows(licences, software);
    expect(cache.rows(licences, software)).toBe(first);
    expect(cache.searchTexts(first)).toBe(cache.searchTexts(first));
  });

  it("a saved vendor is in its row and found by a search, the row staying where it was", () => {
    const cache = new LicenceRowsCache();
    const before = cache.rows(licences, software);
    cache.searchTexts(before);
    const edited = licences.slice();
    edited[7] = { ...edited[7], vendor: "Walk Vendor" };

    const after = cache.rows(edited, software);

    const place = before.findIndex((row) => row.licence === licences[7]);
    expect(after[place].licence.vendor).toBe("Walk Vendor");
    expect(cache.searchTexts(after)[place]).toContain("walk vendor");
    expectFresh(cache, edited);
  });

  it("agrees with a fresh sort through edits that move rows, add and remove licences", () => {
    const random = seededRandom(7);
    const cache = new LicenceRowsCache();
    let list = licences.slice();
    expectFresh(cache, list);
    const dates = ["2026-01-31", "2027-06-30", "2030-12-31", undefined];
    for (let step = 0; step < 60; step++) {
      list = list.slice();
      const at = Math.floor(random() * list.length);
      const kind = step % 6;
      if (kind === 0) list[at] = { ...list[at], expiryDate: dates[Math.floor(random() * dates.length)] };
      else if (kind === 1) list[at] = { ...list[at], softwareId: list[(at + 11) % list.length].softwareId };
      else if (kind === 2) list.splice(at, 1);
      else if (kind === 3) list.push({ ...list[at], id: `LIC-NEW-${step}` });
      else list[at] = { ...list[at], purchaseOrder: `PO-${step}`, licenceKey: `KEY-${step}` };
      expectFresh(cache, list);
    }
  });

  it("works the searched words out in the background, and a save landing part-way leaves none stale", async () => {
    const cache = new LicenceRowsCache();
    const rows = cache.rows(licences, software);
    let pauses = 0;
    const everyTime = () => {
      pauses++;
      return Promise.resolve();
    };
    const preparing = cache.prepareSearchTexts(rows, everyTime);
    const edited = licences.slice();
    edited[licences.length - 1] = { ...edited[licences.length - 1], vendor: "Late Vendor" };
    edited[0] = { ...edited[0], vendor: "Early Vendor" };
    const patched = cache.rows(edited, software);
    await preparing;

    expect(pauses).toBeGreaterThan(0);
    expect(cache.searchTexts(patched)).toEqual(searchTexts(licenceRows(edited, software)));
    await cache.prepareSearchTexts(patched, everyTime);
    expectFresh(cache, edited);
  });
});
