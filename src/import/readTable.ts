import { counted } from "../domain/wording";
import { parseAmount } from "./amounts";
import { DateColumn } from "./dates";
import { InstallationCollector, type RowInstallation } from "./installations";
import { normaliseDevice, normaliseTitle } from "./normalise";
import { ROWS_PER_BATCH, yieldBetweenBatches } from "./pacing";
import { findColumn, headerKey, type TableProfile } from "./profiles";
import { cellText, namedLines, type Cell, type SourceTable } from "./sourceTable";
import type {
  AppTotal,
  ColumnMapping,
  ImportResult,
  ImportedAllocation,
  ImportedLicence,
  InstallationField,
  ReadOptions,
} from "./types";

/** What the file layer knows that the rows need: how the file writes numbers. */
export interface TableContext {
  /** A semicolon-delimited (European) file writes decimals with a comma. */
  decimalComma: boolean;
}

const MULTI_VALUE = /<br\s*\/?>/i;
const ENTITIES: Record<string, string> = {
  "&amp;": "&",
  "&lt;": "<",
  "&gt;": ">",
  "&quot;": '"',
  "&#039;": "'",
  "&#39;": "'",
};
const decodeEntities = (text: string) =>
  text.replace(/&(amp|lt|gt|quot|#0?39);/g, (entity) => ENTITIES[entity]);

const INSTALLATION_FIELDS: readonly InstallationField[] = [
  "device",
  "title",
  "version",
  "publisher",
  "user",
  "installedOn",
];

/** A device for files with no device column: the one the person gave, else the file's name ("PC-7.programs.csv" is PC-7). */
export function deviceFromFileName(fileName: string | undefined): string | undefined {
  if (!fileName) return undefined;
  const base = fileName.split(/[\\/]/).pop() ?? "";
  const stem = base
    .replace(/\.(csv|txt|tsv|json|log|xlsx)$/i, "")
    .replace(/[-_. ](programs|apps|deb_packages|software|installed)$/i, "");
  const device = normaliseDevice(stem);
  return device === "" ? undefined : device;
}

function baseResult(profile: { id: ImportResult["format"]; name: string }, table: SourceTable): ImportResult {
  return {
    format: profile.id,
    formatName: profile.name,
    installations: [],
    duplicatesCollapsed: 0,
    neutralised: 0,
    rejected: [...table.rejected],
    warnings: [...table.warnings],
  };
}

/** Reads installations from a table whose columns a tool profile or the person's mapping names. */
export async function installationsFromTable(
  table: SourceTable,
  profile: { id: ImportResult["format"]; name: string; multiValue?: boolean },
  columns: ColumnMapping | TableProfile["columns"],
  options: ReadOptions,
): Promise<ImportResult> {
  const result = baseResult(profile, table);
  const at = Object.fromEntries(
    INSTALLATION_FIELDS.map((field) => {
      const names = columns[field];
      return [field, findColumn(table.header, typeof names === "string" ? [headerKey(names)] : names)];
    }),
  ) as Record<InstallationField, number>;

  let fixedDevice: string | undefined;
  if (at.device === -1) {
    result.noDeviceColumn = true;
    fixedDevice = options.device?.trim() || deviceFromFileName(options.fileName);
    result.warnings.push(
      fixedDevice
        ? `The file has no device column: every installation is put on ${normaliseDevice(fixedDevice)}${options.device?.trim() ? "" : " (from the file name)"}. Give another device name if that is not the computer it came from.`
        : "The file has no device column and no device was given: give the name of the computer it came from.",
    );
  }

  const dates = new DateColumn(at.installedOn === -1 ? "" : table.header[at.installedOn]);
  if (at.installedOn !== -1) for (const row of table.rows) dates.observe(cellText(row.cells[at.installedOn]));

  const collector = new InstallationCollector();
  const unpairedLines: number[] = [];
  const text = (cells: Cell[], index: number) => (index === -1 ? undefined : cellText(cells[index]));
  for (let i = 0; i < table.rows.length; i++) {
    const { line, cells } = table.rows[i];
    const row: RowInstallation = {
      device: fixedDevice ?? text(cells, at.device),
      title: text(cells, at.title),
      version: text(cells, at.version),
      publisher: text(cells, at.publisher),
      user: text(cells, at.user),
      installedOn: at.installedOn === -1 ? undefined : dates.read(cells[at.installedOn], line),
      versionWasNumber: at.version !== -1 && typeof cells[at.version] === "number",
    };
    if (profile.multiValue) addMultiValue(collector, line, row, unpairedLines);
    else collector.add(line, row);
    if ((i + 1) % ROWS_PER_BATCH === 0) await yieldBetweenBatches(options, (i + 1) / table.rows.length);
  }

  result.installations = collector.installations();
  result.duplicatesCollapsed = collector.duplicatesCollapsed;
  result.neutralised = collector.neutralised;
  result.rejected.push(...collector.rejected);
  result.rejected.sort((a, b) => a.line - b.line);
  result.warnings.push(...dates.warnings(), ...collector.warnings());
  if (unpairedLines.length > 0) {
    result.warnings.push(
      `${counted(unpairedLines.length, "row")} ${unpairedLines.length === 1 ? "lists a different number of titles and versions, so its versions were" : "list a different number of titles and versions, so their versions were"} left empty (${namedLines(unpairedLines)}).`,
    );
  }
  return result;
}

/** GLPI joins a computer's software with a literal <br>: names and versions pair up by position. */
function addMultiValue(
  collector: InstallationCollector,
  line: number,
  row: RowInstallation,
  unpairedLines: number[],
): void {
  const split = (value: string | undefined) =>
    value === undefined ? [] : value.split(MULTI_VALUE).map(decodeEntities);
  const titles = split(row.title);
  const versions = split(row.version);
  const publishers = split(row.publisher);
  const publisherAt = (i: number) => (publishers.length === titles.length ? publishers[i] : publishers[0]);
  if (titles.length === 1) {
    // One title with several versions: each version on the computer is an installation.
    for (const version of versions.length > 0 ? versions : [undefined]) {
      collector.add(line, { ...row, title: titles[0], version, publisher: publisherAt(0) });
    }
    return;
  }
  const paired = versions.length === titles.length;
  if (!paired && versions.length > 0) unpairedLines.push(line);
  titles.forEach((title, i) =>
    collector.add(line, {
      ...row,
      title,
      version: paired ? versions[i] : undefined,
      publisher: publisherAt(i),
    }),
  );
}

/** Per-app totals (the GLPI software list) name titles but no devices, so they give no installations. */
export function appTotalsFromTable(table: SourceTable, profile: TableProfile): ImportResult {
  const result = baseResult(profile, table);
  const title = findColumn(table.header, profile.columns.title);
  const publisher = findColumn(table.header, profile.columns.publisher);
  const version = findColumn(table.header, profile.columns.version);
  const count = findColumn(table.header, ["number of installations"]);
  const totals: AppTotal[] = [];
  for (const { cells } of table.rows) {
    const name = normaliseTitle(decodeEntities(cellText(cells[title])));
    if (name === "") continue;
    const installs = count === -1 ? undefined : parseAmount(cellText(cells[count]), false);
    totals.push({
      title: name,
      publisher:
        publisher === -1 ? undefined : decodeEntities(cellText(cells[publisher])).trim() || undefined,
      version:
        version === -1
          ? undefined
          : cellText(cells[version]).split(MULTI_VALUE).map(decodeEntities).join(", ") || undefined,
      deviceCount: installs,
    });
  }
  result.appTotals = totals;
  result.warnings.push(perAppTotalsWarning(totals.length));
  return result;
}

export function perAppTotalsWarning(apps: number): string {
  return `This file gives per-app totals (${apps} app${apps === 1 ? "" : "s"}), not the devices each is on, so it gives no installations. Export a per-device list instead: Intune's Discovered apps export (AppInvRawData), or in GLPI the computers list with their software.`;
}

const YES = new Set(["yes", "y", "true", "1", "ja", "oui", "x"]);
const NO = new Set(["no", "n", "false", "0", "nein", "non", ""]);
const flagOf = (text: string): boolean | undefined => {
  const key = text.trim().toLowerCase();
  return YES.has(key) ? true : NO.has(key) && key !== "" ? false : undefined;
};

/** Snipe-IT's licence export or import template: licences, and seats checked out in the same rows. */
export function licencesFromTable(
  table: SourceTable,
  profile: TableProfile,
  context: TableContext,
): ImportResult {
  const result = baseResult(profile, table);
  const col = (...names: string[]) => findColumn(table.header, names);
  const at = {
    product: col("name", "item name", "license name", "licence name", "software name"),
    publisher: col("manufacturer"),
    quantity: col("seats", "total"),
    key: col("product key", "serial", "serial number"),
    purchaseDate: col("purchase date"),
    expiry: col("expiration date", "expires", "termination date"),
    cost: col("purchase cost"),
    order: col("order number", "purchase order"),
    vendor: col("supplier"),
    notes: col("notes"),
    reassignable: col("reassignable"),
    maintained: col("maintained"),
    user: col("email", "username", "full name"),
    device: col("asset tag"),
  };
  const purchaseDates = new DateColumn(table.header[at.purchaseDate] ?? "");
  const expiryDates = new DateColumn(table.header[at.expiry] ?? "");
  for (const { cells } of table.rows) {
    if (at.purchaseDate !== -1) purchaseDates.observe(cellText(cells[at.purchaseDate]));
    if (at.expiry !== -1) expiryDates.observe(cellText(cells[at.expiry]));
  }
  const licences: ImportedLicence[] = [];
  const allocations: ImportedAllocation[] = [];
  const text = (cells: Cell[], index: number) =>
    index === -1 ? undefined : cellText(cells[index]).trim() || undefined;
  for (const { line, cells } of table.rows) {
    const product = text(cells, at.product);
    if (!product) {
      result.rejected.push({
        line,
        reason: "No licence name: the row does not say which software it licenses.",
      });
      continue;
    }
    const quantityText = text(cells, at.quantity);
    const quantity = quantityText === undefined ? undefined : parseAmount(quantityText, context.decimalComma);
    if (
      quantityText !== undefined &&
      (quantity === undefined || !Number.isInteger(quantity) || quantity < 0)
    ) {
      result.warnings.push(
        `Line ${line}: seats "${quantityText}" is not a whole number, so the quantity was left empty.`,
      );
    }
    const costText = text(cells, at.cost);
    const cost = costText === undefined ? undefined : parseAmount(costText, context.decimalComma);
    if (costText !== undefined && cost === undefined) {
      result.warnings.push(
        `Line ${line}: purchase cost "${costText}" is not an amount, so it was left empty.`,
      );
    }
    for (const value of [product, text(cells, at.key), text(cells, at.notes), text(cells, at.vendor)]) {
      if (value !== undefined && /^[=+\-@]/.test(value)) result.neutralised++;
    }
    licences.push({
      line,
      product: normaliseTitle(product),
      publisher: text(cells, at.publisher),
      quantity: quantity !== undefined && Number.isInteger(quantity) && quantity >= 0 ? quantity : undefined,
      licenceKey: text(cells, at.key),
      purchaseDate: at.purchaseDate === -1 ? undefined : purchaseDates.read(cells[at.purchaseDate], line),
      expiryDate: at.expiry === -1 ? undefined : expiryDates.read(cells[at.expiry], line),
      cost,
      purchaseOrder: text(cells, at.order),
      vendor: text(cells, at.vendor),
      notes: text(cells, at.notes),
      reassignable: at.reassignable === -1 ? undefined : flagOf(cellText(cells[at.reassignable])),
      maintenanceIncluded: at.maintained === -1 ? undefined : flagOf(cellText(cells[at.maintained])),
    });
    const user = text(cells, at.user);
    const device = text(cells, at.device);
    if (user || device)
      allocations.push({
        line,
        licence: normaliseTitle(product),
        user,
        device: device && normaliseDevice(device),
      });
  }
  result.licences = licences;
  result.allocations = allocations;
  result.warnings.push(...purchaseDates.warnings(), ...expiryDates.warnings());
  return result;
}

/** Snipe-IT's seats export: each seat checked out to a person or an asset is an allocation. */
export function seatsFromTable(table: SourceTable, profile: TableProfile): ImportResult {
  const result = baseResult(profile, table);
  const col = (...names: string[]) => findColumn(table.header, names);
  const at = {
    licence: col("license", "licence", "license name", "licence name"),
    user: col("email", "user", "assigned to", "checked out to"),
    device: col("asset"),
  };
  const allocations: ImportedAllocation[] = [];
  let free = 0;
  for (const { line, cells } of table.rows) {
    const value = (index: number) => (index === -1 ? undefined : cellText(cells[index]).trim() || undefined);
    const user = value(at.user);
    const device = value(at.device);
    if (!user && !device) {
      free++;
      continue;
    }
    const licence = value(at.licence);
    allocations.push({
      line,
      licence: licence && normaliseTitle(licence),
      user,
      device: device && normaliseDevice(device),
    });
  }
  result.allocations = allocations;
  if (free > 0)
    result.warnings.push(
      `${counted(free, "seat")} ${free === 1 ? "is not checked out to anyone, so it gives" : "are not checked out to anyone, so they give"} no allocation.`,
    );
  if (at.licence === -1 && allocations.length > 0) {
    result.warnings.push(
      "A seats export does not name its licence: choose the licence these seats belong to.",
    );
  }
  return result;
}
