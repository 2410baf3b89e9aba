import { installationSchema } from "../../domain/schemas";
import { INSTALLATION_LABELS as L } from "../../domain/labels";
import { dateColumn, idColumn, listColumn, metaColumns, textColumn } from "./columns";
import type { RecordTableSpec } from "./types";

export const installationsTable: RecordTableSpec = {
  kind: "installations",
  noun: "installation",
  sheet: "Installations",
  table: "InstallationsTable",
  columns: [
    idColumn(L.id),
    textColumn(L.softwareId, "softwareId", 120),
    textColumn(L.licenceId, "licenceId", 120),
    textColumn(L.device, "device", 140),
    textColumn(L.user, "user", 140),
    textColumn(L.version, "version", 80),
    dateColumn(L.installedOn, "installedOn"),
    listColumn(L.source, "source", "Source", 90),
    textColumn(L.notes, "notes", 250),
    ...metaColumns(L.modified, L.rowVersion),
  ],
  schema: installationSchema,
  fieldSchemas: installationSchema.shape,
  idHeader: L.id,
  rowVersionHeader: L.rowVersion,
  modifiedHeader: L.modified,
};
