/**
 * Runs in Chromium (scripts/compute-chromium.ts bundles it): bench/run.ts's compute, the same code on the same
 * data. The page makes the benchmark's register into sheet cells once, kept as JSON text (SheetPages); before
 * each run it is handed the cells afresh as Office.js delivers them (decoded from that JSON), and the run is
 * timed from those cells to every licence's and product's position. The measuring script collects garbage
 * between the two calls, never inside a run.
 */
import { computePosition } from "../src/domain/position";
import { deliver, parseSheetRows, toSheetPages, type SheetPages, type SheetRows } from "./sheetRows";
import { syntheticRegister } from "./synthetic";

interface ComputePage {
  makeSheetRows(licences: number, seed: number, today: string): void;
  deliverCells(): void;
  /** One compute from the delivered cells: its parse and position times and the whole, in ms. */
  computeOnce(today: string): Promise<{ parse: number; position: number; total: number }>;
}

const page = window as unknown as ComputePage;
let pages: SheetPages | undefined;
let delivered: SheetRows | undefined;

page.makeSheetRows = (licences, seed, today) => {
  pages = toSheetPages(syntheticRegister(licences, seed, today));
};

page.deliverCells = () => {
  delivered = deliver(pages!);
};

page.computeOnce = async (today) => {
  const cells = delivered!;
  delivered = undefined;
  const start = performance.now();
  const input = await parseSheetRows(cells);
  const parsed = performance.now();
  computePosition(input, today);
  const end = performance.now();
  return { parse: parsed - start, position: end - parsed, total: end - start };
};
