import { createWorkbookRegister } from "./createWorkbookRegister";
import type { Register } from "./registerApi";

/** The register over the workbook open in Excel (the only place the add-in hands Excel.run to the workbook layer). */
export function createExcelRegister(): Register {
  return createWorkbookRegister({ run: (batch) => Excel.run(batch) });
}
