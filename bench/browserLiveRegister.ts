/**
 * Runs in Chromium (scripts/live-register-memory-chromium.ts bundles it): the benchmark's register, seeded as
 * bench/run.ts seeds it, then opened into the live register and the name follower as the add-in starts them,
 * in two steps the measuring script calls so that it can read the heap between them.
 */
import { followNames } from "../src/live/liveNames";
import { startLiveRegister } from "../src/live/sharedLiveRegister";
import { hostRegister, type HostRegister } from "./hostRegister";
import { syntheticRegister } from "./synthetic";

interface BenchPage {
  seedRegister(licences: number, seed: number, today: string): Promise<void>;
  openLiveRegister(today: string): Promise<void>;
  /** What the page keeps alive: the workbook, then the live register too (it stays open while measured). */
  kept: { host?: HostRegister; live?: unknown };
}

const page = window as unknown as BenchPage;
page.kept = {};

page.seedRegister = async (licences, seed, today) => {
  // The generator's records go out of scope here, as in bench/run.ts: the add-in never holds them.
  page.kept.host = await hostRegister(syntheticRegister(licences, seed, today), "web");
};

page.openLiveRegister = async (today) => {
  const { register } = page.kept.host!;
  const live = startLiveRegister(register, { today: () => today });
  let caughtUp: () => void = () => undefined;
  const namesCaughtUp = new Promise<void>((resolve) => (caughtUp = resolve));
  followNames(register, live, { onPass: () => caughtUp() });
  await live.ready;
  await namesCaughtUp;
  await live.trimmed();
  page.kept.live = live;
};
