/**
 * Built-in functions and operators as Excel computes them, written as data: each formula goes into one cell
 * of a sheet holding the values below, and the cell (or the area it spills) must show what Excel shows.
 * Expected values come from Microsoft Learn's page for each function.
 */
import { parseAddress } from "../../../src/host/addresses";
import { calcWorkbook } from "./support";

const TODAY = 46_353; // 2026-11-27

/**
 *      A        B          C     E (table T: Item, Qty, Double)
 * 1    1        Apple      10    Item    Qty    Double
 * 2    2        banana     20    pen     3
 * 3    '3       APPLE      30    ink     5
 * 4    TRUE     cherry           pad     7
 * 5    (blank)  (blank)
 * 6    apple    b*
 */
async function sheet() {
  const book = calcWorkbook({}, { today: () => TODAY });
  await book.session.run(async (context) => {
    const s = context.workbook.worksheets.getItem("Sheet1");
    s.getRange("A1:C6").values = [
      [1, "Apple", 10],
      [2, "banana", 20],
      ["'3", "APPLE", 30],
      [true, "cherry", ""],
      ["", "", ""],
      ["apple", "b*", ""],
    ];
    s.getRange("E1:G4").values = [
      ["Item", "Qty", "Double"],
      ["pen", 3, ""],
      ["ink", 5, ""],
      ["pad", 7, ""],
    ];
    s.tables.add("E1:G4", true).name = "T";
    await context.sync();
  });
  return book;
}

type Expected = string | number | boolean | (string | number | boolean)[][];

/** Writes the formula to M20 and reads what it shows there (the whole area when it spills). */
async function shows(
  book: Awaited<ReturnType<typeof sheet>>,
  formula: string,
  at = "M20",
): Promise<Expected> {
  await book.write(at, [[formula]]);
  await book.settle();
  const described = book.engine.describeCell("Sheet1", at);
  if (!described.spill) return described.value;
  const values = book.workbook.readSheet("Sheet1").values;
  const area = parseAddress(described.spill)!.rect;
  return values
    .slice(area.row, area.row + area.rowCount)
    .map((r) => r.slice(area.column, area.column + area.columnCount)) as Expected;
}

const CASES: [string, Expected][] = [
  // operators and conversions
  ["=1+2*3", 7],
  ["=-2^2", 4],
  ["=2^3^2", 64],
  ["=10%", 0.1],
  ['="a"&1&TRUE', "a1TRUE"],
  ['=1/3&""', "0.333333333333333"],
  ["=1/0", "#DIV/0!"],
  ['="2"+1', 3],
  ['="x"+1', "#VALUE!"],
  ['="a"="A"', true],
  ['=1="1"', false],
  ['="b">"A"', true],
  ["=TRUE>1", true],
  ["=A5", 0],
  ["=A5=0", true],
  ['=A5=""', true],
  // aggregates: text, logicals and blanks in ranges are skipped; typed arguments convert
  ["=SUM(A1:A6)", 3],
  ['=SUM(1,"2",TRUE)', 4],
  ['=SUM("x")', "#VALUE!"],
  ["=SUM(A1:C3)", 63],
  ["=AVERAGE(A1:A6)", 1.5],
  ["=MAX(A1:A6)", 2],
  ["=MIN(C1:C3)", 10],
  ["=COUNT(A1:A6)", 2],
  ["=COUNTA(A1:A6)", 5],
  ["=COUNTBLANK(A1:A6)", 1],
  // criteria
  ['=COUNTIF(B1:B6,"apple")', 2],
  ['=COUNTIF(B1:B6,"b*")', 2],
  ['=COUNTIF(B1:B6,"b~*")', 1],
  ['=COUNTIF(B1:B6,"?????")', 2],
  ['=COUNTIF(C1:C3,">15")', 2],
  ['=COUNTIF(B1:B6,"<>apple")', 4],
  ['=COUNTIF(B1:B6,"")', 1],
  ["=COUNTIF(A1:A6,3)", 1],
  ['=COUNTIF(A1:A6,">0")', 2],
  ["=COUNTIF(A1:A6,TRUE)", 1],
  ['=COUNTIFS(B1:B3,"apple",C1:C3,">15")', 1],
  ['=COUNTIFS(B1:B3,"apple",C1:C2,">15")', "#VALUE!"],
  ["=COUNTIF({1,2},1)", "#VALUE!"],
  ['=SUMIF(C1:C3,">15")', 50],
  ['=SUMIF(B1:B3,"apple",C1:C3)', 40],
  ['=SUMIF(B1:B3,"apple",C1)', 40],
  ['=SUMIFS(C1:C3,A1:A3,">0")', 30],
  ['=AVERAGEIF(C1:C3,">10")', 25],
  ['=AVERAGEIFS(C1:C3,C1:C3,">99")', "#DIV/0!"],
  ['=MAXIFS(C1:C3,C1:C3,"<30")', 20],
  ['=MINIFS(C1:C3,B1:B3,"apple")', 10],
  ["=SUMPRODUCT(C1:C3,{1;0;1})", 40],
  ["=SUMPRODUCT((C1:C3>15)*1)", 2],
  ["=SUMPRODUCT(A1:A3,C1:C3)", 50],
  ["=SUMPRODUCT(C1:C3,{1;2})", "#VALUE!"],
  // lookups
  ["=INDEX(C1:C3,2)", 20],
  ["=INDEX(A1:C3,2,3)", 20],
  ["=SUM(INDEX(A1:C3,0,3))", 60],
  ["=INDEX(C1:C3,4)", "#REF!"],
  ["=INDEX({1,2,3},2)", 2],
  ["=ROWS(A1:C3)", 3],
  ["=COLUMNS(A1:C3)", 3],
  ['=MATCH("BANANA",B1:B6,0)', 2],
  ['=MATCH("ch*",B1:B6,0)', 4],
  ["=MATCH(25,C1:C3,1)", 2],
  ["=MATCH(25,C1:C3)", 2],
  ["=MATCH(5,C1:C3,0)", "#N/A"],
  ['=MATCH(1,{"1",1},0)', 2],
  ["=VLOOKUP(20,C1:C3,1,FALSE)", 20],
  ['=VLOOKUP("ink",T,2,FALSE)', 5],
  ['=INDEX(T[Qty],MATCH("ink",T[Item],0))', 5],
  ["=XLOOKUP(20,C1:C3,B1:B3)", "banana"],
  ['=XLOOKUP(99,C1:C3,B1:B3,"none")', "none"],
  ["=XLOOKUP(25,C1:C3,B1:B3,,-1)", "banana"],
  // logical
  ['=IF(1>2,"a","b")', "b"],
  ["=IF(FALSE,1)", false],
  ["=IF(TRUE,,1)", 0],
  ['=IF("x",1,2)', "#VALUE!"],
  ['=IFERROR(1/0,"x")', "x"],
  ['=IFNA(MATCH(5,C1:C3,0),"no")', "no"],
  ["=IFNA(1/0,1)", "#DIV/0!"],
  ['=CHOOSE(2,"a","b")', "b"],
  ['=CHOOSE(3,"a","b")', "#VALUE!"],
  ["=AND(TRUE,1)", true],
  ["=OR(FALSE,0)", false],
  ["=AND(A1:A6)", true],
  ['=AND("x")', "#VALUE!"],
  ["=NOT(0)", true],
  // information
  ["=ISBLANK(A5)", true],
  ["=ISNUMBER(A3)", false],
  ["=ISTEXT(A3)", true],
  ["=ISERROR(1/0)", true],
  ["=ISNA(NA())", true],
  ["=ISERR(NA())", false],
  // text and maths (the library's)
  ["=LEN(123)", 3],
  ['=LEFT("abc",2)', "ab"],
  ['=RIGHT("abc")', "c"],
  ['=UPPER("a")', "A"],
  ['=TRIM("  a  b ")', "a b"],
  ['=SUBSTITUTE("a-b-c","-","+")', "a+b+c"],
  ['=CONCAT("a",C1:C2)', "a1020"],
  ['=TEXTJOIN(",",TRUE,A4:A6)', "TRUE,apple"],
  ['=EXACT("a","A")', false],
  ['=VALUE("1,234.5")', 1234.5],
  ["=ROUND(2.345,2)", 2.35],
  ["=ROUND(-2.5,0)", -3],
  ["=ROUNDUP(1.21,1)", 1.3],
  ["=INT(-2.5)", -3],
  ["=MOD(-3,2)", 1],
  ["=ABS(-2)", 2],
  // dates (serial numbers)
  ["=TODAY()", TODAY],
  ["=DATE(2026,1,31)", 46_053],
  ["=YEAR(46053)", 2026],
  ["=MONTH(46053)", 1],
  ["=DAY(46053)", 31],
  ["=EDATE(46053,1)", 46_081],
  ["=EOMONTH(46053,0)", 46_053],
  ["=DAYS(46081,46053)", 28],
  ["=DATE(2026,13,1)", 46_388],
  // dynamic arrays
  [
    "={1,2;3,4}",
    [
      [1, 2],
      [3, 4],
    ],
  ],
  ["=C1:C3*2", [[20], [40], [60]]],
  ["=SORT({3;1;2})", [[1], [2], [3]]],
  [
    '=SORT({3,"b";1,"a";2,"c"},2,-1)',
    [
      [2, "c"],
      [3, "b"],
      [1, "a"],
    ],
  ],
  ["=FILTER(C1:C3,C1:C3>15)", [[20], [30]]],
  ["=FILTER(C1:C3,C1:C3>99)", "#CALC!"],
  ['=FILTER(C1:C3,C1:C3>99,"none")', "none"],
  ["=UNIQUE({1;2;1})", [[1], [2]]],
  ["=SEQUENCE(3)", [[1], [2], [3]]],
  ["=TRANSPOSE({1,2})", [[1], [2]]],
  [
    "=CHOOSE({1,2},C1:C2,{5;6})",
    [
      [10, 5],
      [20, 6],
    ],
  ],
  ["=IF(C1:C3>15,1,0)", [[0], [1], [1]]],
  // structured references
  ["=SUM(T[Qty])", 15],
  ["=ROWS(T[#All])", 4],
  ["=ROWS(T[[#Headers],[Item]])", 1],
  ["=COLUMNS(T[[Item]:[Qty]])", 2],
  ["=COLUMNS(T)", 3],
  ["=ROWS(T)", 3],
  ["=[@Qty]", "#REF!"],
  ["=T[Nope]", "#REF!"],
  // not in Excel 2021, or not evaluated here: #NAME?
  ["=HSTACK(1,2)", "#NAME?"],
  ['=TEXT(1,"0")', "#NAME?"],
  ["=NoSuchName", "#NAME?"],
];

describe("built-in functions show what Excel shows", () => {
  let book: Awaited<ReturnType<typeof sheet>>;
  beforeAll(async () => {
    book = await sheet();
  });

  test.each(CASES)("%s", async (formula, expected) => {
    expect(await shows(book, formula)).toEqual(expected);
  });

  test("[@Column] reads the formula's own row of the table", async () => {
    await book.write("G2:G4", [["=[@Qty]*2"], ["=[@Qty]*2"], ["=[@Qty]*2"]]);
    await book.settle();
    expect(["G2", "G3", "G4"].map((a) => book.value(a))).toEqual([6, 10, 14]);
    await book.write("F3", [[8]]);
    await book.settle();
    expect(book.value("G3")).toBe(16);
  });

  test("a spill reference covers what its anchor spills, and follows it", async () => {
    await book.write("H1:I2", [
      ["=SEQUENCE(B10)", "=SUM(H1#)"],
      ["", "=ROWS(H1#)"],
    ]);
    await book.write("B10", [[3]]);
    await book.settle();
    expect([book.value("I1"), book.value("I2")]).toEqual([6, 3]);
    await book.write("B10", [[4]]);
    await book.settle();
    expect([book.value("I1"), book.value("I2")]).toEqual([10, 4]);
    await book.write("I3", [["=SUM(C1#)"]]);
    await book.settle();
    expect(book.value("I3")).toBe("#REF!");
    expect(book.engine.cellError("Sheet1", "I3")?.message).toMatch(/C1# refers to what C1 spills/);
  });

  test("a function newer than Excel 2021 says so in the cell's message", async () => {
    await book.write("Z1", [["=HSTACK(1,2)"]]);
    await book.settle();
    expect(book.engine.cellError("Sheet1", "Z1")?.message).toMatch(/not in Excel 2021/);
  });
});
