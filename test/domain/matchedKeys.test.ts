/**
 * The register finds a licence or product by the ID text a row names, and counts devices and users, trimmed and
 * in any case.
 */
import fc from "fast-check";
import { DistinctKeys, matchKey, matchKeyHash, MatchedMap, sameMatchKey } from "../../src/domain/keys";

/** IDs as people type them: mostly an ID's characters, sometimes spaces, accents or other punctuation. */
const typedId = fc
  .array(fc.constantFrom(..."aAbB0119-zZ _.éÉ"), { minLength: 0, maxLength: 24 })
  .map((chars) => chars.join(""));

/** Generated licence IDs as people type them: in any case, with spaces, and near misses. */
const typedLicenceId = fc
  .tuple(
    fc.constantFrom("LIC-", "lic-", " LIC-", "SW-"),
    fc.array(fc.constantFrom(..."0aAbB1zZiI"), { minLength: 11, maxLength: 13 }),
    fc.constantFrom("", " ", "\t"),
  )
  .map(([prefix, body, end]) => prefix + body.join("") + end);

it.each([
  ["typed text", typedId, undefined],
  ["generated IDs, found by their numbers", typedLicenceId, "LIC"],
])(
  "finds an entry by any text that matches its key, and lists entries in the order first seen: %s",
  (_, text, prefix) => {
    fc.assert(
      fc.property(fc.array(text, { maxLength: 60 }), (texts) => {
        const map = new MatchedMap<{ key: string }>(prefix);
        const made: string[] = [];
        for (const text of texts) {
          const entry = map.obtain(text, (key) => {
            made.push(key);
            return { key };
          });
          expect(entry.key).toBe(matchKey(text));
        }
        expect(made).toEqual([...new Set(texts.map(matchKey))]);
        expect([...map.values()].map((entry) => entry.key)).toEqual(made);
        for (const text of texts) expect(map.get(` ${text.toUpperCase()} `)?.key).toBe(matchKey(text));
        // by index, as a load counts its rows: an entry's index is its place in the order first seen
        for (const text of texts) {
          const index = map.indexOf(` ${text.toUpperCase()} `);
          expect(made[index]).toBe(matchKey(text));
          expect(map.at(index)).toBe(map.get(text));
          expect(map.obtainIndex(text, () => ({ key: "made again" }))).toBe(index);
          expect([-1, index]).toContain(map.indexByIdNumber(text));
        }
        expect(map.indexOf("not-a-key-of-these")).toBe(-1);
      }),
    );
  },
);

it("keeps finding every ID among fifty thousand", () => {
  const map = new MatchedMap<string>();
  const ids = Array.from({ length: 50_000 }, (_, i) => `LIC-${(i * 7919).toString(36).toUpperCase()}`);
  for (const id of ids) map.obtain(id, (key) => key);
  expect(ids.every((id) => map.get(id.toLowerCase()) === id.toLowerCase())).toBe(true);
  expect(map.get("LIC-NOT-THERE")).toBeUndefined();
  expect([...map.values()]).toHaveLength(50_000);
});

it("counts distinct keys as matched, blanks left out, in small groups and large, reused between groups", () => {
  const distinct = new DistinctKeys();
  fc.assert(
    fc.property(fc.array(typedId, { maxLength: 80 }), (texts) => {
      distinct.clear();
      for (const text of texts) distinct.add(matchKey(text));
      const expected = new Set(texts.map(matchKey).filter((key) => key !== ""));
      expect(distinct.size).toBe(expected.size);
    }),
  );
  distinct.clear();
  for (const text of ["PC-07", " pc-07 ", "pc-07", "PC 07", "pc 07", "", "  "]) distinct.add(matchKey(text));
  expect(distinct.size).toBe(2);
});

/** Text as it arrives from cells: spaces and tabs at the ends, capitals, and letters whose small form differs in length or is plain ASCII (the Kelvin sign's is "k"). */
const typedText = fc
  .array(fc.constantFrom(..."aAkK@`0-zZ _\tİ\u212Aßé"), { minLength: 0, maxLength: 12 })
  .map((chars) => chars.join(""));

it("counts typed text by its key without making the key, the same as counting keys, mixed in one group", () => {
  const distinct = new DistinctKeys();
  fc.assert(
    fc.property(fc.array(fc.tuple(typedText, fc.boolean()), { maxLength: 80 }), (entries) => {
      distinct.clear();
      for (const [text, asKey] of entries) {
        if (asKey) distinct.add(matchKey(text));
        else distinct.addText(text);
      }
      const expected = new Set(entries.map(([text]) => matchKey(text)).filter((key) => key !== ""));
      expect(distinct.size).toBe(expected.size);
    }),
  );
  distinct.clear();
  for (const text of ["PC-07", " pc-07 ", "Pc-07\t", "PC@07", "PC`07", "\u212A1", "k1", "  "])
    distinct.addText(text);
  expect(distinct.size).toBe(4);
});

it("hashes and compares text by its key without making it: texts with the same key always meet", () => {
  fc.assert(
    fc.property(typedText, typedText, (a, b) => {
      const same = matchKey(a) === matchKey(b);
      expect(sameMatchKey(a, b)).toBe(same);
      if (same) expect(matchKeyHash(a)).toBe(matchKeyHash(b));
      expect(matchKeyHash(a)).toBe(matchKeyHash(matchKey(a)));
    }),
  );
  expect(matchKeyHash("PC-07")).not.toBe(matchKeyHash("PC-08"));
});
