/**
 * A load counts every licence's devices, users and active allocations in one pass over the rows in their order.
 * Those counts must be the ones countUsage makes from each licence's own rows, whatever the text's case or
 * spaces, and two devices must never be merged because their hashes meet.
 */
import fc from "fast-check";
import { DistinctKeysByOwner } from "../../src/domain/distinctKeysByOwner";
import { matchKey } from "../../src/domain/keys";
import { ALLOCATION_RULES } from "../../src/domain/lists";
import { LoadTallies } from "../../src/domain/loadTallies";
import { countUsage } from "../../src/domain/usage";
import { allocation, AS_OF, installation } from "./fixtures";

/** Text as cells hold it: capitals, spaces at the ends, blanks, letters whose small form differs in length. */
const typedText = fc
  .array(fc.constantFrom(..."aAbB1 \tİ\u212Ak"), { minLength: 0, maxLength: 5 })
  .map((chars) => chars.join(""));

const hashes: [string, ((text: string) => number) | undefined][] = [
  ["the real hash", undefined],
  ["a hash where every text meets", () => 0],
  ["a hash where keys of a length meet", (text) => matchKey(text).length],
];

it.each(hashes)("counts each owner's distinct keys as a set of matchKeys does, with %s", (_, hash) => {
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.nat({ max: 5 }), typedText), { maxLength: 60 }), (rows) => {
      const distinct = new DistinctKeysByOwner(2, (row) => rows[row][1], hash);
      rows.forEach(([owner, text], row) => distinct.add(owner, text, row));
      for (let owner = 0; owner <= 6; owner++) {
        const keys = rows.filter(([of]) => of === owner).map(([, text]) => matchKey(text));
        expect(distinct.countOf(owner)).toBe(new Set(keys.filter((key) => key !== "")).size);
      }
    }),
  );
});

it.each(hashes)(
  "counts a licence with many rows (compared through a map) exactly too, with %s",
  (_, hash) => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat({ max: 1 }), typedText), { minLength: 20, maxLength: 120 }),
        (rows) => {
          const distinct = new DistinctKeysByOwner(2, (row) => rows[row][1], hash);
          rows.forEach(([owner, text], row) => distinct.add(owner, text, row));
          for (let owner = 0; owner <= 2; owner++) {
            const keys = rows.filter(([of]) => of === owner).map(([, text]) => matchKey(text));
            expect(distinct.countOf(owner)).toBe(new Set(keys.filter((key) => key !== "")).size);
          }
        },
      ),
    );
  },
);

it("counts a row added after the counts were read", () => {
  const texts = ["PC-1", "pc-1 ", "PC-2"];
  const distinct = new DistinctKeysByOwner(1, (row) => texts[row]);
  distinct.add(0, texts[0], 0);
  distinct.add(0, texts[1], 1);
  expect(distinct.countOf(0)).toBe(1);
  distinct.add(0, texts[2], 2);
  expect(distinct.countOf(0)).toBe(2);
  expect(distinct.countOf(7)).toBe(0);
});

it("gives every licence the counts countUsage makes from its own rows", () => {
  const day = fc.constantFrom("2026-01-01", AS_OF, "2026-12-31");
  const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
  fc.assert(
    fc.property(
      fc.array(fc.option(fc.constantFrom(...ALLOCATION_RULES), { nil: undefined }), {
        minLength: 1,
        maxLength: 5,
      }),
      fc.array(fc.tuple(fc.nat({ max: 6 }), typedText, maybe(typedText)), { maxLength: 40 }),
      fc.array(fc.tuple(fc.nat({ max: 6 }), typedText, maybe(day), maybe(day)), { maxLength: 20 }),
      (rules, installationRows, allocationRows) => {
        const installations = installationRows.map(([, device, user], i) =>
          installation({ id: `I${i}`, softwareId: "SW-1", device, user }),
        );
        const allocations = allocationRows.map(([, user, allocatedOn, revokedOn], i) =>
          allocation({ id: `A${i}`, licenceId: "LIC-1", user, allocatedOn, revokedOn }),
        );
        const tallies = new LoadTallies(rules, installations, allocations, AS_OF);
        installationRows.forEach(([owner], row) => tallies.installation(owner, installations[row], row));
        allocationRows.forEach(([owner], row) => tallies.allocation(owner, allocations[row], row));
        rules.forEach((rule, owner) => {
          if (!rule) return;
          const own = installations.filter((_, row) => installationRows[row][0] === owner);
          const ownAllocations = allocations.filter((_, row) => allocationRows[row][0] === owner);
          expect(tallies.countsOf(owner, rule, own.length)).toEqual(
            countUsage(rule, own, ownAllocations, AS_OF),
          );
        });
      },
    ),
  );
});
