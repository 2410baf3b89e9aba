/** A load puts each row into its licence's list: every row once, in the rows' order, after the rows already there. */
import { RowsBySlot } from "../../src/domain/rowsBySlot";

it("puts each row into its owner's list in the rows' order, after the owner's rows, leaving out rows with no owner", () => {
  const rows = ["a", "b", "c", "d", "e", "f"];
  const owners = [2, -1, 0, 2, 5000, 2];
  const grouped = new RowsBySlot<string>(rows.length);
  owners.forEach((owner, row) => {
    if (owner >= 0) grouped.note(row, owner);
  });
  const present = [["x"], [], ["y", "z"]];
  const lists = present.map((list, owner) => grouped.makeList(owner, list));
  const far = grouped.makeList(5000, []);
  rows.forEach((row, index) => grouped.fill(row, index));
  expect(lists).toEqual([["x", "c"], [], ["y", "z", "a", "d", "f"]]);
  expect(lists[1]).toBe(present[1]);
  expect(far).toEqual(["e"]);
});
