import type { RecordKind } from "../../src/domain/ids";
import { DISPLAY_LABELS as D } from "../../src/domain/labels";
import type { RegisterChange } from "../../src/workbook/registerApi";
import { columnLetter } from "../../src/workbook/cells";
import { RECORD_TABLES } from "../../src/workbook/tables";
import { backgroundErrors, freshWorkbook, fullLicence, registerOn, until } from "./fixtures";

/** For what must not happen (a second report), and for subscriptions to be in place: there is nothing to wait for. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe("change and selection events", () => {
  it("tells listeners about co-authors' changes but not about its own writes, which it reports once", async () => {
    const { workbook, register } = await freshWorkbook();
    const alice = register;
    const bob = registerOn(workbook.session("bob"));
    const heard: RegisterChange[] = [];
    alice.onChanged((change) => heard.push(change));
    await settle();

    const mine = await alice.add("licences", fullLicence());
    await settle();
    expect(heard).toEqual([
      {
        kinds: ["licences"],
        source: "local",
        recordIds: [mine.ok ? mine.value.id : ""],
        saved: [mine.ok ? mine.value : undefined],
      },
    ]);

    heard.length = 0;
    await bob.add("installations", {
      softwareId: "SW-1",
      device: "PC-1",
      source: "Manual",
    });
    await until(() => heard.length > 0);
    expect(heard.length).toBeGreaterThan(0);
    expect(heard.every((change) => change.source === "remote" && change.kinds[0] === "installations")).toBe(
      true,
    );

    heard.length = 0;
    const quantity = columnLetter(RECORD_TABLES.licences.columns.findIndex((c) => c.header === "Quantity"));
    workbook.typeIntoCell("Licences", `${quantity}2`, "7");
    await until(() => heard.length > 0);
    expect(heard.length).toBeGreaterThan(0);
    expect(heard[0].kinds).toEqual(["licences"]);
    expect(backgroundErrors).toEqual([]);
  });

  it("reports which record the user selected and selects records", async () => {
    const { workbook, session, register } = await freshWorkbook();
    const added = await register.add("licences", fullLicence());
    if (!added.ok) throw new Error(added.error.message);
    const selected: [RecordKind, string][] = [];
    register.onRecordSelected((kind, id) => selected.push([kind, id]));
    await settle();
    await register.goToRecord("licences", added.value.id);
    await until(() => selected.length > 0);
    expect(selected).toContainEqual(["licences", added.value.id]);
    void workbook;
    void session;
    expect(backgroundErrors).toEqual([]);
  });
});

describe("names written beside links", () => {
  /** Installations on rows 1 and 202 of the body, with 200 between them. */
  async function farApart() {
    const fixture = await freshWorkbook();
    const filler = Array.from({ length: 200 }, (_, i) => ({
      softwareId: "SW-1",
      device: `PC-${i}`,
      source: "Manual" as const,
    }));
    const added = await fixture.register.addMany("installations", [
      { softwareId: "SW-1", device: "FIRST", source: "Manual" },
      ...filler,
      { softwareId: "SW-1", device: "LAST", source: "Manual" },
    ]);
    if (!added.ok) throw new Error(added.error.message);
    const ids = [added.value[0].id, added.value[201].id];
    const heard: RegisterChange[] = [];
    fixture.register.onChanged((change) => heard.push(change));
    await settle();
    return { ...fixture, ids, heard };
  }
  const column = (header: string) =>
    columnLetter(RECORD_TABLES.installations.columns.findIndex((c) => c.header === header));

  it("are heard once, with the names, not as a change over every row between them", async () => {
    const { register, ids, heard } = await farApart();
    const shown = ids.map((id) => ({ id, fields: { licenceLabel: "Visio · Subscription" } }));

    const written = await register.writeDisplayFields!("installations", shown);
    await settle();

    expect(written).toEqual({ ok: true, value: 2 });
    // Excel reports one request's cells as one box (rows 2 to 203): a reader told of that re-reads them all
    expect(heard).toEqual([{ kinds: ["installations"], source: "local", recordIds: ids, shown }]);
    expect(backgroundErrors).toEqual([]);
  });

  it("a person's edit landing while they are written is still heard", async () => {
    const { workbook, register, ids, heard } = await farApart();
    const writing = register.writeDisplayFields!(
      "installations",
      ids.map((id) => ({ id, fields: { licenceLabel: "Visio · Subscription" } })),
    );
    // a cell inside the box the names' request covers, in the same column, on a row it does not write
    workbook.typeIntoCell("Installations", `${column(D.licenceLabel)}100`, "typed by hand");
    workbook.typeIntoCell("Installations", `${column("Device")}101`, "PC-NEW");
    await writing;
    // each co-author's edit is checked against the register's own changes first, a sync or two apiece
    await until(() => heard.filter((change) => change.excel !== undefined).length >= 2);

    const byHand = heard.filter((change) => change.excel !== undefined);
    expect(byHand.map((change) => change.excel!.address)).toEqual(
      expect.arrayContaining([expect.stringMatching(/100$/), expect.stringMatching(/101$/)]),
    );
    expect(heard.filter((change) => change.shown)).toHaveLength(1);
  });

  it("a person typing over a name just written is heard, not taken for the write's echo", async () => {
    const { workbook, session, register, ids, heard } = await farApart();
    await register.writeDisplayFields!("installations", [
      { id: ids[0], fields: { licenceLabel: "Visio · Subscription" } },
    ]);
    await settle();
    heard.length = 0;

    // the same cell, seconds later: the write's own echo has already come and gone
    workbook.typeIntoCell("Installations", `${column(D.licenceLabel)}2`, "typed by hand", session);
    await until(() => heard.length > 0);
    await settle(); // a second report would arrive meanwhile

    expect(heard).toEqual([
      expect.objectContaining({
        source: "local",
        excel: expect.objectContaining({ address: expect.stringMatching(/2$/) }),
      }),
    ]);
  });
});

describe("selection by the user", () => {
  it("reads the ID of the row the user clicked", async () => {
    const { workbook, session, register } = await freshWorkbook();
    const added = await register.addMany("allocations", [
      { licenceId: "LIC-1", user: "kim" },
      { licenceId: "LIC-1", user: "lee" },
    ]);
    if (!added.ok) throw new Error(added.error.message);
    const selected: [RecordKind, string][] = [];
    register.onRecordSelected((kind, id) => selected.push([kind, id]));
    await settle();
    workbook.selectCell("Allocations", "C3", session);
    await until(() => selected.length > 0);
    await settle(); // a second report would arrive meanwhile
    expect(selected).toEqual([["allocations", added.value[1].id]]);
    await register.goToCell("Allocations", "B2");
    await until(() => selected.length > 1);
    expect(selected[selected.length - 1]).toEqual(["allocations", added.value[0].id]);
  });
});

describe("tables that are deleted and made again", () => {
  it("a table deleted and set up again is followed again (the old table's handlers never fire)", async () => {
    const { workbook, session, register } = await freshWorkbook();
    const heard: RegisterChange[] = [];
    register.onChanged((change) => heard.push(change));
    await settle();
    await session.run(async (context) => {
      context.workbook.tables.getItem(RECORD_TABLES.installations.table).delete();
      await context.sync();
    });
    const repaired = await register.setUp();
    expect(repaired.ok && repaired.value.repaired.length + repaired.value.created.length).toBeGreaterThan(0);
    await settle();
    heard.length = 0;
    const device = columnLetter(RECORD_TABLES.installations.columns.findIndex((c) => c.header === "Device"));
    workbook.typeIntoCell("Installations", `${device}2`, "PC-9", workbook.session("colleague"));
    await until(() => heard.length > 0);
    await settle(); // a second report would arrive meanwhile
    expect(heard).toEqual([expect.objectContaining({ kinds: ["installations"], source: "remote" })]);
    expect(backgroundErrors).toEqual([]);
  });
});
