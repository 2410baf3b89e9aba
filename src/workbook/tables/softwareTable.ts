import { softwareSchema } from "../../domain/schemas";
import { SOFTWARE_LABELS as L, SHEET_NAMES } from "../../domain/labels";
import { DISPLAY_LABELS as D } from "../../domain/labels";
import { displayColumn, idColumn, metaColumns, repeatingTextColumn, textColumn } from "./columns";
import type { RecordTableSpec } from "./types";

export const softwareTable: RecordTableSpec = {
  kind: "software",
  noun: "software entry",
  sheet: SHEET_NAMES.software,
  table: "SoftwareTable",
  columns: [
    idColumn(L.id),
    textColumn(L.name, "name", 200),
    repeatingTextColumn(L.publisher, "publisher", 150),
    textColumn(L.version, "version", 80),
    repeatingTextColumn(L.category, "category", 120),
    textColumn(L.aliases, "aliases", 200),
    repeatingTextColumn(L.notes, "notes", 250),
    displayColumn(D.dropdownEntry, "dropdownEntry", 240),
    ...metaColumns(L.modified, L.rowVersion),
  ],
  schema: softwareSchema,
  fieldSchemas: softwareSchema.shape,
  idHeader: L.id,
  rowVersionHeader: L.rowVersion,
  modifiedHeader: L.modified,
};
