import { unzipSync } from "fflate";
import { savedMappingFor } from "../domain/columnMapping";
import { counted } from "../domain/wording";
import { decodeText, type DecodedText } from "./decode";
import { delimiterName, splitDelimited } from "./delimited";
import { parseJsonDocuments, readJsonShapes, recordsFromJson } from "./json";
import { stage, throwIfCancelled } from "./pacing";
import { headerKey, recogniseHeader } from "./profiles";
import {
  appTotalsFromTable,
  installationsFromTable,
  licencesFromTable,
  seatsFromTable,
  type TableContext,
} from "./readTable";
import { tableFromRecords, type SourceRecord, type SourceTable, type TableOptions } from "./sourceTable";
import type { ColumnMapping, ImportResult, ReadOptions } from "./types";
import { readXlsxSheets, recordsFromGrid } from "./xlsx";

const isZip = (bytes: Uint8Array) =>
  bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/** The mapping applies when every header it names is in the file. */
function mappingFits(
  mapping: ColumnMapping | undefined,
  header: readonly string[],
): mapping is ColumnMapping {
  if (!mapping) return false;
  const keys = new Set(header.map(headerKey));
  return Object.values(mapping).every((name) => name === undefined || keys.has(headerKey(name)));
}

/** The header is one a tool, the person's mapping or a mapping saved in the workbook knows. */
const isKnownHeader = (options: ReadOptions, header: readonly string[]): boolean =>
  recogniseHeader(header) !== undefined ||
  mappingFits(options.mapping, header) ||
  savedMappingFor(options.savedMappings, header) !== undefined;

function tableOptions(options: ReadOptions, trailingEmpty: TableOptions["trailingEmpty"]): TableOptions {
  return { trailingEmpty, isKnownHeader: (header) => isKnownHeader(options, header) };
}

async function readMapped(
  table: SourceTable,
  columns: ColumnMapping,
  saved: boolean,
  options: ReadOptions,
): Promise<ImportResult> {
  const name = saved ? "Your saved column mapping" : "Your column mapping";
  const result = await installationsFromTable(table, { id: "column-mapping", name }, columns, options);
  return { ...result, header: table.header, mapping: { columns, saved } };
}

/**
 * Reads a table with the person's mapping, else the mapping saved in the workbook for its header row, else
 * the tool its header shows, else says it needs a mapping.
 */
export async function readSourceTable(
  table: SourceTable,
  context: TableContext,
  options: ReadOptions,
): Promise<ImportResult> {
  if (mappingFits(options.mapping, table.header)) return readMapped(table, options.mapping, false, options);
  const saved = savedMappingFor(options.savedMappings, table.header);
  if (saved && mappingFits(saved.columns, table.header))
    return readMapped(table, saved.columns, true, options);
  const profile = recogniseHeader(table.header);
  switch (profile?.kind) {
    case "installations":
      return installationsFromTable(table, profile, profile.columns, options);
    case "app-totals":
      return appTotalsFromTable(table, profile);
    case "licences":
      return licencesFromTable(table, profile, context);
    case "seats":
      return seatsFromTable(table, profile);
    case undefined:
      return {
        format: "unknown",
        formatName: "Not recognised",
        installations: [],
        duplicatesCollapsed: 0,
        neutralised: 0,
        rejected: table.rejected,
        warnings: [
          ...table.warnings,
          table.header.length === 0
            ? "The file has no rows to read: export the list again, with its header row and rows, and choose the new file."
            : `No inventory tool recognised from the header row (line ${table.headerLine}): say which columns hold the device, the software title and its version, once; the mapping is remembered for the next file like it.`,
        ],
        header: table.header,
      };
  }
}

/**
 * A sheet's values (the sheet a person opened an export in, or one of an .xlsx file) read like a file, as an
 * .xlsx sheet is: header row, then rows. `firstLine` is the sheet row of values[0], so lines are sheet rows.
 */
export async function readGrid(
  values: readonly (readonly unknown[])[],
  options: ReadOptions = {},
  firstLine = 1,
): Promise<ImportResult> {
  throwIfCancelled(options.signal);
  const table = tableFromRecords(recordsFromGrid(values, firstLine), tableOptions(options, "any"));
  const result = await readSourceTable(table, { decimalComma: false }, options);
  options.onProgress?.(1);
  return result;
}

async function readXlsx(bytes: Uint8Array, options: ReadOptions): Promise<ImportResult> {
  const sheets = await readXlsxSheets(bytes);
  throwIfCancelled(options.signal);
  const tables = sheets.map(({ sheet, records }) => ({
    sheet,
    table: tableFromRecords(records, tableOptions(options, "any")),
  }));
  const known = tables.find(({ table }) => isKnownHeader(options, table.header));
  const chosen = known ?? tables.find(({ table }) => table.header.length > 0) ?? tables[0];
  if (!chosen)
    return readSourceTable(
      tableFromRecords([], tableOptions(options, "any")),
      { decimalComma: false },
      options,
    );
  const result = await readSourceTable(chosen.table, { decimalComma: false }, options);
  result.readAs = `Excel workbook, sheet "${chosen.sheet}"${tables.length > 1 ? ` of ${tables.length}` : ""}`;
  return result;
}

/** Intune's export is a zip holding one CSV or JSON file; an .xlsx file is a zip too. */
async function readZip(bytes: Uint8Array, options: ReadOptions): Promise<ImportResult> {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch {
    return unreadable("The file looks like a zip archive but cannot be opened: download the export again.");
  }
  if ("xl/workbook.xml" in entries) return readXlsx(bytes, options);
  const data = Object.keys(entries).filter(
    (name) => /\.(csv|json|txt)$/i.test(name) && !name.startsWith("__MACOSX"),
  );
  if (data.length === 0)
    return unreadable(
      "The zip archive holds no CSV or JSON file to read: export the list as CSV or JSON and choose that file.",
    );
  const result = await readImport(entries[data[0]], { ...options, fileName: data[0] });
  result.readAs = `${data[0]} in a zip archive: ${result.readAs ?? ""}`;
  if (data.length > 1)
    result.warnings.unshift(
      `Read ${data[0]}; ${counted(data.length - 1, "other file")} in the archive ${data.length === 2 ? "was" : "were"} not read.`,
    );
  return result;
}

function unreadable(reason: string): ImportResult {
  return {
    format: "unknown",
    formatName: "Not recognised",
    installations: [],
    duplicatesCollapsed: 0,
    neutralised: 0,
    rejected: [],
    warnings: [reason],
  };
}

async function readText(decoded: DecodedText, options: ReadOptions): Promise<ImportResult> {
  const first = decoded.text.trimStart()[0];
  if (first === "{" || first === "[") {
    const json = parseJsonDocuments(decoded.text);
    if (json) {
      const shaped = await readJsonShapes(json.documents, json.rejected, options);
      if (shaped) return { ...shaped, readAs: `${decoded.encoding} JSON` };
      const records: SourceRecord[] | undefined = recordsFromJson(json.documents);
      if (records) {
        const table = tableFromRecords(records, tableOptions(options, "any"));
        return {
          ...(await readSourceTable(table, { decimalComma: false }, options)),
          readAs: `${decoded.encoding} JSON`,
        };
      }
      return unreadable(
        "The JSON file is not an export this reads (Intune, Graph detectedApps, Jamf, osquery): export the list as CSV, or from one of those tools.",
      );
    }
  }
  const split = await splitDelimited(decoded.text, stage(options, 0, 0.5));
  const table = tableFromRecords(split.records, tableOptions(options, "one"));
  table.rejected.unshift(...split.rejected);
  table.rejected.sort((a, b) => a.line - b.line);
  const result = await readSourceTable(
    table,
    { decimalComma: split.delimiter === ";" },
    stage(options, 0.5, 1),
  );
  result.readAs = `${decoded.encoding}${decoded.bom ? " (byte order mark)" : ""} text, ${delimiterName(split.delimiter)}-delimited${split.typeLine ? ", after PowerShell's #TYPE line" : ""}`;
  return result;
}

/**
 * Reads an inventory export of any supported tool from its bytes: a zip (Intune) or .xlsx workbook, JSON
 * (Graph, Jamf, Intune, osquery logs) or delimited text in any of the encodings the tools write. Nothing is
 * written anywhere: the result says what would be imported and what happened to every row.
 */
export async function readImport(bytes: Uint8Array, options: ReadOptions = {}): Promise<ImportResult> {
  throwIfCancelled(options.signal);
  if (isZip(bytes)) return readZip(bytes, options);
  const result = await readText(decodeText(bytes), options);
  options.onProgress?.(1);
  return result;
}
