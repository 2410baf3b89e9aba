/**
 * What the number of requests costs where each is a round trip (Excel on the web: "the round trips go across
 * the internet"), on the realistic register (100k licences by default) in the in-memory Excel (web profile):
 *
 *  - load_round_trip_<N>_ms: Register.load() (every table read in pages within the 5 MB limit, parsed as each page
 *    arrives) with every answer reaching the add-in N ms after Excel has carried the request out, for N = 0
 *    and 100. Microsoft gives no time for a round trip; 100 ms is a named guess, not a measure of Excel;
 *  - load_round_trip_syncs: the requests one load makes.
 *
 * Median of five runs, with min and max. Merges its figures into bench/results.json.
 *
 *   node --max-old-space-size=8192 --expose-gc --import tsx bench/roundTrips.ts   (part of `npm run bench`)
 *   BENCH_ROUND_TRIP_SIZE=10000 node --expose-gc --import tsx bench/roundTrips.ts  (a smaller register)
 */
import { mergeResults } from "./mergeResults";
import { addInRuntime, hostRegister } from "./hostRegister";
import { round, spread, time } from "./stats";
import { syntheticRegister } from "./synthetic";

const SIZE = Number(process.env.BENCH_ROUND_TRIP_SIZE ?? 100_000);
const LABEL = SIZE >= 1000 ? `${SIZE / 1000}k` : String(SIZE);
const RUNS = 5;
const ROUND_TRIPS_MS = [0, 100];

const collectGarbage = () => (globalThis as { gc?: () => void }).gc?.();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main(): Promise<void> {
  const figures: Record<string, number> = {};
  for (const roundTripMs of ROUND_TRIPS_MS) {
    const host = await hostRegister(syntheticRegister(SIZE, 20261127, "2026-11-27"), "web", roundTripMs);
    const loads: number[] = [];
    let syncs = 0;
    for (let run = 0; run < RUNS; run++) {
      collectGarbage();
      await sleep(300);
      // a runtime of its own each run: a register that has read nothing, closed afterwards
      const runtime = addInRuntime(host.workbook, `bench-round-trip-${run}`);
      const load = await time(() => runtime.register.load());
      if (load.value.issues.length > 0)
        throw new Error(`The load found ${load.value.issues.length} problems.`);
      loads.push(load.ms);
      syncs = runtime.session.stats.syncs;
      runtime.session.close();
    }
    const { median, min, max } = spread(loads);
    figures[`load_round_trip_${roundTripMs}_ms_${LABEL}`] = median;
    figures[`load_round_trip_${roundTripMs}_min_ms_${LABEL}`] = min;
    figures[`load_round_trip_${roundTripMs}_max_ms_${LABEL}`] = max;
    figures[`load_round_trip_syncs_${LABEL}`] = syncs;
    console.log(`round trip ${roundTripMs} ms: load ${round(median)} ms (${min}–${max}), ${syncs} requests`);
  }
  mergeResults(figures);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
