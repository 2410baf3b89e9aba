/**
 * What the register remembers of a load: the row each record was in, for saves, shared read only with the
 * live register (which keeps its own edits beside it).
 */
import { TextTable } from "../../src/domain/textTable";
import { RecordMemory } from "../../src/workbook/recordMemory";

type Row = Record<string, unknown>;

/** The lookup a load makes as it reads: each record's body row by ID, read from the record itself. */
function rowsRead(records: Row[], bodyRows: number[]): TextTable {
  const rowOf = new TextTable(records.length, (entry) => String(records[entry].id));
  records.forEach((record, index) => rowOf.set(String(record.id), bodyRows[index]));
  return rowOf;
}

async function remembered(records: Row[], bodyRows: number[]): Promise<RecordMemory> {
  const memory = new RecordMemory();
  await memory.rememberLoad("installations", records, rowsRead(records, bodyRows));
  return memory;
}

it("finds each loaded record, and the row it was in, by ID", async () => {
  const records = [
    { id: "I1", device: "PC-1", rowVersion: 1 },
    { id: "I2", device: "PC-2", rowVersion: 3 },
  ];
  // body row 1 held a row with a data issue, so it has no record
  const memory = await remembered(records, [0, 2]);
  const loaded = memory.loaded("installations")!;
  expect(loaded.size).toBe(2);
  expect(loaded.get("I2")).toBe(records[1]);
  expect(loaded.get("I9")).toBeUndefined();
  expect([...loaded.values()]).toEqual(records);
  expect(memory.lastSeen("installations", "I2")).toBe(2);
  expect(memory.baseOf("installations", "I2", 3)).toBe(records[1]);
});

it("a deleted record is no longer found for saves, while the load's own records stay as read", async () => {
  const records = [{ id: "I1", device: "PC-1", rowVersion: 1 }];
  const memory = await remembered(records, [0]);
  const loaded = memory.loaded("installations")!;
  memory.forget("installations", "I1");
  expect(memory.lastSeen("installations", "I1")).toBeUndefined();
  expect(memory.baseOf("installations", "I1", 1)).toBeUndefined();
  expect(loaded.get("I1")).toBe(records[0]);
});

it("the next load makes a new lookup and leaves the one already shared as it was", async () => {
  const memory = await remembered([{ id: "I1", device: "PC-1", rowVersion: 1 }], [0]);
  const first = memory.loaded("installations")!;
  const next = [{ id: "I2", device: "PC-2", rowVersion: 1 }];
  await memory.rememberLoad("installations", next, rowsRead(next, [0]));
  expect(first.get("I1")).toEqual({ id: "I1", device: "PC-1", rowVersion: 1 });
  expect(first.get("I2")).toBeUndefined();
  expect(memory.loaded("installations")!.get("I2")).toBe(next[0]);
  expect(memory.lastSeen("installations", "I1")).toBeUndefined();
});
