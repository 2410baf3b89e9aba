import { allocationSchema } from "../../domain/schemas";
import { ALLOCATION_LABELS as L, SHEET_NAMES } from "../../domain/labels";
import { DISPLAY_LABELS as D } from "../../domain/labels";
import {
  dateColumn,
  displayColumn,
  idColumn,
  metaColumns,
  referenceColumn,
  repeatingTextColumn,
} from "./columns";
import { LICENCE_CHOICES } from "./references";
import type { RecordTableSpec } from "./types";

export const allocationsTable: RecordTableSpec = {
  kind: "allocations",
  noun: "allocation",
  sheet: SHEET_NAMES.allocations,
  table: "AllocationsTable",
  columns: [
    idColumn(L.id),
    referenceColumn(L.licenceId, "licenceId", LICENCE_CHOICES, 120),
    displayColumn(D.licenceLabel, "licenceLabel", 240),
    repeatingTextColumn(L.user, "user", 160),
    repeatingTextColumn(L.department, "department", 130),
    dateColumn(L.allocatedOn, "allocatedOn"),
    dateColumn(L.revokedOn, "revokedOn"),
    repeatingTextColumn(L.notes, "notes", 250),
    ...metaColumns(L.modified, L.rowVersion),
  ],
  schema: allocationSchema,
  fieldSchemas: allocationSchema.shape,
  idHeader: L.id,
  rowVersionHeader: L.rowVersion,
  modifiedHeader: L.modified,
};
