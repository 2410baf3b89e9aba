import { setDefaultExcelPlatform, type ExcelPlatform } from "../../src/host/profiles";

/**
 * Every workbook a test creates imitates the Excel of its jest project (jest.config.js), unless the test
 * names a profile itself.
 */
const platform = (globalThis as { EXCEL_PLATFORM?: ExcelPlatform }).EXCEL_PLATFORM ?? "web";
setDefaultExcelPlatform(platform);
