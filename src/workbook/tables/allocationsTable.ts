import { allocationSchema } from "../../domain/schemas";
import { ALLOCATION_LABELS as L } from "../../domain/labels";
import { dateColumn, idColumn, metaColumns, textColumn } from "./columns";
import type { RecordTableSpec } from "./types";

export const allocationsTable: RecordTableSpec = {
  kind: "allocations",
  noun: "allocation",
  sheet: "Allocations",
  table: "AllocationsTable",
  columns: [
    idColumn(L.id),
    textColumn(L.licenceId, "licenceId", 120),
    textColumn(L.user, "user", 160),
    textColumn(L.department, "department", 130),
    dateColumn(L.allocatedOn, "allocatedOn"),
    dateColumn(L.revokedOn, "revokedOn"),
    textColumn(L.notes, "notes", 250),
    ...metaColumns(L.modified, L.rowVersion),
  ],
  schema: allocationSchema,
  fieldSchemas: allocationSchema.shape,
  idHeader: L.id,
  rowVersionHeader: L.rowVersion,
  modifiedHeader: L.modified,
};
