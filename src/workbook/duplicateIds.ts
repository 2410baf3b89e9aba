import { cellAddress } from "./cells";
import type { DataIssue } from "./registerApi";
import { sheetRowNumber, type TableLayout } from "./tableLayout";
import type { RecordTableSpec } from "./tables/types";

/**
 * A copied row brings its ID along; saving would then find the first copy, so a later row with the same ID
 * is a data issue, not a record. The issue for that later row, which points at its ID cell.
 */
export function duplicateIdIssue(
  spec: RecordTableSpec,
  layout: TableLayout,
  idPosition: number,
  id: string,
  bodyRow: number,
  firstBodyRow: number,
): DataIssue {
  const sheetRow = sheetRowNumber(layout, bodyRow);
  return {
    sheet: spec.sheet,
    row: sheetRow,
    column: spec.idHeader,
    address: cellAddress(sheetRow - 1, layout.firstColumn + idPosition),
    message: `${spec.idHeader} ${id} is also used on row ${sheetRowNumber(layout, firstBodyRow)}, so this row was skipped. Delete the copy, or add it again from the task pane to give it its own ID.`,
    recordId: id,
  };
}
