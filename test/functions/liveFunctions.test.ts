import { columnLetter } from "../../src/workbook/cells";
import { RECORD_TABLES } from "../../src/workbook/tables";
import { computePosition } from "../../src/domain/position";
import { GRID_COLUMNS, positionGrid } from "../../src/domain/positionGrid";
import { renewalsGrid, upcomingRenewals } from "../../src/domain/upcomingRenewals";
import { position, renewals, status, used } from "../../src/functions/liveFunctions";
import { startLiveRegister } from "../../src/live/sharedLiveRegister";
import type { RegisterChange } from "../../src/workbook/registerApi";
import {
  AS_OF,
  CASES,
  invocation,
  liveErrors,
  liveFixture,
  registerOn,
  settle,
  type LiveFixture,
} from "./liveHarness";

const ids = CASES.map((c) => c.id!);
let fixture: LiveFixture;

beforeEach(async () => {
  liveErrors.length = 0;
  fixture = await liveFixture();
});
afterEach(() => {
  fixture.live.stop();
  expect(liveErrors).toEqual([]);
});

async function expected() {
  return computePosition(await fixture.register.load(), AS_OF);
}

/** Installations sheet columns: A ID, B Software, C Licence ID, D Device. Row 2 holds INS-1. */
const rowOf = (n: number) => n + 1;
/** The column letter of an Installations header. */
const installationColumn = (header: string) =>
  columnLetter(RECORD_TABLES.installations.columns.findIndex((column) => column.header === header));

describe("LICENSE.USED, STATUS and POSITION read the live register", () => {
  it.each(ids)("%s: the same used quantity and status as computePosition", async (id) => {
    const want = (await expected()).licences.get(id)!;
    const u = invocation();
    const s = invocation();
    used(id, u);
    status(id, s);
    expect(u.results).toEqual([want.used]);
    expect(s.results).toEqual([want.status]);
  });

  it("gives the cases the answers the rules say", async () => {
    const want = await expected();
    expect(want.licences.get("LIC-EXPIRED")!.status).toBe("Over-deployed");
    expect(want.licences.get("LIC-FUTURE")!.status).toBe("Over-deployed");
    expect(want.licences.get("LIC-PINNED")!.status).toBe("Review Required");
    expect(want.licences.get("LIC-UNLIMITED")!.status).toBe("Compliant");
    expect(want.licences.get("LIC-USERS")!.used).toBe(2);
  });

  it("spills the same grid as the domain engine, unlinked installations included", async () => {
    const want = await expected();
    const grid = invocation();
    position(null, grid);
    expect(grid.latest()).toEqual(positionGrid(want.products, "GBP"));
    const acrobat = (grid.latest() as unknown[][]).find((row) => row[0] === "Acrobat")!;
    expect(acrobat[1]).toBe("Unlimited");
    const one = invocation();
    position("visio", one);
    expect((one.latest() as unknown[][]).length).toBe(2);
    expect((one.latest() as unknown[][])[1][GRID_COLUMNS.softwareId]).toBe("SW-1");
  });

  it("answers #N/A with a message for an unknown licence or software", () => {
    const u = invocation();
    used("LIC-NOPE", u);
    const error = u.latest() as CustomFunctions.Error;
    expect(error.code).toBe("#N/A");
    expect(error.message).toBe(
      "There is no licence LIC-NOPE in the Licences sheet: check the ID, or add the licence.",
    );
    const p = invocation();
    position("Nothing", p);
    expect((p.latest() as CustomFunctions.Error).code).toBe("#N/A");
    expect((p.latest() as CustomFunctions.Error).message).toBe(
      "There is no software Nothing in the Software sheet (by ID or name): check the ID or name, or add the product.",
    );
  });
});

describe("cells follow edits without being recalculated", () => {
  it("an installation typed into the grid updates USED, STATUS and POSITION, and only those that changed", async () => {
    const { workbook, live } = fixture;
    const ok = { used: invocation(), status: invocation() };
    const pinned = invocation();
    const grid = invocation();
    used("LIC-OK", ok.used);
    status("LIC-OK", ok.status);
    status("LIC-PINNED", pinned);
    position(undefined, grid);
    expect(ok.used.results).toEqual([2]);

    // INS-4 (row 5) moves from the unlimited licence to LIC-OK, on a third device
    workbook.typeIntoCell("Installations", `${installationColumn("Licence ID")}${rowOf(4)}`, "LIC-OK");
    await settle(live);
    expect(ok.used.results).toEqual([2, 3]);
    expect(pinned.results).toHaveLength(1);
    const want = await expected();
    expect(ok.status.latest()).toBe(want.licences.get("LIC-OK")!.status);
    expect(grid.latest()).toEqual(positionGrid(want.products, "GBP"));

    // the same value typed again changes nothing, so nothing is pushed
    workbook.typeIntoCell("Installations", `${installationColumn("Device")}${rowOf(4)}`, "PC-4");
    await settle(live);
    expect(ok.used.results).toEqual([2, 3]);
  });

  it("a co-author's add, a renamed ID and a deleted row are all followed", async () => {
    const { workbook, live, register } = fixture;
    const bob = registerOn(workbook.session("bob"));
    const u = invocation();
    used("LIC-OK", u);
    const heard: RegisterChange[] = [];
    register.onChanged((change) => heard.push(change));
    await settle(live);

    const added = await bob.add("installations", {
      softwareId: "SW-1",
      licenceId: "LIC-OK",
      device: "PC-9",
      source: "Manual",
    });
    expect(added.ok).toBe(true);
    await settle(live);
    expect(u.latest()).toBe(3);
    expect(heard.some((c) => c.source === "remote" && c.kinds[0] === "installations")).toBe(true);

    // renaming INS-1's ID makes the table be read again; the count stays the same
    workbook.typeIntoCell("Installations", `A${rowOf(1)}`, "INS-1B");
    await settle(live);
    expect(u.latest()).toBe(3);

    await workbook.session("bob").run(async (context) => {
      context.workbook.tables.getItem("InstallationsTable").rows.getItemAt(0).delete();
      await context.sync();
    });
    await settle(live);
    expect(u.latest()).toBe(2);
    expect(u.latest()).toBe((await expected()).licences.get("LIC-OK")!.used);
  });

  it("the register's own writes (the task pane) update the cells from the saved records", async () => {
    const { register, live } = fixture;
    const s = invocation();
    status("LIC-OK", s);
    const data = await register.load();
    const ok = data.licences.find((l) => l.id === "LIC-OK")!;
    const saved = await register.update("licences", { ...ok, quantity: 1 });
    expect(saved.ok).toBe(true);
    await settle(live);
    expect(s.latest()).toBe("Over-deployed");
    const gone = await register.remove("licences", "LIC-OK", saved.ok ? saved.value.rowVersion : 0);
    expect(gone.ok).toBe(true);
    await settle(live);
    expect((s.latest() as CustomFunctions.Error).code).toBe("#N/A");
  });

  it("cells started before the register is loaded get their value once it is", async () => {
    fixture.live.stop();
    const early = invocation();
    const restarted = startLiveRegister(fixture.register, { today: () => AS_OF });
    used("LIC-OK", early);
    await restarted.ready;
    expect(early.results).toEqual([2]);
    early.cancel();
    restarted.stop();
  });

  it("a settings change (reporting currency) reloads and re-labels the grid", async () => {
    const { register, live } = fixture;
    const grid = invocation();
    position(undefined, grid);
    const data = await register.load();
    const saved = await register.updateSettings({ ...data.settings, reportingCurrency: "EUR" });
    expect(saved.ok).toBe(true);
    await settle(live);
    expect((grid.latest() as unknown[][])[0][7]).toBe("Annual Cost (EUR)");
  });
});

it("RENEWALS lists the licences due as the pane does, and follows an edit", async () => {
  const list = invocation();
  renewals(null, list);
  expect(list.latest()).toEqual(renewalsGrid([])); // the header row: nothing is due
  const data = await fixture.register.load();
  const stored = data.licences.find((l) => l.id === "LIC-OK")!;
  const saved = await fixture.register.update("licences", {
    ...stored,
    expiryDate: "2027-01-15",
    autoRenew: true,
  });
  expect(saved.ok).toBe(true);
  await settle(fixture.live);
  const after = await fixture.register.load();
  const want = renewalsGrid(upcomingRenewals(after, computePosition(after, AS_OF)));
  expect(want[1]).toEqual(["LIC-OK", "Visio", "Subscription", "2027-01-15", 49, expect.any(String), "Yes"]);
  expect(list.latest()).toEqual(want);
  const week = invocation();
  renewals(7, week);
  expect(week.latest()).toEqual(renewalsGrid([]));
});

it("RENEWALS is not worked out again when only an installation moves, and is when a licence changes", async () => {
  const list = invocation();
  renewals(null, list);
  const usedByExpired = invocation();
  used("LIC-EXPIRED", usedByExpired);
  const workedOut = jest.spyOn(fixture.live, "renewals");

  fixture.workbook.typeIntoCell(
    "Installations",
    `${installationColumn("Licence ID")}${rowOf(1)}`,
    "LIC-EXPIRED",
  );
  await settle(fixture.live);
  expect(usedByExpired.results).toEqual([1, 2]); // the move reached the cells
  expect(workedOut).not.toHaveBeenCalled();

  const stored = fixture.live.record("licences", "LIC-OK")!;
  expect((await fixture.register.update("licences", { ...stored, expiryDate: "2027-01-15" })).ok).toBe(true);
  await settle(fixture.live);
  expect(workedOut).toHaveBeenCalled();
  expect((list.latest() as unknown[][])[1][0]).toBe("LIC-OK");
});
