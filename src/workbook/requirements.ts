/**
 * Which Office.js requirement sets the add-in needs, and the check Excel answers at run time.
 * Sources: Microsoft's requirement-set pages (Excel JavaScript API, Custom Functions and Shared runtime requirement
 * sets, learn.microsoft.com/javascript/api/requirement-sets). The README's compatibility table says what each
 * version of Excel gets.
 */

export type RequirementSetName = "ExcelApi" | "CustomFunctionsRuntime" | "SharedRuntime";

export interface RequirementSet {
  name: RequirementSetName;
  minVersion: string;
  /** What the add-in does with it, in words a person can act on when it is missing. */
  neededFor: string;
}

/**
 * What the add-in cannot work without: manifest.xml declares the same sets (a test keeps them equal, and checks
 * that every Office.js member the code calls belongs to one of them or is guarded by `supports`), so Excel does
 * not offer the add-in where one is missing. ExcelApi 1.8 is the highest set the code calls unguarded (data
 * validation); 1.9 adds Range.find and format-change events. Every Excel with the shared runtime and
 * CustomFunctionsRuntime 1.3 already has ExcelApi 1.11, so asking for 1.9 turns nobody away.
 */
export const REQUIRED_SETS: readonly RequirementSet[] = [
  { name: "ExcelApi", minVersion: "1.9", neededFor: "the register's tables, events and dropdown lists" },
  { name: "CustomFunctionsRuntime", minVersion: "1.3", neededFor: "the LICENSE functions" },
  { name: "SharedRuntime", minVersion: "1.1", neededFor: "the task pane and functions sharing one register" },
];

/** Office.context.requirements.isSetSupported, or a stand-in for it. */
export type IsSetSupported = (name: string, minVersion: string) => boolean;

interface OfficeRequirements {
  Office?: { context?: { requirements?: { isSetSupported: IsSetSupported } } };
}

/** Excel's own answer where Office.js runs; elsewhere (the in-memory host, tests) every set counts as present. */
function officeIsSetSupported(name: string, minVersion: string): boolean {
  const requirements = (globalThis as OfficeRequirements).Office?.context?.requirements;
  return requirements ? requirements.isSetSupported(name, minVersion) : true;
}

/**
 * Whether this Excel has a set. Call it before any Office.js member newer than REQUIRED_SETS, and tell the person
 * plainly what is not available when it says no.
 */
export function supports(
  name: RequirementSetName,
  minVersion: string,
  isSetSupported: IsSetSupported = officeIsSetSupported,
): boolean {
  return isSetSupported(name, minVersion);
}

/** The required sets this Excel lacks; empty when the add-in can run. */
export function missingRequirements(isSetSupported: IsSetSupported = officeIsSetSupported): RequirementSet[] {
  return REQUIRED_SETS.filter((set) => !supports(set.name, set.minVersion, isSetSupported));
}

/** What the pane says instead of starting, when Excel lacks a required set. */
export function unsupportedExcelMessage(missing: readonly RequirementSet[]): string {
  const lacking = missing.map((set) => `${set.neededFor} (${set.name} ${set.minVersion})`).join("; ");
  return (
    `This version of Excel cannot run Licence Register: it lacks ${lacking}. ` +
    "Update Excel (File > Account > Update Options > Update Now), or open the workbook in Excel on the web. " +
    "Licence Register runs in Excel for Microsoft 365 on Windows or Mac, in Excel on the web, and in up-to-date " +
    "Excel 2021 and 2024. " +
    "Your register's sheets are unchanged."
  );
}
