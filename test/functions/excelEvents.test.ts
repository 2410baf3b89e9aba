/**
 * The add-in copes with the events Excel really raises (issue 8, item 4), under Excel on the web's rules:
 * no onChanged for a value picked from a dropdown, and onChanged for format changes.
 */
import { used } from "../../src/functions/liveFunctions";
import type { RegisterChange } from "../../src/workbook/registerApi";
import { RECORD_TABLES } from "../../src/workbook/tables";
import { columnLetter } from "../../src/workbook/cells";
import { invocation, liveErrors, liveFixture, settle, type LiveFixture } from "./liveHarness";

let fixture: LiveFixture;

afterEach(() => {
  fixture.live.stop();
  expect(liveErrors).toEqual([]);
});

/** Sheet address of a Licences cell by header, for the licence on body row `row` (0 = the first). */
function licenceCell(header: string, row: number): string {
  const at = RECORD_TABLES.licences.columns.findIndex((column) => column.header === header);
  return `${columnLetter(at)}${row + 2}`;
}

/** Polls until `check` holds or `ms` have passed (events and re-reads run on timers). */
async function eventually(check: () => boolean, ms = 3_000): Promise<void> {
  const until = Date.now() + ms;
  while (!check() && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe("a value picked from a dropdown on the web (Excel raises no onChanged for it)", () => {
  it("reaches the live figures and the register's listeners within a re-read, with nothing else done", async () => {
    fixture = await liveFixture({ profile: "web", selectionRecheckMs: 50 });
    const { workbook, session, register } = fixture;
    const heard: RegisterChange[] = [];
    register.onChanged((change) => heard.push(change));
    const u = invocation();
    used("LIC-OK", u);
    expect(u.latest()).toBe(2);

    // LIC-OK is the first licence: two devices use it; user-based, it counts its allocations (none)
    const rule = licenceCell("Allocation Rule", 0);
    workbook.selectCell("Licences", rule, session);
    await settle(fixture.live);
    workbook.pickFromList("Licences", rule, "User-based", session);
    await eventually(() => u.latest() === 0);

    expect(u.latest()).toBe(0);
    expect(heard).toContainEqual(expect.objectContaining({ kinds: ["licences"] }));
  });

  it("is reported as soon as the selection moves on", async () => {
    fixture = await liveFixture({ profile: "web", selectionRecheckMs: 60_000 });
    const { workbook, session } = fixture;
    const u = invocation();
    used("LIC-OK", u);
    const rule = licenceCell("Allocation Rule", 0);
    workbook.selectCell("Licences", rule, session);
    await settle(fixture.live);
    workbook.pickFromList("Licences", rule, "User-based", session);
    await settle(fixture.live);
    expect(u.latest()).toBe(2); // nothing has told the add-in yet

    workbook.selectCell("Licences", licenceCell("Quantity", 3), session);
    await eventually(() => u.latest() === 0);
    expect(u.latest()).toBe(0);
  });

  it("an edit Excel did report is not reported a second time by the re-read", async () => {
    fixture = await liveFixture({ profile: "web", selectionRecheckMs: 50 });
    const { workbook, session, register } = fixture;
    const heard: RegisterChange[] = [];
    register.onChanged((change) => heard.push(change));
    const quantity = licenceCell("Quantity", 0);
    workbook.selectCell("Licences", quantity, session);
    await settle(fixture.live);
    workbook.typeIntoCell("Licences", quantity, "9", workbook.session("colleague"));
    await new Promise((resolve) => setTimeout(resolve, 300)); // several re-reads
    expect(heard).toHaveLength(1);
  });
});

describe("a format change is not a data change", () => {
  it("formatting a whole column makes neither the live register nor the pane's listener read anything", async () => {
    fixture = await liveFixture({ profile: "web" });
    const { workbook, session, register } = fixture;
    const heard: RegisterChange[] = [];
    register.onChanged((change) => heard.push(change));
    await settle(fixture.live);
    session.stats.reset();

    const colleague = workbook.session("colleague");
    const cost = licenceCell("Cost", 0).replace(/\d+$/, "");
    await colleague.run(async (context) => {
      const column = context.workbook.worksheets.getItem("Licences").getRange(`${cost}:${cost}`);
      column.numberFormat = "#,##0.00" as never;
      column.format.fill.color = "#FFF2CC";
      await context.sync();
    });
    await settle(fixture.live);

    expect(heard).toEqual([]);
    expect(session.stats.syncs).toBe(0);
  });

  it("a value typed into the same column afterwards still arrives", async () => {
    fixture = await liveFixture({ profile: "web" });
    const { workbook, register } = fixture;
    const heard: RegisterChange[] = [];
    register.onChanged((change) => heard.push(change));
    const colleague = workbook.session("colleague");
    await colleague.run(async (context) => {
      context.workbook.worksheets.getItem("Licences").getRange("A:Z").format.font.bold = true;
      await context.sync();
    });
    workbook.typeIntoCell("Licences", licenceCell("Quantity", 0), "12", colleague);
    await settle(fixture.live);
    expect(heard).toEqual([
      expect.objectContaining({ kinds: ["licences"], source: "remote", excel: expect.anything() }),
    ]);
  });
});
