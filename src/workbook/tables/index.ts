import type { RecordKind } from "../../domain/ids";
import { allocationsTable } from "./allocationsTable";
import { installationsTable } from "./installationsTable";
import { licencesTable } from "./licencesTable";
import { softwareTable } from "./softwareTable";
import { exchangeRatesTable, settingsTable } from "./settingsTables";
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
  return { title: spec.sheet, sheet: spec.sheet, table: spec.table, anchor: "A1", columns: spec.columns };
}

/** Every table the set-up looks after, in the order it creates them. */
export const ALL_TABLES: TableSpec[] = [
  ...RECORD_KINDS.map(recordTableSpec),
  settingsTable,
  exchangeRatesTable,
];

export { allocationsTable, installationsTable, licencesTable, softwareTable };
export * from "./settingsTables";
export * from "./listsSheet";
export * from "./types";
