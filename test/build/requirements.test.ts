import { readFileSync } from "node:fs";
import path from "node:path";
import { REQUIRED_SETS } from "../../src/workbook/requirements";
import { compareVersions, officeApiUses, type OfficeApiUse } from "./officeApiUsage";

const root = path.resolve(__dirname, "../..");
const manifest = readFileSync(path.join(root, "manifest.xml"), "utf8");

/** The code that runs inside Excel: everything but the in-memory host and the playground. */
const ADD_IN_CODE = /^src[\\/](?!host[\\/]|playground[\\/]).*\.tsx?$/;
const FIXTURE = /^test[\\/]build[\\/]fixtures[\\/]newerExcelApis\.ts$/;

function declaredVersion(set: string): string | undefined {
  return REQUIRED_SETS.find((required) => required.name === set)?.minVersion;
}

function covered(use: OfficeApiUse): boolean {
  const declared = declaredVersion(use.set);
  if (declared && compareVersions(use.version, declared) <= 0) return true;
  return use.guards.some(
    (guard) => guard.set === use.set && compareVersions(use.version, guard.version) <= 0,
  );
}

describe("requirement sets", () => {
  it("manifest.xml declares exactly the sets src/workbook/requirements.ts requires", () => {
    const sets = [...manifest.matchAll(/<Set Name="([^"]+)" MinVersion="([^"]+)"\/>/g)].map(
      ([, name, v]) => ({
        name,
        minVersion: v,
      }),
    );
    expect(sets).toEqual(REQUIRED_SETS.map(({ name, minVersion }) => ({ name, minVersion })));
  });

  // Slow (reads the whole Office.js type declarations), so one walk serves every check.
  const found = officeApiUses(new RegExp(`${ADD_IN_CODE.source}|${FIXTURE.source}`));
  const fileOf = (use: OfficeApiUse) => use.at.replace(/:\d+$/, "");
  const uses = found.filter((use) => ADD_IN_CODE.test(fileOf(use)));
  const fixture = found.filter((use) => FIXTURE.test(fileOf(use)));

  it("finds the Office.js calls the add-in makes, with their sets", () => {
    const members = new Set(uses.map((use) => `${use.member} ${use.set} ${use.version}`));
    expect(members).toContain("Table.onChanged ExcelApi 1.7");
    expect(members).toContain("Range.dataValidation ExcelApi 1.8");
    expect(members).toContain("ErrorCode.invalidValue CustomFunctionsRuntime 1.3");
  });

  it("every Office.js member the add-in calls is in a declared set or behind supports(set, version)", () => {
    const uncovered = uses
      .filter((use) => !covered(use))
      .map((use) => `${use.at} ${use.member} needs ${use.set} ${use.version}`);
    expect(uncovered).toEqual([]);
  });

  it("accepts a newer member only inside a function that checks supports(set, version) first", () => {
    const spill = (at: string) =>
      fixture.find((use) => use.member === "Range.getSpillingToRangeOrNullObject" && use.at.endsWith(at))!;
    expect(covered(spill(":7"))).toBe(true);
    expect(covered(spill(":11"))).toBe(false);
  });
});
