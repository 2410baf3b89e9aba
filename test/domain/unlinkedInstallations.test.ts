import { matchKey } from "../../src/domain/keys";
import { computePosition } from "../../src/domain/position";
import { RegisterIndex, type RegisterInput } from "../../src/domain/registerIndex";
import type { Installation, Licence } from "../../src/domain/schemas";
import { yieldEvery } from "../../src/domain/yielding";
import { AS_OF, installation, licence, register, software } from "./fixtures";

const licences: Licence[] = [licence({ id: "LIC-1" }), licence({ id: "LIC-2", softwareId: "SW-2" })];
const input: RegisterInput = register({
  software: [software("SW-1"), software("SW-2")],
  licences,
  installations: [
    installation({ id: "I1", licenceId: "LIC-1", device: "PC-1" }),
    installation({ id: "I2", licenceId: "LIC-1", device: "PC-2" }),
    installation({ id: "I3", device: "PC-3" }),
    installation({ id: "I4", device: "PC-4", softwareId: " sw-1 " }),
    installation({ id: "I5", licenceId: "   ", device: "PC-5" }),
    installation({ id: "I6", licenceId: "LIC-404", device: "PC-6" }),
    installation({ id: "I7", device: "PC-7", softwareId: "SW-2" }),
    installation({ id: "I8", licenceId: "LIC-2", device: "PC-8", softwareId: "SW-2" }),
  ],
});

const ids = (rows: readonly { id: string }[]) => rows.map(({ id }) => id).sort();

/** The rule the licence form applied to every installation before the index kept them by product. */
const byFullScan = (installations: Installation[], softwareId: string) =>
  ids(
    installations.filter(
      (row) => matchKey(row.softwareId) === matchKey(softwareId) && !row.licenceId?.trim(),
    ),
  );

/**
 * An index and the table it should reflect, edited together: by ID (an index keeping its own records), or by
 * handing over the record an edit replaces (the live register's, which keeps the records itself).
 */
async function editable(callerKeeps: boolean) {
  const index = callerKeeps
    ? await RegisterIndex.build(input, AS_OF, yieldEvery(0), { recordsKeptByCaller: true })
    : new RegisterIndex(input, AS_OF);
  let rows = [...input.installations];
  const previous = (id: string) => rows.find((row) => row.id === id);
  return {
    index,
    rows: () => rows,
    upsert(row: Installation) {
      if (callerKeeps) index.replaceInstallation(previous(row.id), row);
      else index.upsertInstallation(row);
      rows = [...rows.filter(({ id }) => id !== row.id), row];
    },
    remove(id: string) {
      if (callerKeeps) index.replaceInstallation(previous(id), undefined);
      else index.removeInstallation(id);
      rows = rows.filter((row) => row.id !== id);
    },
  };
}

const howEdited = [
  ["by ID", false],
  ["by the record replaced", true],
] as const;

describe("a product's unlinked installations (RegisterIndex.unlinkedInstallationsOf)", () => {
  test("are those of the software (matched) whose Licence ID is blank or only spaces", () => {
    const index = new RegisterIndex(input, AS_OF);
    expect(ids(index.unlinkedInstallationsOf(" sw-1"))).toEqual(["I3", "I4", "I5"]);
    expect(ids(index.unlinkedInstallationsOf("SW-2"))).toEqual(["I7"]);
    expect(index.unlinkedInstallationsOf("SW-404")).toEqual([]);
  });

  test("include those whose Licence ID is only spaces, which name no licence and are no data problem", async () => {
    const recordIds = (index: RegisterIndex) => index.problems().map(({ recordId }) => recordId);
    const loaded = await RegisterIndex.build(input, AS_OF, yieldEvery(0));
    for (const index of [new RegisterIndex(input, AS_OF), loaded]) {
      expect(recordIds(index)).toContain("I6");
      expect(recordIds(index)).not.toContain("I5");
    }
    loaded.upsertInstallation(installation({ id: "I2", licenceId: "\t ", device: "PC-2" }));
    expect(recordIds(loaded)).not.toContain("I2");
    expect(ids(loaded.unlinkedInstallationsOf("SW-1"))).toEqual(["I2", "I3", "I4", "I5"]);
  });

  test("leave out installations naming a licence that is not in the register", () => {
    const index = new RegisterIndex(input, AS_OF);
    expect(ids(index.unlinkedInstallationsOf("SW-1"))).not.toContain("I6");
    index.removeLicence("LIC-1");
    expect(ids(index.unlinkedInstallationsOf("SW-1"))).toEqual(["I3", "I4", "I5"]);
    index.upsertLicence(licence({ id: "LIC-404" }));
    expect(ids(index.unlinkedInstallationsOf("SW-1"))).toEqual(["I3", "I4", "I5"]);
  });

  describe.each(howEdited)("edited %s", (_, callerKeeps) => {
    test.each<[string, (table: Awaited<ReturnType<typeof editable>>) => void, string[]]>([
      [
        "linking one",
        (table) => table.upsert(installation({ id: "I3", licenceId: "LIC-1", device: "PC-3" })),
        ["I4", "I5"],
      ],
      [
        "unlinking one",
        (table) => table.upsert(installation({ id: "I1", device: "PC-1" })),
        ["I1", "I3", "I4", "I5"],
      ],
      ["deleting one", (table) => table.remove("I4"), ["I3", "I5"]],
      [
        "adding one",
        (table) => table.upsert(installation({ id: "I9", device: "PC-9", softwareId: "sw-1" })),
        ["I3", "I4", "I5", "I9"],
      ],
      [
        "moving one to another software",
        (table) => table.upsert(installation({ id: "I3", device: "PC-3", softwareId: "SW-2" })),
        ["I4", "I5"],
      ],
      [
        "blanking a Licence ID with spaces",
        (table) => table.upsert(installation({ id: "I2", licenceId: " ", device: "PC-2" })),
        ["I2", "I3", "I4", "I5"],
      ],
      [
        "clearing the Licence ID of one naming a missing licence",
        (table) => table.upsert(installation({ id: "I6", device: "PC-6" })),
        ["I3", "I4", "I5", "I6"],
      ],
    ])("follow %s", async (_, edit, expected) => {
      const table = await editable(callerKeeps);
      edit(table);
      expect(ids(table.index.unlinkedInstallationsOf("SW-1"))).toEqual(expected);
      for (const softwareId of ["SW-1", "SW-2"]) {
        expect(ids(table.index.unlinkedInstallationsOf(softwareId))).toEqual(
          byFullScan(table.rows(), softwareId),
        );
      }
    });

    test("stay the same as a full scan, and the products' figures as a fresh load, through a run of edits", async () => {
      const table = await editable(callerKeeps);
      const edits: (() => void)[] = [
        () => table.upsert(installation({ id: "I3", device: "PC-3", softwareId: "SW-2" })),
        () =>
          table.upsert(installation({ id: "I7", licenceId: "LIC-2", device: "PC-7", softwareId: "SW-2" })),
        () => table.upsert(installation({ id: "I1", licenceId: "\t", device: "PC-1" })),
        () => table.remove("I5"),
        () => table.upsert(installation({ id: "I5", device: "PC-5" })),
        () => table.index.removeLicence("LIC-2"),
        () => table.upsert(installation({ id: "I8", device: "PC-8", softwareId: "SW-2" })),
        () => table.upsert(installation({ id: "I3", licenceId: "LIC-1", device: "PC-3" })),
        () => table.remove("I4"),
      ];
      let stored = licences;
      for (const [step, edit] of edits.entries()) {
        edit();
        if (step === 5) stored = licences.filter(({ id }) => id !== "LIC-2");
        for (const softwareId of ["SW-1", "SW-2"]) {
          expect(ids(table.index.unlinkedInstallationsOf(softwareId))).toEqual(
            byFullScan(table.rows(), softwareId),
          );
          const fresh = computePosition(
            { ...input, licences: stored, installations: table.rows() },
            AS_OF,
          ).products.find((product) => product.softwareId === softwareId);
          expect(table.index.productPosition(softwareId)).toEqual(fresh);
        }
      }
    });
  });
});
