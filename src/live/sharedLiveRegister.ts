/**
 * The live register of this runtime: the one the LICENSE functions read, and the one the task pane is given
 * when both run in Excel's shared runtime. Started once at start-up; starting another stops the first.
 */
import type { Register } from "../workbook/registerApi";
import { LiveRegister, type LiveRegisterOptions } from "./liveRegister";

let current: LiveRegister | undefined;
const followers = new Set<(live: LiveRegister | undefined) => void>();

function setCurrent(live: LiveRegister | undefined): void {
  current = live;
  for (const follower of [...followers]) follower(live);
}

/** Starts (or restarts with another register) the shared live register. */
export function startLiveRegister(register: Register, options: LiveRegisterOptions = {}): LiveRegister {
  current?.stop();
  const live = new LiveRegister(register, options);
  live.onStopped(() => {
    if (current === live) setCurrent(undefined);
  });
  setCurrent(live);
  return live;
}

export function sharedLiveRegister(): LiveRegister | undefined {
  return current;
}

/** Calls the follower with the shared live register now and whenever another one starts (or it stops). */
export function followSharedLiveRegister(follower: (live: LiveRegister | undefined) => void): () => void {
  followers.add(follower);
  follower(current);
  return () => followers.delete(follower);
}
