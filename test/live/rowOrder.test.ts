/** Which record each row holds, kept as rows come and go, and what a delete took according to it. */
import { probesHold, RowOrder, type RowId } from "../../src/live/rowOrder";

const ids = (count: number, prefix = "INS-"): RowId[] =>
  Array.from({ length: count }, (_, i) => `${prefix}${i}`);

it("is worked out from the load only when first needed, with the changes made before then", async () => {
  const build = jest.fn(() => Promise.resolve(ids(6)));
  const order = new RowOrder(build);
  order.splice(0, 0, ["INS-TOP"]);
  order.append(["INS-END"]);
  order.removeId("INS-2");
  order.splice(1, 1, [undefined]);
  expect(build).not.toHaveBeenCalled();
  // nothing is told before it is worked out
  expect(order.deletionCheck(2, 2)).toBeUndefined();

  await order.workOut();
  await order.workOut();
  expect(build).toHaveBeenCalledTimes(1);
  // rows now: INS-TOP, (unreadable), INS-1, INS-3, INS-4, INS-5, INS-END
  const check = order.deletionCheck(2, 2);
  expect(check?.taken).toEqual(["INS-1", "INS-3"]);
  expect(check?.rowsAfter).toBe(5);
  // the row above, the rows that moved up into the gap, and rows across the table; none blank
  expect(check?.probes).toEqual(
    expect.arrayContaining([
      { row: 2, id: "INS-4" },
      { row: 3, id: "INS-5" },
    ]),
  );
  expect(check?.probes.map((probe) => probe.id)).not.toContain(undefined);
});

it("confirms a delete only when every row read holds the ID it predicts", () => {
  const check = new RowOrder(ids(100)).deletionCheck(40, 3)!;
  const predicted = check.probes.map((probe) => probe.id);
  expect(predicted).toEqual(expect.arrayContaining(["INS-39", "INS-43", "INS-44"]));
  expect(probesHold(check.probes, predicted)).toBe(true);
  const moved = [...predicted];
  moved[moved.length - 1] = "INS-7";
  expect(probesHold(check.probes, moved)).toBe(false);
});

it("cannot tell a delete whose ID is on a row kept too, rows it does not have, or after an own delete it could not place", async () => {
  const copies = new RowOrder(["INS-1", "INS-2", "INS-1"]);
  expect(copies.deletionCheck(0, 1)).toBeUndefined();
  expect(new RowOrder(ids(3)).deletionCheck(2, 2)).toBeUndefined();

  const lost = new RowOrder(() => Promise.resolve(ids(5)));
  lost.removeId("INS-GONE");
  await lost.workOut();
  expect(lost.deletionCheck(0, 1)).toBeUndefined();

  // more changes than are kept before it is worked out: given up, not kept growing
  const busy = new RowOrder(() => Promise.resolve(ids(5)));
  for (let i = 0; i < 1_001; i++) busy.append([`INS-NEW-${i}`]);
  await busy.workOut();
  expect(busy.deletionCheck(0, 1)).toBeUndefined();
});

it("takes in a paste of many rows at once", () => {
  const order = new RowOrder(ids(3));
  order.splice(1, 0, ids(50_000, "NEW-"));
  const check = order.deletionCheck(0, 1)!;
  expect(check.rowsAfter).toBe(50_002);
  expect(check.probes).toContainEqual({ row: 0, id: "NEW-0" });
  expect(order.deletionCheck(50_001, 2)?.taken).toEqual(["INS-1", "INS-2"]);
});

it("says what rows held before an edit wrote over them, confirmed by rows the edit left alone", () => {
  const order = new RowOrder(["INS-0", undefined, "INS-2", "INS-3", "INS-4", "INS-5", "INS-6"]);
  const check = order.editCheck(2, 2)!;
  expect(check.held).toEqual(["INS-2", "INS-3"]);
  const rows = check.probes.map((probe) => probe.row);
  // beside the edit (the row above is blank, so not read) and across the table, never the rows edited
  expect(rows).toContain(4);
  expect(rows).not.toContain(1);
  expect(rows.filter((row) => row === 2 || row === 3)).toEqual([]);
  expect(order.editCheck(6, 2)).toBeUndefined();
});

/** The ID column read again, given to a sort check in pages of two rows, as the register reads it in pages. */
async function afterSort(order: RowOrder, column: string[], unreadable: ReadonlySet<string>) {
  const check = await order.sortCheck(unreadable);
  if (!check) return undefined;
  for (let row = 0; row < column.length; row += 2) await check.page(column.slice(row, row + 2));
  return check.result();
}

it("tells a sort (the same rows in another order) from an ID column that changed, and where unreadable rows went", async () => {
  const order = new RowOrder(["INS-0", undefined, "INS-2", "INS-3", undefined]);
  const none = new Set<string>();
  const bad = new Set(["BAD-1"]);
  // row 1 is blank, row 4 unreadable (it shows BAD-1)
  expect(await afterSort(order, ["INS-3", "INS-0", "BAD-1", "INS-2", ""], bad)).toEqual({
    order: ["INS-3", "INS-0", undefined, "INS-2", undefined],
    unreadableRows: new Map([["BAD-1", 2]]),
  });
  expect((await afterSort(order, ["INS-3", "", "INS-0", "INS-2", ""], none))?.unreadableRows).toEqual(
    new Map(),
  );
  // an ID typed over, an ID on two rows, a blank row given an ID, a row more or less, an unreadable row gone
  expect(await afterSort(order, ["INS-3", "INS-0", "INS-9", "INS-2", ""], none)).toBeUndefined();
  expect(await afterSort(order, ["INS-3", "INS-0", "INS-3", "INS-2", ""], none)).toBeUndefined();
  expect(await afterSort(order, ["INS-3", "INS-0", "INS-1", "INS-2", ""], none)).toBeUndefined();
  expect(await afterSort(order, ["INS-3", "INS-0", "", "INS-2", "", ""], none)).toBeUndefined();
  expect(await afterSort(order, ["INS-3", "INS-0", "", "INS-2"], none)).toBeUndefined();
  expect(await afterSort(order, ["INS-3", "INS-0", "", "INS-2", ""], bad)).toBeUndefined();
  expect(await afterSort(order, ["INS-3", "INS-0", "BAD-1", "INS-2", "BAD-1"], bad)).toBeUndefined();
  // an order that is not known says nothing
  const unknown = new RowOrder(() => Promise.resolve(ids(2)));
  expect(await afterSort(unknown, ["INS-1", "INS-0"], none)).toBeUndefined();
});
