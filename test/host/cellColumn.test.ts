import fc from "fast-check";
import { CellColumn } from "../../src/host/cellColumn";
import type { CellValue } from "../../src/host/inputParsing";

/** What a column holds, read back row by row, with its length. */
function contents(column: CellColumn, rows: number): { cells: (CellValue | undefined)[]; length: number } {
  return { cells: Array.from({ length: rows }, (_, row) => column.get(row)), length: column.length };
}

/** The plain array a column stands in for: the same writes, splices and reads. */
class ArrayColumn {
  cells: (CellValue | undefined)[] = [];
  set(row: number, value: CellValue | undefined): void {
    if (row < this.cells.length) this.cells[row] = value;
    else if (value !== undefined || row === this.cells.length) {
      while (this.cells.length < row) this.cells.push(undefined);
      this.cells[row] = value;
    }
  }
  shift(at: number, count: number): void {
    if (at >= this.cells.length) return;
    if (count < 0) this.cells.splice(at, -count);
    else this.cells.splice(at, 0, ...Array<undefined>(count).fill(undefined));
  }
  contents(rows: number): { cells: (CellValue | undefined)[]; length: number } {
    return { cells: Array.from({ length: rows }, (_, row) => this.cells[row]), length: this.cells.length };
  }
}

const value = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom("Active", "Expired", "", "INS-4F7Q2", "é ✓ 𝄞"),
  fc.string({ maxLength: 12, unit: "grapheme" }),
  fc.double(),
  fc.constantFrom(0, -0, 1, 45_000),
  fc.boolean(),
);

type Step =
  | { kind: "set"; row: number; value: CellValue | undefined }
  | { kind: "fill"; from: number; count: number; text: string }
  | { kind: "shift"; at: number; count: number }
  | { kind: "clone" };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant("set" as const), row: fc.nat(300), value }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("fill" as const),
      from: fc.nat(300),
      count: fc.integer({ min: 1, max: 9000 }),
      text: fc.constantFrom("Windows 11", "note", "INS-"),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("shift" as const),
      at: fc.nat(400),
      count: fc.integer({ min: -50, max: 50 }),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: "clone" as const }) },
);

describe("the host's cell column", () => {
  test("reads back what an array would after any writes, inserts, deletes and copies", () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        let column = new CellColumn();
        let model = new ArrayColumn();
        const copies: [CellColumn, ArrayColumn][] = [];
        for (const next of steps) {
          if (next.kind === "set") {
            column.set(next.row, next.value);
            model.set(next.row, next.value);
          } else if (next.kind === "fill") {
            // thousands of texts, some repeating the one above, so that texts are joined into chunks
            for (let i = 0; i < next.count; i++) {
              const text = i % 3 === 0 ? next.text : `${next.text}${i}`;
              column.set(next.from + i, text);
              model.set(next.from + i, text);
            }
          } else if (next.kind === "shift") {
            column.shift(next.at, next.count);
            model.shift(next.at, next.count);
          } else {
            copies.push([column, model]);
            column = column.clone();
            model = Object.assign(new ArrayColumn(), { cells: model.cells.slice() });
          }
        }
        const rows = Math.max(model.cells.length, column.length) + 2;
        expect(contents(column, rows)).toEqual(model.contents(rows));
        for (const [copy, copyModel] of copies)
          expect(contents(copy, rows)).toEqual(copyModel.contents(rows));
      }),
      { numRuns: 150 },
    );
  });

  test("a column pasted over again and again reads back its last texts", () => {
    const column = new CellColumn();
    // four rows running hold each text, as rows of one licence often do
    const text = (paste: number, row: number) => `paste ${paste}: licence ${Math.floor(row / 4)}`;
    for (let paste = 0; paste < 10; paste++)
      for (let row = 0; row < 10_000; row++) column.set(row, text(paste, row));
    for (let edit = 0; edit < 10_000; edit++) column.set(5, `edit ${edit}`);
    expect(column.get(5)).toBe("edit 9999");
    const others = Array.from({ length: 10_000 }, (_, row) => row).filter((row) => row !== 5);
    expect(others.filter((row) => column.get(row) !== text(9, row))).toEqual([]);
    expect(column.filledSpan()).toEqual([0, 9_999]);
  });

  test("numbers keep their sign and precision; true and false stay booleans", () => {
    const column = new CellColumn();
    const values: CellValue[] = [-0, 0.1 + 0.2, Number.MAX_SAFE_INTEGER, -1e-300, true, false, "0"];
    values.forEach((cell, row) => column.set(row, cell));
    values.forEach((cell, row) => expect(Object.is(column.get(row), cell)).toBe(true));
  });
});
