/**
 * Issue 9's co-authoring scenarios on the in-memory host: two and three co-authors, the pane and the grid, rows
 * moved underneath a save. Each ends with no record lost, no value changed that nobody changed, no duplicate
 * and no text turned into a formula, or with the person whose change did not stand told which field.
 */
import type { Licence } from "../../src/domain/schemas";
import { createWorkbookRegister } from "../../src/workbook/createWorkbookRegister";
import { MOST_FINDS } from "../../src/workbook/locate";
import { withFaults } from "./faults";
import {
  backgroundErrors,
  freshWorkbook,
  fullInstallation,
  fullLicence,
  idMaker,
  must,
  registerOn,
  simpleLicence,
  until,
  type Session,
  type Workbook,
} from "./fixtures";

function registerWithFind(session: Session, canFind: boolean) {
  return createWorkbookRegister({
    run: (batch) => session.run(batch),
    now: () => new Date("2026-05-01T09:30:00.000Z"),
    ownEchoMs: 0,
    canFind,
    onBackgroundError: (error) => backgroundErrors.push(error),
  });
}

/** The A1 address of a record's cell, by sheet, ID and header. */
function cellOf(workbook: Workbook, sheet: string, id: string, header: string): string {
  const { values } = workbook.readSheet(sheet);
  const column = values[0].indexOf(header);
  const row = values.findIndex((r) => r[0] === id);
  return `${String.fromCharCode(65 + column)}${row + 1}`;
}

/**
 * A session that runs `action` (another co-author's edit) just before its n-th request after arm() is
 * called, once.
 */
function interruptedSession(workbook: Workbook, name: string, n: number, action: () => Promise<void>) {
  let armedAt: number | undefined;
  let done = false;
  const session = withFaults(workbook.session(name), (sync) =>
    armedAt !== undefined && !done && sync === armedAt + n
      ? {
          before: async () => {
            done = true;
            await action();
          },
        }
      : undefined,
  );
  return {
    session,
    arm: () => (armedAt = session.sent),
    happened: () => done,
  };
}

/** A row of a sheet by its ID, as values and formulas, by header. */
function rowOf(workbook: Workbook, sheet: string, id: string) {
  const { values, formulas } = workbook.readSheet(sheet);
  const headers = values[0].map(String);
  const index = values.findIndex((row) => row[0] === id);
  if (index < 0) return undefined;
  const pick = (grid: unknown[][]) => Object.fromEntries(headers.map((h, i) => [h, grid[index][i]]));
  return { values: pick(values), formulas: pick(formulas) };
}

async function oneLicence() {
  const fixture = await freshWorkbook();
  const added = await fixture.register.add("licences", fullLicence());
  if (!added.ok) throw new Error(added.error.message);
  return { ...fixture, licence: added.value };
}

describe("a save never overwrites a change it did not see", () => {
  it("keeps a Quantity typed in the grid when another co-author saves only Notes from the pane", async () => {
    const { workbook, licence } = await oneLicence();
    const pane = registerOn(workbook.session("pane"));
    const loaded = (await pane.load()).licences[0];
    // a co-author types 99 into Quantity (typing does not change Row Version)
    workbook.typeIntoCell(
      "Licences",
      cellOf(workbook, "Licences", licence.id, "Quantity"),
      "99",
      workbook.session("typist"),
    );
    expect(rowOf(workbook, "Licences", licence.id)!.values.Quantity).toBe(99);
    // the pane reloads (it follows change events) before its person saves: the save still compares with
    // the version they started from
    await pane.load();
    const saved = await pane.update("licences", { ...loaded, notes: "Checked" });
    expect(saved).toMatchObject({
      ok: true,
      value: { quantity: 99, notes: "Checked" },
      merged: { fields: ["quantity"] },
    });
    expect(rowOf(workbook, "Licences", licence.id)!.values).toMatchObject({ Quantity: 99, Notes: "Checked" });
  });

  it("refuses a save of Quantity over a Quantity typed in the grid, naming it", async () => {
    const { workbook, licence } = await oneLicence();
    const pane = registerOn(workbook.session("pane"));
    const loaded = (await pane.load()).licences[0];
    workbook.typeIntoCell(
      "Licences",
      cellOf(workbook, "Licences", licence.id, "Quantity"),
      "99",
      workbook.session("typist"),
    );
    const saved = await pane.update("licences", { ...loaded, quantity: 30, notes: "More seats" });
    expect(saved).toMatchObject({
      ok: false,
      error: {
        kind: "conflict",
        message:
          "Someone else changed Quantity of this licence since you opened it: reload to see their version, then make your change again.",
        changedFields: ["quantity"],
        current: { quantity: 99 },
      },
    });
    expect(rowOf(workbook, "Licences", licence.id)!.values).toMatchObject({
      Quantity: 99,
      Notes: fullLicence().notes,
    });
  });

  it("keeps what another add-in pasted over several cells without touching Row Version", async () => {
    const { workbook, licence } = await oneLicence();
    const pane = registerOn(workbook.session("pane"));
    const loaded = (await pane.load()).licences[0];
    await workbook.session("other add-in").run(async (context) => {
      // Vendor and Purchase Order, side by side
      const sheet = context.workbook.worksheets.getItem("Licences");
      const headers = sheet.getRange("A1:AZ1").load("values");
      await context.sync();
      const at = headers.values[0].indexOf("Vendor");
      expect(headers.values[0][at + 1]).toBe("Purchase Order");
      sheet.getRangeByIndexes(1, at, 1, 2).values = [["Pasted Ltd", "PO-PASTED"]];
      await context.sync();
    });
    const saved = await pane.update("licences", { ...loaded, notes: "Mine" });
    expect(saved.ok && saved.merged?.fields).toEqual(["vendor", "purchaseOrder"]);
    expect(rowOf(workbook, "Licences", licence.id)!.values).toMatchObject({
      Vendor: "Pasted Ltd",
      "Purchase Order": "PO-PASTED",
      Notes: "Mine",
    });
  });

  it("Keep mine writes only my fields: the other co-author's Purchase Order stays, and they hear of the change", async () => {
    const { workbook, licence } = await oneLicence();
    const first = registerOn(workbook.session("first"));
    const second = registerOn(workbook.session("second"));
    const firstCopy = (await first.load()).licences[0];
    const secondCopy = (await second.load()).licences[0];
    const heard: string[] = [];
    first.onChanged((change) => heard.push(`${change.source}:${change.kinds.join()}`));

    expect(
      (await first.update("licences", { ...firstCopy, purchaseOrder: "PO-FIRST", notes: "first" })).ok,
    ).toBe(true);
    const refused = await second.update("licences", { ...secondCopy, notes: "second" });
    expect(refused).toMatchObject({ ok: false, error: { kind: "conflict", changedFields: ["notes"] } });
    const kept = await second.update("licences", { ...secondCopy, notes: "second" }, { force: true });
    expect(kept).toMatchObject({ ok: true, value: { purchaseOrder: "PO-FIRST", notes: "second" } });
    expect(rowOf(workbook, "Licences", licence.id)!.values).toMatchObject({
      "Purchase Order": "PO-FIRST",
      Notes: "second",
    });
    // the first co-author's register is told its licence changed (the pane reloads and sees Row Version 3)
    await until(() => heard.includes("remote:licences"));
    expect(heard).toContain("remote:licences");
    expect((await first.load()).licences[0]).toMatchObject({ rowVersion: 3, notes: "second" });
  });

  it("three co-authors saving one licence at once: all changes to different fields land", async () => {
    const { workbook, licence } = await oneLicence();
    const people = ["ana", "ben", "cal"].map((name) => registerOn(workbook.session(name)));
    const copies = await Promise.all(people.map(async (p) => (await p.load()).licences[0]));
    const results = await Promise.all([
      people[0].update("licences", { ...copies[0], vendor: "Ana Ltd" }),
      people[1].update("licences", { ...copies[1], purchaseOrder: "PO-BEN" }),
      people[2].update("licences", { ...copies[2], notes: "Cal" }),
    ]);
    expect(results.map((r) => r.ok)).toEqual([true, true, true]);
    expect(rowOf(workbook, "Licences", licence.id)!.values).toMatchObject({
      Vendor: "Ana Ltd",
      "Purchase Order": "PO-BEN",
      Notes: "Cal",
    });
  });

  it("three co-authors saving one field at once: one is saved, the others are told, nobody is told a lie", async () => {
    const { workbook, licence } = await oneLicence();
    const people = ["ana", "ben", "cal"].map((name) => registerOn(workbook.session(name)));
    const copies = await Promise.all(people.map(async (p) => (await p.load()).licences[0]));
    const results = await Promise.all(
      people.map((p, i) => p.update("licences", { ...copies[i], vendor: `Vendor ${i}` })),
    );
    const saved = results.flatMap((r, i) => (r.ok ? [i] : []));
    expect(saved).toHaveLength(1);
    for (const result of results) {
      if (!result.ok) expect(result.error).toMatchObject({ kind: "conflict", changedFields: ["vendor"] });
    }
    expect(rowOf(workbook, "Licences", licence.id)!.values.Vendor).toBe(`Vendor ${saved[0]}`);
  });

  it("40 co-authors saving at once, half of them the same licence: every save lands or is refused by name", async () => {
    const { workbook, register } = await freshWorkbook();
    const made = await register.addMany(
      "licences",
      Array.from({ length: 21 }, (_, i) => simpleLicence(i)),
    );
    if (!made.ok) throw new Error(made.error.message);
    const people = Array.from({ length: 40 }, (_, i) => registerOn(workbook.session(`p${i}`)));
    const data = await Promise.all(people.map((p) => p.load()));
    const results = await Promise.all(
      people.map((p, i) => {
        // p0..p19 each edit their own licence; p20..p39 all edit licence 20's Notes
        const target = data[i].licences[Math.min(i, 20)];
        return p.update("licences", { ...target, notes: `by p${i}` });
      }),
    );
    const final = await register.load();
    for (let i = 0; i < 20; i++) {
      expect(results[i].ok).toBe(true);
      expect(final.licences[i].notes).toBe(`by p${i}`);
    }
    const sharedWinners = results.slice(20).flatMap((r, i) => (r.ok ? [i + 20] : []));
    expect(sharedWinners).toHaveLength(1);
    expect(final.licences[20].notes).toBe(`by p${sharedWinners[0]}`);
  });
});

describe("rows the add-in moves or gives back keep exactly what they held", () => {
  const tricky = {
    licenceKey: "000",
    vendor: "=cmd|' /C calc'!A0",
    purchaseOrder: "1.0",
    notes: "+44 20 7946 0000",
  };

  it("two co-authors adding into a new table at the same moment", async () => {
    const { workbook } = await freshWorkbook();
    const alice = registerOn(workbook.session("alice"), { newId: idMaker("alice") });
    const bob = registerOn(workbook.session("bob"), { newId: idMaker("bob") });
    const [a, b, c, d] = await Promise.all([
      alice.add("licences", fullLicence(tricky)),
      bob.add("licences", fullLicence({ ...tricky, notes: "bob" })),
      alice.add("installations", { ...fullInstallation(1), version: "1.0", device: "007" }),
      bob.add("installations", { ...fullInstallation(2), version: "2.10", device: "=1+1" }),
    ]);
    for (const result of [a, b, c, d]) expect(result.ok).toBe(true);
    const data = await alice.load();
    expect(data.issues).toEqual([]);
    expect(data.licences).toHaveLength(2);
    expect(data.installations).toHaveLength(2);
    for (const licence of data.licences) expect(licence).toMatchObject({ ...tricky, notes: licence.notes });
    expect(data.installations.map((i) => [i.version, i.device]).sort()).toEqual([
      ["1.0", "007"],
      ["2.10", "=1+1"],
    ]);
    // no cell of a data column holds a formula
    for (const sheet of ["Licences", "Installations"]) {
      for (const id of [...data.licences, ...data.installations].map((r) => r.id)) {
        const row = rowOf(workbook, sheet, id);
        if (!row) continue;
        expect(row.formulas.Vendor ?? row.formulas.Device).toBe(row.values.Vendor ?? row.values.Device);
      }
    }
  });

  // With Range.find the request is stopped before it writes the moved row; without it (before ExcelApi 1.9)
  // the row is written, then given back as it was.
  it.each([true, false])("a delete while rows move deletes the right row (find: %p)", async (canFind) => {
    const { workbook, register } = await freshWorkbook();
    const made = await register.addMany("licences", [
      fullLicence({ notes: "first" }),
      fullLicence({ ...tricky, notes: "second" }),
    ]);
    if (!made.ok) throw new Error(made.error.message);
    const [first] = made.value;
    const sorter = workbook.session("sorter");
    // just before the delete request (the second: the row is found and read in the first) a co-author sorts
    // the table, so the second licence moves into the row being deleted
    const deleting = interruptedSession(workbook, "deleter", 2, () =>
      sortBody(sorter, "LicencesTable", (a, b) => String(b[0]).localeCompare(String(a[0]))),
    );
    const deleter = registerWithFind(deleting.session, canFind);
    await deleter.load();
    deleting.arm();
    const removed = await deleter.remove("licences", first.id, first.rowVersion);
    expect(removed.ok).toBe(true);
    expect(deleting.happened()).toBe(true);
    const data = await register.load();
    expect(data.issues).toEqual([]);
    expect(data.licences).toHaveLength(1);
    expect(data.licences[0]).toMatchObject({ ...tricky, notes: "second" });
    const row = rowOf(workbook, "Licences", data.licences[0].id)!;
    expect(row.formulas.Vendor).toBe(tricky.vendor);
    expect(row.values["Licence Key"]).toBe("000");
  });

  it.each([true, false])("a save while rows move lands on the right row (find: %p)", async (canFind) => {
    const { workbook, register } = await freshWorkbook();
    const made = await register.addMany("licences", [
      fullLicence({ notes: "first", vendor: "'quoted" }),
      fullLicence({ notes: "second", licenceKey: "000" }),
    ]);
    if (!made.ok) throw new Error(made.error.message);
    const sorter = workbook.session("sorter");
    // just before the write (the second request: the row is found and read in the first)
    const saving = interruptedSession(workbook, "saver", 2, () =>
      sortBody(sorter, "LicencesTable", (a, b) => String(b[0]).localeCompare(String(a[0]))),
    );
    const saver = registerWithFind(saving.session, canFind);
    const loaded = (await saver.load()).licences.find((l) => l.notes === "first")!;
    saving.arm();
    const saved = await saver.update("licences", { ...loaded, notes: "first, saved" });
    expect(saved.ok).toBe(true);
    expect(saving.happened()).toBe(true);
    const data = await register.load();
    expect(data.issues).toEqual([]);
    expect(data.licences.map((l) => [l.notes, l.licenceKey, l.vendor]).sort()).toEqual([
      ["first, saved", fullLicence().licenceKey, "'quoted"],
      ["second", "000", fullLicence().vendor],
    ]);
  });
});

describe("a large add writes under the columns the table has when it writes", () => {
  // More IDs than Range.find looks up one by one: the add reads the ID column in pages after the look-up's
  // first request, so the layout that request read may be old by the time the rows are written.
  it("a column inserted while the add reads the ID column: every row is added, under its own headers", async () => {
    const { workbook, register } = await freshWorkbook();
    // (a table of one body row may be a new table's empty row, which an add reads before writing into it)
    const earlier = [fullLicence({ notes: "earlier 1" }), fullLicence({ notes: "earlier 2" })];
    must(await register.addMany("licences", earlier));
    const inserter = workbook.session("inserter");
    // just before the add's second request, the first page of the ID column, a co-author inserts a column
    // between Licence ID and the next one
    const adding = interruptedSession(workbook, "adder", 2, () =>
      inserter.run(async (context) => {
        context.workbook.tables.getItem("LicencesTable").columns.add(1, undefined, "Cost Centre");
        await context.sync();
      }),
    );
    const adder = registerWithFind(adding.session, true);
    await adder.load();
    adding.arm();
    const licences = Array.from({ length: MOST_FINDS + 1 }, (_, n) => fullLicence({ notes: `licence ${n}` }));

    must(await adder.addMany("licences", licences));

    expect(adding.happened()).toBe(true);
    const data = await register.load();
    expect(data.issues).toEqual([]);
    const all = [...earlier, ...licences];
    expect(data.licences.map((licence) => licence.notes)).toEqual(all.map((licence) => licence.notes));
    const { vendor, quantity } = fullLicence();
    expect(data.licences.at(-1)).toMatchObject({ vendor, quantity });
    const { values } = workbook.readSheet("Licences");
    expect(values.slice(1).map((row) => row[values[0].indexOf("Cost Centre")])).toEqual(all.map(() => ""));
  });
});

describe("duplicate IDs are refused", () => {
  it("an add with an ID already in the register", async () => {
    const { register, licence } = await oneLicence();
    const result = await register.add("licences", { ...fullLicence({ notes: "another" }), id: licence.id });
    expect(result).toMatchObject({
      ok: false,
      error: {
        kind: "invalid",
        message: `Licence ID ${licence.id} is already used by another licence (row 2 of the Licences sheet), so nothing was added. Leave the ID out to give it a new one.`,
      },
    });
    expect((await register.load()).licences).toHaveLength(1);
  });

  it("the same record added again with its ID is not added twice", async () => {
    const { register, licence } = await oneLicence();
    const { id, modified: _m, rowVersion: _v, ...rest } = licence as Licence;
    const again = await register.add("licences", { ...rest, id });
    expect(again).toMatchObject({ ok: true, value: { id }, alreadyAdded: [id] });
    expect((await register.load()).licences).toHaveLength(1);
  });

  it("addMany with one ID twice", async () => {
    const { register } = await freshWorkbook();
    const result = await register.addMany("licences", [
      { ...simpleLicence(1), id: "LIC-TWICE" },
      { ...simpleLicence(2), id: "LIC-TWICE" },
    ]);
    expect(result).toMatchObject({
      ok: false,
      error: {
        kind: "invalid",
        message:
          "Licence ID LIC-TWICE is given to more than one of the records being added, so nothing was added. Each licence needs its own ID.",
      },
    });
    expect((await register.load()).licences).toHaveLength(0);
  });
});

/** A co-author sorting a table: every body row rewritten in a new order, formulas and literal text kept. */
async function sortBody(
  session: ReturnType<Workbook["session"]>,
  table: string,
  compare: (a: unknown[], b: unknown[]) => number,
): Promise<void> {
  await session.run(async (context) => {
    const body = context.workbook.tables
      .getItem(table)
      .getDataBodyRange()
      .load("values,formulas,numberFormat");
    await context.sync();
    const order = body.values.map((row, index) => ({ row, index })).sort((a, b) => compare(a.row, b.row));
    body.formulas = order.map(({ index }) =>
      body.formulas[index].map((formula, column) => {
        const value = body.values[index][column];
        const isFormula = typeof formula === "string" && formula.startsWith("=") && formula !== value;
        return isFormula ? formula : typeof value === "string" && value !== "" ? `'${value}` : value;
      }),
    );
    await context.sync();
  });
}
