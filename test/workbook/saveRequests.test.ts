import type { Licence } from "../../src/domain/schemas";
import { MOST_ROWS_READ_WITH_LOOKUP } from "../../src/workbook/locate";
import { addLongCommentColumns, freshWorkbook, fullLicence, must, syncsOf, type Session } from "./fixtures";

/** Someone inserts a blank row at the top of the Licences table, so every record moves down a row. */
async function insertRowAtTop(session: Session): Promise<void> {
  await session.run(async (context) => {
    context.workbook.tables.getItem("LicencesTable").getDataBodyRange().getRow(0).insert("Down");
    await context.sync();
  });
}

describe("what adding, saving or deleting one record costs in requests", () => {
  it("looks the ID up in one request and writes the row in the next", async () => {
    const { session, register } = await freshWorkbook();
    // (a table of one body row may be a new table's empty row, which an add reads before writing into it)
    must(await register.addMany("licences", [fullLicence({ notes: "1" }), fullLicence({ notes: "2" })]));

    const addSyncs = await syncsOf(session, async () =>
      must(await register.add("licences", fullLicence({ notes: "3" }))),
    );

    expect(addSyncs).toBe(2);
    expect((await register.load()).licences.map((licence) => licence.notes)).toEqual(["1", "2", "3"]);
  });

  it("finds and reads the record's row in one request and writes it in the next", async () => {
    const { session, register } = await freshWorkbook();
    const [first] = must(await register.addMany("licences", [fullLicence({ notes: "first" })]));
    await register.load();

    let saved: Licence | undefined;
    const saveSyncs = await syncsOf(session, async () => {
      saved = must(await register.update("licences", { ...first, notes: "first, saved" }));
    });
    expect(saveSyncs).toBe(2);
    expect((await register.load()).licences.map((licence) => licence.notes)).toEqual(["first, saved"]);

    const deleteSyncs = await syncsOf(session, async () =>
      must(await register.remove("licences", first.id, saved!.rowVersion)),
    );
    expect(deleteSyncs).toBe(2);
    expect((await register.load()).licences).toEqual([]);
  });

  it("still saves the right row when the record has moved since it was loaded", async () => {
    const { workbook, register } = await freshWorkbook();
    const [a, b] = must(
      await register.addMany("licences", [fullLicence({ notes: "a" }), fullLicence({ notes: "b" })]),
    );
    await register.load();
    // the row each was last seen in now holds another one, or nothing
    await insertRowAtTop(workbook.session("bob"));

    must(await register.update("licences", { ...a, licenceKey: "KEY-A" }));
    must(await register.update("licences", { ...b, licenceKey: "KEY-B" }));

    const data = await register.load();
    expect(data.issues).toEqual([]);
    expect(data.licences.map((licence) => [licence.notes, licence.licenceKey])).toEqual([
      ["a", "KEY-A"],
      ["b", "KEY-B"],
    ]);
  });
});

describe("rows too long to read whole with the look-up", () => {
  it("looks the records up by ID alone and saves them all, on Excel on the web", async () => {
    const { workbook, register } = await freshWorkbook({ profile: "web" });
    const count = MOST_ROWS_READ_WITH_LOOKUP;
    const added = must(
      await register.addMany(
        "licences",
        Array.from({ length: count }, (_, n) => fullLicence({ notes: `licence ${n}` })),
      ),
    );
    await addLongCommentColumns(workbook, "LicencesTable", count);
    await register.load();

    const saved = must(
      await register.updateMany(
        "licences",
        added.map((licence, n) => ({ ...licence, licenceKey: `KEY-${n}` })),
      ),
    );

    expect(saved).toHaveLength(count);
    const data = await register.load();
    expect(data.issues).toEqual([]);
    expect(data.licences.map((licence) => [licence.notes, licence.licenceKey])).toEqual(
      added.map((_, n) => [`licence ${n}`, `KEY-${n}`]),
    );
  });
});
