import { createInMemoryWorkbook } from "../../src/host";
import { seedSynthetic } from "../../src/playground/seedSynthetic";
import { syntheticRegister, syntheticRegisterPaced } from "../../src/playground/syntheticRegister";
import { createWorkbookRegister } from "../../src/workbook/createWorkbookRegister";

const TODAY = "2026-11-27";

describe("the playground's synthetic register of N licences", () => {
  it("is made a step at a time, giving the page turns, and is the same register the benchmark measures", async () => {
    let pauses = 0;
    const shares: number[] = [];
    const paced = await syntheticRegisterPaced(1_000, {
      pause: () => {
        pauses++;
        return Promise.resolve();
      },
      onProgress: (share) => shares.push(share),
      seed: 20261127,
      today: TODAY,
    });

    expect(paced).toEqual(syntheticRegister(1_000, 20261127, TODAY));
    expect(pauses).toBeGreaterThanOrEqual(5);
    expect(shares).toEqual([...shares].sort((a, b) => a - b));
    expect(shares[shares.length - 1]).toBeLessThanOrEqual(1);
  });

  it("is written into the tables row for row, saying how far it has got", async () => {
    const workbook = createInMemoryWorkbook({ profile: "web" });
    const progress: { message: string; share: number }[] = [];
    await seedSynthetic(workbook, 40, {
      today: TODAY,
      onProgress: (message, share) => progress.push({ message, share }),
    });

    const session = workbook.session("Reader");
    const loaded = await createWorkbookRegister({ run: (batch) => session.run(batch) }).load();
    const expected = syntheticRegister(40, undefined, TODAY);
    expect(loaded.licences.map((licence) => licence.id)).toEqual(
      expected.licences.map((licence) => licence.id),
    );
    expect(loaded.installations.map((row) => [row.id, row.device])).toEqual(
      expected.installations.map((row) => [row.id, row.device]),
    );
    expect(loaded.allocations).toHaveLength(expected.allocations.length);

    const rows = expected.software.length + 40 + expected.installations.length + expected.allocations.length;
    const last = progress[progress.length - 1];
    expect(last.message).toBe(
      `Writing 40 licences and their rows into the tables: ${rows.toLocaleString("en-GB")} of ${rows.toLocaleString("en-GB")} rows…`,
    );
    expect(last.share).toBe(1);
    expect(progress.map((step) => step.share)).toEqual(
      progress.map((step) => step.share).sort((a, b) => a - b),
    );
  });
});
