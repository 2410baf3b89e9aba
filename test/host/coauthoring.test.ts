import { createInMemoryWorkbook, type HostSession, type InMemoryWorkbook } from "../../src/host";

/** Long enough that each test's writes all land within it, even on a busy machine. */
const DELAY = 500;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Heard {
  address: string;
  source: string;
  changeType: string;
}

/** A Licences table set up before the co-authors open the workbook, and what each co-author's handler hears. */
async function coauthored(names: string[]) {
  const workbook = createInMemoryWorkbook({ coauthoring: { mergeDelayMs: DELAY } });
  const setup = workbook.session("setup");
  await setup.run(async (context) => {
    const sheet = context.workbook.worksheets.add("Licences");
    sheet.getRange("A1:C3").values = [
      ["Licence ID", "Software", "Quantity"],
      ["LIC-1", "Atlas", 5],
      ["LIC-2", "Beacon", 7],
    ];
    sheet.tables.add("A1:C3", true).name = "LicencesTable";
  });
  await workbook.merged();
  const heard = new Map<string, Heard[]>();
  const sessions = new Map<string, HostSession>();
  for (const name of names) {
    const session = workbook.session(name);
    sessions.set(name, session);
    heard.set(name, []);
    await session.run(async (context) => {
      context.workbook.tables.getItem("LicencesTable").onChanged.add(async (event) => {
        heard.get(name)!.push({
          address: event.address,
          source: event.source,
          changeType: event.changeType,
        });
      });
      await context.sync();
    });
  }
  return {
    workbook,
    session: (name: string) => sessions.get(name)!,
    heard: (name: string) => heard.get(name)!,
  };
}

async function read(session: HostSession, address: string): Promise<unknown[][]> {
  return session.run(async (context) => {
    const range = context.workbook.worksheets.getItem("Licences").getRange(address).load("values");
    await context.sync();
    return range.values;
  });
}

async function write(session: HostSession, address: string, values: unknown[][]): Promise<void> {
  await session.run(async (context) => {
    context.workbook.worksheets.getItem("Licences").getRange(address).values = values;
  });
}

describe("asynchronous co-authoring (Excel on the web)", () => {
  test("a co-author's synced change reaches the others only after the merge delay, as a Remote change", async () => {
    const { workbook, session, heard } = await coauthored(["ann", "bob"]);
    await write(session("ann"), "C2", [[50]]);
    expect(await read(session("ann"), "C2")).toEqual([[50]]);
    expect(await read(session("bob"), "C2")).toEqual([[5]]);
    await pause(0);
    expect(heard("ann")).toEqual([{ address: "C2", source: "Local", changeType: "RangeEdited" }]);
    expect(heard("bob")).toEqual([]);
    await workbook.merged();
    expect(await read(session("bob"), "C2")).toEqual([[50]]);
    expect(heard("bob")).toEqual([{ address: "C2", source: "Remote", changeType: "RangeEdited" }]);
    expect(heard("ann")).toHaveLength(1);
  });

  test("the same cell changed by two co-authors within the delay: the later change wins in every copy", async () => {
    const { workbook, session } = await coauthored(["ann", "bob"]);
    await write(session("ann"), "C2", [[50]]);
    await write(session("bob"), "C2", [[60]]);
    await workbook.merged();
    expect(await read(session("ann"), "C2")).toEqual([[60]]);
    expect(await read(session("bob"), "C2")).toEqual([[60]]);
    expect(workbook.readSheet("Licences").values[1][2]).toBe(60);
  });

  test("three co-authors: different cells all survive, the same cell takes the last change", async () => {
    const { workbook, session } = await coauthored(["ann", "bob", "cat"]);
    await write(session("ann"), "B2:C2", [["Atlas Pro", 1]]);
    await write(session("bob"), "C2", [[2]]);
    await write(session("cat"), "C3", [[3]]);
    await workbook.merged();
    for (const name of ["ann", "bob", "cat"])
      expect(await read(session(name), "A2:C3")).toEqual([
        ["LIC-1", "Atlas Pro", 2],
        ["LIC-2", "Beacon", 3],
      ]);
  });

  test("an older change arriving after a co-author's own later change does not undo it", async () => {
    const { workbook, session } = await coauthored(["ann", "bob"]);
    await write(session("ann"), "C2", [[50]]);
    await pause(DELAY / 4);
    await write(session("bob"), "C2", [[60]]);
    await workbook.merged();
    expect(await read(session("bob"), "C2")).toEqual([[60]]);
    expect(await read(session("ann"), "C2")).toEqual([[60]]);
  });

  test("two co-authors writing a new row below the table at once: the table grows once, the later row wins", async () => {
    const { workbook, session } = await coauthored(["ann", "bob"]);
    await write(session("ann"), "A4:C4", [["LIC-3", "Cobalt", 1]]);
    await write(session("bob"), "A4:C4", [["LIC-4", "Delta", 2]]);
    await workbook.merged();
    for (const name of ["ann", "bob"])
      expect(await read(session(name), "A4:C5")).toEqual([
        ["LIC-4", "Delta", 2],
        ["", "", ""],
      ]);
    expect(workbook.describeSheet("Licences").tables[0].address).toBe("A1:C4");
  });

  test("typing in the grid is shared the same way", async () => {
    const { workbook, session, heard } = await coauthored(["ann", "bob"]);
    workbook.typeIntoCell("Licences", "B3", "Beacon 2", session("ann"));
    expect(await read(session("bob"), "B3")).toEqual([["Beacon"]]);
    await workbook.merged();
    expect(await read(session("bob"), "B3")).toEqual([["Beacon 2"]]);
    expect(heard("bob").map((h) => h.source)).toEqual(["Remote"]);
  });

  test("without the option every session shares one workbook, as before", async () => {
    const workbook: InMemoryWorkbook = createInMemoryWorkbook();
    await workbook.session("ann").run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
    });
    const seen = await workbook.session("bob").run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1").load("values");
      await context.sync();
      return range.values;
    });
    expect(seen).toEqual([[1]]);
  });
});
