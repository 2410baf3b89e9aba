/**
 * What each kind of write costs in request and response bytes on Excel on the web (the in-memory host's `web`
 * profile: UTF-8 bytes of each sync's JSON, 5 MB limit on both), on the realistic 100k-licence register: a load,
 * saving one installation, adding one, deleting one, and saving 2,000 installations at once. Merges its figures
 * into bench/results.json (keys written by other scripts are kept).
 *
 *   node --max-old-space-size=8192 --import tsx bench/writes.ts      (part of `npm run bench`)
 *   BENCH_WRITES_SIZE=10000 node --import tsx bench/writes.ts         (a smaller register)
 */
import { mergeResults } from "./mergeResults";
import type { HostSession } from "../src/host";
import type { Result } from "../src/workbook/registerApi";
import { hostRegister } from "./hostRegister";
import { syntheticRegister } from "./synthetic";

const SIZE = Number(process.env.BENCH_WRITES_SIZE ?? 100_000);
const LABEL = SIZE >= 1000 ? `${SIZE / 1000}k` : String(SIZE);
const MANY = 2_000;

interface Bytes {
  syncs: number;
  max_request_bytes: number;
  max_response_bytes: number;
  total_response_bytes: number;
}

async function measure(session: HostSession, work: () => Promise<unknown>): Promise<Bytes> {
  session.stats.reset();
  await work();
  return {
    syncs: session.stats.syncs,
    max_request_bytes: session.stats.maxRequestBytes,
    max_response_bytes: session.stats.maxResponseBytes,
    total_response_bytes: session.stats.responseBytes.reduce((sum, bytes) => sum + bytes, 0),
  };
}

function must<T>(result: Result<T>, what: string): T {
  if (!result.ok) throw new Error(`${what} failed: ${result.error.message}`);
  return result.value;
}

async function main(): Promise<void> {
  const synthetic = syntheticRegister(SIZE);
  const { session, register } = await hostRegister(synthetic, "web");
  let data = await register.load();
  const load = await measure(session, async () => {
    data = await register.load();
  });

  // A person edits one installation somewhere in the middle of the table (rows are in random order).
  const target = data.installations[Math.floor(data.installations.length / 2)];
  const saveOne = await measure(session, async () =>
    must(
      await register.update("installations", { ...target, version: `${target.version ?? ""} SP1` }),
      "save",
    ),
  );
  const addOne = await measure(session, async () =>
    must(
      await register.add("installations", {
        softwareId: target.softwareId,
        licenceId: target.licenceId,
        device: "BENCH-NEW-001",
        version: "1.0",
        source: "Manual",
      }),
      "add",
    ),
  );
  data = await register.load();
  const added = data.installations.find((installation) => installation.device === "BENCH-NEW-001")!;
  const deleteOne = await measure(session, async () =>
    must(await register.remove("installations", added.id, added.rowVersion), "delete"),
  );
  // Every 50th installation, so the rows are far apart (non-adjacent writes carry their own addresses).
  const spread = data.installations.filter((_, i) => i % 50 === 0).slice(0, MANY);
  const saveMany = await measure(session, async () =>
    must(
      await register.updateMany(
        "installations",
        spread.map((installation) => ({ ...installation, notes: "Checked in the 2026 true-up — ü" })),
      ),
      "save many",
    ),
  );

  const figures: Record<string, number> = {
    [`load_max_response_bytes_${LABEL}`]: load.max_response_bytes,
    [`save_one_response_bytes_${LABEL}`]: saveOne.total_response_bytes,
    [`save_one_request_bytes_${LABEL}`]: saveOne.max_request_bytes,
    [`add_one_response_bytes_${LABEL}`]: addOne.total_response_bytes,
    [`delete_one_response_bytes_${LABEL}`]: deleteOne.total_response_bytes,
    [`save_${MANY}_max_request_bytes_${LABEL}`]: saveMany.max_request_bytes,
    [`max_request_bytes_${LABEL}`]: Math.max(
      load.max_request_bytes,
      saveOne.max_request_bytes,
      addOne.max_request_bytes,
      deleteOne.max_request_bytes,
      saveMany.max_request_bytes,
    ),
    [`max_response_bytes_${LABEL}`]: Math.max(
      load.max_response_bytes,
      saveOne.max_response_bytes,
      addOne.max_response_bytes,
      deleteOne.max_response_bytes,
      saveMany.max_response_bytes,
    ),
  };
  console.table({ load, saveOne, addOne, deleteOne, [`save${MANY}`]: saveMany });
  console.log(figures);

  mergeResults(figures);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
