/**
 * The Settings sheet shows the Under-use Threshold as the register keeps it: 82.5% as 82.5%, not rounded to
 * 83%. A workbook set up before, its cell still "0%", gets the new format the next time set-up runs; a format
 * someone chose for that cell stays.
 */
import { freshWorkbook, type Session, type Workbook } from "./fixtures";

const UPGRADED =
  "Settings: Under-use Threshold shows to one decimal place, as it is kept: 82.5% no longer shows as 83%.";

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

it("shows the threshold to one decimal place on a new workbook: 80.0%, and 82.5% as saved", async () => {
  const { workbook, session, register } = await freshWorkbook();
  const cell = thresholdCell(workbook);
  expect(await shown(session, cell)).toEqual({ text: "80.0%", format: "0.0%" });

  const settings = (await register.load()).settings;
  expect((await register.updateSettings({ ...settings, underUseThreshold: 0.825 }, settings)).ok).toBe(true);
  expect(await shown(session, cell)).toEqual({ text: "82.5%", format: "0.0%" });
});

it("gives a threshold cell still formatted 0% the new format when set-up runs again, once", async () => {
  const { workbook, session, register } = await freshWorkbook();
  const cell = thresholdCell(workbook);
  const settings = (await register.load()).settings;
  await register.updateSettings({ ...settings, underUseThreshold: 0.825 }, settings);
  await formatCell(session, cell, "0%");
  expect((await shown(session, cell)).text).toBe("83%");

  const report = await register.setUp();
  expect(report.ok && report.value.upgraded).toEqual([UPGRADED]);
  expect(await shown(session, cell)).toEqual({ text: "82.5%", format: "0.0%" });
  expect(workbook.readSheet("Settings").values.find((r) => r[0] === "Under-use Threshold")?.[1]).toBe(0.825);

  const again = await register.setUp();
  expect(again.ok && again.value.upgraded).toEqual([]);
  expect(again.ok && again.value.unchanged).toContain("Settings");
});

it("leaves a format someone chose for the threshold cell as it is", async () => {
  const { workbook, session, register } = await freshWorkbook();
  const cell = thresholdCell(workbook);
  await formatCell(session, cell, "0.00%");

  const report = await register.setUp();
  expect(report.ok && report.value.upgraded).toEqual([]);
  expect(await shown(session, cell)).toEqual({ text: "80.00%", format: "0.00%" });
});
