import type { Licence } from "../../src/domain/schemas";
import { ROWS_READ_WITH_LAYOUT } from "../../src/workbook/readRows";
import { addLongCommentColumns, freshWorkbook, fullLicence, must, syncsOf } from "./fixtures";

async function registerOf(count: number, options: Parameters<typeof freshWorkbook>[0] = {}) {
  const opened = await freshWorkbook(options);
  const added = must(
    await opened.register.addMany(
      "licences",
      Array.from({ length: count }, (_, n) => fullLicence({ notes: `licence ${n}` })),
    ),
  );
  // the sheet row of the first body row, as a read of the whole table gives it
  const { firstSheetRow } = await opened.register.readRows!("licences");
  return { ...opened, added, firstSheetRow };
}

const notesOf = (rows: (Record<string, unknown> | undefined)[]) => rows.map((row) => row?.notes);

describe("reading the rows a change in the grid covers", () => {
  it("reads a change to a few rows in one request", async () => {
    const { session, register, firstSheetRow } = await registerOf(5);
    let read: Awaited<ReturnType<NonNullable<typeof register.readRows>>> | undefined;

    const syncs = await syncsOf(session, async () => {
      // someone typed into columns B to D of the second and third licences
      read = await register.readRows!("licences", `B${firstSheetRow + 1}:D${firstSheetRow + 2}`);
    });

    expect(syncs).toBe(1);
    expect(read!.firstBodyRow).toBe(1);
    expect(notesOf(read!.rows)).toEqual(["licence 1", "licence 2"]);
    expect(read!.issues).toEqual([]);
  });

  it("reads nothing but the layout for a change outside the table's body", async () => {
    const { register, firstSheetRow } = await registerOf(2);
    const below = await register.readRows!("licences", `A${firstSheetRow + 5}`);
    expect(below.rows).toEqual([]);
    const header = await register.readRows!("licences", `A${firstSheetRow - 1}`);
    expect(header.rows).toEqual([]);
  });

  it("reads a change to more rows in pages, from the right row", async () => {
    const count = ROWS_READ_WITH_LAYOUT + 10;
    const { register, firstSheetRow } = await registerOf(count);
    const read = await register.readRows!("licences", `A${firstSheetRow + 3}:A${firstSheetRow + count - 1}`);
    expect(read.firstBodyRow).toBe(3);
    expect(notesOf(read.rows)).toEqual(Array.from({ length: count - 3 }, (_, n) => `licence ${n + 3}`));
  });

  it("reads rows too long for one response after the layout, on Excel on the web", async () => {
    const count = 10;
    const { workbook, register, added, firstSheetRow } = await registerOf(count, { profile: "web" });
    await addLongCommentColumns(workbook, "LicencesTable", count);

    const read = await register.readRows!("licences", `A${firstSheetRow}:A${firstSheetRow + count - 1}`);

    expect(notesOf(read.rows)).toEqual(added.map((licence: Licence) => licence.notes));
    expect(read.issues).toEqual([]);
  });
});
