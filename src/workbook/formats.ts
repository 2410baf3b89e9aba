import { listSource } from "./tables/listsSheet";
import type { ColumnSpec, TableSpec } from "./tables/types";

export const STYLE = {
  headerFill: "#1F4E78",
  headerFont: "#FFFFFF",
  readOnlyFill: "#EDEDED",
  readOnlyFont: "#595959",
} as const;

/** Compliance Status colours: fill and font for each status that needs attention. */
export const COMPLIANCE_COLOURS = [
  { text: "Over-deployed", fill: "#FFC7CE", font: "#9C0006" },
  { text: "Under-utilized", fill: "#FFEB9C", font: "#9C5700" },
  { text: "Review Required", fill: "#D9D2E9", font: "#3F3151" },
] as const;

/**
 * Formatting that does not depend on the number of rows (widths, header style, fills, validation and
 * conditional formats on whole table columns, frozen header): safe and cheap to reapply on every set-up.
 * Whole-column validation and formats grow with the table as rows are added.
 */
export function queueTableFormatting(
  context: Excel.RequestContext,
  spec: TableSpec,
  present: Set<string>,
): void {
  const table = context.workbook.tables.getItem(spec.table);
  const header = table.getHeaderRowRange();
  header.format.font.bold = true;
  header.format.fill.color = STYLE.headerFill;
  header.format.font.color = STYLE.headerFont;
  const sheet = context.workbook.worksheets.getItem(spec.sheet);
  // every table starts on row 1, so freezing row 1 keeps its headers in view
  sheet.freezePanes.freezeRows(1);
  for (const column of spec.columns) {
    if (!present.has(column.header.toLowerCase())) continue;
    const tableColumn = table.columns.getItem(column.header);
    tableColumn.getRange().format.columnWidth = column.width;
    const body = tableColumn.getDataBodyRange();
    if (column.readOnly) {
      body.format.fill.color = STYLE.readOnlyFill;
      body.format.font.italic = true;
      body.format.font.color = STYLE.readOnlyFont;
    }
    if (column.list) queueListValidation(body, column);
    else if (column.choices) queueChoicesValidation(body, column);
    if (column.header === "Compliance Status") queueComplianceColours(body);
  }
}

function queueListValidation(body: Excel.Range, column: ColumnSpec): void {
  body.dataValidation.clear();
  body.dataValidation.rule = { list: { inCellDropDown: true, source: listSource(column.list!) } };
  body.dataValidation.errorAlert = {
    showAlert: true,
    style: "Stop",
    title: column.header,
    message:
      column.list === "TRUE/FALSE"
        ? `${column.header} must be TRUE or FALSE: choose one from the cell's dropdown.`
        : `Choose a ${column.header} from the cell's dropdown.`,
  };
}

/**
 * A link column's dropdown: the other table's Dropdown Entry column ("Adobe Acrobat Pro [SW-1]"), through
 * INDIRECT because a validation list cannot name a table column directly. An ID typed by hand is allowed
 * (Information, not Stop); the register reads either form as the ID.
 */
function queueChoicesValidation(body: Excel.Range, column: ColumnSpec): void {
  const { table, column: source, noun } = column.choices!;
  body.dataValidation.clear();
  body.dataValidation.rule = { list: { inCellDropDown: true, source: `=INDIRECT("${table}[${source}]")` } };
  body.dataValidation.errorAlert = {
    showAlert: true,
    style: "Information",
    title: column.header,
    message: `Pick the ${noun} from the list (it shows names), or type its ID.`,
  };
}

function queueComplianceColours(body: Excel.Range): void {
  body.conditionalFormats.clearAll();
  for (const colour of COMPLIANCE_COLOURS) {
    const format = body.conditionalFormats.add("ContainsText");
    format.textComparison.format.fill.color = colour.fill;
    format.textComparison.format.font.color = colour.font;
    format.textComparison.rule = { operator: "Contains", text: colour.text };
  }
}
