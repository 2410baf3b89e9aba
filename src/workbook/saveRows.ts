import { forEachPaced, yieldEvery, type Pause } from "../domain/yielding";
import type { CellValue } from "./cells";
import { heldCell, storedValue } from "./cells";
import { isItemNotFound } from "./excel";
import { escapeFind, type Located } from "./locate";
import { MAX_RESPONSE_BYTES, MAX_WRITE_BYTES, RANGE_OPERATION_BYTES, jsonBytes } from "./payload";
import { parseRow } from "./records";
import type { RecordTableSpec } from "./tables/types";

type Row = Record<string, unknown>;

/** One record's write: the cells it changes in its row, decided from the row as it was read (`before`). */
export interface PlannedWrite {
  /** Index of the record in the caller's list. */
  index: number;
  id: string;
  /** Body row. */
  row: number;
  /** The row's cells as read when the write was decided. */
  before: readonly unknown[];
  /** Position in the table → the value to write, fields and Modified (Row Version is `version`). */
  cells: Map<number, CellValue>;
  /** The Row Version the row gets. */
  version: number;
  /** The record as saved, should the row read back not parse (it always should). */
  record: Row;
}

export interface WriteOutcome {
  /** The records as saved, by the caller's index. */
  written: Map<number, Row>;
  /** Records whose row changed between reading and writing: their cells were given back; decide again. */
  retry: number[];
}

/** Consecutive rows writing the same cells, written as one range per run of adjacent cells. */
interface Block {
  plans: PlannedWrite[];
  /** Runs of adjacent positions, the one holding Row Version last. */
  runs: number[][];
  /** More than one range: the Row Version cell says "unfinished" until the last one is written. */
  marked: boolean;
}

function runsOf(positions: number[], versionAt: number): number[][] {
  const sorted = [...positions].sort((a, b) => a - b);
  const runs: number[][] = [];
  for (const position of sorted) {
    const last = runs[runs.length - 1];
    if (last && last[last.length - 1] + 1 === position) last.push(position);
    else runs.push([position]);
  }
  const withVersion = runs.findIndex((run) => run.includes(versionAt));
  runs.push(...runs.splice(withVersion, 1));
  return runs;
}

async function blocksOf(plans: PlannedWrite[], versionAt: number, pause: Pause): Promise<Block[]> {
  const sorted = [...plans].sort((a, b) => a.row - b.row);
  const blocks: Block[] = [];
  let key = "";
  await forEachPaced(sorted, pause, (plan) => {
    const positions = [...plan.cells.keys(), versionAt];
    const planKey = [...positions].sort((a, b) => a - b).join(",");
    const last = blocks[blocks.length - 1];
    if (last && planKey === key && last.plans[last.plans.length - 1].row + 1 === plan.row) {
      last.plans.push(plan);
      return;
    }
    const runs = runsOf(positions, versionAt);
    blocks.push({ plans: [plan], runs, marked: runs.length > 1 });
    key = planKey;
  });
  return blocks;
}

function cellOf(plan: PlannedWrite, position: number, versionAt: number): CellValue {
  return position === versionAt ? plan.version : (plan.cells.get(position) ?? "");
}

/** What a block costs: [request bytes, response bytes] (the pre-image read back holds values and formulas). */
function costOf(block: Block, versionAt: number, guards: boolean): [number, number] {
  const perRowGuards = guards ? 2 * RANGE_OPERATION_BYTES : 0;
  let request = RANGE_OPERATION_BYTES * (block.runs.length + 1 + (block.marked ? 1 : 0));
  let response = RANGE_OPERATION_BYTES;
  for (const plan of block.plans) {
    request += perRowGuards + (guards ? 2 * plan.id.length : 0);
    response += guards ? 2 * RANGE_OPERATION_BYTES : 0;
    for (const run of block.runs) request += jsonBytes(run.map((p) => cellOf(plan, p, versionAt)));
    response += 2 * (jsonBytes(plan.before) + 1);
  }
  return [request, response];
}

/** Blocks costed between two looks at the clock. */
const BLOCKS_PER_CHECK = 256;

/**
 * Splits blocks into requests under both limits; a block too large alone is split by rows. A save of tens of
 * thousands of scattered rows is as many blocks, so the thread is given back between slices of them.
 */
async function requestsOf(
  blocks: Block[],
  versionAt: number,
  guards: boolean,
  pause: Pause,
): Promise<Block[][]> {
  const requests: Block[][] = [];
  let current: Block[] = [];
  let request = 0;
  let response = 0;
  // the next block is last: taking from the front of tens of thousands of blocks copied the rest each time
  const stack = [...blocks].reverse();
  for (let costed = 1; stack.length > 0; costed++) {
    if (costed % BLOCKS_PER_CHECK === 0) await pause();
    const block = stack.pop()!;
    const [requestCost, responseCost] = costOf(block, versionAt, guards);
    const tooBig = requestCost > MAX_WRITE_BYTES || responseCost > MAX_RESPONSE_BYTES;
    if (tooBig && block.plans.length > 1) {
      const half = Math.ceil(block.plans.length / 2);
      stack.push(
        { ...block, plans: block.plans.slice(half) },
        { ...block, plans: block.plans.slice(0, half) },
      );
      continue;
    }
    if (
      current.length > 0 &&
      (request + requestCost > MAX_WRITE_BYTES || response + responseCost > MAX_RESPONSE_BYTES)
    ) {
      requests.push(current);
      current = [];
      request = 0;
      response = 0;
    }
    current.push(block);
    request += requestCost;
    response += responseCost;
  }
  if (current.length > 0) requests.push(current);
  return requests;
}

const EXACT = { completeMatch: true, matchCase: true };

/**
 * Conditions a request on a row still being as it was read: Range.find over two cells (the ID cell and its
 * neighbour; the Row Version cell and its neighbour) fails with ItemNotFound when the value is not there, and
 * a failing operation stops the request before anything queued after it runs. Two cells, because find on a
 * single cell searches the whole sheet; a neighbour is never an ID or a Row Version, so cannot match instead.
 */
export function queueGuards(
  body: Excel.Range,
  located: Located,
  row: number,
  id: string,
  version: unknown,
): void {
  body.getCell(row, located.idAt).getResizedRange(0, 1).find(escapeFind(id), EXACT).load("rowIndex");
  if (typeof version !== "number") return; // blank (typed by hand) or text: the ID guard and the pre-image check
  const { versionAt } = located;
  const from = versionAt > 0 ? versionAt - 1 : versionAt;
  body.getCell(row, from).getResizedRange(0, 1).find(String(version), EXACT).load("rowIndex");
}

/**
 * Writes the planned cells. Each row's writes are conditioned on its ID and Row Version still being those
 * read (queueGuards; with Range.find, ExcelApi 1.9): when another save changed the row, or another record
 * moved into it (a sort, an insert, a delete), Excel stops the request before writing that row and the record
 * is decided again from the row as it is then. In the same request, queued before the writes, each row's
 * pre-image is read: when it shows that someone typed into a cell this write also wrote (the guards only see
 * saves), that cell is given back as it was, if the row still holds this save, and the record is decided again.
 * Cells this write does not touch are never written, so changes to other fields in the meantime stay.
 *
 * A row written with more than one range first gets a negative Row Version (minus the version being written),
 * which the last range replaces: a request that fails part-way leaves the row marked as unfinished, never a
 * mix of old and new cells that passes for a valid record.
 */
export async function writePlanned(
  context: Excel.RequestContext,
  spec: RecordTableSpec,
  located: Located,
  plans: PlannedWrite[],
  save: { unfinished: Map<string, number>; guards: boolean },
  onWritten?: (count: number) => void,
): Promise<WriteOutcome> {
  const { versionAt } = located;
  const written = new Map<number, Row>();
  const retry: number[] = [];
  const pause = yieldEvery();
  const requests = await requestsOf(await blocksOf(plans, versionAt, pause), versionAt, save.guards, pause);
  for (const [n, request] of requests.entries()) {
    context.application.suspendApiCalculationUntilNextSync();
    const body = located.table.getDataBodyRange();
    const loaded = request.map((block) => {
      const first = block.plans[0].row;
      const rows = block.plans.length;
      if (save.guards) {
        for (const plan of block.plans) queueGuards(body, located, plan.row, plan.id, plan.before[versionAt]);
      }
      const preImage = body
        .getRow(first)
        .getResizedRange(rows - 1, 0)
        .load("values,formulas");
      if (block.marked) {
        for (const plan of block.plans) save.unfinished.set(plan.id, plan.version);
        body.getCell(first, versionAt).getResizedRange(rows - 1, 0).values = block.plans.map((plan) => [
          -plan.version,
        ]);
      }
      for (const run of block.runs) {
        body.getCell(first, run[0]).getResizedRange(rows - 1, run.length - 1).values = block.plans.map(
          (plan) => run.map((position) => cellOf(plan, position, versionAt)),
        );
      }
      return { block, preImage };
    });
    try {
      await context.sync();
    } catch (error) {
      if (!isItemNotFound(error)) throw error;
      // a guard stopped the request: rows before it were written, the rest not; decide them all again
      // (a row this request did write reads back as already saved)
      for (const later of requests.slice(n))
        for (const block of later) for (const plan of block.plans) retry.push(plan.index);
      return { written, retry };
    }

    const giveBack: { plan: PlannedWrite; cells: [number, CellValue][] }[] = [];
    for (const { block, preImage } of loaded) {
      block.plans.forEach((plan, i) => {
        save.unfinished.delete(plan.id);
        const values = preImage.values[i] ?? [];
        const formulas = preImage.formulas[i] ?? [];
        const positions = [...plan.cells.keys(), versionAt];
        const unchanged =
          String(values[located.idAt] ?? "").trim() === plan.id &&
          positions.every((position) => values[position] === plan.before[position]);
        if (unchanged) {
          const after = [...values];
          for (const position of positions) after[position] = storedValue(cellOf(plan, position, versionAt));
          const parsed = parseRow(spec, located.layout, located.positions, after, plan.row).record;
          written.set(plan.index, parsed ?? plan.record);
          return;
        }
        retry.push(plan.index);
        giveBack.push({
          plan,
          cells: positions.map((position) => [position, heldCell(values[position], formulas[position])]),
        });
      });
    }
    for (const { plan, cells } of giveBack) {
      // only while the row still holds this save: once someone saved after it, their save stands
      if (save.guards) queueGuards(body, located, plan.row, plan.id, plan.version);
      for (const [position, value] of cells) body.getCell(plan.row, position).values = [[value]];
      try {
        await context.sync();
      } catch (error) {
        if (!isItemNotFound(error)) throw error;
      }
    }
    onWritten?.(written.size);
  }
  return { written, retry };
}
