import { freshWorkbook, fullInstallation, simpleLicence } from "./fixtures";

const FIVE_MB = 5 * 1024 * 1024;

describe("large registers", () => {
  it("loads 50,000 licences with the same number of syncs as 50", async () => {
    const small = await freshWorkbook();
    const big = await freshWorkbook();
    const fifty = await small.register.addMany(
      "licences",
      Array.from({ length: 50 }, (_, i) => simpleLicence(i)),
    );
    const many = await big.register.addMany(
      "licences",
      Array.from({ length: 50_000 }, (_, i) => simpleLicence(i)),
    );
    expect(fifty.ok && many.ok).toBe(true);

    small.session.stats.reset();
    const smallData = await small.register.load();
    const smallSyncs = small.session.stats.syncs;
    big.session.stats.reset();
    const bigData = await big.register.load();
    const bigSyncs = big.session.stats.syncs;

    expect(smallData.licences).toHaveLength(50);
    expect(bigData.licences).toHaveLength(50_000);
    expect(bigData.issues).toEqual([]);
    expect(bigSyncs).toBe(smallSyncs);
    expect(bigSyncs).toBe(3);
    console.log(
      `load: ${smallSyncs} syncs for 50 licences, ${bigSyncs} for 50,000; max cells read ${big.session.stats.maxCellsRead}`,
    );
  }, 60_000);

  it("writes 200,000 installations with every request under 5 MB", async () => {
    const { session, register } = await freshWorkbook();
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
      `addMany 200,000 installations: ${session.stats.syncs} syncs, ${session.stats.requestBytes} bytes in all, largest request ${session.stats.maxRequestBytes} bytes`,
    );

    session.stats.reset();
    const data = await register.load();
    expect(data.installations).toHaveLength(200_000);
    expect(data.issues).toEqual([]);
    console.log(
      `load 200,000 installations: ${session.stats.syncs} syncs, max cells read ${session.stats.maxCellsRead}`,
    );

    if (!added.ok) return;
    session.stats.reset();
    const changed = data.installations.map((installation) => ({ ...installation, notes: "Audited" }));
    const saved = await register.updateMany("installations", changed);
    expect(saved.ok).toBe(true);
    expect(session.stats.maxRequestBytes).toBeLessThanOrEqual(4_000_000);
    console.log(
      `updateMany 200,000 installations: ${session.stats.syncs} syncs, largest request ${session.stats.maxRequestBytes} bytes`,
    );
    const reloaded = await register.load();
    expect(
      reloaded.installations.every(
        (installation) => installation.notes === "Audited" && installation.rowVersion === 2,
      ),
    ).toBe(true);
  }, 120_000);
});
