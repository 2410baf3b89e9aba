import { missingRequirements, supports, unsupportedExcelMessage } from "../../src/workbook/requirements";

/** An Excel that has each set up to the version given. */
function excelWith(sets: Record<string, string>) {
  return (name: string, minVersion: string) =>
    name in sets && Number(sets[name].split(".")[1]) >= Number(minVersion.split(".")[1]);
}

describe("what this Excel can run", () => {
  it("runs where Excel has every required set", () => {
    const excel = excelWith({ ExcelApi: "1.12", CustomFunctionsRuntime: "1.3", SharedRuntime: "1.1" });
    expect(missingRequirements(excel)).toEqual([]);
  });

  it("on Excel 2019 (ExcelApi 1.8, no shared runtime or custom functions) says what is missing and what to do", () => {
    const missing = missingRequirements(excelWith({ ExcelApi: "1.8" }));
    expect(missing.map((set) => `${set.name} ${set.minVersion}`)).toEqual([
      "ExcelApi 1.9",
      "CustomFunctionsRuntime 1.3",
      "SharedRuntime 1.1",
    ]);
    const message = unsupportedExcelMessage(missing);
    expect(message).toMatch(
      /^This version of Excel cannot run Licence Register: it lacks .*LICENSE functions/,
    );
    expect(message).toMatch(/Update Excel .* or open the workbook in Excel on the web/);
    expect(message).toMatch(/register's sheets are unchanged/);
  });

  it("asks Office.js when it is loaded, and treats the in-memory host as having every set", () => {
    expect(supports("ExcelApi", "1.12")).toBe(true);
    const office = { context: { requirements: { isSetSupported: excelWith({ ExcelApi: "1.11" }) } } };
    (globalThis as { Office?: unknown }).Office = office;
    try {
      expect(supports("ExcelApi", "1.11")).toBe(true);
      expect(supports("ExcelApi", "1.12")).toBe(false);
    } finally {
      delete (globalThis as { Office?: unknown }).Office;
    }
  });
});
