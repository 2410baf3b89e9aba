/**
 * A load finds each record's row by its ID text through a TextTable: it must answer exactly as a Map would,
 * whatever the text and however far it has grown past the size it was made for.
 */
import fc from "fast-check";
import { hashText, TextTable } from "../../src/domain/textTable";

/** Text as cells hold it: IDs, blanks, spaces, other scripts, and characters outside the basic plane. */
const cellText = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.constantFrom("", " ", "INS-1", "ins-1", "INS-1 ", "Ä", "😀", "\u0000"),
);

it("finds, replaces, keeps and counts every text exactly as a Map does, keeping the texts or reading the caller's", () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(cellText, fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), fc.boolean()), {
        maxLength: 200,
      }),
      fc.nat({ max: 300 }),
      fc.array(cellText, { maxLength: 50 }),
      fc.boolean(),
      (writes, expected, probes, textsKeptByCaller) => {
        // the caller's texts in the order first added, as a load keeps its records' IDs
        const added: string[] = [];
        const table = textsKeptByCaller
          ? new TextTable(expected, (entry) => added[entry])
          : new TextTable(expected);
        const map = new Map<string, number>();
        for (const [text, value, onlyIfAbsent] of writes) {
          const before = map.get(text);
          if (before === undefined) added.push(text);
          if (onlyIfAbsent) {
            // half the time with the hash worked out by the caller, as shareRepeatedText does
            const hash = value % 2 === 0 ? hashText(text) : undefined;
            expect(table.setIfAbsent(text, value, hash)).toBe(before);
            if (before === undefined) map.set(text, value);
          } else {
            table.set(text, value);
            map.set(text, value);
          }
        }
        expect(table.size).toBe(map.size);
        expect([...table.entries()]).toEqual([...map.entries()]);
        for (const text of [...map.keys(), ...probes]) {
          expect(table.get(text)).toBe(map.get(text));
          expect(table.has(text)).toBe(map.has(text));
          expect(table.indexOf(text)).toBe(added.indexOf(text));
        }
        // the first copy of each text added, by its place
        added.forEach((text, place) => expect(table.textAt(place)).toBe(text));
        expect(() => table.textAt(added.length)).toThrow(RangeError);
      },
    ),
  );
});

it("refuses a value it cannot hold exactly, instead of keeping another", () => {
  const table = new TextTable(4);
  for (const value of [0.5, 2 ** 31, NaN]) {
    expect(() => table.set("INS-1", value)).toThrow(RangeError);
    expect(() => table.setIfAbsent("INS-1", value)).toThrow(RangeError);
  }
  expect(table.has("INS-1")).toBe(false);
});

it("keeps finding every ID among a hundred thousand, made for far fewer", () => {
  const table = new TextTable(10);
  const ids = Array.from({ length: 100_000 }, (_, i) => `INS-${(i * 7919).toString(32).toUpperCase()}`);
  ids.forEach((id, row) => table.set(id, row));
  expect(ids.every((id, row) => table.get(id) === row)).toBe(true);
  expect(table.get("INS-NOT-THERE")).toBeUndefined();
  expect(table.get(ids[5].toLowerCase())).toBeUndefined();
  expect(table.size).toBe(100_000);
});
