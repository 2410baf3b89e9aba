/**
 * Keeps the names the sheets show beside links (a product's name, a licence's label, the dropdown entries)
 * in step with the catalogue and the licences while the add-in runs. After each change to the register (a
 * product renamed in the Software sheet, a row typed or picked from a dropdown, a save from the task pane) it
 * compares the affected records' display fields with what the live register's catalogue says they should
 * show, and writes only the ones that differ. The live register holds every record, so a pass costs no
 * reads; writing the names raises a change that the next pass finds already done.
 *
 * Start-up: `followNames(register, startLiveRegister(register))`.
 */
import type { RecordKind } from "../domain/ids";
import { ReferenceNames, staleFields } from "../domain/references";
import { forEachPaced, yieldEvery } from "../domain/yielding";
import type { Register, RegisterChange } from "../workbook/registerApi";
import type { LiveRegister } from "./liveRegister";

/** Whose names can change when a table changes: a product's name shows in every table's names. */
const AFFECTS: Record<RegisterChange["kinds"][number], RecordKind[]> = {
  software: ["software", "licences", "allocations", "installations"],
  licences: ["licences", "allocations", "installations"],
  allocations: ["allocations"],
  installations: ["installations"],
  settings: [],
};
const KINDS: RecordKind[] = ["software", "licences", "allocations", "installations"];
/** A name written this recently is not written again while its change is on its way back. */
const ECHO_MS = 5_000;

export interface NameFollowerOptions {
  /** Waits this long after a change for more before a pass (default 100 ms). */
  delayMs?: number;
  /** Failed writes; console.error by default. */
  onError?: (error: unknown) => void;
  /** Called after each pass with how many cells it wrote. */
  onPass?: (written: number) => void;
}

export function followNames(
  register: Register,
  live: Pick<LiveRegister, "ready" | "settled" | "recordsIn">,
  options: NameFollowerOptions = {},
): () => void {
  const write = register.writeDisplayFields?.bind(register);
  if (!write) return () => undefined;
  const delay = options.delayMs ?? 100;
  const onError = options.onError ?? ((error: unknown) => console.error(error));
  const pending = new Set<RecordKind>(KINDS);
  const recent = new Map<string, { value: string; at: number }>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let queue: Promise<void> = live.ready.catch(() => undefined);
  let stopped = false;

  const schedule = () => {
    if (timer !== undefined || stopped) return;
    timer = setTimeout(() => {
      timer = undefined;
      queue = queue.then(pass).catch(onError);
    }, delay);
  };

  async function pass(): Promise<void> {
    if (stopped || pending.size === 0) return;
    await live.settled();
    const kinds = KINDS.filter((kind) => pending.has(kind));
    pending.clear();
    const names = new ReferenceNames(
      live.recordsIn("software").values(),
      live.recordsIn("licences").values(),
    );
    const now = Date.now();
    // A pass compares every record (hundreds of thousands in a large register): it gives the thread back
    // between slices, behind the tasks already waiting, or the first pass after loading holds the thread for
    // seconds before the pane can show the list (4 s at 100k licences).
    const pause = yieldEvery(undefined, { background: true });
    let written = 0;
    for (const kind of kinds) {
      const stale: { id: string; fields: Record<string, string> }[] = [];
      await forEachPaced([...live.recordsIn(kind).values()], pause, (record) => {
        const update = staleFields(kind, record, names);
        if (!update) return;
        const fields = notJustWritten(kind, update.id, update.fields, now);
        if (Object.keys(fields).length > 0) stale.push({ id: update.id, fields });
      });
      if (stale.length === 0) continue;
      const result = await write!(kind, stale);
      if (!result.ok) throw new Error(result.error.message);
      written += result.value;
      for (const update of stale) {
        for (const [field, value] of Object.entries(update.fields))
          recent.set(`${kind}|${update.id}|${field}`, { value, at: now });
      }
    }
    for (const [key, entry] of recent) if (now - entry.at > ECHO_MS) recent.delete(key);
    options.onPass?.(written);
  }

  function notJustWritten(
    kind: RecordKind,
    id: string,
    fields: Record<string, string>,
    now: number,
  ): Record<string, string> {
    return Object.fromEntries(
      Object.entries(fields).filter(([field, value]) => {
        const last = recent.get(`${kind}|${id}|${field}`);
        return !last || last.value !== value || now - last.at > ECHO_MS;
      }),
    );
  }

  const unsubscribe = register.onChanged((change) => {
    for (const kind of change.kinds) for (const affected of AFFECTS[kind]) pending.add(affected);
    schedule();
  });
  // The first pass catches up a register edited without the add-in (a product renamed by a colleague).
  schedule();
  return () => {
    stopped = true;
    unsubscribe();
    if (timer !== undefined) clearTimeout(timer);
  };
}
