import { createInMemoryWorkbook } from "../../src/host";
import { failureSentence } from "../../src/taskpane/messages";
import { backgroundErrors, fullLicence, registerOn, type Workbook } from "./fixtures";

/**
 * What the register does only when the person acts arrives in its own script on first use
 * (createWorkbookRegister.ts). Here that script cannot load, as when the connection drops, until the test says
 * the connection is back: the module's factory throws as webpack's chunk loading does.
 */
let mockOffline = true;
jest.mock("../../src/workbook/registerActions", () => {
  if (mockOffline) throw new Error("Loading chunk workbook-actions failed.");
  return jest.requireActual("../../src/workbook/registerActions");
});

/** Every cell, table and sheet of the workbook. */
function everything(workbook: Workbook) {
  return JSON.stringify({
    sheets: workbook.sheetNames().map((sheet) => [sheet, workbook.readSheet(sheet)]),
    tables: workbook.tableNames(),
  });
}

const UNAVAILABLE = (doing: string) =>
  `Could not ${doing}: this part of the add-in could not load, so nothing was changed. Check your connection, then try again.`;

test("an action whose script cannot load says what to do next and changes nothing; it works once the script loads", async () => {
  const workbook = createInMemoryWorkbook();
  const register = registerOn(workbook.session("alice"));
  const before = everything(workbook);

  const setUp = await register.setUp();
  expect(setUp).toEqual({
    ok: false,
    error: { kind: "unavailable", message: UNAVAILABLE("set up the workbook") },
  });
  // what the pane shows: the sentence as it is, with nothing added that the person cannot act on
  expect(!setUp.ok && failureSentence(setUp.error, "set up the workbook")).toBe(
    UNAVAILABLE("set up the workbook"),
  );
  const added = await register.add("licences", fullLicence());
  expect(!added.ok && added.error.message).toBe(UNAVAILABLE("add the licence"));
  expect(everything(workbook)).toBe(before);
  expect(backgroundErrors.splice(0)).toHaveLength(2); // the console keeps the technical reason

  mockOffline = false; // the connection is back: the same register loads the script and acts
  expect((await register.setUp()).ok).toBe(true);
  const again = await register.add("licences", fullLicence());
  expect(again.ok).toBe(true);
  expect((await register.load()).licences.map((licence) => licence.id)).toEqual([again.ok && again.value.id]);
});
