import { LICENCE_LABELS } from "../../src/domain/labels";
import { freshWorkbook } from "./fixtures";

/** Range.columnHidden as Excel keeps it: set-up hides the Licence Key column, a person may show it again. */
describe("hidden columns", () => {
  it("set-up creates the Licences table with its Licence Key column hidden, and nothing else hidden", async () => {
    const { workbook } = await freshWorkbook();
    const sheet = workbook.describeSheet("Licences");
    const headers = workbook.readSheet("Licences").values[0];
    const keyLetter = String.fromCharCode(65 + headers.indexOf(LICENCE_LABELS.licenceKey));
    expect(sheet.hiddenColumns).toEqual([keyLetter]);
  });

  it("reads back true, false, or null for a range that is partly hidden; showing it again is kept", async () => {
    const { session } = await freshWorkbook();
    const read = () =>
      session.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Notes");
        const b = sheet.getRange("B:B").load("columnHidden");
        const ac = sheet.getRange("A:C").load("columnHidden");
        const a = sheet.getRange("A:A").load("columnHidden");
        await context.sync();
        return [a.columnHidden, b.columnHidden, ac.columnHidden];
      });
    await session.run(async (context) => {
      context.workbook.worksheets.add("Notes");
      context.workbook.worksheets.getItem("Notes").getRange("B:B").columnHidden = true;
      await context.sync();
    });
    expect(await read()).toEqual([false, true, null]);
    await session.run(async (context) => {
      context.workbook.worksheets.getItem("Notes").getRange("A:C").columnHidden = false;
      await context.sync();
    });
    expect(await read()).toEqual([false, false, false]);
  });

  it("a protected sheet refuses hiding a column unless formatting columns is allowed", async () => {
    const { session } = await freshWorkbook();
    await session.run(async (context) => {
      context.workbook.worksheets.add("Locked");
      context.workbook.worksheets.getItem("Locked").protection.protect();
      await context.sync();
    });
    await expect(
      session.run(async (context) => {
        context.workbook.worksheets.getItem("Locked").getRange("C:C").columnHidden = true;
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "AccessDenied" });
  });
});
