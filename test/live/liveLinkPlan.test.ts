/**
 * The proposed links kept over the live register: after an edit the plan is the register's as it is now (what
 * planning the whole register afresh gives), at once, and only the products the edit touched are planned again.
 */
import fc from "fast-check";
import { planLinks, type LinkPlan } from "../../src/domain/linkProposals";
import { MOST_PRODUCTS_PLANNED_AT_ONCE } from "../../src/live/liveLinkPlan";
import { AS_OF, installation, licence, software } from "../domain/fixtures";
import { byId, editArb, follow, type ScriptedRegister } from "./support/scriptedRegister";
import type { LiveRegister } from "../../src/live/liveRegister";

/** Two products, each with a licence of two seats and two installations linked to none. */
function twoProducts() {
  return follow({
    software: byId([software("SW-1", "Visio"), software("SW-2", "Acrobat")]),
    licences: byId([
      licence({ id: "LIC-V", quantity: 2 }),
      licence({ id: "LIC-A", softwareId: "SW-2", quantity: 2 }),
    ]),
    installations: byId([
      installation({ id: "I1", device: "PC-1" }),
      installation({ id: "I2", device: "PC-2" }),
      installation({ id: "I3", softwareId: "SW-2", device: "PC-3" }),
      installation({ id: "I4", softwareId: "SW-2", device: "PC-4" }),
    ]),
  });
}

const linksOf = (plan: LinkPlan | undefined) =>
  plan?.proposals.map((p) => `${p.installationId}→${p.licenceId}`);

async function expectPlanAsAfresh(live: LiveRegister, scripted: ScriptedRegister): Promise<void> {
  const shown = live.figures.linkPlanIfWorkedOut() as LinkPlan;
  const fresh = await planLinks(await scripted.load(), AS_OF);
  const bySoftware = (plan: LinkPlan) =>
    [...plan.products].sort((a, b) => (a.softwareId < b.softwareId ? -1 : 1));
  expect(bySoftware(shown)).toEqual(bySoftware(fresh));
  expect(shown.overDeployedBefore).toBe(fresh.overDeployedBefore);
  expect(shown.overDeployedAfter).toBe(fresh.overDeployedAfter);
  // the same sums, added up in another order
  expect(shown.trueUpBefore).toBeCloseTo(fresh.trueUpBefore, 6);
  expect(shown.trueUpAfter).toBeCloseTo(fresh.trueUpAfter, 6);
}

describe("the proposed links after an edit", () => {
  it("is worked out once, then follows each edit at once, planning again only the product it touched", async () => {
    const { scripted, live } = await twoProducts();
    expect(live.figures.linkPlanIfWorkedOut()).toBeUndefined();
    const first = await live.figures.linkPlanSoon();
    expect(linksOf(first)).toEqual(["I1→LIC-V", "I2→LIC-V", "I3→LIC-A", "I4→LIC-A"]);
    const acrobat = first.products.find((p) => p.softwareId === "SW-2");

    // a third Visio installation: Visio's licence is full, so it stays unlinked
    scripted.save("installations", installation({ id: "I5", device: "PC-5" }));
    await live.settled();
    const second = live.figures.linkPlanIfWorkedOut();
    expect(linksOf(second)).toEqual(["I1→LIC-V", "I2→LIC-V", "I3→LIC-A", "I4→LIC-A"]);
    expect(second?.products.find((p) => p.softwareId === "SW-1")).toMatchObject({
      unlinked: 3,
      leftUnlinked: 1,
    });
    expect(second?.products.find((p) => p.softwareId === "SW-2")).toBe(acrobat);

    // a seat more on Visio's licence takes it
    scripted.save("licences", licence({ id: "LIC-V", quantity: 3 }));
    await live.settled();
    expect(linksOf(live.figures.linkPlanIfWorkedOut())).toContain("I5→LIC-V");
    await expectPlanAsAfresh(live, scripted);
    live.stop();
  });

  it("after a change touching many products (linking them all) it is planned again a slice at a time", async () => {
    const products = Array.from({ length: MOST_PRODUCTS_PLANNED_AT_ONCE + 44 }, (_, i) =>
      software(`SW-${i}`),
    );
    const unlinked = products.map((p, i) =>
      installation({ id: `I${i}`, softwareId: p.id, device: `PC-${i}` }),
    );
    const { scripted, live } = await follow(
      {
        software: byId(products),
        licences: byId(products.map((p, i) => licence({ id: `LIC-${i}`, softwareId: p.id, quantity: 1 }))),
        installations: byId(unlinked),
      },
      { sliceMs: 0 },
    );
    const plan = await live.figures.linkPlanSoon();
    expect(plan.proposals).toHaveLength(products.length);

    scripted.saveMany(
      "installations",
      plan.proposals.map((p) => ({
        ...scripted.tables.installations.get(p.installationId)!,
        licenceId: p.licenceId,
      })),
    );
    await live.settled();
    // not at once, in the pane's render: a spinner shows while it is planned again
    expect(live.figures.linkPlanIfWorkedOut()).toBeUndefined();
    const linked = await live.figures.linkPlanSoon();
    expect(linked.proposals).toEqual([]);
    expect(live.figures.linkPlanIfWorkedOut()).toBe(linked);
    await expectPlanAsAfresh(live, scripted);
    live.stop();
  });

  it("after any edits, the plan shown is the one planning the register afresh gives", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(editArb, { maxLength: 20 }), fc.boolean(), async (edits, planFirst) => {
        const { scripted, live } = await follow({});
        try {
          if (planFirst) await live.figures.linkPlanSoon();
          for (const edit of edits) {
            if ("look" in edit) live.figures.linkPlanIfWorkedOut();
            else if ("remove" in edit) scripted.remove(edit.kind, edit.remove);
            else scripted.save(edit.kind, edit.record);
            await live.settled();
          }
          await live.figures.linkPlanSoon();
          await expectPlanAsAfresh(live, scripted);
        } finally {
          live.stop();
        }
      }),
      { numRuns: 150 },
    );
  });
});
