import { licences, TODAY } from "./support/fixtures";
import {
  changedFields,
  checkDraft,
  draftFromLicence,
  emptyDraft,
  FORM_ORDER,
  ALL_FIELDS,
  invalidFieldsInFormOrder,
  licenceFromDraft,
  newLicenceFromDraft,
  parseNumberText,
} from "../../src/taskpane/licences/draft";
import { filterLicences, licenceRows, NO_FILTER } from "../../src/taskpane/licences/filterLicences";
import { formatDate, formatMoney, joinWithAnd, plural } from "../../src/taskpane/formatting";
import {
  conflictSentence,
  failureSentence,
  isNotSetUp,
  unexpectedSentence,
} from "../../src/taskpane/messages";
import { computePosition } from "../../src/domain/position";
import { DEFAULT_SETTINGS } from "../../src/domain/schemas";
import { software } from "./support/fixtures";

const known = new Set(["SW-ACRO", "SW-CAD", "SW-ZOOM"]);
const acrobat = licences[0];

describe("licence draft", () => {
  it("lists every field once in the form's order, and invalid fields in that order", () => {
    expect([...FORM_ORDER].sort()).toEqual([...ALL_FIELDS].sort());
    expect(new Set(FORM_ORDER).size).toBe(FORM_ORDER.length);
    // The definition order would give Currency, Quantity, Expiry Date.
    expect(
      invalidFieldsInFormOrder({ currency: "bad", expiryDate: "bad", quantity: "bad", softwareId: "bad" }),
    ).toEqual(["softwareId", "quantity", "currency", "expiryDate"]);
    expect(invalidFieldsInFormOrder({})).toEqual([]);
  });

  it("round-trips a licence through the draft unchanged", () => {
    const { errors, values } = checkDraft(draftFromLicence(acrobat), known);
    expect(errors).toEqual({});
    expect(licenceFromDraft(values, acrobat)).toEqual(acrobat);
  });

  it("keeps number text as typed and says what is wrong", () => {
    expect(parseNumberText(" 1,250 ")).toBe(1250);
    expect(parseNumberText("ten")).toBe("ten");
    expect(parseNumberText("")).toBeUndefined();
    const draft = { ...draftFromLicence(acrobat), quantity: "ten", peakConcurrentUse: "1.5", cost: "-3" };
    expect(checkDraft(draft, known).errors).toEqual({
      quantity: "Quantity must be a number: type it in figures, such as 25.",
      peakConcurrentUse: "Peak Concurrent Use must be a whole number: enter it without decimals, such as 25.",
      cost: "Cost cannot be negative: enter the amount without a minus sign.",
    });
  });

  it("reads costs with a currency sign and dates as people type them, in their locale", () => {
    const typed = {
      ...draftFromLicence(acrobat),
      cost: "£1,200.50",
      unitCost: "£ 240",
      expiryDate: "19 Nov 2030",
    };
    expect(checkDraft(typed, known, "en-GB").values).toMatchObject({
      cost: 1200.5,
      unitCost: 240,
      expiryDate: "2030-11-19",
    });
    const german = { ...typed, cost: "1.200,50 €", unitCost: "240 €", expiryDate: "19.11.2030" };
    expect(checkDraft(german, known, "de-DE").values).toMatchObject({
      cost: 1200.5,
      unitCost: 240,
      expiryDate: "2030-11-19",
    });
    const wrong = { ...typed, cost: "1.200,50 €", expiryDate: "31/02/2030" };
    expect(checkDraft(wrong, known, "en-GB").errors).toEqual({
      cost: "Cost must be a number: type it in figures, such as 1,200.50.",
      expiryDate: "Expiry Date is not a real date: enter one such as 31 Mar 2026, or clear it.",
    });
  });

  it("checks the rules between fields even when another field is invalid", () => {
    const draft = {
      ...draftFromLicence(acrobat),
      quantity: "ten",
      startDate: "2026-06-01",
      expiryDate: "2026-05-01",
    };
    expect(checkDraft(draft, known).errors.expiryDate).toBe(
      "Expiry Date must be after the Start Date (1 Jun 2026): correct whichever date is wrong.",
    );
  });

  it("holds a date typed part-way as its field's error, not as the blank its box reads as", () => {
    // Backspace in the month of Expiry Date: the box reads "" like a cleared one, and Vendor was changed too.
    const draft = { ...draftFromLicence(acrobat), expiryDate: "", vendor: "Insight", quantity: "ten" };
    const { errors, values } = checkDraft(draft, known, "en-GB", new Set(["expiryDate"] as const));
    expect(errors).toEqual({
      quantity: "Quantity must be a number: type it in figures, such as 25.",
      expiryDate: "Expiry Date is not a whole date: fill in the day, month and year, or clear it.",
    });
    expect(values).not.toHaveProperty("expiryDate");
    expect(values.vendor).toBe("Insight");
    // The same blank box, cleared on purpose, is no error for a perpetual licence.
    const cleared = { ...draft, quantity: "5", perpetual: true };
    expect(checkDraft(cleared, known, "en-GB").errors).toEqual({});
  });

  it("asks for the required fields of a new licence and software from the catalogue", () => {
    const { errors } = checkDraft({ ...emptyDraft(), softwareId: "Notepad" }, known);
    expect(errors).toMatchObject({
      softwareId: 'Pick the Software from the catalogue list, or use "Add software" to add it.',
      licenceType:
        "Licence Type is required: choose Perpetual, Subscription, Term, Trial, NFR, Educational, OEM or Volume License.",
      scope: "Scope is required: choose Enterprise, Site, Department, Project or Individual.",
      allocationRule:
        "Allocation Rule is required: choose User-based, Device-based, Concurrent, Floating or Site.",
      quantity: expect.stringMatching(/^Quantity is required unless the licence is Unlimited/),
    });
  });

  it("tracks which fields changed, ignoring surrounding spaces", () => {
    const saved = draftFromLicence(acrobat);
    expect(changedFields({ ...saved, vendor: " Softcat " }, saved)).toEqual([]);
    expect(changedFields({ ...saved, vendor: "Insight", unlimited: true }, saved)).toEqual([
      "vendor",
      "unlimited",
    ]);
  });

  it("builds a new record without an ID, blank text left out", () => {
    const draft = {
      ...emptyDraft(),
      softwareId: "SW-CAD",
      quantity: "3",
      licenceType: "Term",
      scope: "Site",
      allocationRule: "Site",
    };
    const record = newLicenceFromDraft(checkDraft(draft, known).values);
    expect(record).toMatchObject({ softwareId: "SW-CAD", quantity: 3, currency: "GBP", vendor: undefined });
    expect("id" in record && record.id !== undefined).toBe(false);
  });
});

describe("licence list filter", () => {
  const position = computePosition(
    { software, licences, allocations: [], installations: [], settings: DEFAULT_SETTINGS },
    TODAY,
  );
  const rows = licenceRows(licences, software);
  const positionOf = (id: string) => position.licences.get(id);

  it("matches search text in name, vendor, key and purchase order, ignoring case", () => {
    const names = (search: string) =>
      filterLicences(rows, { ...NO_FILTER, search }, 30, positionOf).map((row) => row.softwareName);
    expect(names("ACROBAT")).toEqual(["Adobe Acrobat Pro"]);
    expect(names("autodesk")).toEqual(["AutoCAD"]);
    expect(names("po-300")).toEqual(["Zoom Workplace"]);
    expect(names("")).toHaveLength(3);
  });

  it("counts only licences expiring within the window as expiring soon", () => {
    expect(
      filterLicences(rows, { ...NO_FILTER, expiringSoon: true }, 30, positionOf).map((row) => row.licence.id),
    ).toEqual(["LIC-ACRO"]);
    expect(filterLicences(rows, { ...NO_FILTER, expiringSoon: true }, 10, positionOf)).toEqual([]);
  });
});

describe("formatting and messages", () => {
  it("formats dates, money and counts the British way", () => {
    expect(formatDate("2026-03-31")).toBe("31 Mar 2026");
    expect(formatMoney(1250, "GBP")).toBe("£1,250.00");
    expect(formatMoney(10, "EUR")).toBe("€10.00");
    expect(plural(1, "licence")).toBe("1 licence");
    expect(plural(1200, "licence")).toBe("1,200 licences");
    expect(joinWithAnd(["Quantity", "Vendor", "Cost"])).toBe("Quantity, Vendor and Cost");
  });

  it("names changed fields by their labels", () => {
    expect(conflictSentence(["quantity", "vendor", "rowVersion"])).toBe(
      "Someone else changed Quantity and Vendor of this licence while you were editing.",
    );
    expect(conflictSentence([])).toBe("Someone else changed this licence while you were editing.");
  });

  it("turns failures into sentences with a next step, never a stack trace", () => {
    expect(failureSentence({ kind: "failed", message: "Excel is busy." }, "save the licence")).toBe(
      "Could not save the licence: Excel is busy. Try again; if it keeps happening, save the workbook and reopen it.",
    );
    const spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
    const error = new Error("boom");
    expect(unexpectedSentence(error, "load")).toBe(
      "Could not load (boom). Try again; if it keeps happening, save the workbook and reopen the add-in.",
    );
    expect(unexpectedSentence(new Error("line 1\n    at x (y.js:1)"), "load")).not.toContain("at x");
    spy.mockRestore();
    expect(isNotSetUp({ kind: "not-set-up", message: "" })).toBe(true);
    expect(isNotSetUp(new Error("nope"))).toBe(false);
  });
});
