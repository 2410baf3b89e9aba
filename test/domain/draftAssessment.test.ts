import { ALLOCATION_RULES } from "../../src/domain/lists";
import { computePosition } from "../../src/domain/position";
import { RegisterIndex, type RegisterInput } from "../../src/domain/registerIndex";
import type { Licence } from "../../src/domain/schemas";
import { allocation, AS_OF, installation, licence, register, software } from "./fixtures";

/** A licence with rows of every kind: shared devices and users, other case and spaces, another product's. */
const stored = licence({ id: "LIC-1", quantity: 5, allocationRule: "Device-based", cost: 1200 });
const input: RegisterInput = register({
  software: [software("SW-1"), software("SW-2")],
  licences: [stored, licence({ id: "LIC-2", softwareId: "SW-2", quantity: 2 })],
  installations: [
    installation({ id: "I1", licenceId: "LIC-1", device: "PC-1", user: "ann" }),
    installation({ id: "I2", licenceId: " lic-1", device: "pc-1 ", user: "bob" }),
    installation({ id: "I3", licenceId: "LIC-1", device: "PC-2", user: "ann" }),
    installation({ id: "I4", licenceId: "LIC-1", device: "PC-3", softwareId: "SW-2" }),
    installation({ id: "I5", licenceId: "LIC-2", device: "PC-9", softwareId: "SW-2" }),
    installation({ id: "I6", licenceId: "LIC-NEW", device: "PC-7" }),
    installation({ id: "I7", device: "PC-8" }),
  ],
  allocations: [
    allocation({ id: "A1", licenceId: "LIC-1", user: "cat" }),
    allocation({ id: "A2", licenceId: "lic-1 ", user: "dan", revokedOn: "2026-01-01" }),
    allocation({ id: "A3", licenceId: "LIC-NEW", user: "eve" }),
  ],
});

/** The register's position for `draft` computed from scratch with the draft stored in place (or added). */
function fromScratch(draft: Licence, base: RegisterInput = input) {
  const exists = base.licences.some((item) => item.id === draft.id);
  const licences = exists
    ? base.licences.map((item) => (item.id === draft.id ? draft : item))
    : [...base.licences, draft];
  return computePosition({ ...base, licences }, AS_OF).licences.get(draft.id);
}

const drafts: [string, Licence][] = [
  ["a new quantity", { ...stored, quantity: 2 }],
  ["an unlimited licence", { ...stored, unlimited: true }],
  ...ALLOCATION_RULES.map((rule): [string, Licence] => [
    `the ${rule} rule`,
    { ...stored, allocationRule: rule, peakConcurrentUse: rule === "Concurrent" ? 3 : undefined },
  ]),
  ["another catalogue product", { ...stored, softwareId: "sw-2" }],
  ["a product not in the catalogue", { ...stored, softwareId: "SW-404" }],
  ["an expired term", { ...stored, startDate: "2025-01-01", expiryDate: "2026-01-01" }],
  [
    "a new licence named by rows already",
    licence({ id: "lic-new ", quantity: 1, allocationRule: "User-based" }),
  ],
  ["a new licence nothing names", licence({ id: "LIC-9", quantity: 3 })],
];

describe("a licence's figures as a draft stands (RegisterIndex.assessDraft)", () => {
  test.each(drafts)("equal the register computed from scratch with the draft stored: %s", (_, draft) => {
    const index = new RegisterIndex(input, AS_OF);
    expect(index.assessDraft(draft)).toEqual(fromScratch(draft));
  });

  test.each(drafts)("stay equal after edits have made the index keep keys: %s", (_, draft) => {
    const index = new RegisterIndex(input, AS_OF);
    const added = installation({ id: "I9", licenceId: "LIC-1", device: "PC-4", user: "fay" });
    index.upsertInstallation(added);
    index.removeAllocation("A1");
    const edited = {
      ...input,
      installations: [...input.installations, added],
      allocations: input.allocations.filter(({ id }) => id !== "A1"),
    };
    expect(index.assessDraft(draft)).toEqual(fromScratch(draft, edited));
  });

  test("changes nothing in the index", () => {
    const index = new RegisterIndex(input, AS_OF);
    const before = index.position();
    index.assessDraft({ ...stored, quantity: 1, allocationRule: "User-based", softwareId: "SW-2" });
    index.assessDraft(licence({ id: "LIC-NEW", quantity: 1 }));
    expect(index.position()).toEqual(before);
  });
});

describe("a licence's rows by its ID (RegisterIndex.installationsOf, allocationsOf)", () => {
  const ids = (rows: readonly { id: string }[]) => rows.map(({ id }) => id).sort();

  test("match the ID trimmed and ignoring case, whether or not the licence exists", () => {
    const index = new RegisterIndex(input, AS_OF);
    expect(ids(index.installationsOf(" lic-1 "))).toEqual(["I1", "I2", "I3", "I4"]);
    expect(ids(index.allocationsOf("Lic-1"))).toEqual(["A1", "A2"]);
    expect(ids(index.installationsOf("LIC-NEW"))).toEqual(["I6"]);
    expect(ids(index.allocationsOf("lic-new"))).toEqual(["A3"]);
    expect(index.installationsOf("LIC-404")).toEqual([]);
    expect(index.installationsOf(" ")).toEqual([]);
  });

  test("follow edits to the rows", () => {
    const index = new RegisterIndex(input, AS_OF);
    index.upsertInstallation(installation({ id: "I7", licenceId: "lic-1", device: "PC-8" }));
    index.upsertInstallation(installation({ id: "I1", licenceId: "LIC-2", device: "PC-1" }));
    index.removeAllocation("A2");
    expect(ids(index.installationsOf("LIC-1"))).toEqual(["I2", "I3", "I4", "I7"]);
    expect(ids(index.installationsOf("LIC-2"))).toEqual(["I1", "I5"]);
    expect(ids(index.allocationsOf("LIC-1"))).toEqual(["A1"]);
  });
});
