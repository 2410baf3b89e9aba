import type { RecordKind } from "../../src/domain/ids";
import type { RegisterChange } from "../../src/workbook/registerApi";
import { columnLetter } from "../../src/workbook/cells";
import { RECORD_TABLES } from "../../src/workbook/tables";
import { backgroundErrors, freshWorkbook, fullLicence, registerOn } from "./fixtures";

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
    await settle();
    expect(heard.length).toBeGreaterThan(0);
    expect(heard.every((change) => change.source === "remote" && change.kinds[0] === "installations")).toBe(
      true,
    );

    heard.length = 0;
    const quantity = columnLetter(RECORD_TABLES.licences.columns.findIndex((c) => c.header === "Quantity"));
    workbook.typeIntoCell("Licences", `${quantity}2`, "7");
    await settle();
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
    await settle();
    expect(selected).toContainEqual(["licences", added.value.id]);
    void workbook;
    void session;
    expect(backgroundErrors).toEqual([]);
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
    await settle();
    expect(selected).toEqual([["allocations", added.value[1].id]]);
    await register.goToCell("Allocations", "B2");
    await settle();
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
    await settle();
    expect(heard).toEqual([expect.objectContaining({ kinds: ["installations"], source: "remote" })]);
    expect(backgroundErrors).toEqual([]);
  });
});
