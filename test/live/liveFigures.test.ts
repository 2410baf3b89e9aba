/**
 * The live register's figures after edits: what the pane shows for a licence, its product and the data
 * problems is what a fresh computation of the same records gives, and what an edit did not touch keeps its
 * object (so the pane does not draw it again).
 */
import fc from "fast-check";
import type { IsoDate } from "../../src/domain/dates";
import type { RegisterPosition } from "../../src/domain/positionTypes";
import { AS_OF, installation, licence, software } from "../domain/fixtures";
import { byId, editArb, follow, type Tables } from "./support/scriptedRegister";

const sortProducts = (products: RegisterPosition["products"]) =>
  [...products].sort((a, b) => a.softwareId.localeCompare(b.softwareId));
const sortProblems = (problems: RegisterPosition["problems"]) =>
  [...problems].sort((a, b) => `${a.recordId}${a.message}`.localeCompare(`${b.recordId}${b.message}`));

function expectSameFigures(shown: RegisterPosition, fresh: RegisterPosition): void {
  expect(shown.licences).toEqual(fresh.licences);
  expect(sortProducts(shown.products)).toEqual(sortProducts(fresh.products));
  expect(sortProblems(shown.problems)).toEqual(sortProblems(fresh.problems));
}

/**
 * Licences LIC-0 to LIC-(n-1) of one seat, each with one installation on its own device (I0 on PC-0, …), followed
 * with 0 ms slices: a slice is then 256 licences.
 */
function followInSlices(n: number, softwareOf: (n: number) => string, today?: () => IsoDate) {
  const licences = Array.from({ length: n }, (_, i) =>
    licence({ id: `LIC-${i}`, softwareId: softwareOf(i), quantity: 1 }),
  );
  const installations = licences.map((l, i) =>
    installation({ id: `I${i}`, licenceId: l.id, softwareId: l.softwareId, device: `PC-${i}` }),
  );
  return follow({ licences: byId(licences), installations: byId(installations) }, { sliceMs: 0, today });
}

function threeLicences(): Partial<Tables> {
  return {
    software: byId([software("SW-1", "Visio"), software("SW-2", "Acrobat")]),
    licences: byId([
      licence({ id: "LIC-A", quantity: 2 }),
      licence({ id: "LIC-B", quantity: 5 }),
      licence({ id: "LIC-C", softwareId: "SW-2", quantity: 1 }),
    ]),
    installations: byId([
      installation({ id: "I1", licenceId: "LIC-A", device: "PC-1" }),
      installation({ id: "I2", licenceId: "LIC-A", device: "PC-2" }),
      installation({ id: "I3", licenceId: "LIC-C", softwareId: "SW-2", device: "PC-3" }),
    ]),
  };
}

describe("the pane's figures after an edit", () => {
  it("an installation moved to another licence changes both licences' and their product's figures, as a fresh computation does", async () => {
    const { scripted, live } = await follow(threeLicences());
    const before = live.position();
    expect(before.licences.get("LIC-A")?.used).toBe(2);

    scripted.save("installations", installation({ id: "I2", licenceId: "LIC-B", device: "PC-2" }));
    await live.settled();
    const after = live.position();
    live.stop();

    expect(after).not.toBe(before);
    expect(after.licences.get("LIC-A")?.used).toBe(1);
    expect(after.licences.get("LIC-B")?.used).toBe(1);
    expectSameFigures(after, await scripted.fresh());
    // what the edit did not touch is the same object, so its list row and grid row are not drawn again
    expect(after.licences.get("LIC-C")).toBe(before.licences.get("LIC-C"));
    const product = (position: RegisterPosition, id: string) =>
      position.products.find((p) => p.softwareId === id);
    expect(product(after, "SW-2")).toBe(product(before, "SW-2"));
    expect(product(after, "SW-1")).not.toBe(product(before, "SW-1"));
    expect(live.licence("LIC-C")).toBe(before.licences.get("LIC-C"));
  });

  it("a licence read on its own (a list row) is the same object until an edit touches it", async () => {
    const { scripted, live } = await follow(threeLicences());
    const [a, c] = [live.licence("LIC-A"), live.licence("lic-c ")];
    expect(c?.licenceId).toBe("LIC-C");

    scripted.save("installations", installation({ id: "I4", licenceId: "LIC-A", device: "PC-4" }));
    await live.settled();
    live.stop();

    expect(live.licence("LIC-C")).toBe(c);
    expect(live.licence("LIC-A")).not.toBe(a);
    expect(live.licence("LIC-A")?.used).toBe(3);
    expect(live.licence("LIC-A")).toEqual((await scripted.fresh()).licences.get("LIC-A"));
  });

  it("a position read before later edits keeps its figures, whichever is read first", async () => {
    const { scripted, live } = await follow(threeLicences());
    const used = (position: RegisterPosition) => position.licences.get("LIC-A")?.used;
    const first = live.position();
    scripted.save("installations", installation({ id: "I3", licenceId: "LIC-A", device: "PC-3" }));
    await live.settled();
    const second = live.position();
    scripted.remove("installations", "I1");
    scripted.remove("installations", "I2");
    await live.settled();
    const third = live.position();

    expect([used(third), used(second), used(first)]).toEqual([1, 3, 2]);
    expect(third.licences.get("LIC-C")?.used).toBe(0);
    expect(first.licences.get("LIC-C")?.used).toBe(1);
    expectSameFigures(third, await scripted.fresh());

    scripted.save("installations", installation({ id: "I4", licenceId: "LIC-B", device: "PC-4" }));
    await live.settled();
    expectSameFigures(live.position(), await scripted.fresh());
    live.stop();
  });

  it("the Dashboard's first whole position gives the thread back between slices, and an edit landing meanwhile is in it", async () => {
    const { scripted, live } = await followInSlices(600, (n) => (n % 2 ? "SW-2" : "SW-1"));
    const soon = live.figures.positionSoon();
    expect(live.figures.positionSoon()).toBe(soon);
    await new Promise((resolve) => setImmediate(resolve));
    // a turn later the figures are not all there yet: the thread was given back
    expect(live.figures.positionIfWorkedOut()).toBeUndefined();

    // LIC-0 was assessed in the first slice; its installation moves to LIC-599, assessed in the last
    scripted.save(
      "installations",
      installation({ id: "I0", licenceId: "LIC-599", softwareId: "SW-2", device: "PC-0" }),
    );
    await live.settled();
    const position = await soon;
    live.stop();

    expect(position.licences.get("LIC-0")?.used).toBe(0);
    expect(position.licences.get("LIC-599")?.used).toBe(2);
    expectSameFigures(position, await scripted.fresh());
    expect(live.figures.positionIfWorkedOut()).toBe(position);
  });

  it("figures replaced while worked out a slice at a time (a new day) stop, and whoever waits gets the new ones", async () => {
    let today = AS_OF;
    // 600 products of one licence each, so the link plan takes slices too
    const products = Array.from({ length: 600 }, (_, i) => software(`SW-${i}`));
    const licences = products.map((p, i) => licence({ id: `LIC-${i}`, softwareId: p.id, quantity: 1 }));
    const { scripted, live } = await follow(
      { software: byId(products), licences: byId(licences) },
      { sliceMs: 0, today: () => today },
    );
    const replaced = live.figures;
    const position = replaced.positionSoon();
    const plan = replaced.linkPlanSoon();
    await new Promise((resolve) => setImmediate(resolve));
    expect(replaced.linkPlanIfWorkedOut()).toBeUndefined();

    today = "2026-06-16";
    scripted.save("installations", installation({ id: "I-NEW", softwareId: "SW-599", device: "PC-NEW" }));
    await live.settled();
    expect(live.figures).not.toBe(replaced);
    expect(await position).toBe(live.figures.positionIfWorkedOut());
    expect((await position).asOf).toBe("2026-06-16");
    expect(await plan).toBe(live.figures.linkPlanIfWorkedOut());
    expect((await plan).proposals).toEqual([
      { installationId: "I-NEW", licenceId: "LIC-599", softwareId: "SW-599", device: "PC-NEW" },
    ]);
    live.stop();
  });

  it("a whole position read at once while the Dashboard's is under way stays right after later edits", async () => {
    const { scripted, live } = await followInSlices(600, () => "SW-1");
    const soon = live.figures.positionSoon();
    await new Promise((resolve) => setImmediate(resolve));
    const atOnce = live.position();
    // LIC-599's position is not yet in the slices' caches; the edit makes the one read at once out of date
    scripted.save("installations", installation({ id: "I0", licenceId: "LIC-599", device: "PC-0" }));
    await live.settled();
    const position = await soon;
    live.stop();

    expect(atOnce.licences.get("LIC-599")?.used).toBe(1);
    expect(position.licences.get("LIC-599")?.used).toBe(2);
    expectSameFigures(position, await scripted.fresh());
  });

  it("nothing is worked out again when nothing changed", async () => {
    const { live } = await follow(threeLicences());
    const first = live.position();
    expect(live.position()).toBe(first);
    live.stop();
  });

  it("a problem appears when an installation names a missing licence, and goes when it is corrected", async () => {
    const { scripted, live } = await follow(threeLicences());
    const problem =
      "Installation I1 names licence LIC-GONE, which is not in the register: change its Licence ID to a licence in the Licences sheet, or clear it.";
    expect(live.position().problems).toEqual([]);

    scripted.save("installations", installation({ id: "I1", licenceId: "LIC-GONE", device: "PC-1" }));
    await live.settled();
    expect(live.position().problems.map((p) => p.message)).toEqual([problem]);
    expectSameFigures(live.position(), await scripted.fresh());

    scripted.save("licences", licence({ id: "LIC-GONE", quantity: 1 }));
    await live.settled();
    expect(live.position().problems).toEqual([]);
    expect(live.position().licences.get("LIC-GONE")?.used).toBe(1);
    expectSameFigures(live.position(), await scripted.fresh());
    live.stop();
  });

  it("a licence of a currency with no exchange rate is reported, and no longer once it is removed", async () => {
    const { scripted, live } = await follow(threeLicences());
    live.position();
    scripted.save("licences", licence({ id: "LIC-EUR", currency: "EUR", cost: 100 }));
    await live.settled();
    expect(live.position().problems.map((p) => p.recordId)).toEqual(["settings"]);
    scripted.remove("licences", "LIC-EUR");
    await live.settled();
    expect(live.position().problems).toEqual([]);
    live.stop();
  });

  it("a licence that arrives for installations of other software changes those products' unlicensed counts", async () => {
    const { scripted, live } = await follow({
      software: byId([software("SW-1"), software("SW-2")]),
      installations: byId([
        installation({ id: "I1", softwareId: "SW-2", licenceId: "LIC-NEW", device: "PC-1" }),
      ]),
    });
    const unlicensed = () => live.position().products.find((p) => p.softwareId === "SW-2")?.unlicensed;
    expect(unlicensed()).toBe(1);

    scripted.save("licences", licence({ id: "LIC-NEW", softwareId: "SW-1" }));
    await live.settled();
    expect(unlicensed()).toBe(0);
    expectSameFigures(live.position(), await scripted.fresh());

    scripted.remove("licences", "LIC-NEW");
    await live.settled();
    expect(unlicensed()).toBe(1);
    expectSameFigures(live.position(), await scripted.fresh());
    live.stop();
  });
});

it("after any edits, looked at now and then, the figures are those of a fresh computation", async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(editArb, { maxLength: 20 }), async (edits) => {
      const { scripted, live } = await follow({});
      live.position();
      try {
        for (const edit of edits) {
          if ("look" in edit) live.position();
          else if ("remove" in edit) scripted.remove(edit.kind, edit.remove);
          else scripted.save(edit.kind, edit.record);
          await live.settled();
        }
        const fresh = await scripted.fresh();
        expectSameFigures(live.position(), fresh);
        for (const [id, position] of fresh.licences) expect(live.licence(id)).toEqual(position);
      } finally {
        live.stop();
      }
    }),
    { numRuns: 150 },
  );
});
