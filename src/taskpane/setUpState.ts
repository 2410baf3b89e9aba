import type { RegisterData } from "../workbook/registerApi";

/** Whether "Set up workbook" would put back a missing register table or column. */
export function needsRepair(data: RegisterData): boolean {
  return data.issues.some((issue) => issue.fix === "set-up");
}

/** A workbook with no register yet: its tables are missing and it holds no records. */
export function isNewWorkbook(data: RegisterData): boolean {
  return (
    needsRepair(data) &&
    data.software.length + data.licences.length + data.allocations.length + data.installations.length === 0
  );
}
