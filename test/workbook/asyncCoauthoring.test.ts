/**
 * Issue 9, asynchronous co-authoring: each co-author's Excel has its own copy and changes arrive later,
 * merged cell by cell, the later one winning (src/host/README.md, "Co-authoring"). Two and three co-authors
 * save the same record, or add records, within that delay: no change disappears without its author being told.
 */
import { createInMemoryWorkbook } from "../../src/host";
import type { Licence } from "../../src/domain/schemas";
import type { Register, RegisterChange } from "../../src/workbook/registerApi";
import { backgroundErrors, fullLicence, idMaker, registerOn, type Workbook } from "./fixtures";

/** Long enough that each test's saves all land within it, even on a busy machine. */
const MERGE_DELAY_MS = 1_500;

interface Coauthor {
  register: Register;
  heard: RegisterChange[];
}

/** A set-up register workbook on Excel on the web's asynchronous co-authoring, opened by `names`. */
async function coauthors(names: string[]): Promise<{ workbook: Workbook; people: Map<string, Coauthor> }> {
  const workbook = createInMemoryWorkbook({ profile: "web", coauthoring: { mergeDelayMs: MERGE_DELAY_MS } });
  const setUp = await registerOn(workbook.session("owner")).setUp();
  if (!setUp.ok) throw new Error(setUp.error.message);
  await workbook.merged();
  const people = new Map<string, Coauthor>();
  for (const name of names) {
    const register = registerOn(workbook.session(name), { newId: idMaker(name) });
    const heard: RegisterChange[] = [];
    register.onChanged((change) => heard.push(change));
    await register.load();
    people.set(name, { register, heard });
  }
  // the subscriptions are made in the background
  await new Promise((resolve) => setTimeout(resolve, 20));
  return { workbook, people };
}

/** Waits until every change has reached every co-author and their registers have checked their saves. */
async function settle(workbook: Workbook): Promise<void> {
  for (let round = 0; round < 3; round++) {
    await workbook.merged();
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const noticesOf = (person: Coauthor) => person.heard.flatMap((change) => change.overwritten ?? []);

async function licenceNow(person: Coauthor, id: string): Promise<Licence | undefined> {
  return (await person.register.load()).licences.find((licence) => licence.id === id);
}

/** One licence added by `owner` and seen by every co-author. */
async function oneLicence(workbook: Workbook, people: Map<string, Coauthor>): Promise<Licence> {
  const added = await people.get("ann")!.register.add("licences", fullLicence({ quantity: 10, notes: "" }));
  if (!added.ok) throw new Error(added.error.message);
  await settle(workbook);
  for (const person of people.values()) {
    await person.register.load();
    person.heard.length = 0;
  }
  return added.value;
}

beforeEach(() => {
  backgroundErrors.length = 0;
});

afterEach(() => {
  expect(backgroundErrors).toEqual([]);
});

describe("asynchronous co-authoring: saves made within the merge delay", () => {
  test("two co-authors change the same field: both saves succeed, Excel keeps the later, and the other is told", async () => {
    const { workbook, people } = await coauthors(["ann", "bob"]);
    const licence = await oneLicence(workbook, people);
    const ann = people.get("ann")!;
    const bob = people.get("bob")!;

    const annSave = await ann.register.update("licences", { ...licence, quantity: 40 });
    const bobSave = await bob.register.update("licences", { ...licence, quantity: 55 });
    expect(annSave.ok && bobSave.ok).toBe(true);
    await settle(workbook);

    expect((await licenceNow(ann, licence.id))?.quantity).toBe(55);
    expect((await licenceNow(bob, licence.id))?.quantity).toBe(55);
    expect(noticesOf(ann)).toEqual([
      {
        id: licence.id,
        fields: ["quantity"],
        message: `Your change to Quantity of licence ${licence.id} was replaced by a co-author's change made at the same time. It now holds their value: save yours again if it should stand.`,
      },
    ]);
    expect(noticesOf(bob)).toEqual([]);
    const told = ann.heard.find((change) => change.overwritten);
    expect(told?.source).toBe("remote");
    expect((told?.saved as Licence[])[0].quantity).toBe(55);
  });

  test("two co-authors change different fields of one record: both changes survive and nobody is warned", async () => {
    const { workbook, people } = await coauthors(["ann", "bob"]);
    const licence = await oneLicence(workbook, people);
    const ann = people.get("ann")!;
    const bob = people.get("bob")!;

    expect((await ann.register.update("licences", { ...licence, notes: "Renew in May" })).ok).toBe(true);
    expect((await bob.register.update("licences", { ...licence, purchaseOrder: "PO-777" })).ok).toBe(true);
    await settle(workbook);

    for (const person of [ann, bob]) {
      const now = await licenceNow(person, licence.id);
      expect(now?.notes).toBe("Renew in May");
      expect(now?.purchaseOrder).toBe("PO-777");
      expect(noticesOf(person)).toEqual([]);
    }
  });

  test("three co-authors change the same field: the last one stands and the other two are told", async () => {
    const { workbook, people } = await coauthors(["ann", "bob", "cat"]);
    const licence = await oneLicence(workbook, people);
    const [ann, bob, cat] = ["ann", "bob", "cat"].map((name) => people.get(name)!);

    expect((await ann.register.update("licences", { ...licence, quantity: 11 })).ok).toBe(true);
    expect((await bob.register.update("licences", { ...licence, quantity: 22 })).ok).toBe(true);
    expect((await cat.register.update("licences", { ...licence, quantity: 33, notes: "Counted" })).ok).toBe(
      true,
    );
    await settle(workbook);

    for (const person of [ann, bob, cat]) expect((await licenceNow(person, licence.id))?.quantity).toBe(33);
    expect(noticesOf(ann).map((notice) => [notice.id, notice.fields])).toEqual([[licence.id, ["quantity"]]]);
    expect(noticesOf(bob).map((notice) => [notice.id, notice.fields])).toEqual([[licence.id, ["quantity"]]]);
    expect(noticesOf(cat)).toEqual([]);
  });

  test("three co-authors: two on one field, one on another: the other field survives, the replaced save is reported", async () => {
    const { workbook, people } = await coauthors(["ann", "bob", "cat"]);
    const licence = await oneLicence(workbook, people);
    const [ann, bob, cat] = ["ann", "bob", "cat"].map((name) => people.get(name)!);

    expect((await ann.register.update("licences", { ...licence, notes: "Ann's note" })).ok).toBe(true);
    expect((await bob.register.update("licences", { ...licence, purchaseOrder: "PO-1" })).ok).toBe(true);
    expect((await cat.register.update("licences", { ...licence, notes: "Cat's note" })).ok).toBe(true);
    await settle(workbook);

    const now = await licenceNow(bob, licence.id);
    expect(now?.notes).toBe("Cat's note");
    expect(now?.purchaseOrder).toBe("PO-1");
    expect(noticesOf(ann).map((notice) => notice.fields)).toEqual([["notes"]]);
    expect(noticesOf(bob)).toEqual([]);
    expect(noticesOf(cat)).toEqual([]);
  });

  test("a save made after the other change arrived is an ordinary save: nobody is told anything was replaced", async () => {
    const { workbook, people } = await coauthors(["ann", "bob"]);
    const licence = await oneLicence(workbook, people);
    const ann = people.get("ann")!;
    const bob = people.get("bob")!;

    const annSave = await ann.register.update("licences", { ...licence, quantity: 40 });
    if (!annSave.ok) throw new Error(annSave.error.message);
    await settle(workbook);
    const bobSave = await bob.register.update("licences", { ...annSave.value, quantity: 55 });
    expect(bobSave.ok).toBe(true);
    await settle(workbook);

    expect((await licenceNow(ann, licence.id))?.quantity).toBe(55);
    expect(noticesOf(ann)).toEqual([]);
    expect(noticesOf(bob)).toEqual([]);
  });
});

describe("asynchronous co-authoring: adds made within the merge delay", () => {
  test("two co-authors add a licence at the same moment: both records end up in every copy, once, with their own IDs", async () => {
    const { workbook, people } = await coauthors(["ann", "bob"]);
    const ann = people.get("ann")!;
    const bob = people.get("bob")!;

    const annAdd = await ann.register.add("licences", fullLicence({ notes: "Ann's" }));
    const bobAdd = await bob.register.add("licences", fullLicence({ notes: "Bob's" }));
    if (!annAdd.ok || !bobAdd.ok) throw new Error("an add failed");
    expect(annAdd.value.id).not.toBe(bobAdd.value.id);
    await settle(workbook);

    for (const person of [ann, bob]) {
      const licences = (await person.register.load()).licences;
      expect(licences.map((licence) => licence.notes).sort()).toEqual(["Ann's", "Bob's"]);
      expect(new Set(licences.map((licence) => licence.id)).size).toBe(2);
    }
    expect(noticesOf(ann).map((notice) => [notice.id, notice.fields])).toEqual([[annAdd.value.id, []]]);
    expect(noticesOf(ann)[0].message).toContain("has been added again");
    expect(noticesOf(bob)).toEqual([]);
  });

  test("three co-authors add at the same moment, one of them two records: all four end up in every copy", async () => {
    const { workbook, people } = await coauthors(["ann", "bob", "cat"]);
    const [ann, bob, cat] = ["ann", "bob", "cat"].map((name) => people.get(name)!);

    const adds = [
      await ann.register.addMany("licences", [
        fullLicence({ notes: "Ann 1" }),
        fullLicence({ notes: "Ann 2" }),
      ]),
      await bob.register.add("licences", fullLicence({ notes: "Bob" })),
      await cat.register.add("licences", fullLicence({ notes: "Cat" })),
    ];
    expect(adds.every((result) => result.ok)).toBe(true);
    await settle(workbook);

    for (const person of [ann, bob, cat]) {
      const licences = (await person.register.load()).licences;
      expect(licences.map((licence) => licence.notes).sort()).toEqual(["Ann 1", "Ann 2", "Bob", "Cat"]);
      expect(new Set(licences.map((licence) => licence.id)).size).toBe(4);
    }
  });
});
