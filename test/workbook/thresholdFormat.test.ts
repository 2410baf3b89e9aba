/**
 * The Settings sheet shows the Under-use Threshold as the register keeps it: 81.25% as 81.25%, 82.5% as 82.5%,
 * 80% as 80.0%, not rounded. A workbook set up before, its cell still in an earlier format ("0%", then "0.0%"),
 * gets the new format the next time set-up runs; a format someone chose for that cell stays.
 */
import { freshWorkbook, type Session, type Workbook } from "./fixtures";

const UPGRADED =
  "Settings: Under-use Threshold shows as it is kept, to up to three decimal places: 81.25% no longer shows rounded to 81.3% or 81%.";

function thresholdCell(workbook: Workbook): string {
  const row = workbook.readSheet("Settings").values.findIndex((r) => r[0] === "Under-use Threshold");
  return `B${row + 1}`;
}

/** The threshold cell as Excel shows it (Range.text) and its number format. */
async function shown(session: Session, address: string): Promise<{ text: string; format: string }> {
  return session.run(async (context) => {
    const cell = context.workbook.worksheets.getItem("Settings").getRange(address).load("text,numberFormat");
    await context.sync();
    return { text: String(cell.text[0][0]), format: String(cell.numberFormat[0][0]) };
  });
}

async function formatCell(session: Session, address: string, format: string): Promise<void> {
  await session.run(async (context) => {
    context.workbook.worksheets.getItem("Settings").getRange(address).numberFormat = [[format]];
    await context.sync();
  });
}

it("shows the threshold as kept on a new workbook: 80.0%, and 82.5% and 81.25% as saved", async () => {
  const { workbook, session, register } = await freshWorkbook();
  const cell = thresholdCell(workbook);
  expect(await shown(session, cell)).toEqual({ text: "80.0%", format: "0.0##%" });

  for (const [threshold, text] of [
    [0.825, "82.5%"],
    [0.8125, "81.25%"],
  ] as const) {
    const settings = (await register.load()).settings;
    expect((await register.updateSettings({ ...settings, underUseThreshold: threshold }, settings)).ok).toBe(
      true,
    );
    expect(await shown(session, cell)).toEqual({ text, format: "0.0##%" });
  }
});

it.each([
  ["0%", "81%"],
  ["0.0%", "81.3%"],
])(
  "gives a threshold cell still formatted %s the new format when set-up runs again, once",
  async (former, before) => {
    const { workbook, session, register } = await freshWorkbook();
    const cell = thresholdCell(workbook);
    const settings = (await register.load()).settings;
    await register.updateSettings({ ...settings, underUseThreshold: 0.8125 }, settings);
    await formatCell(session, cell, former);
    expect((await shown(session, cell)).text).toBe(before);

    const report = await register.setUp();
    expect(report.ok && report.value.upgraded).toEqual([UPGRADED]);
    expect(await shown(session, cell)).toEqual({ text: "81.25%", format: "0.0##%" });
    expect(workbook.readSheet("Settings").values.find((r) => r[0] === "Under-use Threshold")?.[1]).toBe(
      0.8125,
    );

    const again = await register.setUp();
    expect(again.ok && again.value.upgraded).toEqual([]);
    expect(again.ok && again.value.unchanged).toContain("Settings");
  },
);

it("leaves a format someone chose for the threshold cell as it is", async () => {
  const { workbook, session, register } = await freshWorkbook();
  const cell = thresholdCell(workbook);
  await formatCell(session, cell, "0.00%");

  const report = await register.setUp();
  expect(report.ok && report.value.upgraded).toEqual([]);
  expect(await shown(session, cell)).toEqual({ text: "80.00%", format: "0.00%" });
});
