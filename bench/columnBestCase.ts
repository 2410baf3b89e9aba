/**
 * How low `compute_ms_100k` could go with the register held by column (issue 11 asks for ≤ 1,500 ms): a best case,
 * not the add-in. The installations, a million rows at 100k and most of the work, are taken from the cells as a
 * column-wise register would take them, with no record made:
 *
 * - cells to columns: each cell checked as a load checks it (required text, lengths, the date, the Source list) and
 *   kept in a typed column or as the cell's own string; the installation's ID read as the number its 12 characters
 *   spell, its software and licence found by theirs;
 * - repeats: the ID numbers sorted (a radix sort) and neighbours compared;
 * - by licence: the rows grouped by licence (a counting sort) and each licence's distinct devices and users counted
 *   as the index counts them in a load (DistinctKeysByOwner).
 *
 * Beside them, the rest as the add-in does it today, which a column-wise register would have to beat too: the
 * software, licences and allocations parsed into records (TableRecords, as a load), and every licence's and
 * product's figures from an index already built (RegisterIndex.positions). The sum is what the installations' share
 * alone would bring the compute to. Medians of five runs in one process with min and max, fresh cells each run
 * (decoded from JSON, as Office.js delivers them), garbage collected between runs and never inside one. Prints its
 * figures and writes nothing. Not part of `npm run bench`.
 *
 *   node --max-old-space-size=8192 --expose-gc --import tsx bench/columnBestCase.ts [licences]   (default 100000)
 */
import { GeneratedIdReader, IdNumberTable } from "../src/domain/generatedIdNumbers";
import { ID_PREFIXES } from "../src/domain/ids";
import { DistinctKeysByOwner } from "../src/domain/distinctKeysByOwner";
import { INSTALLATION_SOURCES } from "../src/domain/lists";
import { computePosition } from "../src/domain/position";
import { RegisterIndex } from "../src/domain/registerIndex";
import type { RecordKind } from "../src/domain/ids";
import { RECORD_TABLES } from "../src/workbook/tables";
import { deliver, parseSheetRows, toSheetPages, type SheetRows } from "./sheetRows";
import { spread, time, type Spread } from "./stats";
import { syntheticRegister } from "./synthetic";

const SIZE = Number(process.argv[2] ?? 100_000);
const RUNS = 5;
const TODAY = "2026-11-27";
const collectGarbage = () => (globalThis as { gc?: () => void }).gc?.();

/** The installation's cells in the order of the table's columns, as a load reads them. */
const COLUMN = Object.fromEntries(
  RECORD_TABLES.installations.columns.map((column, index) => [column.field ?? column.header, index]),
) as Record<string, number>;

/** Longest text each column takes (src/domain/schemas.ts). */
const LONGEST = { id: 40, display: 600, device: 200, user: 200, version: 60, notes: 2000 };
/** Excel's last day, 31 December 9999, as a date serial. */
const LAST_SERIAL = 2_958_465;

interface Columns {
  rows: number;
  idHigh: Int32Array;
  idLow: Int32Array;
  licence: Int32Array;
  software: Int32Array;
  device: string[];
  user: string[];
  version: string[];
  notes: string[];
  installedOn: Int32Array;
  source: Uint8Array;
  rowVersion: Int32Array;
  /** Rows whose cells a load would refuse, or whose ID is not in the generated form (none in this data). */
  refused: number;
}

/** 1 for text within `longest`, 0 for a blank cell, -1 for anything a load refuses. */
function textCheck(cell: unknown, longest: number, required: boolean): number {
  if (typeof cell !== "string") return cell === undefined || cell === null ? (required ? -1 : 0) : -1;
  let length = cell.length;
  if (length > 0 && (cell.charCodeAt(0) <= 32 || cell.charCodeAt(length - 1) <= 32))
    length = cell.trim().length;
  if (length === 0) return required ? -1 : 0;
  return length <= longest ? 1 : -1;
}

/** Generated IDs of one kind, found by their number. */
function numberTable(prefix: string, ids: readonly string[]): IdNumberTable {
  const reader = new GeneratedIdReader(prefix);
  const table = new IdNumberTable(ids.length);
  ids.forEach((id, index) => {
    if (reader.read(id)) table.set(reader.high, reader.low, index);
  });
  return table;
}

function toColumns(cells: readonly unknown[][], licences: IdNumberTable, software: IdNumberTable): Columns {
  const rows = cells.length;
  const columns: Columns = {
    rows,
    idHigh: new Int32Array(rows),
    idLow: new Int32Array(rows),
    licence: new Int32Array(rows),
    software: new Int32Array(rows),
    device: new Array<string>(rows),
    user: new Array<string>(rows),
    version: new Array<string>(rows),
    notes: new Array<string>(rows),
    installedOn: new Int32Array(rows),
    source: new Uint8Array(rows),
    rowVersion: new Int32Array(rows),
    refused: 0,
  };
  const ids = new GeneratedIdReader(ID_PREFIXES.installations);
  const softwareIds = new GeneratedIdReader(ID_PREFIXES.software);
  const licenceIds = new GeneratedIdReader(ID_PREFIXES.licences);
  for (let row = 0; row < rows; row++) {
    const cell = cells[row];
    let ok = true;
    const id = cell[COLUMN.id];
    if (typeof id === "string" && ids.read(id)) {
      columns.idHigh[row] = ids.high;
      columns.idLow[row] = ids.low;
    } else ok = false;
    const softwareId = cell[COLUMN.softwareId];
    columns.software[row] =
      typeof softwareId === "string" && softwareIds.read(softwareId)
        ? software.get(softwareIds.high, softwareIds.low)
        : -1;
    const licenceId = cell[COLUMN.licenceId];
    columns.licence[row] =
      typeof licenceId === "string" && licenceId !== ""
        ? licenceIds.read(licenceId)
          ? licences.get(licenceIds.high, licenceIds.low)
          : -2
        : -1;
    ok &&= textCheck(cell[COLUMN.softwareName], LONGEST.display, false) >= 0;
    ok &&= textCheck(cell[COLUMN.licenceLabel], LONGEST.display, false) >= 0;
    ok &&= textCheck(cell[COLUMN.device], LONGEST.device, true) > 0;
    ok &&= textCheck(cell[COLUMN.user], LONGEST.user, false) >= 0;
    ok &&= textCheck(cell[COLUMN.version], LONGEST.version, false) >= 0;
    ok &&= textCheck(cell[COLUMN.notes], LONGEST.notes, false) >= 0;
    columns.device[row] = cell[COLUMN.device] as string;
    columns.user[row] = cell[COLUMN.user] as string;
    columns.version[row] = cell[COLUMN.version] as string;
    columns.notes[row] = cell[COLUMN.notes] as string;
    const installedOn = cell[COLUMN.installedOn];
    if (typeof installedOn === "number") {
      ok &&= Number.isInteger(installedOn) && installedOn > 0 && installedOn <= LAST_SERIAL;
      columns.installedOn[row] = installedOn;
    } else columns.installedOn[row] = -1;
    const source = INSTALLATION_SOURCES.indexOf(cell[COLUMN.source] as never);
    ok &&= source >= 0 || cell[COLUMN.source] === "";
    columns.source[row] = source + 1;
    const rowVersion = cell[COLUMN.rowVersion];
    columns.rowVersion[row] = typeof rowVersion === "number" ? rowVersion : 0;
    if (!ok) columns.refused++;
  }
  return columns;
}

/** How many rows repeat an ID of a row before them: the ID numbers sorted, eleven bits a pass. */
function countRepeats({ rows, idHigh, idLow }: Columns): number {
  let high = Int32Array.from(idHigh);
  let low = Int32Array.from(idLow);
  let highTo = new Int32Array(rows);
  let lowTo = new Int32Array(rows);
  const BITS = 11;
  const MASK = (1 << BITS) - 1;
  const starts = new Int32Array(1 << BITS);
  for (const [half, shift] of [
    ["low", 0],
    ["low", 11],
    ["low", 22],
    ["high", 0],
    ["high", 11],
    ["high", 22],
  ] as const) {
    const key = half === "low" ? low : high;
    starts.fill(0);
    for (let i = 0; i < rows; i++) starts[(key[i] >>> shift) & MASK]++;
    for (let bucket = 0, sum = 0; bucket <= MASK; bucket++) {
      const count = starts[bucket];
      starts[bucket] = sum;
      sum += count;
    }
    for (let i = 0; i < rows; i++) {
      const to = starts[(key[i] >>> shift) & MASK]++;
      highTo[to] = high[i];
      lowTo[to] = low[i];
    }
    [high, highTo] = [highTo, high];
    [low, lowTo] = [lowTo, low];
  }
  let repeats = 0;
  for (let i = 1; i < rows; i++) if (high[i] === high[i - 1] && low[i] === low[i - 1]) repeats++;
  return repeats;
}

/**
 * Each licence's rows grouped (a counting sort, as each licence's list of rows), and its distinct devices and users
 * counted as the index counts them in a load (DistinctKeysByOwner).
 */
function countByLicence(columns: Columns, licenceCount: number): { devices: Int32Array; users: Int32Array } {
  const starts = new Int32Array(licenceCount + 1);
  for (let row = 0; row < columns.rows; row++) {
    const licence = columns.licence[row];
    if (licence >= 0) starts[licence + 1]++;
  }
  for (let licence = 0; licence < licenceCount; licence++) starts[licence + 1] += starts[licence];
  const next = Int32Array.from(starts);
  const grouped = new Int32Array(starts[licenceCount]);
  const distinctDevices = new DistinctKeysByOwner(columns.rows, (row) => columns.device[row]);
  const distinctUsers = new DistinctKeysByOwner(columns.rows, (row) => columns.user[row]);
  for (let row = 0; row < columns.rows; row++) {
    const licence = columns.licence[row];
    if (licence < 0) continue;
    grouped[next[licence]++] = row;
    distinctDevices.add(licence, columns.device[row], row);
    if (columns.user[row]) distinctUsers.add(licence, columns.user[row], row);
  }
  const devices = new Int32Array(licenceCount);
  const users = new Int32Array(licenceCount);
  for (let licence = 0; licence < licenceCount; licence++) {
    devices[licence] = distinctDevices.countOf(licence);
    users[licence] = distinctUsers.countOf(licence);
  }
  return { devices, users };
}

/** One table's cells parsed into records as a load parses them, the other tables left empty. */
async function parseOnly(cells: SheetRows, kind: RecordKind): Promise<number> {
  const only: SheetRows = { software: [], licences: [], allocations: [], installations: [] };
  only[kind] = cells[kind];
  return (await time(() => parseSheetRows(only))).ms;
}

async function main(): Promise<void> {
  const register = syntheticRegister(SIZE, 20261127, TODAY);
  const pages = toSheetPages(register);
  const licenceNumbers = numberTable(
    ID_PREFIXES.licences,
    register.licences.map((licence) => licence.id),
  );
  const softwareNumbers = numberTable(
    ID_PREFIXES.software,
    register.software.map((software) => software.id),
  );
  const figures: Record<string, number[]> = {};
  const note = (name: string, ms: number) => (figures[name] ??= []).push(ms);
  for (let run = 0; run < RUNS; run++) {
    let cells = deliver(pages);
    collectGarbage();
    const columns = await time(() => toColumns(cells.installations, licenceNumbers, softwareNumbers));
    const repeats = await time(() => countRepeats(columns.value));
    const byLicence = await time(() => countByLicence(columns.value, register.licences.length));
    if (columns.value.refused > 0 || repeats.value > 0)
      throw new Error("The benchmark's data has no bad rows.");
    note("installations: cells to columns", columns.ms);
    note("installations: repeats", repeats.ms);
    note("installations: by licence, distinct devices and users", byLicence.ms);
    note("installations by column", columns.ms + repeats.ms + byLicence.ms);

    cells = deliver(pages);
    collectGarbage();
    for (const kind of ["software", "licences", "allocations", "installations"] as const) {
      note(`${kind} into records (as now)`, await parseOnly(cells, kind));
    }
    cells = deliver(pages);
    collectGarbage();
    note(
      "compute as now (bench/run.ts's compute_ms)",
      (await time(async () => computePosition(await parseSheetRows(cells), TODAY))).ms,
    );
    const input = await parseSheetRows(deliver(pages));
    const index = new RegisterIndex(input, TODAY);
    collectGarbage();
    note("every licence's and product's figures (as now)", (await time(() => index.positions())).ms);
  }
  const medians: Record<string, Spread> = {};
  for (const [name, runs] of Object.entries(figures)) medians[name] = spread(runs);
  const width = Math.max(...Object.keys(medians).map((name) => name.length));
  console.log(
    `${SIZE} licences, ${register.installations.length} installations, ${RUNS} runs: median (min–max) ms`,
  );
  for (const [name, { median, min, max }] of Object.entries(medians)) {
    console.log(`${name.padEnd(width)}  ${median} (${min}–${max})`);
  }
  const rest = ["software", "licences", "allocations"].map((kind) => `${kind} into records (as now)`);
  const bestCase = [
    "installations by column",
    ...rest,
    "every licence's and product's figures (as now)",
  ].reduce((sum, name) => sum + medians[name].median, 0);
  console.log(`compute with the installations by column, the rest as now: about ${Math.round(bestCase)} ms`);
}

void main();
