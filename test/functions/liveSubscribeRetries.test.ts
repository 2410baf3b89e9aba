/**
 * Subscribing to Excel's events can fail like any request (the connection drops while the workbook opens on the
 * web). The register keeps trying, and once it is subscribed the live register reads again what it may have
 * missed meanwhile, so the cells never keep figures an edit has changed.
 */
import { used } from "../../src/functions/liveFunctions";
import { startLiveRegister } from "../../src/live/sharedLiveRegister";
import { columnLetter } from "../../src/workbook/cells";
import { createWorkbookRegister } from "../../src/workbook/createWorkbookRegister";
import { withFaults, type Fault } from "../workbook/faults";
import { AS_OF, invocation, liveFixture, settle, type LiveFixture } from "./liveHarness";

/** The add-in opened again on the fixture's workbook, its requests going through `plan`. */
function reopened(fixture: LiveFixture, plan: (wire: unknown[][]) => Fault | undefined) {
  fixture.live.stop();
  const session = withFaults(fixture.workbook.session("reopened"), (_n, _ops, wire) => plan(wire));
  const register = createWorkbookRegister({
    run: (batch) => session.run(batch),
    ownEchoMs: 0,
    retryDelaysMs: [],
    subscribeRetryMs: [5],
    onBackgroundError: () => undefined,
  });
  const errors: unknown[] = [];
  const live = startLiveRegister(register, {
    today: () => AS_OF,
    onError: (e) => errors.push(e),
    retryDelaysMs: [5],
  });
  return { live, errors };
}

/** INS-5 (sheet row 6) is unlinked: linking it to LIC-OK gives that licence a third device. */
function linkInstallation5(fixture: LiveFixture): void {
  const headers = fixture.workbook.readSheet("Installations").values[0];
  const licenceId = columnLetter(headers.indexOf("Licence ID"));
  fixture.workbook.typeIntoCell("Installations", `${licenceId}6`, "LIC-OK");
}

async function untilShown(
  cell: ReturnType<typeof invocation>,
  value: unknown,
  live: { settled(): Promise<void> },
) {
  for (let waited = 0; cell.latest() !== value && waited < 2000; waited += 20) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    await live.settled();
  }
}

const registersHandler = (kind: string) => (wire: unknown[][]) =>
  wire.some((operation) => operation[0] === "addHandler" && operation[1] === kind);

/** Reopened with every request that registers a `kind` handler lost, until `allow()`. */
function reopenedRefusing(fixture: LiveFixture, kind: string) {
  let refusing = true;
  const opened = reopened(fixture, (wire) =>
    refusing && registersHandler(kind)(wire) ? "request-lost" : undefined,
  );
  return { ...opened, allow: () => (refusing = false) };
}

it("edits made after Excel was out of reach at opening still reach the cells", async () => {
  const fixture = await liveFixture();
  let offline = true;
  const { live, errors } = reopened(fixture, () => (offline ? "request-lost" : undefined));
  try {
    const cell = invocation();
    used("LIC-OK", cell);
    while (errors.length < 2) await new Promise((resolve) => setTimeout(resolve, 5));
    offline = false;
    await live.ready;
    expect(cell.latest()).toBe(2);

    linkInstallation5(fixture);
    await untilShown(cell, 3, live);
    expect(cell.latest()).toBe(3);
  } finally {
    live.stop();
  }
});

it("an edit made while the subscription kept failing is read once it succeeds", async () => {
  const fixture = await liveFixture();
  const { live, allow } = reopenedRefusing(fixture, "TableChanged");
  try {
    const cell = invocation();
    used("LIC-OK", cell);
    await live.ready;
    expect(cell.latest()).toBe(2);

    // no event reaches this add-in for the edit: it is not subscribed yet
    linkInstallation5(fixture);
    await settle(live);
    expect(cell.latest()).toBe(2);

    allow();
    await untilShown(cell, 3, live);
    expect(cell.latest()).toBe(3);
  } finally {
    live.stop();
  }
});

it("a sort is heard once the subscription that failed at first succeeds", async () => {
  const fixture = await liveFixture();
  // the request attaching the tables' handlers, the sheets' among them, is lost
  const { live, allow } = reopenedRefusing(fixture, "WorksheetRowSorted");
  try {
    await live.ready;
    await new Promise((resolve) => setTimeout(resolve, 20));
    allow();
    // INS-3 (sheet row 4) loses its device: a data issue on that row, and blanks sort last
    const headers = fixture.workbook.readSheet("Installations").values[0];
    fixture.workbook.typeIntoCell("Installations", `${columnLetter(headers.indexOf("Device"))}4`, "");
    for (let waited = 0; live.issues.length === 0 && waited < 2000; waited += 20) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await settle(live);
    expect(live.issues).toEqual([expect.objectContaining({ row: 4, recordId: "INS-3" })]);
    // away from the rows, so only the sort event can tell the live register that they moved
    fixture.workbook.selectCell("Software", "A1");

    fixture.workbook.sortTable("InstallationsTable", "Device");
    for (let waited = 0; live.issues[0]?.row === 4 && waited < 2000; waited += 20) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      await live.settled();
    }
    expect(live.issues).toEqual([expect.objectContaining({ row: 7, recordId: "INS-3" })]);
  } finally {
    live.stop();
  }
});
