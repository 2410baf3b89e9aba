/**
 * The same figures whether Excel passes a blank cell as null (Excel on the web) or as 0 (Excel on Windows,
 * office-js #4702 and #5262): every LICENSE function over cells, and the Licences table's computed columns,
 * calculated by the in-memory host's engine under both conventions.
 */
import { isoDateToExcelSerial, todayIsoDate } from "../../src/domain/dates";
import { LICENCE_FIGURES } from "../../src/domain/licenceFigures";
import { LICENCE_COMPUTED_LABELS as C, LICENCE_LABELS as L } from "../../src/domain/labels";
import { columnLetter } from "../../src/workbook/cells";
import { computePosition } from "../../src/domain/position";
import { LICENSE_FUNCTIONS, STREAMING_FUNCTIONS } from "../../src/functions/functionTable";
import { attachCalculation, createInMemoryWorkbook, type CalculationEngine } from "../../src/host";
import { AS_OF, licence, liveErrors, liveFixture, settle, type LiveFixture } from "./liveHarness";

const CONVENTIONS = [
  ["the web (null)", null],
  ["Windows (0)", 0],
] as const;
const serial = isoDateToExcelSerial;
const today = serial(AS_OF);
/** What a blank as-of date means: the real today, where the functions run. */
const realToday = serial(todayIsoDate());
type Expected = number | string | { error: string; message: string };

/**
 * Each case: the cells A:F of one row (""  is an empty cell) and a formula over them, with what it must show.
 * The blank cells are the point: they are what people leave empty in the register.
 */
const CASES: [string, unknown[], string, Expected][] = [
  ["AVAILABLE, blank used and unlimited", [10, "", ""], "=LICENSE.AVAILABLE(A{r},B{r},C{r})", 10],
  [
    "AVAILABLE, blank quantity of an unlimited licence",
    ["", 4, true],
    "=LICENSE.AVAILABLE(A{r},B{r},C{r})",
    "Unlimited",
  ],
  ["AVAILABLE, blank quantity counts as 0", ["", 4, ""], "=LICENSE.AVAILABLE(A{r},B{r},C{r})", 0],
  ["SHORTFALL, blank quantity", ["", 3, ""], "=LICENSE.SHORTFALL(A{r},B{r},C{r})", 3],
  [
    "COMPLIANCE, blank threshold is 0.8",
    [10, 5, "", ""],
    "=LICENSE.COMPLIANCE(A{r},B{r},C{r},D{r})",
    "Under-utilized",
  ],
  ["COMPLIANCE, blank used", [0, "", "", ""], "=LICENSE.COMPLIANCE(A{r},B{r},C{r},D{r})", "Compliant"],
  ["TRUEUP, blank unit cost", [10, 12, "", ""], "=LICENSE.TRUEUP(A{r},B{r},C{r},D{r})", 0],
  [
    "ANNUALCOST, blank term of a Monthly licence",
    [100, "Monthly", ""],
    "=LICENSE.ANNUALCOST(A{r},B{r},C{r})",
    1200,
  ],
  [
    "ANNUALCOST, blank term of a One-time licence",
    [3600, "One-time", ""],
    "=LICENSE.ANNUALCOST(A{r},B{r},C{r})",
    0,
  ],
  ["ANNUALCOST, blank cost", ["", "Annual", ""], "=LICENSE.ANNUALCOST(A{r},B{r},C{r})", 0],
  [
    "ANNUALCOST, blank pricing model is One-time",
    [3600, "", 36],
    "=LICENSE.ANNUALCOST(A{r},B{r},C{r})",
    1200,
  ],
  [
    "ANNUALCOST, blank term of a Multi-year licence says what to fill",
    [3600, "Multi-year", ""],
    "=LICENSE.ANNUALCOST(A{r},B{r},C{r})",
    {
      error: "#N/A",
      message: "termMonths is blank, but Multi-year pricing needs it: give the length of the term in months",
    },
  ],
  [
    "RENEWALSTATUS, due in 20 days with a blank notice period",
    [today + 20, "", "", "", today, ""],
    "=LICENSE.RENEWALSTATUS(A{r},B{r},C{r},D{r},E{r},F{r})",
    "Renewal due",
  ],
  [
    "RENEWALSTATUS, blank expiry",
    ["", "", "", "", today, ""],
    "=LICENSE.RENEWALSTATUS(A{r},B{r},C{r},D{r},E{r},F{r})",
    "Active",
  ],
  [
    "RENEWALSTATUS, blank as-of is today",
    [realToday - 1, "", "", "", "", ""],
    "=LICENSE.RENEWALSTATUS(A{r},B{r},C{r},D{r},E{r},F{r})",
    "Expired",
  ],
  [
    "DAYSTOEXPIRY, blank expiry",
    ["", today],
    "=LICENSE.DAYSTOEXPIRY(A{r},B{r})",
    { error: "#N/A", message: "expiry is blank" },
  ],
  ["DAYSTOEXPIRY, blank as-of is today", [realToday + 30, ""], "=LICENSE.DAYSTOEXPIRY(A{r},B{r})", 30],
];

describe.each(CONVENTIONS)(
  "the function table with blank cells as Excel on %s passes them",
  (_name, emptyCell) => {
    let engine: CalculationEngine;
    afterEach(() => engine.detach());

    test("each function gives the figure a person expects", async () => {
      const workbook = createInMemoryWorkbook();
      engine = attachCalculation(workbook, {
        functions: LICENSE_FUNCTIONS as never,
        streaming: STREAMING_FUNCTIONS,
        today: () => today,
        emptyCell,
      });
      const session = workbook.session("auditor");
      await session.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Sheet1");
        CASES.forEach(([, cells, formula], index) => {
          const row = index + 1;
          const inputs = [...cells, "", "", "", "", "", ""].slice(0, 6);
          sheet.getRange(`A${row}:F${row}`).values = [inputs as (string | number | boolean)[]];
          sheet.getRange(`G${row}`).formulas = [[formula.replaceAll("{r}", String(row))]];
        });
        // COUNTUSED over a column with gaps: the blank keys are no device, and no licence.
        sheet.getRange("I1:J5").values = [
          ["LIC-1", "PC-1"],
          ["LIC-1", ""],
          ["", ""],
          ["LIC-1", "PC-2"],
          ["LIC-2", "PC-3"],
        ];
        sheet.getRange("K1:K3").formulas = [
          ["=LICENSE.COUNTUSED(I1,I1:I5,J1:J5)"],
          ["=LICENSE.COUNTUSED(I3,I1:I5,J1:J5)"],
          ["=LICENSE.COUNTUSED(I1,I1:I5)"],
        ];
        await context.sync();
      });
      await engine.whenIdle();

      const shown = CASES.map(([name], index) => {
        const address = `G${index + 1}`;
        const error = engine.cellError("Sheet1", address);
        return [name, error ?? engine.describeCell("Sheet1", address).value];
      });
      expect(shown).toEqual(
        CASES.map(([name, , , expected]) => [
          name,
          typeof expected === "object"
            ? { code: expected.error, message: expect.stringContaining(expected.message) }
            : expected,
        ]),
      );
      expect(["K1", "K2", "K3"].map((a) => engine.describeCell("Sheet1", a).value)).toEqual([2, 0, 3]);
    });
  },
);

describe.each(CONVENTIONS)(
  "the Licences table with blank cells as Excel on %s passes them",
  (_name, emptyCell) => {
    let fixture: LiveFixture;
    let engine: CalculationEngine;

    beforeEach(async () => {
      liveErrors.length = 0;
      fixture = await liveFixture();
      // Blank Term, blank Renewal Notice, blank Cost and an expiry in 20 days: the common case.
      const added = await fixture.register.addMany("licences", [
        licence("LIC-BLANKS", { cost: undefined, termMonths: undefined, expiryDate: "2026-12-17" }),
        licence("LIC-MONTHLY", {
          pricingModel: "Monthly",
          cost: 25,
          expiryDate: "2026-12-17",
          autoRenew: true,
        }),
      ]);
      if (!added.ok) throw new Error(added.error.message);
      engine = attachCalculation(fixture.workbook, {
        functions: LICENSE_FUNCTIONS as never,
        streaming: STREAMING_FUNCTIONS,
        today: () => today,
        emptyCell,
      });
      await settle(fixture.live);
      await engine.whenIdle();
    });
    afterEach(() => {
      engine.detach();
      fixture.live.stop();
      expect(liveErrors).toEqual([]);
    });

    test("every computed cell is the register's own figure, never an error", async () => {
      const want = computePosition(await fixture.register.load(), AS_OF);
      const { values } = fixture.workbook.readSheet("Licences");
      const headers = values[0].map(String);
      const computed = Object.values(C);
      for (const row of values.slice(1)) {
        const position = want.licences.get(String(row[0]))!;
        const cells = computed.map((header) => row[headers.indexOf(header)]);
        expect([row[0], ...cells]).toEqual([
          row[0],
          ...computed.map((header) => LICENCE_FIGURES[header](position)),
        ]);
      }
      const blanks = values.find((row) => row[0] === "LIC-BLANKS")!;
      expect(blanks[headers.indexOf(C.annualCost)]).toBe(0);
      expect(blanks[headers.indexOf(C.renewalStatus)]).toBe("Renewal due");
      const monthly = values.find((row) => row[0] === "LIC-MONTHLY")!;
      expect(monthly[headers.indexOf(C.annualCost)]).toBe(300);
      expect(monthly[headers.indexOf(C.renewalStatus)]).toBe("Auto-renews");
    });

    test("a row with a missing cell says, in every computed column, which cell to fill; filling it brings the figures back", async () => {
      const { values } = fixture.workbook.readSheet("Licences");
      const headers = values[0].map(String);
      const row = values.findIndex((cells) => cells[0] === "LIC-MONTHLY") + 1;
      const cell = (header: string) => `${columnLetter(headers.indexOf(header))}${row}`;
      const termCell = cell(L.termMonths);

      fixture.workbook.typeIntoCell("Licences", cell(L.pricingModel), "Multi-year");
      await settle(fixture.live);
      await engine.whenIdle();
      for (const header of Object.values(C)) {
        expect([header, engine.cellError("Licences", cell(header))]).toEqual([
          header,
          {
            code: "#N/A",
            message: `Correct cell ${termCell} (${L.termMonths}): ${L.termMonths} is required for Multi-year pricing: enter the length of the term in months. Until then this licence is left out of the register's figures.`,
          },
        ]);
      }

      fixture.workbook.typeIntoCell("Licences", termCell, "12");
      await settle(fixture.live);
      await engine.whenIdle();
      expect(engine.cellError("Licences", cell(C.annualCost))).toBeUndefined();
      expect(engine.describeCell("Licences", cell(C.annualCost)).value).toBe(25);
    });
  },
);
