import { RECORD_TABLES } from "../../src/workbook/tables";
import { recordCells } from "../../src/workbook/records";
import { MAX_RESPONSE_BYTES, jsonBytes } from "../../src/workbook/payload";
import { CHEAP_ROUND_TRIP_MS, SMALL_PAGE_BYTES } from "../../src/workbook/pagedRead";
import { freshWorkbook, fullInstallation, simpleLicence, type Session } from "./fixtures";

const FIVE_MB = 5 * 1024 * 1024;

/** Puts licences straight into the table (no validation), the quick way to a large register. */
async function seedLicences(session: Session, count: number): Promise<void> {
  const rows = Array.from({ length: count }, (_, i) =>
    recordCells(RECORD_TABLES.licences, {
      ...simpleLicence(i),
      id: `LIC-${String(i).padStart(12, "0")}`,
      rowVersion: 1,
    }),
  );
  await session.run(async (context) => {
    for (let start = 0; start < rows.length; start += 5_000) {
      const chunk = rows.slice(start, start + 5_000);
      context.workbook.tables.getItem("LicencesTable").getDataBodyRange().getRowsBelow(chunk.length).values =
        chunk;
      await context.sync();
    }
  });
}

describe("large registers", () => {
  it("loads 50,000 licences in pages of at most 2 MB where round trips are quick, a few requests more than 50 licences take", async () => {
    const small = await freshWorkbook();
    const big = await freshWorkbook();
    await seedLicences(small.session, 50);
    await seedLicences(big.session, 50_000);

    small.session.stats.reset();
    const smallData = await small.register.load();
    const smallSyncs = small.session.stats.syncs;
    big.session.stats.reset();
    const bigData = await big.register.load();
    const bigSyncs = big.session.stats.syncs;

    expect(smallData.licences).toHaveLength(50);
    expect(bigData.licences).toHaveLength(50_000);
    expect(bigData.issues).toEqual([]);
    expect(smallSyncs).toBe(3);
    // pages of at most 2 MB (the first, before anything is measured, smaller): each decoded in a shorter stretch
    const bytes = jsonBytes(big.workbook.readSheet("Licences").values);
    const pages = Math.ceil(bytes / SMALL_PAGE_BYTES);
    expect(Math.max(...big.session.stats.responseBytes)).toBeLessThanOrEqual(SMALL_PAGE_BYTES);
    expect(bigSyncs - 2).toBeGreaterThanOrEqual(pages);
    expect(bigSyncs - 2).toBeLessThanOrEqual(pages + 2);
    console.log(`load: ${smallSyncs} syncs for 50 licences, ${bigSyncs} for 50,000 (${bytes} bytes)`);
  }, 60_000);

  it("loads the same 50,000 licences in half the requests where each is a slow round trip, as on the web", async () => {
    const big = await freshWorkbook({ roundTripMs: CHEAP_ROUND_TRIP_MS + 15 });
    await seedLicences(big.session, 50_000);
    big.session.stats.reset();
    const bigData = await big.register.load();

    expect(bigData.licences).toHaveLength(50_000);
    expect(bigData.issues).toEqual([]);
    const bytes = jsonBytes(big.workbook.readSheet("Licences").values);
    const pages = Math.ceil(bytes / MAX_RESPONSE_BYTES);
    expect(Math.max(...big.session.stats.responseBytes)).toBeGreaterThan(SMALL_PAGE_BYTES);
    expect(Math.max(...big.session.stats.responseBytes)).toBeLessThanOrEqual(MAX_RESPONSE_BYTES);
    expect(big.session.stats.syncs - 2).toBeGreaterThanOrEqual(pages);
    expect(big.session.stats.syncs - 2).toBeLessThanOrEqual(pages + 2);
  }, 60_000);

  it("writes 200,000 installations with every request under 5 MB", async () => {
    const { workbook, session, register } = await freshWorkbook();
    session.stats.reset();
    const progress: number[] = [];
    const rows = Array.from({ length: 200_000 }, (_, i) => fullInstallation(i));
    const added = await register.addMany("installations", rows, (_message, fraction) =>
      progress.push(fraction),
    );
    expect(added.ok).toBe(true);
    expect(session.stats.maxRequestBytes).toBeLessThan(FIVE_MB);
    expect(session.stats.maxRequestBytes).toBeLessThanOrEqual(4_000_000);
    expect(progress[progress.length - 1]).toBe(1);
    console.log(
      `addMany 200,000 installations: ${session.stats.syncs} syncs, largest request ${session.stats.maxRequestBytes} bytes`,
    );
    // header on row 1, then one row per installation
    const lastColumn = String.fromCharCode(64 + RECORD_TABLES.installations.columns.length);
    expect(workbook.describeSheet("Installations").tables[0].body).toBe(`A2:${lastColumn}200001`);
    if (!added.ok) return;
    expect(new Set(added.value.map((installation) => installation.id)).size).toBe(200_000);
    const sheet = workbook.readSheet("Installations");
    expect(sheet.values[200_000][0]).toBe(added.value[199_999].id);
    const device = RECORD_TABLES.installations.columns.findIndex((column) => column.field === "device");
    expect(sheet.values[200_000][device]).toBe("LAPTOP-199999");
  }, 120_000);

  it("saves 20,000 changed installations in blocks under 4 MB", async () => {
    const { session, register } = await freshWorkbook();
    const added = await register.addMany(
      "installations",
      Array.from({ length: 20_000 }, (_, i) => fullInstallation(i)),
    );
    if (!added.ok) throw new Error(added.error.message);
    session.stats.reset();
    const saved = await register.updateMany(
      "installations",
      added.value.map((installation) => ({ ...installation, notes: "Audited ".repeat(20) })),
    );
    expect(saved.ok).toBe(true);
    expect(session.stats.maxRequestBytes).toBeLessThanOrEqual(4_000_000);
    console.log(
      `updateMany 20,000 installations: ${session.stats.syncs} syncs, largest request ${session.stats.maxRequestBytes} bytes`,
    );
    const data = await register.load();
    expect(
      data.installations.every((i) => i.notes === "Audited ".repeat(20).trim() && i.rowVersion === 2),
    ).toBe(true);
  }, 60_000);
});
