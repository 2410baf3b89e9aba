/**
 * The live register's records of a table: the load's records found through the load's own lookup, plus the
 * edits since. Whatever edits arrive, it holds exactly what a map by ID given the same edits would.
 */
import fc from "fast-check";
import { LiveRecords } from "../../src/live/liveRecords";

type Row = Record<string, unknown>;
const IDS = ["I1", "I2", "I3", "I4", "I5", "I6"];

/** The records a load read, as the workbook register's lookup gives them (RecordMemory.loaded). */
function loadedLookup(records: Row[]) {
  const byId = new Map(records.map((record) => [String(record.id), record]));
  return { size: byId.size, get: (id: string) => byId.get(id), values: () => records };
}

const editArb = fc.oneof(
  fc.record({ set: fc.constantFrom(...IDS), device: fc.string({ maxLength: 3 }) }),
  fc.record({ remove: fc.constantFrom(...IDS) }),
);

it("after any adds, changes and removals it holds what a map by ID holds, in load order then added order", () => {
  fc.assert(
    fc.property(fc.subarray(IDS), fc.array(editArb, { maxLength: 30 }), (loadedIds, edits) => {
      const loaded = loadedIds.map((id) => ({ id, device: "loaded" }));
      const records = LiveRecords.over(loadedLookup(loaded));
      const model = new Map<string, Row>(loaded.map((record) => [record.id, record]));
      for (const edit of edits) {
        if ("set" in edit) {
          const record = { id: edit.set, device: edit.device };
          records.set(edit.set, record);
          model.set(edit.set, record);
        } else expect(records.delete(edit.remove)).toBe(model.delete(edit.remove));
      }
      expect(records.size).toBe(model.size);
      for (const id of IDS) {
        expect(records.get(id)).toBe(model.get(id));
        expect(records.has(id)).toBe(model.has(id));
      }
      const listed = [...records.values()];
      expect(new Set(listed)).toEqual(new Set(model.values()));
      expect(listed).toHaveLength(model.size);
      expect([...records.keys()]).toEqual(listed.map((record) => record.id));
      // a record the load read keeps its place; one it did not read comes after all of them
      const firstAdded = listed.findIndex((record) => !loadedIds.includes(String(record.id)));
      if (firstAdded >= 0)
        expect(listed.slice(firstAdded).every((record) => !loadedIds.includes(String(record.id)))).toBe(true);
      expect(listed.slice(0, firstAdded < 0 ? undefined : firstAdded).map((record) => record.id)).toEqual(
        loadedIds.filter((id) => model.has(id)),
      );
    }),
    { numRuns: 300 },
  );
});

it("edits never change the load's own records, which the register keeps for its saves", () => {
  const loaded = [{ id: "I1", device: "PC-1" }];
  const lookup = loadedLookup(loaded);
  const records = LiveRecords.over(lookup);
  records.set("I1", { id: "I1", device: "PC-2" });
  records.delete("I1");
  expect(lookup.get("I1")).toEqual({ id: "I1", device: "PC-1" });
  expect(records.get("I1")).toBeUndefined();
});

it("data without a lookup keeps the first record of each ID, as a load does", () => {
  const records = LiveRecords.of([
    { id: "I1", device: "first" },
    { id: "I1", device: "copy" },
  ]);
  expect(records.size).toBe(1);
  expect(records.get("I1")?.device).toBe("first");
});
