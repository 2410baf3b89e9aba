import type { RecordKind } from "../../domain/ids";
import { allocationsTable } from "./allocationsTable";
import { installationsTable } from "./installationsTable";
import { licencesTable } from "./licencesTable";
import { softwareTable } from "./softwareTable";
import type { RecordTableSpec, TableSpec } from "./types";

export const RECORD_TABLES: Record<RecordKind, RecordTableSpec> = {
  software: softwareTable,
  licences: licencesTable,
  allocations: allocationsTable,
  installations: installationsTable,
};

export const RECORD_KINDS = Object.keys(RECORD_TABLES) as RecordKind[];

export function recordTableSpec(kind: RecordKind): TableSpec {
  const spec = RECORD_TABLES[kind];
  return { sheet: spec.sheet, table: spec.table, anchor: "A1", columns: spec.columns };
}

export { allocationsTable, installationsTable, licencesTable, softwareTable };
export * from "./settingsTables";
export * from "./listsSheet";
export * from "./types";
