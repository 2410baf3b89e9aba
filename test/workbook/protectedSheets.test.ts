import { freshWorkbook, simpleLicence } from "./fixtures";

/** Excel refuses every change to a locked cell of a protected sheet (AccessDenied); the host does the same. */
async function seeded() {
  const { workbook, session, register } = await freshWorkbook();
  await register.addMany("software", [{ id: "SW-1", name: "Visio" }]);
  await register.addMany("licences", [{ ...simpleLicence(1), id: "LIC-1", softwareId: "SW-1", quantity: 2 }]);
  return { workbook, session, register };
}

describe("protected sheets", () => {
  it("after a snapshot (a protected sheet) set-up, the Dashboard and saving records never touch it", async () => {
    const { workbook, register } = await seeded();
    const taken = await register.takeSnapshot!("Ana Silva", "2026-11-27");
    if (!taken.ok) throw new Error(taken.error.message);
    const before = workbook.readSheet(taken.value.sheet);

    expect((await register.setUp()).ok).toBe(true);
    expect((await register.buildDashboard!()).ok).toBe(true);
    expect((await register.add("licences", { ...simpleLicence(2), softwareId: "SW-1" })).ok).toBe(true);
    expect((await register.takeSnapshot!("Ben", "2026-11-27")).ok).toBe(true);

    expect(workbook.readSheet(taken.value.sheet)).toEqual(before);
    expect(workbook.describeSheet(taken.value.sheet).protection.protected).toBe(true);
  });

  it("a Dashboard sheet someone protected is still rebuilt: Excel lets a protected sheet be deleted and made again", async () => {
    const { workbook, session, register } = await seeded();
    expect((await register.buildDashboard!()).ok).toBe(true);
    await session.run(async (context) => {
      context.workbook.worksheets.getItem("Dashboard").protection.protect();
      await context.sync();
    });
    const rebuilt = await register.buildDashboard!();
    expect(rebuilt.ok).toBe(true);
    expect(workbook.sheetNames().filter((name) => name === "Dashboard")).toHaveLength(1);
  });

  it("saving into a protected Licences sheet fails with a sentence that says what to do, and writes nothing", async () => {
    const { workbook, session, register } = await seeded();
    await session.run(async (context) => {
      context.workbook.worksheets.getItem("Licences").protection.protect();
      await context.sync();
    });
    const before = workbook.readSheet("Licences");
    const added = await register.add("licences", { ...simpleLicence(3), softwareId: "SW-1" });
    expect(added.ok).toBe(false);
    if (!added.ok) expect(added.error.message).toMatch(/Unprotect that sheet/);
    expect(workbook.readSheet("Licences")).toEqual(before);
  });
});
