/** The workbook side of the add-in: the register over Excel tables, and the table specs it is built on. */
export { createWorkbookRegister, type WorkbookRegisterOptions } from "./createWorkbookRegister";
export type { ExcelRun } from "./excel";
export * from "./registerApi";
export { ALL_TABLES, RECORD_TABLES, LISTS_SHEET } from "./tables";
