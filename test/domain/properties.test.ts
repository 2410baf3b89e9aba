import fc from "fast-check";
import { ALLOCATION_RULES } from "../../src/domain/lists";
import { planProductLinks } from "../../src/domain/linkProposals";
import { computePosition } from "../../src/domain/position";
import { availableQuantity, quantityStatus, shortfallQuantity } from "../../src/domain/quantities";
import type { IsoDate } from "../../src/domain/dates";
import { RegisterIndex } from "../../src/domain/registerIndex";
import type { Allocation, Installation, Licence, Software } from "../../src/domain/schemas";
import { yieldEvery } from "../../src/domain/yielding";
import { allocation, AS_OF, installation, licence, register, software } from "./fixtures";

const quantity = fc.nat({ max: 1000 });
const threshold = fc.double({ min: 0, max: 1, noNaN: true });

describe("quantity invariants", () => {
  test("shortfall > 0 exactly when Over-deployed", () => {
    fc.assert(
      fc.property(quantity, quantity, threshold, (entitled, used, t) => {
        expect(shortfallQuantity(entitled, used) > 0).toBe(
          quantityStatus(entitled, used, t) === "Over-deployed",
        );
      }),
    );
  });

  test("available + used = quantity when not over-deployed; available is 0 when over-deployed", () => {
    fc.assert(
      fc.property(quantity, quantity, (entitled, used) => {
        const available = availableQuantity(entitled, used)!;
        if (quantityStatus(entitled, used) !== "Over-deployed") expect(available + used).toBe(entitled);
        else expect(available).toBe(0);
        expect(available - shortfallQuantity(entitled, used)).toBe(entitled - used);
      }),
    );
  });

  test("Unlimited is never Over-deployed or Under-utilized and never short", () => {
    fc.assert(
      fc.property(quantity, threshold, (used, t) => {
        expect(quantityStatus(null, used, t)).toBe("Compliant");
        expect(shortfallQuantity(null, used)).toBe(0);
        expect(availableQuantity(null, used)).toBeNull();
      }),
    );
  });
});

// A small world so that edits collide: few IDs, devices and users, mixed case and stray spaces. IDs in the
// form the add-in generates ("…-0A1B2C3D4E5F") are found by their numbers, others by their text.
const softwareId = fc.constantFrom("SW-1", "SW-2", "sw-3", "SW-0A1B2C3D4E5F", "sw-0a1b2c3d4e5f");
const licenceId = fc.constantFrom(
  "LIC-1",
  "LIC-2",
  "lic-3",
  " LIC-4",
  "LIC-9",
  "LIC-0A1B2C3D4E5F",
  "lic-0a1b2c3d4e5f",
  " LIC-0A1B2C3D4E5F",
  "LIC-ZZZZZZZZZZZZ",
);
const day = fc.constantFrom("2026-01-01", "2026-06-14", "2026-06-15", "2026-06-16", "2026-12-31");
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const licenceArb: fc.Arbitrary<Licence> = fc
  .record({
    id: fc.constantFrom("LIC-1", "LIC-2", "LIC-3", "LIC-4", "LIC-0A1B2C3D4E5F"),
    softwareId,
    quantity: fc.nat({ max: 6 }),
    unlimited: fc.boolean(),
    allocationRule: fc.constantFrom(...ALLOCATION_RULES),
    peakConcurrentUse: maybe(fc.nat({ max: 6 })),
    expiryDate: maybe(day),
    autoRenew: fc.boolean(),
    reviewRequired: fc.boolean(),
    currency: fc.constantFrom("GBP", "USD", "JPY"),
    cost: maybe(fc.nat({ max: 5000 })),
  })
  .map(({ reviewRequired, ...fields }) =>
    licence({ ...fields, reviewRequired, reviewReason: reviewRequired ? "Pinned." : undefined }),
  );

const installationArb: fc.Arbitrary<Installation> = fc
  .record({
    id: fc.constantFrom("I1", "I2", "I3", "I4", "I5", "I6", "I7", "I8"),
    softwareId,
    licenceId: maybe(licenceId),
    device: fc.constantFrom("PC-1", "pc-1 ", "PC-2", "PC-3"),
    user: maybe(fc.constantFrom("ann", "ANN", "bob")),
  })
  .map((fields) => installation(fields));

const allocationArb: fc.Arbitrary<Allocation> = fc
  .record({
    id: fc.constantFrom("A1", "A2", "A3", "A4", "A5"),
    licenceId,
    user: fc.constantFrom("ann", "Bob", "cat"),
    allocatedOn: maybe(day),
    revokedOn: maybe(day),
  })
  .map((fields) => allocation(fields));

const softwareArb: fc.Arbitrary<Software> = fc
  .constantFrom("SW-1", "SW-2", "SW-3", "SW-0A1B2C3D4E5F")
  .map((id) => software(id));

type Edit =
  | { kind: "licence"; record: Licence }
  | { kind: "installation"; record: Installation }
  | { kind: "allocation"; record: Allocation }
  | { kind: "software"; record: Software }
  | { kind: "remove"; table: "licence" | "installation" | "allocation" | "software"; id: string }
  | { kind: "asOf"; day: IsoDate };

const editArb: fc.Arbitrary<Edit> = fc.oneof(
  licenceArb.map((record) => ({ kind: "licence" as const, record })),
  installationArb.map((record) => ({ kind: "installation" as const, record })),
  installationArb.map((record) => ({ kind: "installation" as const, record })),
  allocationArb.map((record) => ({ kind: "allocation" as const, record })),
  softwareArb.map((record) => ({ kind: "software" as const, record })),
  fc.record({
    kind: fc.constant("remove" as const),
    table: fc.constantFrom(
      "licence" as const,
      "installation" as const,
      "allocation" as const,
      "software" as const,
    ),
    id: fc.constantFrom(
      "LIC-1",
      "LIC-2",
      "LIC-0A1B2C3D4E5F",
      "I1",
      "I2",
      "I3",
      "A1",
      "A2",
      "SW-1",
      "SW-2",
      "SW-0A1B2C3D4E5F",
    ),
  }),
  day.map((day) => ({ kind: "asOf" as const, day })),
);

const byId = <T extends { id: string }>(records: T[]) => new Map(records.map((r) => [r.id, r]));

describe("the incremental index agrees with a fresh computation", () => {
  test("after random edits and date changes, every licence, product and problem matches computePosition", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(licenceArb, { selector: (l) => l.id, maxLength: 4 }),
        fc.uniqueArray(installationArb, { selector: (i) => i.id, maxLength: 8 }),
        fc.uniqueArray(allocationArb, { selector: (a) => a.id, maxLength: 5 }),
        fc.array(editArb, { maxLength: 25 }),
        fc.constantFrom("at once", "in slices", "in slices, records kept by the caller"),
        maybe(day),
        async (licences, installations, allocations, edits, built, lastDay) => {
          const tables = {
            software: byId([software("SW-1"), software("SW-2"), software("SW-0A1B2C3D4E5F")]),
            licence: byId(licences),
            installation: byId(installations),
            allocation: byId(allocations),
          };
          const settings = { exchangeRates: { USD: 0.8 } };
          const input = register({
            software: [...tables.software.values()],
            licences,
            installations,
            allocations,
            settings,
          });
          // the live register's load (a slice at a time, its own records by ID) and a one-off computation must
          // build the same index
          const callerKeeps = built === "in slices, records kept by the caller";
          const index =
            built === "at once"
              ? new RegisterIndex(input, AS_OF)
              : await RegisterIndex.build(input, AS_OF, yieldEvery(0), { recordsKeptByCaller: callerKeeps });
          let asOf = AS_OF;
          for (const edit of edits) {
            switch (edit.kind) {
              case "asOf":
                asOf = edit.day;
                index.setAsOf(asOf);
                break;
              case "licence":
                tables.licence.set(edit.record.id, edit.record);
                index.upsertLicence(edit.record);
                break;
              case "installation":
                if (callerKeeps)
                  index.replaceInstallation(tables.installation.get(edit.record.id), edit.record);
                else index.upsertInstallation(edit.record);
                tables.installation.set(edit.record.id, edit.record);
                break;
              case "allocation":
                if (callerKeeps) index.replaceAllocation(tables.allocation.get(edit.record.id), edit.record);
                else index.upsertAllocation(edit.record);
                tables.allocation.set(edit.record.id, edit.record);
                break;
              case "software":
                tables.software.set(edit.record.id, edit.record);
                index.upsertSoftware(edit.record);
                break;
              case "remove":
                if (edit.table === "licence") index.removeLicence(edit.id);
                if (edit.table === "installation") {
                  if (callerKeeps) index.replaceInstallation(tables.installation.get(edit.id), undefined);
                  else index.removeInstallation(edit.id);
                }
                if (edit.table === "allocation") {
                  if (callerKeeps) index.replaceAllocation(tables.allocation.get(edit.id), undefined);
                  else index.removeAllocation(edit.id);
                }
                if (edit.table === "software") index.removeSoftware(edit.id);
                tables[edit.table].delete(edit.id);
            }
          }
          // a new day after the edits, with nothing edited since to hide a stale count
          if (lastDay !== undefined) {
            asOf = lastDay;
            index.setAsOf(asOf);
          }
          const fresh = computePosition(
            register({
              software: [...tables.software.values()],
              licences: [...tables.licence.values()],
              installations: [...tables.installation.values()],
              allocations: [...tables.allocation.values()],
              settings,
            }),
            asOf,
          );
          for (const [id, position] of fresh.licences) expect(index.licencePosition(id)).toEqual(position);
          expect(index.position().licences).toEqual(fresh.licences);
          const sortProducts = (p: typeof fresh.products) =>
            [...p].sort((a, b) => a.softwareId.localeCompare(b.softwareId));
          expect(sortProducts(index.position().products)).toEqual(sortProducts(fresh.products));
          for (const product of fresh.products)
            expect(index.productPosition(product.softwareId)).toEqual(product);
          const sortProblems = (p: typeof fresh.problems) =>
            [...p].sort((a, b) => `${a.recordId}${a.message}`.localeCompare(`${b.recordId}${b.message}`));
          expect(sortProblems(index.problems())).toEqual(sortProblems(fresh.problems));
          // the Dashboard's first whole position, worked out a slice at a time, is the same
          const paced = await index.positionsPaced(yieldEvery(0));
          expect(paced.licences).toEqual(fresh.licences);
          expect(sortProducts(paced.products)).toEqual(sortProducts(fresh.products));
          const grouped = await index.problemsAboutPaced(yieldEvery(0));
          const owned = [...grouped.licences.values(), ...grouped.products.values()].flat();
          expect(sortProblems([...grouped.register, ...owned])).toEqual(sortProblems(fresh.problems));
        },
      ),
      { numRuns: 300 },
    );
  });

  test("position invariants hold for any register", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(licenceArb, { selector: (l) => l.id, maxLength: 4 }),
        fc.uniqueArray(installationArb, { selector: (i) => i.id, maxLength: 8 }),
        fc.uniqueArray(allocationArb, { selector: (a) => a.id, maxLength: 5 }),
        (licences, installations, allocations) => {
          const result = computePosition(register({ licences, installations, allocations }), AS_OF);
          for (const p of result.licences.values()) {
            expect(p.shortfall > 0).toBe(p.status === "Over-deployed");
            if (p.entitled === null) {
              expect(p.status === "Over-deployed" || p.status === "Under-utilized").toBe(false);
            } else if (p.status !== "Over-deployed") {
              expect(p.available! + p.used).toBe(p.entitled);
            }
            if (p.status === "Review Required") expect(p.statusReason).toMatch(/Review required: ./);
            expect(p.trueUpCost).toBeCloseTo(p.shortfall * p.unitCost);
          }
          for (const product of result.products) {
            expect(product.shortfall > 0).toBe(product.status === "Over-deployed");
          }
        },
      ),
    );
  });
});

describe("linking a product's installations, worked out without linking them", () => {
  test("the product's position after linking is what an index of the linked register gives; no other product changes", () => {
    let linked = 0;
    fc.assert(
      fc.property(
        fc.uniqueArray(licenceArb, { selector: (l) => l.id, maxLength: 4 }),
        fc.uniqueArray(installationArb, { selector: (i) => i.id, maxLength: 8 }),
        fc.uniqueArray(allocationArb, { selector: (a) => a.id, maxLength: 5 }),
        (licences, installations, allocations) => {
          const input = register({
            software: [software("SW-1"), software("SW-2"), software("SW-0A1B2C3D4E5F")],
            licences,
            installations,
            allocations,
            settings: { exchangeRates: { USD: 0.8 } },
          });
          const index = new RegisterIndex(input, AS_OF);
          for (const product of index.catalogue()) {
            const plan = planProductLinks(index, product);
            if (!plan) continue;
            linked += plan.proposals.length;
            const licenceOf = new Map(plan.proposals.map((p) => [p.installationId, p.licenceId]));
            const afterLinking = new RegisterIndex(
              {
                ...input,
                installations: installations.map((i) =>
                  licenceOf.has(i.id) ? { ...i, licenceId: licenceOf.get(i.id) } : i,
                ),
              },
              AS_OF,
            );
            expect(plan.before).toEqual(index.productPosition(product.id));
            expect(plan.after).toEqual(afterLinking.productPosition(product.id));
            for (const other of index.catalogue())
              expect(afterLinking.productPosition(other.id)).toEqual(
                other === product ? plan.after : index.productPosition(other.id),
              );
          }
        },
      ),
      { numRuns: 1000 },
    );
    // the registers drawn must have given links to check
    expect(linked).toBeGreaterThan(30);
  });
});
