/**
 * Issue 9's faults: requests lost, answers lost, one operation failing in the middle of a request. Whatever
 * happens, nothing is added twice, a failure says what landed, and a part-written row is never loaded as a
 * valid record.
 */
import { createWorkbookRegister } from "../../src/workbook/createWorkbookRegister";
import type { Licence } from "../../src/domain/schemas";
import type { Register } from "../../src/workbook/registerApi";
import { withFaults, type Fault } from "./faults";
import {
  backgroundErrors,
  freshWorkbook,
  fullInstallation,
  fullLicence,
  simpleLicence,
  type Session,
} from "./fixtures";

function registerWith(
  session: Session,
  plan: (sync: number, operations: number, wire: unknown[][]) => Fault | undefined,
) {
  const faulty = withFaults(session, plan);
  const register = createWorkbookRegister({
    run: (batch) => faulty.run(batch),
    now: () => new Date("2026-05-01T09:30:00.000Z"),
    ownEchoMs: 0,
    retryDelaysMs: [0, 0],
    onBackgroundError: (error) => backgroundErrors.push(error),
  });
  return { register, faulty };
}

const INSTALLATIONS = 30_000;
const installations = () => Array.from({ length: INSTALLATIONS }, (_, i) => fullInstallation(i));

/** The syncs of an add of 30,000 installations whose requests carry rows (over 100 kB), by number. */
async function rowSyncsOfAdd(): Promise<number[]> {
  const { workbook } = await freshWorkbook();
  const session = workbook.session("dry run");
  const { register } = registerWith(session, () => undefined);
  session.stats.reset();
  const added = await register.addMany("installations", installations());
  if (!added.ok) throw new Error(added.error.message);
  return session.stats.requestBytes.flatMap((bytes, i) => (bytes > 100_000 ? [i + 1] : []));
}

async function expectEveryInstallationOnce(register: Register): Promise<void> {
  const data = await register.load();
  expect(data.issues).toEqual([]);
  expect(data.installations).toHaveLength(INSTALLATIONS);
  expect(new Set(data.installations.map((i) => i.device)).size).toBe(INSTALLATIONS);
}

describe("adding 30,000 installations when the connection fails", () => {
  let rowSyncs: number[];
  beforeAll(async () => {
    rowSyncs = await rowSyncsOfAdd();
    expect(rowSyncs.length).toBeGreaterThanOrEqual(2);
  }, 60_000);

  it("a request lost part-way is retried, and only what did not land is written", async () => {
    const { workbook } = await freshWorkbook();
    const { register } = registerWith(workbook.session("bob"), (sync) =>
      sync === rowSyncs[1] ? "request-lost" : undefined,
    );
    const added = await register.addMany("installations", installations());
    expect(added.ok).toBe(true);
    expect(added.ok && added.alreadyAdded).toBeUndefined();
    await expectEveryInstallationOnce(register);
  }, 60_000);

  it("an answer lost after everything was written is not written again", async () => {
    const { workbook } = await freshWorkbook();
    const last = () => rowSyncs[rowSyncs.length - 1];
    const { register } = registerWith(workbook.session("bob"), (sync) =>
      sync === last() ? "response-lost" : undefined,
    );
    const added = await register.addMany("installations", installations());
    expect(added.ok).toBe(true);
    await expectEveryInstallationOnce(register);
  }, 60_000);

  it("when every retry fails too, says how many landed, and adding the same records again adds only the rest", async () => {
    const { workbook } = await freshWorkbook();
    const failing = new Set([rowSyncs[1], rowSyncs[1] + 1, rowSyncs[1] + 2]);
    const { register } = registerWith(workbook.session("bob"), (sync) =>
      failing.has(sync) ? "request-lost" : undefined,
    );
    const inputs = installations();
    const added = await register.addMany("installations", inputs);
    if (added.ok || added.error.kind !== "failed") throw new Error("expected the add to fail");
    const partial = added.error.partial!;
    expect(partial.added.length).toBeGreaterThan(0);
    expect(partial.added.length + partial.notAdded.length).toBe(INSTALLATIONS);
    expect(added.error.message).toBe(
      `${partial.added.length} of the ${INSTALLATIONS} installations were added before Excel stopped answering; ${partial.notAdded.length} were not. Try again: those already added are skipped, not added twice.`,
    );
    expect((await register.load()).installations).toHaveLength(partial.added.length);

    const again = await register.addMany(
      "installations",
      inputs.map((input, i) => ({ ...input, id: partial.ids[i] })),
    );
    expect(again.ok && again.alreadyAdded).toEqual(partial.added);
    await expectEveryInstallationOnce(register);
  }, 90_000);
});

describe("single records when the connection fails", () => {
  it("an add whose answer was lost is there once", async () => {
    const { workbook } = await freshWorkbook();
    let armed = false;
    const { register } = registerWith(workbook.session("bob"), (_sync, operations) =>
      armed && operations > 3 ? ((armed = false), "response-lost") : undefined,
    );
    armed = true;
    const added = await register.add("licences", fullLicence());
    expect(added.ok).toBe(true);
    expect((await register.load()).licences).toHaveLength(1);
  });

  it("a save whose request or answer was lost is saved once, with the next Row Version", async () => {
    for (const fault of ["request-lost", "response-lost"] as const) {
      const { workbook, register: alice } = await freshWorkbook();
      const added = await alice.add("licences", fullLicence());
      if (!added.ok) throw new Error(added.error.message);
      let armed = false;
      const { register } = registerWith(workbook.session("bob"), (_sync, operations) =>
        armed && operations > 3 ? ((armed = false), fault) : undefined,
      );
      const loaded = (await register.load()).licences[0];
      armed = true;
      const saved = await register.update("licences", { ...loaded, notes: "Saved through a fault" });
      expect(saved).toMatchObject({ ok: true, value: { notes: "Saved through a fault", rowVersion: 2 } });
      expect((await alice.load()).licences[0]).toMatchObject({
        notes: "Saved through a fault",
        rowVersion: 2,
      });
    }
  });

  it("a delete whose answer was lost succeeds and deletes nothing else", async () => {
    const { workbook, register: alice } = await freshWorkbook();
    const made = await alice.addMany("licences", [simpleLicence(1), simpleLicence(2), simpleLicence(3)]);
    if (!made.ok) throw new Error(made.error.message);
    let armed = false;
    const { register } = registerWith(workbook.session("bob"), (_sync, operations) =>
      armed && operations >= 4 ? ((armed = false), "response-lost") : undefined,
    );
    await register.load();
    armed = true;
    const removed = await register.remove("licences", made.value[1].id, 1);
    expect(removed).toEqual({ ok: true, value: undefined });
    expect((await alice.load()).licences.map((l) => l.id)).toEqual([made.value[0].id, made.value[2].id]);
  });
});

describe("an update failing inside a request", () => {
  it("leaves no half-written record that loads as valid, says how many were saved, and is finished at the next load", async () => {
    const { workbook, register: alice } = await freshWorkbook();
    const made = await alice.addMany(
      "licences",
      Array.from({ length: 2_000 }, (_, i) => ({ ...simpleLicence(i), vendor: "Old vendor", notes: "old" })),
    );
    if (!made.ok) throw new Error(made.error.message);
    let failures = 0;
    /** The operation after the middle one that marks rows as being saved: their last range never runs. */
    const afterMiddleMark = (wire: unknown[][]) => {
      const marks = wire.flatMap((op, i) =>
        op[0] === "set" && op[3] === "values" && JSON.stringify(op[4]).startsWith("[[-") ? [i] : [],
      );
      return marks.length === 0 ? undefined : marks[Math.floor(marks.length / 2)] + 2;
    };
    const { register: bob } = registerWith(workbook.session("bob"), (_sync, _operations, wire) => {
      // a write request: one operation in the middle fails, three times running (the try and two retries)
      const failAt = failures < 3 ? afterMiddleMark(wire) : undefined;
      if (failAt === undefined) return undefined;
      failures++;
      return { failAt };
    });
    const loaded = (await bob.load()).licences;
    // even rows change Vendor and Notes, odd rows only Notes: each row is its own run of writes
    const changed = (licence: Licence, i: number) =>
      i % 2 === 0 ? { ...licence, vendor: "New vendor", notes: "new" } : { ...licence, notes: "new" };
    const result = await bob.updateMany("licences", loaded.map(changed));
    if (result.ok) throw new Error("expected the save to fail");
    expect(result.error.message).toMatch(
      /^Could not save the 2000 records: Excel said "An internal error has occurred\." \d+ of the 2000 licences were saved; the others were not, or not completely\. A part-saved row is marked in its Row Version cell and is finished when you reload; try saving again\.$/,
    );

    // a co-author loading now: every record is all old or all new; rows caught part-way are data issues
    const seen = await alice.load();
    const wanted = new Map(loaded.map((licence, i) => [licence.id, changed(licence, i)]));
    for (const licence of seen.licences) {
      const want = wanted.get(licence.id)!;
      const old = loaded.find((l) => l.id === licence.id)!;
      const fields = [licence.vendor, licence.notes];
      expect([
        [old.vendor, old.notes],
        [want.vendor, want.notes],
      ]).toContainEqual(fields);
    }
    const partlySaved = seen.issues.filter((issue) =>
      issue.message.startsWith("This row was only partly saved"),
    );
    expect(partlySaved.length).toBeGreaterThan(0);
    expect(seen.licences.length + partlySaved.length).toBe(2_000);

    // the register that was saving finishes them when it next loads
    const after = await bob.load();
    expect(after.issues).toEqual([]);
    for (const issue of partlySaved) {
      expect(after.licences.find((l) => l.id === issue.recordId)).toMatchObject({
        vendor: "New vendor",
        notes: "new",
      });
    }
  }, 60_000);
});
