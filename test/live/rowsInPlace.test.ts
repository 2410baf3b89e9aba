/**
 * Rows typed into the grid or added by a co-author join the live register from the rows Excel names, not from
 * a read of the whole table: at 100,000 licences the Installations table is a million rows, and each edit of a
 * new row read them all again. Whatever the path, the records and issues are those a full load finds.
 */
import type { HostSession } from "../../src/host";
import type { Register } from "../../src/workbook/registerApi";
import { settle, freshLiveFixtureEachTest, liveFixture, type LiveFixture } from "../functions/liveHarness";

const fixture = freshLiveFixtureEachTest();
let wholeTableReads: number;
let idColumnReads: number;
let loads: jest.SpyInstance;

/** Counts the register's reads of a whole table and of a whole ID column. */
function countReads(register: Register): void {
  const readRows = register.readRows!.bind(register);
  const readIds = register.readIds!.bind(register);
  wholeTableReads = 0;
  idColumnReads = 0;
  register.readRows = (kind, address, pause) => {
    if (address === undefined) wholeTableReads++;
    return readRows(kind, address, pause);
  };
  register.readIds = (kind, onPage) => {
    idColumnReads++;
    return readIds(kind, onPage);
  };
}

beforeEach(() => {
  countReads(fixture.register);
  loads = jest.spyOn(fixture.register, "load");
});

/** Sheet row (as Excel numbers them) below the last row of a sheet's table. */
const rowBelow = (sheet: string) => fixture.workbook.readSheet(sheet).values.length + 1;

/** The records and issues the live register holds equal those of a load of the whole workbook. */
async function expectSameAsALoad({ live, register } = fixture): Promise<void> {
  loads.mockRestore();
  const loaded = await register.load();
  // a record the pane saved is held as saved (with its Modified stamp); a load leaves out what is blank
  const fields = (record: object) =>
    Object.fromEntries(
      Object.entries(record).filter(([key, value]) => value !== undefined && key !== "modified"),
    );
  expect([...live.recordsIn("installations").values()].map(fields)).toEqual(
    expect.arrayContaining(loaded.installations.map(fields)),
  );
  expect(live.recordsIn("installations").size).toBe(loaded.installations.length);
  expect(live.issues).toHaveLength(loaded.issues.length);
  expect(live.issues).toEqual(expect.arrayContaining(loaded.issues));
}

/** A co-author adds rows to a table (at `index`, or at its end), as their own pane or Excel would. */
async function coAuthorAdds(table: string, rows: string[][], index?: number, { workbook, live } = fixture) {
  const bob: HostSession = workbook.session("bob");
  await bob.run(async (context) => {
    context.workbook.tables.getItem(table).rows.add(index, rows);
    await context.sync();
  });
  await arrived(workbook, live);
}

/** A co-author deletes the row at `index` of a table's body. */
async function coAuthorDeletes(table: string, index: number, { workbook, live } = fixture): Promise<void> {
  const bob: HostSession = workbook.session("bob");
  await bob.run(async (context) => {
    context.workbook.tables.getItem(table).rows.getItemAt(index).delete();
    await context.sync();
  });
  await arrived(workbook, live);
}

/** Waits for a co-author's change to reach this session and for the live register to apply it. */
async function arrived(workbook: LiveFixture["workbook"], live: LiveFixture["live"]): Promise<void> {
  await workbook.merged();
  await new Promise((resolve) => setTimeout(resolve, 50));
  await settle(live);
}

/**
 * Someone (`who`: "user" is the person at this grid) pastes two installations over body rows `at` and the one
 * below, in one go: IDs INS-PASTED-1 and -2 on devices PC-P1 and -2, the other cells left as they were.
 */
async function pasteTwoRows(who: string, at: number, { workbook, live } = fixture): Promise<void> {
  await workbook.session(who).run(async (context) => {
    const body = context.workbook.tables.getItem("InstallationsTable").getDataBodyRange();
    body.getCell(at, 0).getResizedRange(1, 0).values = [["INS-PASTED-1"], ["INS-PASTED-2"]];
    body.getCell(at, 5).getResizedRange(1, 0).values = [["PC-P1"], ["PC-P2"]];
    await context.sync();
  });
  await arrived(workbook, live);
}

/** The IDs in the Installations table's ID column, top to bottom. */
const installationIds = ({ workbook } = fixture) =>
  workbook
    .readSheet("Installations")
    .values.slice(1)
    .map((row) => row[0]);

/** An installation as the pane adds it. */
const paneInstallation = {
  id: "INS-MINE",
  softwareId: "SW-1",
  licenceId: "LIC-OK",
  device: "PC-M",
  source: "Manual",
} as const;

/** An installation row in the Installations table's column order. */
const installationRow = (id: string, licenceId: string, device: string) => [
  id,
  "SW-1",
  "",
  licenceId,
  "",
  device,
  "",
  "",
  "",
  "Manual",
  "",
  "",
  "",
];

it("a new installation typed below the table, cell by cell, joins the figures without reading the table again", async () => {
  const { workbook, live } = fixture;
  const row = rowBelow("Installations");
  const usedBefore = live.licence("LIC-OK")!.used;

  workbook.typeIntoCell("Installations", `A${row}`, "INS-TYPED");
  await settle(live);
  // not readable yet: it says what is missing, where
  expect(live.issues).toEqual([
    expect.objectContaining({ sheet: "Installations", address: `B${row}`, recordId: "INS-TYPED" }),
    expect.objectContaining({ sheet: "Installations", address: `F${row}`, recordId: "INS-TYPED" }),
  ]);
  for (const [column, value] of [
    ["B", "SW-1"],
    ["D", "LIC-OK"],
    ["F", "PC-NEW"],
    ["J", "Manual"],
  ]) {
    workbook.typeIntoCell("Installations", `${column}${row}`, value);
    await settle(live);
  }

  expect(live.issues).toEqual([]);
  expect(live.record("installations", "INS-TYPED")).toMatchObject({ licenceId: "LIC-OK", device: "PC-NEW" });
  expect(live.licence("LIC-OK")!.used).toBe(usedBefore + 1);
  expect(wholeTableReads).toBe(0);
  expect(loads).not.toHaveBeenCalled();
  await expectSameAsALoad();
});

it("installations a co-author adds join the figures without reading the table again", async () => {
  const { live } = fixture;
  const usedBefore = live.licence("LIC-OK")!.used;
  await coAuthorAdds("InstallationsTable", [
    installationRow("INS-BOB-1", "LIC-OK", "PC-B1"),
    installationRow("INS-BOB-2", "LIC-OK", "PC-B2"),
  ]);
  expect(live.licence("LIC-OK")!.used).toBe(usedBefore + 2);
  expect(wholeTableReads).toBe(0);
  await expectSameAsALoad();
});

it("a cell made wrong takes its record out of the figures, and putting it right brings it back, reading no table", async () => {
  const { workbook, live } = fixture;
  const usedBefore = live.licence("LIC-EXPIRED")!.used;
  // INS-3 (sheet row 4) is LIC-EXPIRED's one installation
  workbook.typeIntoCell("Installations", "F4", "");
  await settle(live);
  expect(live.record("installations", "INS-3")).toBeUndefined();
  expect(live.licence("LIC-EXPIRED")!.used).toBe(usedBefore - 1);
  expect(live.issues).toEqual([expect.objectContaining({ address: "F4", recordId: "INS-3" })]);
  await expectSameAsALoad();

  workbook.typeIntoCell("Installations", "F4", "PC-3");
  await settle(live);
  expect(live.record("installations", "INS-3")).toMatchObject({ device: "PC-3" });
  expect(live.licence("LIC-EXPIRED")!.used).toBe(usedBefore);
  expect(live.issues).toEqual([]);
  expect(wholeTableReads).toBe(0);
  await expectSameAsALoad();
});

it("an ID typed over, or rows pasted over others with their IDs, replace those records without reading the table", async () => {
  const { workbook, live } = fixture;
  // INS-2 is on sheet row 3
  workbook.typeIntoCell("Installations", "A3", "INS-RENAMED");
  await settle(live);
  expect(live.record("installations", "INS-2")).toBeUndefined();
  expect(live.record("installations", "INS-RENAMED")).toMatchObject({ licenceId: "LIC-OK", device: "PC-2" });
  await expectSameAsALoad();

  // a co-author adds two rows, and the person pastes two rows of their own over them, IDs included
  await coAuthorAdds("InstallationsTable", [
    installationRow("INS-BOB-1", "LIC-OK", "PC-B1"),
    installationRow("INS-BOB-2", "LIC-OK", "PC-B2"),
  ]);
  await pasteTwoRows("user", 6);
  expect(live.record("installations", "INS-BOB-1")).toBeUndefined();
  expect(live.record("installations", "INS-BOB-2")).toBeUndefined();
  expect(live.record("installations", "INS-PASTED-2")).toMatchObject({
    licenceId: "LIC-OK",
    device: "PC-P2",
  });
  expect(wholeTableReads).toBe(0);
  await expectSameAsALoad();
});

it("rows a co-author writes over this register's new rows are added again, and the co-author's rows are kept too", async () => {
  const { workbook, live } = fixture;
  // the fixture's rows were added moments ago by this register: a co-author's paste over two of them looks
  // like Excel on the web keeping the later of two writes, so the register writes its two again below
  await pasteTwoRows("bob", 3);
  await arrived(workbook, live);
  expect(installationIds()).toEqual(
    expect.arrayContaining(["INS-PASTED-1", "INS-PASTED-2", "INS-4", "INS-5"]),
  );
  expect(live.record("installations", "INS-PASTED-1")).toBeDefined();
  expect(live.record("installations", "INS-4")).toBeDefined();
  await expectSameAsALoad();
});

it("an ID typed over with one another row holds is read as a load reads it: the first row counts", async () => {
  const { workbook, live } = fixture;
  const first = live.record("installations", "INS-1");
  workbook.typeIntoCell("Installations", "A3", "INS-1");
  await settle(live);
  expect(live.record("installations", "INS-1")).toEqual(first);
  expect(live.record("installations", "INS-2")).toBeUndefined();
  expect(live.issues).toEqual([expect.objectContaining({ recordId: "INS-1" })]);
  expect(wholeTableReads).toBe(1);
  await expectSameAsALoad();
});

it("an edit over every row, IDs included (as a sort Excel reports may be), reads the table once, not twice", async () => {
  const { workbook, live, register } = fixture;
  const reads = jest.spyOn(register, "readRows");
  const reversed = [...installationIds()].reverse();
  // a co-author writes the rows back in the opposite order, in one go
  await workbook.session("user").run(async (context) => {
    const body = context.workbook.tables.getItem("InstallationsTable").getDataBodyRange().load("formulas");
    await context.sync();
    body.formulas = [...(body.formulas as unknown[][])].reverse() as never;
    await context.sync();
  });
  await arrived(workbook, live);
  expect(installationIds()).toEqual(reversed);
  expect(reads).toHaveBeenCalledTimes(1);
  await expectSameAsALoad();

  // the read was every row, so it is the order now: a delete reads a few IDs, not the column
  await coAuthorDeletes("InstallationsTable", 0);
  expect(live.record("installations", reversed[0] as string)).toBeUndefined();
  expect(idColumnReads).toBe(0);
  await expectSameAsALoad();
});

it("an edit over every row that leaves an ID on two rows is read as a load reads it: the first row counts", async () => {
  const { workbook, live } = fixture;
  const ids = installationIds();
  await workbook.session("user").run(async (context) => {
    const body = context.workbook.tables.getItem("InstallationsTable").getDataBodyRange();
    body.getColumn(0).values = [...ids.slice(0, -1), ids[0]].map((id) => [id]) as never;
    await context.sync();
  });
  await arrived(workbook, live);
  expect(live.record("installations", String(ids[ids.length - 1]))).toBeUndefined();
  expect(live.issues).toEqual([expect.objectContaining({ recordId: ids[0] })]);
  await expectSameAsALoad();
});

it("a row inserted above a row with a data issue moves the issue down with its row", async () => {
  const { workbook, live } = fixture;
  // INS-3 is on sheet row 4; its device made blank, it is left out and says why
  workbook.typeIntoCell("Installations", "F4", "");
  await settle(live);
  expect(live.issues).toEqual([expect.objectContaining({ address: "F4", recordId: "INS-3" })]);
  const wholeReadsBefore = wholeTableReads;

  await coAuthorAdds("InstallationsTable", [installationRow("INS-ABOVE", "LIC-OK", "PC-A")], 0);
  expect(live.issues).toEqual([expect.objectContaining({ row: 5, address: "F5", recordId: "INS-3" })]);
  expect(live.record("installations", "INS-ABOVE")).toBeDefined();
  expect(wholeTableReads).toBe(wholeReadsBefore);
  await expectSameAsALoad();
});

it("a row added with an ID already in the register is read as a load reads it: the first row counts", async () => {
  const { live } = fixture;
  const before = live.record("installations", "INS-1");
  await coAuthorAdds("InstallationsTable", [installationRow("INS-1", "LIC-EXPIRED", "PC-COPY")]);
  expect(live.record("installations", "INS-1")).toEqual(before);
  expect(live.issues).toEqual([expect.objectContaining({ recordId: "INS-1" })]);
  await expectSameAsALoad();
});

it("an installation row a co-author deletes leaves the figures, told from a few rows read, not the ID column", async () => {
  const { live } = fixture;
  const usedBefore = live.licence("LIC-OK")!.used;
  // INS-2 is the table's second row
  await coAuthorDeletes("InstallationsTable", 1);
  expect(live.record("installations", "INS-2")).toBeUndefined();
  expect(live.licence("LIC-OK")!.used).toBe(usedBefore - 1);
  expect(idColumnReads).toBe(0);
  expect(wholeTableReads).toBe(0);
  expect(loads).not.toHaveBeenCalled();
  await expectSameAsALoad();
});

it("rows inserted, added and deleted before a delete keep the rows' order, so the delete still reads no ID column", async () => {
  const { live, register } = fixture;
  await coAuthorAdds("InstallationsTable", [installationRow("INS-TOP", "LIC-OK", "PC-T")], 0);
  const added = await register.add("installations", paneInstallation);
  if (!added.ok) throw new Error(added.error.message);
  expect((await register.remove("installations", "INS-2", 1)).ok).toBe(true);
  await settle(live);
  await fixture.workbook.merged();
  expect(installationIds()).toEqual(["INS-TOP", "INS-1", "INS-3", "INS-4", "INS-5", "INS-6", "INS-MINE"]);

  await coAuthorDeletes("InstallationsTable", 3);
  expect(live.record("installations", "INS-4")).toBeUndefined();
  await coAuthorDeletes("InstallationsTable", 5);
  expect(live.record("installations", "INS-MINE")).toBeUndefined();
  await coAuthorDeletes("InstallationsTable", 0);
  expect(live.record("installations", "INS-TOP")).toBeUndefined();

  expect(installationIds()).toEqual(["INS-1", "INS-3", "INS-5", "INS-6"]);
  expect(idColumnReads).toBe(0);
  expect(wholeTableReads).toBe(0);
  await expectSameAsALoad();
});

it("rows that moved without an event (as a sort may) make a delete or an ID typed over read more, not trust the order", async () => {
  let deaf = false;
  const unheardFixture: LiveFixture = await liveFixture({ unheard: () => deaf });
  const { workbook, live, register } = unheardFixture;
  countReads(register);
  try {
    /** A co-author swaps two rows whole; the live register hears nothing of it. */
    const swapUnheard = async (a: number, b: number) => {
      deaf = true;
      await workbook.session("bob").run(async (context) => {
        const body = context.workbook.tables.getItem("InstallationsTable").getDataBodyRange();
        const [rowA, rowB] = [body.getRow(a).load("formulas"), body.getRow(b).load("formulas")];
        await context.sync();
        body.getRow(a).formulas = rowB.formulas;
        body.getRow(b).formulas = rowA.formulas;
        await context.sync();
      });
      await arrived(workbook, live);
      deaf = false;
    };
    await swapUnheard(0, 2);
    expect(installationIds(unheardFixture).slice(0, 3)).toEqual(["INS-3", "INS-2", "INS-1"]);

    // the first row now holds INS-3, which the old order says is on the third
    await coAuthorDeletes("InstallationsTable", 0, unheardFixture);
    expect(live.record("installations", "INS-3")).toBeUndefined();
    expect(live.record("installations", "INS-1")).toBeDefined();
    expect(idColumnReads).toBe(1);
    await expectSameAsALoad(unheardFixture);

    // the column read is the order now: the next delete needs no other
    await coAuthorDeletes("InstallationsTable", 1, unheardFixture);
    expect(live.record("installations", "INS-1")).toBeUndefined();
    expect(idColumnReads).toBe(1);
    await expectSameAsALoad(unheardFixture);

    // the same for an ID typed over: unheard, the first two rows swap, so the order is wrong there
    await swapUnheard(0, 1);
    const [top] = installationIds(unheardFixture);
    workbook.typeIntoCell("Installations", "A2", "INS-RENAMED");
    await settle(live);
    expect(live.record("installations", String(top))).toBeUndefined();
    expect(live.record("installations", "INS-RENAMED")).toBeDefined();
    expect(wholeTableReads).toBe(1);
    await expectSameAsALoad(unheardFixture);
  } finally {
    live.stop();
  }
});

it("a row deleted above a data issue moves the issue up with its row, and deleting the issue's row clears it", async () => {
  const { workbook, live } = fixture;
  workbook.typeIntoCell("Installations", "F4", "");
  await settle(live);
  const wholeReadsBefore = wholeTableReads;

  await coAuthorDeletes("InstallationsTable", 0);
  expect(live.record("installations", "INS-1")).toBeUndefined();
  expect(live.issues).toEqual([expect.objectContaining({ row: 3, address: "F3", recordId: "INS-3" })]);
  await coAuthorDeletes("InstallationsTable", 1);
  expect(live.issues).toEqual([]);
  expect(wholeTableReads).toBe(wholeReadsBefore);
  await expectSameAsALoad();
});

it("deleting the first of two rows with one ID makes the other count, as a load reads it", async () => {
  const { live } = fixture;
  await coAuthorAdds("InstallationsTable", [installationRow("INS-1", "LIC-EXPIRED", "PC-COPY")]);
  await coAuthorDeletes("InstallationsTable", 0);
  expect(live.record("installations", "INS-1")).toMatchObject({
    licenceId: "LIC-EXPIRED",
    device: "PC-COPY",
  });
  expect(live.issues).toEqual([]);
  await expectSameAsALoad();
});

it("one change that edits a row and adds another is read as a load reads it, though its address covers both", async () => {
  const { workbook, live } = fixture;
  // INS-6, the last row (sheet row 7), made unreadable: its issue stays on that row
  workbook.typeIntoCell("Installations", "F7", "");
  await settle(live);
  const bob: HostSession = fixture.workbook.session("bob");
  await bob.run(async (context) => {
    const table = context.workbook.tables.getItem("InstallationsTable");
    table.getDataBodyRange().getCell(5, 10).values = [["moved desk"]];
    table.rows.add(undefined, [installationRow("INS-BOB", "LIC-OK", "PC-B")]);
    await context.sync();
  });
  await new Promise((resolve) => setTimeout(resolve, 50));
  await settle(live);
  expect(live.issues).toEqual([expect.objectContaining({ address: "F7", recordId: "INS-6" })]);
  expect(live.record("installations", "INS-BOB")).toBeDefined();
  await expectSameAsALoad();
});

it("rows the pane adds and deletes keep the count, so a co-author's row after them is still read on its own", async () => {
  const { live, register } = fixture;
  const added = await register.add("installations", paneInstallation);
  if (!added.ok) throw new Error(added.error.message);
  await settle(live);
  const removed = await register.remove("installations", "INS-2", 1);
  expect(removed.ok).toBe(true);
  await settle(live);
  // the co-author's copy holds both before they add theirs (Excel on the web merges copies seconds later)
  await fixture.workbook.merged();
  await coAuthorAdds("InstallationsTable", [installationRow("INS-BOB", "LIC-OK", "PC-B")]);
  expect(live.record("installations", "INS-BOB")).toBeDefined();
  // INS-2 was added moments before it was deleted: the co-author's row is not taken for it written over
  expect(fixture.workbook.readSheet("Installations").values.map((row) => row[0])).not.toContain("INS-2");
  expect(live.record("installations", "INS-2")).toBeUndefined();
  expect(wholeTableReads).toBe(0);
  await expectSameAsALoad();
});

it("a co-author's row added at the same moment as the pane's is in the live register too, as a load reads it", async () => {
  const { live, register } = fixture;
  // both write the row below the table in their own copies; Excel on the web keeps the later one
  const bob: HostSession = fixture.workbook.session("bob");
  const mine = register.add("installations", paneInstallation);
  await bob.run(async (context) => {
    context.workbook.tables
      .getItem("InstallationsTable")
      .rows.add(undefined, [installationRow("INS-BOB", "LIC-OK", "PC-B")]);
    await context.sync();
  });
  expect((await mine).ok).toBe(true);
  for (let i = 0; i < 3; i++) {
    await fixture.workbook.merged();
    await new Promise((resolve) => setTimeout(resolve, 100));
    await settle(live);
  }
  expect(live.record("installations", "INS-BOB")).toBeDefined();
  expect(live.record("installations", "INS-MINE")).toBeDefined();
  await expectSameAsALoad();
});

it("a sort moves a row with no ID and its data issue, reading only the rows that moved", async () => {
  const { workbook, live } = fixture;
  // a co-author's row at the top with no ID (a data issue no ID can follow) and a device that sorts after PC-3
  await coAuthorAdds("InstallationsTable", [installationRow("", "LIC-OK", "PC-3A")], 0);
  expect(live.issues).toEqual([expect.objectContaining({ row: 2, address: "A2" })]);
  const usedBefore = live.licence("LIC-OK")!.used;
  // away from the rows, so no re-read of the rows under the selection sees them move (silentEdits.ts)
  workbook.selectCell("Software", "A1");

  workbook.sortTable("InstallationsTable", "Device");
  await settle(live);
  expect(installationIds()).toEqual(["INS-1", "INS-2", "INS-3", "", "INS-4", "INS-5", "INS-6"]);
  expect(live.issues).toEqual([expect.objectContaining({ row: 5, address: "A5" })]);
  expect(live.licence("LIC-OK")!.used).toBe(usedBefore);
  expect(wholeTableReads).toBe(0);
  expect(idColumnReads).toBe(0);
  await expectSameAsALoad();

  // a co-author's sort that moves every row is read once, and leaves the order known for a delete
  workbook.sortTable("InstallationsTable", "Device", "Descending", workbook.session("bob"));
  await arrived(workbook, live);
  expect(installationIds()).toEqual(["INS-6", "INS-5", "INS-4", "", "INS-3", "INS-2", "INS-1"]);
  expect(live.issues).toEqual([expect.objectContaining({ row: 5, address: "A5" })]);
  await expectSameAsALoad();
  await coAuthorDeletes("InstallationsTable", 0);
  expect(live.record("installations", "INS-6")).toBeUndefined();
  expect(idColumnReads).toBe(0);
  await expectSameAsALoad();
});

it("a sort is followed from the ID column alone, a data issue moving with the row that shows its ID", async () => {
  const { workbook, live, register } = fixture;
  // INS-3 (sheet row 4) has its device made blank: it no longer reads as a record, and blanks sort last
  workbook.typeIntoCell("Installations", "F4", "");
  await settle(live);
  const readRows = jest.spyOn(register, "readRows");
  const usedBefore = live.licence("LIC-OK")!.used;
  workbook.selectCell("Software", "A1");

  workbook.sortTable("InstallationsTable", "Device", "Descending");
  await settle(live);
  expect(installationIds()).toEqual(["INS-6", "INS-5", "INS-4", "INS-2", "INS-1", "INS-3"]);
  expect(live.issues).toEqual([expect.objectContaining({ row: 7, address: "F7", recordId: "INS-3" })]);
  expect(readRows).not.toHaveBeenCalled();
  expect(idColumnReads).toBe(1);
  expect(live.licence("LIC-OK")!.used).toBe(usedBefore);
  await expectSameAsALoad();

  // a co-author's sort, after that one, is followed the same way: the order taken from the first sort holds no
  // record on the unreadable row, as a load's would not
  workbook.sortTable("InstallationsTable", "Device", "Ascending", workbook.session("bob"));
  await arrived(workbook, live);
  expect(installationIds()).toEqual(["INS-1", "INS-2", "INS-4", "INS-5", "INS-6", "INS-3"]);
  expect(live.issues).toEqual([expect.objectContaining({ row: 7, address: "F7", recordId: "INS-3" })]);
  expect(idColumnReads).toBe(2);
  expect(readRows).not.toHaveBeenCalled();
  await expectSameAsALoad();

  // the order read is the one a co-author's delete of the first row is told from: no second read of the column
  await coAuthorDeletes("InstallationsTable", 0);
  expect(live.record("installations", "INS-1")).toBeUndefined();
  expect(live.record("installations", "INS-2")).toBeDefined();
  expect(idColumnReads).toBe(2);
  await expectSameAsALoad();
});

it("a sort that moves a few rows of a longer table reads those rows, not the ID column", async () => {
  const { workbook, live, register } = fixture;
  const more = Array.from({ length: 24 }, (_, i) =>
    installationRow(`INS-Z${i}`, "LIC-OK", `PC-Z${String(i).padStart(2, "0")}`),
  );
  await coAuthorAdds("InstallationsTable", more);
  // INS-2's device now sorts before INS-1's: a sort moves those two rows (26 cells) of thirty (the ID column)
  workbook.typeIntoCell("Installations", "F3", "PC-0");
  await settle(live);
  const readRows = jest.spyOn(register, "readRows");
  workbook.selectCell("Software", "A1");

  workbook.sortTable("InstallationsTable", "Device");
  await settle(live);
  expect(installationIds().slice(0, 3)).toEqual(["INS-2", "INS-1", "INS-3"]);
  expect(readRows).toHaveBeenCalledWith(
    "installations",
    expect.stringMatching(/2:[A-Z]*3$/),
    expect.anything(),
  );
  expect(idColumnReads).toBe(0);
  await expectSameAsALoad();
});
