import { fullLicence, freshWorkbook, idMaker, registerOn, simpleLicence } from "./fixtures";

describe("co-authoring", () => {
  it("two co-authors each adding 500 licences at once lose nothing", async () => {
    const { workbook } = await freshWorkbook();
    const alice = registerOn(workbook.session("alice"));
    const bob = registerOn(workbook.session("bob"));
    const adds = [];
    for (let i = 0; i < 500; i++) {
      adds.push(alice.add("licences", { ...simpleLicence(i), notes: `alice ${i}` }));
      adds.push(bob.add("licences", { ...simpleLicence(i), notes: `bob ${i}` }));
    }
    const results = await Promise.all(adds);
    expect(results.every((result) => result.ok)).toBe(true);
    const data = await alice.load();
    expect(data.issues).toEqual([]);
    expect(data.licences).toHaveLength(1000);
    expect(new Set(data.licences.map((licence) => licence.id)).size).toBe(1000);
    const notes = new Set(data.licences.map((licence) => licence.notes));
    for (let i = 0; i < 500; i++) {
      expect(notes.has(`alice ${i}`)).toBe(true);
      expect(notes.has(`bob ${i}`)).toBe(true);
    }
  }, 20_000);

  it("refuses the second of two edits to the same field, naming it, and Keep mine writes only my fields", async () => {
    const { workbook, register } = await freshWorkbook();
    const added = await register.add("licences", fullLicence());
    if (!added.ok) throw new Error(added.error.message);
    const alice = registerOn(workbook.session("alice"));
    const bob = registerOn(workbook.session("bob"));
    const aliceCopy = (await alice.load()).licences[0];
    const bobCopy = (await bob.load()).licences[0];

    const first = await alice.update("licences", { ...aliceCopy, quantity: 40, vendor: "Insight" });
    expect(first.ok).toBe(true);
    const second = await bob.update("licences", { ...bobCopy, vendor: "Bob & Co", notes: "Bob was here" });
    expect(second).toEqual({
      ok: false,
      error: expect.objectContaining({
        kind: "conflict",
        message:
          "Someone else changed Vendor of this licence since you opened it: reload to see their version, then make your change again.",
        changedFields: ["vendor"],
        theirFields: ["quantity", "vendor"],
        current: expect.objectContaining({ quantity: 40, vendor: "Insight", rowVersion: 2 }),
      }),
    });
    // nothing of Bob's was written
    expect((await bob.load()).licences[0]).toMatchObject({
      quantity: 40,
      vendor: "Insight",
      notes: fullLicence().notes,
    });

    // "Keep mine" writes Bob's Vendor and Notes over Alice's Vendor, and leaves her Quantity alone
    const forced = await bob.update(
      "licences",
      { ...bobCopy, vendor: "Bob & Co", notes: "Bob was here" },
      { force: true },
    );
    expect(forced.ok && forced.value.rowVersion).toBe(3);
    expect((await alice.load()).licences[0]).toMatchObject({
      quantity: 40,
      vendor: "Bob & Co",
      notes: "Bob was here",
    });
  });

  it("merges edits to different fields, and says whose change it kept", async () => {
    const { workbook, register } = await freshWorkbook();
    const added = await register.add("licences", fullLicence());
    if (!added.ok) throw new Error(added.error.message);
    const alice = registerOn(workbook.session("alice"));
    const bob = registerOn(workbook.session("bob"));
    const aliceCopy = (await alice.load()).licences[0];
    const bobCopy = (await bob.load()).licences[0];
    expect((await alice.update("licences", { ...aliceCopy, purchaseOrder: "PO-ALICE" })).ok).toBe(true);
    const second = await bob.update("licences", { ...bobCopy, notes: "Bob was here" });
    expect(second).toMatchObject({
      ok: true,
      value: { purchaseOrder: "PO-ALICE", notes: "Bob was here", rowVersion: 3 },
      merged: {
        fields: ["purchaseOrder"],
        message:
          "Saved. Someone else changed Purchase Order of this licence meanwhile; their change is kept with yours.",
      },
    });
    expect((await alice.load()).licences[0]).toMatchObject({
      purchaseOrder: "PO-ALICE",
      notes: "Bob was here",
    });
  });

  it("names only what changed since the version a re-read of the rows gave (the live register's), not a load", async () => {
    const { workbook, register } = await freshWorkbook();
    const added = await register.add("licences", fullLicence());
    if (!added.ok) throw new Error(added.error.message);
    const alice = registerOn(workbook.session("alice"));
    const bob = registerOn(workbook.session("bob"));
    await alice.load();
    const bobCopy = (await bob.load()).licences[0];
    const vendor = await bob.update("licences", { ...bobCopy, vendor: "Insight" });
    if (!vendor.ok) throw new Error(vendor.error.message);
    // Alice's live register follows Bob's change by re-reading the rows, and her form starts from that version
    const read = await alice.readRows!("licences");
    const aliceCopy = read.rows[0] as unknown as typeof bobCopy;
    expect(aliceCopy).toMatchObject({ vendor: "Insight", rowVersion: 2 });
    const po = await bob.update("licences", { ...vendor.value, purchaseOrder: "PO-BOB" });
    expect(po.ok).toBe(true);

    const mine = await alice.update("licences", { ...aliceCopy, notes: "Alice was here" });
    expect(mine).toMatchObject({ ok: true, merged: { fields: ["purchaseOrder"] } });
  });

  it("says when someone else deleted the record", async () => {
    const { workbook, register } = await freshWorkbook();
    const a = await register.add("licences", fullLicence());
    const b = await register.add("licences", fullLicence({ notes: "second" }));
    if (!a.ok || !b.ok) throw new Error("add failed");
    const bob = registerOn(workbook.session("bob"));
    const bobCopy = (await bob.load()).licences[0];

    expect(await register.remove("licences", a.value.id, a.value.rowVersion)).toEqual({
      ok: true,
      value: undefined,
    });
    expect(await bob.update("licences", { ...bobCopy, quantity: 1 })).toEqual({
      ok: false,
      error: {
        kind: "deleted",
        message: "This licence was deleted by someone else: reload to see the register as it is now.",
      },
    });
    expect(await bob.remove("licences", a.value.id, 1)).toEqual({
      ok: false,
      error: {
        kind: "deleted",
        message: "This licence was deleted by someone else: reload to see the register as it is now.",
      },
    });
    const left = await register.load();
    expect(left.licences.map((licence) => licence.id)).toEqual([b.value.id]);
  });

  it("finds the row at write time even after rows above it were deleted or inserted", async () => {
    const { workbook, register } = await freshWorkbook();
    const made = await register.addMany(
      "licences",
      [0, 1, 2, 3].map((i) => ({ ...simpleLicence(i), notes: `n${i}` })),
    );
    if (!made.ok) throw new Error(made.error.message);
    const bob = registerOn(workbook.session("bob"), { newId: idMaker("bob") });
    const loaded = await bob.load();
    const last = loaded.licences[3];
    await register.remove("licences", made.value[0].id, 1);
    await register.remove("licences", made.value[1].id, 1);
    expect((await bob.update("licences", { ...last, notes: "updated" })).ok).toBe(true);
    const after = await register.load();
    expect(after.licences.map((licence) => licence.notes)).toEqual(["n2", "updated"]);
  });
});
