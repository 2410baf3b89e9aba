/**
 * The index finds a licence or product named by a generated ID through the number its characters spell. That
 * must find exactly what matching the text would: the same entry for the same ID in any case, never one for
 * another ID, and text that is not a generated ID left to the text lookup.
 */
import fc from "fast-check";
import { GeneratedIdReader, IdNumberTable } from "../../src/domain/generatedIdNumbers";
import { ID_ALPHABET, newId } from "../../src/domain/ids";
import { matchKey } from "../../src/domain/keys";

/** IDs as cells hold them: generated ones in any case or with spaces, near misses, and other text. */
const idLike = fc.oneof(
  fc
    .array(fc.constantFrom(...ID_ALPHABET, ..."iloua-ILOU\u212A"), { minLength: 11, maxLength: 13 })
    .chain((body) =>
      fc.tuple(fc.constantFrom("LIC-", "lic-", "Lic-", "SW-", "LIC", "LIC_"), fc.constant(body)),
    )
    .map(([prefix, body]) => prefix + body.join("")),
  fc.string({ minLength: 12, maxLength: 12 }).map((body) => `LIC-${body}`),
  fc.constantFrom("", " ", "LIC-1", " LIC-0123456789AB", "LIC-0123456789AB\t"),
);

const read = (reader: GeneratedIdReader, text: string): string | undefined =>
  reader.read(text) ? `${reader.high}/${reader.low}` : undefined;

it("reads a generated ID of its kind in any case, and two texts read alike only when they match", () => {
  const reader = new GeneratedIdReader("LIC");
  fc.assert(
    fc.property(idLike, idLike, (a, b) => {
      const readA = read(reader, a);
      const readB = read(reader, b);
      // whether text reads depends on its key alone, so text and key always meet
      if (readA !== undefined) {
        expect(read(reader, matchKey(a))).toBe(readA);
        expect(read(reader, a.toUpperCase())).toBe(readA);
        const last = ID_ALPHABET.indexOf(a.slice(-1).toUpperCase());
        expect(read(reader, a.slice(0, -1) + ID_ALPHABET[(last + 1) % 32])).not.toBe(readA);
      }
      if (readA !== undefined && readB !== undefined)
        expect(readA === readB).toBe(matchKey(a) === matchKey(b));
    }),
  );
});

it("reads every ID the add-in generates for the kind, and no other kind's", () => {
  const licences = new GeneratedIdReader("LIC");
  for (let i = 0; i < 200; i++) {
    const id = newId("licences");
    expect(licences.read(id)).toBe(true);
    expect(licences.read(id.toLowerCase())).toBe(true);
    expect(licences.read(newId("software"))).toBe(false);
    expect(licences.read(newId("installations"))).toBe(false);
  }
  // letters the alphabet leaves out, a missing hyphen, a character short or over
  for (const text of ["LIC-0123456789AI", "LIC-0123456789AL", "LIC-0123456789AO", "LIC-0123456789AU"])
    expect(licences.read(text)).toBe(false);
  for (const text of ["LIC00123456789AB", "LIC-0123456789A", "LIC-0123456789ABC", " LIC-0123456789AB"])
    expect(licences.read(text)).toBe(false);
});

it("finds every number it was given among fifty thousand, replaces values, and finds nothing else", () => {
  const table = new IdNumberTable();
  const reader = new GeneratedIdReader("LIC");
  const ids = Array.from({ length: 50_000 }, () => newId("licences"));
  ids.forEach((id, place) => {
    reader.read(id);
    table.set(reader.high, reader.low, place);
  });
  expect(table.size).toBe(50_000);
  expect(ids.every((id, place) => reader.read(id) && table.get(reader.high, reader.low) === place)).toBe(
    true,
  );
  reader.read(ids[7]);
  table.set(reader.high, reader.low, 3);
  expect(table.get(reader.high, reader.low)).toBe(3);
  expect(table.size).toBe(50_000);
  expect(table.get(0x3fffffff, 0x3fffffff)).toBe(-1);
  expect(() => table.set(1, 2, -1)).toThrow(RangeError);
  expect(() => table.set(1, 2, 0.5)).toThrow(RangeError);
});

it("keeps every number when room is made for more, before or after numbers are added", () => {
  const reader = new GeneratedIdReader("LIC");
  const numbers = Array.from({ length: 3_000 }, () => {
    reader.read(newId("licences"));
    return [reader.high, reader.low] as const;
  });
  const table = new IdNumberTable();
  table.reserve(2_000);
  numbers.slice(0, 1_000).forEach(([high, low], place) => table.set(high, low, place));
  table.reserve(100_000);
  table.reserve(10);
  numbers.slice(1_000).forEach(([high, low], place) => table.set(high, low, 1_000 + place));
  expect(table.size).toBe(3_000);
  expect(numbers.every(([high, low], place) => table.get(high, low) === place)).toBe(true);
});
