import { DateColumn } from "./dates";
import { InstallationCollector } from "./installations";
import { normaliseTitle } from "./normalise";
import { ROWS_PER_BATCH, yieldBetweenBatches } from "./pacing";
import { perAppTotalsWarning } from "./readTable";
import { describeLines, type Cell, type SourceRecord } from "./sourceTable";
import type { AppTotal, ImportResult, ReadOptions, RejectedRow } from "./types";

/** A JSON value and the line it starts on (1 for a whole-file document). */
export interface JsonDocument {
  line: number;
  value: unknown;
}

type JsonObject = Record<string, unknown>;
const isObject = (value: unknown): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const text = (value: unknown): string | undefined =>
  typeof value === "string" ? value : typeof value === "number" ? String(value) : undefined;

/**
 * The file as one JSON document, else as JSON lines (osqueryd results logs, pages saved one per line).
 * Lines that are not JSON are rejected with their line; undefined when the file is not JSON at all.
 */
export function parseJsonDocuments(
  source: string,
): { documents: JsonDocument[]; rejected: RejectedRow[] } | undefined {
  try {
    return { documents: [{ line: 1, value: JSON.parse(source) }], rejected: [] };
  } catch {
    // Not one document: try one per line.
  }
  const documents: JsonDocument[] = [];
  const rejected: RejectedRow[] = [];
  const lines = source.split(/\r?\n/);
  lines.forEach((line, index) => {
    if (line.trim() === "") return;
    try {
      documents.push({ line: index + 1, value: JSON.parse(line) });
    } catch {
      rejected.push({
        line: index + 1,
        reason: "Not valid JSON (cut short or edited?), so it was not read.",
      });
    }
  });
  return documents.length > rejected.length ? { documents, rejected } : undefined;
}

function emptyResult(
  format: ImportResult["format"],
  formatName: string,
  rejected: RejectedRow[],
): ImportResult {
  return {
    format,
    formatName,
    installations: [],
    duplicatesCollapsed: 0,
    neutralised: 0,
    rejected: [...rejected],
    warnings: [],
  };
}

function finish(
  result: ImportResult,
  collector: InstallationCollector,
  extraWarnings: string[] = [],
): ImportResult {
  result.installations = collector.installations();
  result.duplicatesCollapsed = collector.duplicatesCollapsed;
  result.neutralised = collector.neutralised;
  result.rejected.push(...collector.rejected);
  result.rejected.sort((a, b) => a.line - b.line);
  result.warnings.push(...extraWarnings, ...collector.warnings());
  return result;
}

// osqueryd results logs -------------------------------------------------------------------------------

const isOsqueryResult = (value: unknown): value is JsonObject =>
  isObject(value) &&
  "hostIdentifier" in value &&
  ("columns" in value || "snapshot" in value || "diffResults" in value);

/** Reads a software row of osquery's programs, apps or deb_packages tables; undefined for other queries. */
function osquerySoftware(
  columns: unknown,
): { title?: string; version?: string; publisher?: string; installDate?: string } | undefined {
  if (!isObject(columns) || !("name" in columns)) return undefined;
  const version = text(columns.version) ?? text(columns.bundle_short_version) ?? text(columns.bundle_version);
  if (version === undefined && !("version" in columns || "bundle_identifier" in columns)) return undefined;
  return {
    title: text(columns.name),
    version,
    publisher: text(columns.publisher),
    installDate: text(columns.install_date),
  };
}

/**
 * osqueryd results logs, in file order per host: a snapshot replaces what the host reported before, an
 * "added" event inserts, a "removed" event deletes. Event, snapshot and batch (diffResults) formats all count.
 */
export async function readOsqueryLog(
  documents: JsonDocument[],
  rejected: RejectedRow[],
  options: ReadOptions,
): Promise<ImportResult> {
  const result = emptyResult("osquery-results-log", "osquery results log", rejected);
  const collector = new InstallationCollector();
  const dates = new DateColumn("install_date");
  const otherQueries = new Set<string>();
  const apply = (line: number, host: string, action: string, columns: unknown, name: string) => {
    const software = osquerySoftware(columns);
    if (!software) {
      otherQueries.add(name);
      return;
    }
    const row = {
      device: host,
      title: software.title,
      version: software.version,
      publisher: software.publisher,
      installedOn: dates.read(software.installDate, line),
    };
    if (action === "removed") collector.remove(row);
    else collector.add(line, row);
  };
  for (let i = 0; i < documents.length; i++) {
    const { line, value } = documents[i];
    if (!isOsqueryResult(value)) {
      result.rejected.push({
        line,
        reason: "Not an osquery result (no hostIdentifier), so it was not read.",
      });
      continue;
    }
    const host = text(value.hostIdentifier) ?? "";
    const name = text(value.name) ?? "an unnamed query";
    if (Array.isArray(value.snapshot)) {
      if (value.snapshot.some((row) => osquerySoftware(row))) collector.clearDevice(host);
      for (const row of value.snapshot) apply(line, host, "added", row, name);
    } else if (isObject(value.diffResults)) {
      for (const row of asArray(value.diffResults.removed)) apply(line, host, "removed", row, name);
      for (const row of asArray(value.diffResults.added)) apply(line, host, "added", row, name);
    } else {
      apply(line, host, text(value.action) ?? "added", value.columns, name);
    }
    if ((i + 1) % ROWS_PER_BATCH === 0) await yieldBetweenBatches(options, (i + 1) / documents.length);
  }
  const warnings = dates.warnings();
  if (otherQueries.size > 0) {
    warnings.push(
      `Results of queries that are not software lists were skipped: ${describeLines([...otherQueries].map(String), 3)}.`,
    );
  }
  return finish(result, collector, warnings);
}

const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

// Microsoft Graph detectedApps ---------------------------------------------------------------------------

const isDetectedApp = (value: unknown) => isObject(value) && "displayName" in value && "deviceCount" in value;

function detectedAppPages(documents: JsonDocument[]): JsonObject[] | undefined {
  const pages: JsonObject[] = [];
  for (const { value } of documents) {
    for (const page of Array.isArray(value) ? value : [value]) {
      if (isObject(page) && Array.isArray(page.value) && page.value.some(isDetectedApp)) pages.push(page);
    }
  }
  if (pages.length > 0) return pages;
  const bare = documents.flatMap(({ value }) => (Array.isArray(value) ? value : [value]));
  return bare.length > 0 && bare.every(isDetectedApp) ? [{ value: bare }] : undefined;
}

/** Graph's deviceManagement/detectedApps: per app with a device count, not per device. */
function readDetectedApps(pages: JsonObject[], rejected: RejectedRow[]): ImportResult {
  const result = emptyResult("graph-detected-apps", "Microsoft Graph detectedApps", rejected);
  const totals: AppTotal[] = [];
  for (const page of pages) {
    for (const app of asArray(page.value)) {
      if (!isObject(app)) continue;
      const title = normaliseTitle(text(app.displayName) ?? "");
      if (title === "") continue;
      totals.push({
        title,
        publisher: text(app.publisher) || undefined,
        version: text(app.version) || undefined,
        deviceCount: typeof app.deviceCount === "number" ? app.deviceCount : undefined,
      });
    }
  }
  result.appTotals = totals;
  result.warnings.push(perAppTotalsWarning(totals.length));
  if (typeof pages[pages.length - 1]["@odata.nextLink"] === "string") {
    result.warnings.push(
      "The last page links to more (@odata.nextLink): the list is incomplete. Follow the link and save every page.",
    );
  }
  return result;
}

// Jamf Pro computer inventory ----------------------------------------------------------------------------

const isJamfComputer = (value: unknown): value is JsonObject =>
  isObject(value) && Array.isArray(value.applications) && (isObject(value.general) || "udid" in value);

function jamfComputers(documents: JsonDocument[]): JsonObject[] | undefined {
  const computers: JsonObject[] = [];
  for (const { value } of documents) {
    const items = Array.isArray(value)
      ? value
      : isObject(value) && Array.isArray(value.results)
        ? value.results
        : [value];
    for (const item of items) if (isJamfComputer(item)) computers.push(item);
  }
  return computers.length > 0 ? computers : undefined;
}

/** Jamf Pro's computers-inventory: per computer, its applications ("Slack.app" is Slack). */
async function readJamf(
  computers: JsonObject[],
  rejected: RejectedRow[],
  options: ReadOptions,
): Promise<ImportResult> {
  const result = emptyResult("jamf-computer-inventory", "Jamf Pro computer inventory", rejected);
  const collector = new InstallationCollector();
  for (let i = 0; i < computers.length; i++) {
    const computer = computers[i];
    const general = isObject(computer.general) ? computer.general : {};
    const person = isObject(computer.userAndLocation) ? computer.userAndLocation : {};
    const device = text(general.name) ?? "";
    const user = text(person.email) || text(person.username) || undefined;
    for (const app of asArray(computer.applications)) {
      if (!isObject(app)) continue;
      collector.add(i + 1, { device, title: text(app.name), version: text(app.version), user });
    }
    if ((i + 1) % 500 === 0) await yieldBetweenBatches(options, (i + 1) / computers.length);
  }
  return finish(result, collector);
}

// Arrays of flat records (Intune's JSON export and the like) -------------------------------------------

/** Rows of flat objects, or Intune's report shape ({ Schema: [{ Column }], Values: [[…]] }), as a table. */
export function recordsFromJson(documents: JsonDocument[]): SourceRecord[] | undefined {
  if (documents.length !== 1) return undefined;
  const value = documents[0].value;
  if (isObject(value) && Array.isArray(value.Schema) && Array.isArray(value.Values)) {
    const header = value.Schema.map((column) => (isObject(column) ? (text(column.Column) ?? "") : ""));
    return [
      { line: 0, cells: header },
      ...value.Values.map((row, i) => ({ line: i + 1, cells: asArray(row).map(toCell) })),
    ];
  }
  const rows = Array.isArray(value)
    ? value
    : isObject(value) && Array.isArray(value.values ?? value.Values ?? value.value)
      ? ((value.values ?? value.Values ?? value.value) as unknown[])
      : undefined;
  if (!rows || rows.length === 0 || !rows.every(isObject)) return undefined;
  const header = [...new Set(rows.flatMap((row) => Object.keys(row as JsonObject)))];
  return [
    { line: 0, cells: header },
    ...rows.map((row, i) => ({ line: i + 1, cells: header.map((key) => toCell((row as JsonObject)[key])) })),
  ];
}

const toCell = (value: unknown): Cell =>
  typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? value : null;

/** Which JSON shape this is; undefined for records a tool profile should read as a table. */
export async function readJsonShapes(
  documents: JsonDocument[],
  rejected: RejectedRow[],
  options: ReadOptions,
): Promise<ImportResult | undefined> {
  if (documents.some(({ value }) => isOsqueryResult(value)))
    return readOsqueryLog(documents, rejected, options);
  const pages = detectedAppPages(documents);
  if (pages) return readDetectedApps(pages, rejected);
  const computers = jamfComputers(documents);
  if (computers) return readJamf(computers, rejected, options);
  return undefined;
}
