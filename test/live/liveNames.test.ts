/** The names the sheets show beside links follow the catalogue while the add-in runs (live/liveNames). */
import { DISPLAY_LABELS as D, LICENCE_LABELS as L } from "../../src/domain/labels";
import { followNames } from "../../src/live/liveNames";
import { columnLetter } from "../../src/workbook/cells";
import { SOFTWARE_ID_HEADER } from "../../src/workbook/tables/references";
import { liveErrors, liveFixture, settle, type LiveFixture } from "../functions/liveHarness";

let fixture: LiveFixture;
let stop: () => void;
const errors: unknown[] = [];

beforeEach(async () => {
  liveErrors.length = 0;
  errors.length = 0;
  fixture = await liveFixture();
  stop = followNames(fixture.register, fixture.live, { delayMs: 0, onError: (e) => errors.push(e) });
});
afterEach(() => {
  stop();
  fixture.live.stop();
  expect(liveErrors).toEqual([]);
  expect(errors).toEqual([]);
});

/** A sheet's table as rows of header -> value. */
function rows(sheet: string): Record<string, unknown>[] {
  const { values } = fixture.workbook.readSheet(sheet);
  const headers = values[0].map(String);
  return values
    .slice(1)
    .filter((row) => row[0] !== "")
    .map((row) => Object.fromEntries(headers.map((header, i) => [header, row[i]])));
}

/** Waits until the follower has caught up with the changes made so far. */
async function caughtUp(check: () => void): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    await settle(fixture.live);
    try {
      check();
      return;
    } catch (error) {
      if (attempt > 40) throw error;
    }
  }
}

it("shows the product's name and the licence's label beside every link, linking still by ID", async () => {
  await caughtUp(() => {
    expect(rows("Licences").find((row) => row[L.id] === "LIC-OK")).toMatchObject({
      [SOFTWARE_ID_HEADER]: "SW-1",
      [D.softwareName]: "Visio",
      [D.dropdownEntry]: "Visio · Subscription [LIC-OK]",
    });
    expect(rows("Installations").find((row) => row["Installation ID"] === "INS-4")).toMatchObject({
      [SOFTWARE_ID_HEADER]: "SW-2",
      [D.softwareName]: "Acrobat",
      "Licence ID": "LIC-UNLIMITED",
      [D.licenceLabel]: "Acrobat · Subscription",
    });
    expect(rows("Allocations").map((row) => row[D.licenceLabel])).toEqual([
      "Figma · Subscription",
      "Figma · Subscription",
    ]);
    expect(rows("Software").map((row) => row[D.dropdownEntry])).toEqual([
      "Visio [SW-1]",
      "Acrobat [SW-2]",
      "Figma [SW-3]",
    ]);
  });
});

it("a product renamed in the Software sheet is renamed in every sheet", async () => {
  await caughtUp(() => expect(rows("Licences")[0][D.softwareName]).toBe("Visio"));
  const nameColumn = fixture.workbook.readSheet("Software").values[0].indexOf("Name");
  const nameCell = `${columnLetter(nameColumn)}2`;
  fixture.workbook.typeIntoCell("Software", nameCell, "Visio Plan 2");
  await caughtUp(() => {
    const visio = rows("Licences").filter((row) => row[SOFTWARE_ID_HEADER] === "SW-1");
    expect(visio.map((row) => row[D.softwareName])).toEqual(visio.map(() => "Visio Plan 2"));
    expect(rows("Installations").find((row) => row["Installation ID"] === "INS-1")).toMatchObject({
      [D.softwareName]: "Visio Plan 2",
      [D.licenceLabel]: "Visio Plan 2 · Subscription",
    });
    expect(rows("Software")[0][D.dropdownEntry]).toBe("Visio Plan 2 [SW-1]");
  });
});

it("a product picked by name from the dropdown links the row by its ID", async () => {
  await caughtUp(() => expect(rows("Installations")[0][D.softwareName]).toBe("Visio"));
  const headers = fixture.workbook.readSheet("Installations").values[0].map(String);
  const row = rows("Installations").findIndex((r) => r["Installation ID"] === "INS-5") + 2;
  fixture.workbook.typeIntoCell(
    "Installations",
    `${columnLetter(headers.indexOf(SOFTWARE_ID_HEADER))}${row}`,
    "Figma [SW-3]",
  );
  await caughtUp(() => expect(rows("Installations")[row - 2][D.softwareName]).toBe("Figma"));
  const data = await fixture.register.load();
  expect(data.issues).toEqual([]);
  expect(data.installations.find((i) => i.id === "INS-5")?.softwareId).toBe("SW-3");
});

/** The A1 address of a field's cell in the row holding a record. */
function cellOf(sheet: string, idHeader: string, id: string, header: string): string {
  const { values } = fixture.workbook.readSheet(sheet);
  const headers = values[0].map(String);
  const row = values.findIndex((r) => r[headers.indexOf(idHeader)] === id) + 1;
  return `${columnLetter(headers.indexOf(header))}${row}`;
}

it("a licence's vendor typed in the Licences sheet shows in its own entry and beside its allocations", async () => {
  await caughtUp(() => expect(rows("Allocations")[0][D.licenceLabel]).toBe("Figma · Subscription"));
  const readRows = fixture.register.readRows!.bind(fixture.register);
  const reread: string[] = [];
  fixture.register.readRows = (kind, address, pause) => {
    reread.push(kind);
    return readRows(kind, address, pause);
  };
  fixture.workbook.typeIntoCell("Licences", cellOf("Licences", L.id, "LIC-USERS", L.vendor), "Figma Inc");
  await caughtUp(() => {
    expect(rows("Allocations").map((row) => row[D.licenceLabel])).toEqual([
      "Figma · Subscription · Figma Inc",
      "Figma · Subscription · Figma Inc",
    ]);
    expect(rows("Licences").find((row) => row[L.id] === "LIC-USERS")?.[D.dropdownEntry]).toBe(
      "Figma · Subscription · Figma Inc [LIC-USERS]",
    );
    // the live register holds the names written without reading the rows back
    expect(fixture.live.record("allocations", "ALC-1")?.licenceLabel).toBe(
      "Figma · Subscription · Figma Inc",
    );
  });
  expect(reread).not.toContain("allocations");
});

it("a licence deleted leaves the rows still naming it without a label", async () => {
  await caughtUp(() =>
    expect(rows("Installations").find((row) => row["Installation ID"] === "INS-1")?.[D.licenceLabel]).toBe(
      "Visio · Subscription",
    ),
  );
  const licence = fixture.live.record("licences", "LIC-OK")!;
  const removed = await fixture.register.remove("licences", "LIC-OK", licence.rowVersion!);
  expect(removed.ok).toBe(true);
  await caughtUp(() => {
    const installations = rows("Installations").filter((row) => row["Licence ID"] === "LIC-OK");
    expect(installations.map((row) => row[D.licenceLabel])).toEqual(["", ""]);
  });
});

it("after its first pass, one row typed is compared on its own, not the whole register again", async () => {
  stop();
  let wholeTableReads = 0;
  const live = fixture.live;
  const counting = {
    ready: live.ready,
    settled: () => live.settled(),
    onUpdated: (listener: Parameters<typeof live.onUpdated>[0]) => live.onUpdated(listener),
    get index() {
      return live.index;
    },
    recordsIn: (kind: Parameters<typeof live.recordsIn>[0]) => {
      const records = live.recordsIn(kind);
      const whole = <T>(read: () => T) => {
        wholeTableReads++;
        return read();
      };
      return {
        get: (id: string) => records.get(id),
        values: () => whole(() => records.values()),
        [Symbol.iterator]: () => whole(() => records[Symbol.iterator]()),
      } as unknown as ReturnType<typeof live.recordsIn>;
    },
  };
  const passes: number[] = [];
  stop = followNames(fixture.register, counting, { delayMs: 0, onPass: (n) => passes.push(n) });
  await caughtUp(() => expect(passes.length).toBeGreaterThan(0));
  expect(wholeTableReads).toBeGreaterThan(0);
  wholeTableReads = 0;

  fixture.workbook.typeIntoCell(
    "Installations",
    cellOf("Installations", "Installation ID", "INS-5", SOFTWARE_ID_HEADER),
    "SW-3",
  );
  await caughtUp(() =>
    expect(rows("Installations").find((row) => row["Installation ID"] === "INS-5")?.[D.softwareName]).toBe(
      "Figma",
    ),
  );
  expect(wholeTableReads).toBe(0);
});
