import { installationSchema } from "../../domain/schemas";
import { INSTALLATION_LABELS as L, SHEET_NAMES } from "../../domain/labels";
import { DISPLAY_LABELS as D } from "../../domain/labels";
import {
  dateColumn,
  displayColumn,
  idColumn,
  listColumn,
  metaColumns,
  referenceColumn,
  repeatingTextColumn,
  textColumn,
} from "./columns";
import { LICENCE_CHOICES, SOFTWARE_CHOICES, SOFTWARE_ID_HEADER } from "./references";
import type { RecordTableSpec } from "./types";

export const installationsTable: RecordTableSpec = {
  kind: "installations",
  noun: "installation",
  sheet: SHEET_NAMES.installations,
  table: "InstallationsTable",
  columns: [
    idColumn(L.id),
    referenceColumn(SOFTWARE_ID_HEADER, "softwareId", SOFTWARE_CHOICES, 120, [L.softwareId]),
    displayColumn(D.softwareName, "softwareName"),
    referenceColumn(L.licenceId, "licenceId", LICENCE_CHOICES, 120),
    displayColumn(D.licenceLabel, "licenceLabel", 240),
    repeatingTextColumn(L.device, "device", 140),
    repeatingTextColumn(L.user, "user", 140),
    textColumn(L.version, "version", 80),
    dateColumn(L.installedOn, "installedOn"),
    listColumn(L.source, "source", "Source", 90),
    repeatingTextColumn(L.notes, "notes", 250),
    ...metaColumns(L.modified, L.rowVersion),
  ],
  schema: installationSchema,
  fieldSchemas: installationSchema.shape,
  idHeader: L.id,
  rowVersionHeader: L.rowVersion,
  modifiedHeader: L.modified,
};
