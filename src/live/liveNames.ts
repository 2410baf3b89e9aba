/**
 * Keeps the names the sheets show beside links (a product's name, a licence's label, the dropdown entries)
 * in step with the catalogue and the licences while the add-in runs. After each change the live register
 * applies (a product renamed in the Software sheet, a row typed or picked from a dropdown, a save from the
 * task pane) it compares records' display fields with what the catalogue says they should show, and writes
 * only the ones that differ. The live register holds every record, so a pass costs no reads; writing the
 * names raises a change that the next pass finds already done.
 *
 * Which records a pass compares: after a load, or a product named, renamed or removed, every record (at
 * 100,000 licences that is 1.4 million records and seconds of work, done in slices). After any other change,
 * only the records it touched, and the rows linked to a licence whose label it changed: typing one
 * installation compares one record.
 *
 * Start-up: `followNames(register, startLiveRegister(register))`.
 */
import type { RecordKind } from "../domain/ids";
import { ReferenceNames, shareNames, staleFields, type DisplayUpdate } from "../domain/references";
import { forEachPaced, yieldEvery, type Pause } from "../domain/yielding";
import type { Register } from "../workbook/registerApi";
import type { LiveRegister } from "./liveRegister";

type Row = Readonly<Record<string, unknown>>;

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
  live: Pick<LiveRegister, "ready" | "settled" | "recordsIn" | "onUpdated" | "index">,
  options: NameFollowerOptions = {},
): () => void {
  const write = register.writeDisplayFields?.bind(register);
  if (!write) return () => undefined;
  const delay = options.delayMs ?? 100;
  const onError = options.onError ?? ((error: unknown) => console.error(error));
  /** The first pass compares everything: it catches up a register edited without the add-in. */
  let everything = true;
  const touched = new Map<RecordKind, Set<string>>();
  let names: ReferenceNames | undefined;
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

  /** The catalogue's and the licences' names, built in slices: at 100,000 licences in one go it held the thread 0.5 s. */
  async function allNames(pause: Pause): Promise<ReferenceNames> {
    const built = new ReferenceNames();
    await forEachPaced(live.recordsIn("software"), pause, ([id, product]) => built.setProduct(id, product));
    await forEachPaced(live.recordsIn("licences"), pause, ([id, licence]) => built.setLicence(id, licence));
    return built;
  }

  /**
   * The records a change can have put out of step, brought into `known` names: those it touched, and the rows
   * linked to a licence whose label changed. Undefined when a product's name changed: every table shows it.
   */
  function touchedRecords(known: ReferenceNames, changes: Map<RecordKind, Set<string>>) {
    const records = new Map<RecordKind, Map<string, Row>>(KINDS.map((kind) => [kind, new Map()]));
    const add = (kind: RecordKind, record: Row | undefined) => {
      if (record) records.get(kind)!.set(String(record.id), record);
    };
    for (const id of changes.get("software") ?? []) {
      const product = live.recordsIn("software").get(id);
      if (known.setProduct(id, product)) return undefined;
      add("software", product);
    }
    for (const id of changes.get("licences") ?? []) {
      const licence = live.recordsIn("licences").get(id);
      add("licences", licence);
      if (!known.setLicence(id, licence)) continue;
      for (const installation of live.index.installationsOf(id)) add("installations", installation);
      for (const allocation of live.index.allocationsOf(id)) add("allocations", allocation);
    }
    for (const kind of ["allocations", "installations"] as const)
      for (const id of changes.get(kind) ?? []) add(kind, live.recordsIn(kind).get(id));
    return new Map<RecordKind, Iterable<Row>>([...records].map(([kind, byId]) => [kind, byId.values()]));
  }

  async function pass(): Promise<void> {
    if (stopped || (!everything && touched.size === 0)) return;
    await live.settled();
    const changes = new Map(touched);
    touched.clear();
    // A pass over every record gives the thread back between slices, behind the tasks already waiting, or
    // the first pass after loading holds the thread for seconds before the pane can show the list.
    const pause = yieldEvery(undefined, { background: true });
    let toCompare = !everything && names ? touchedRecords(names, changes) : undefined;
    everything = false;
    if (!toCompare) {
      names = await allNames(pause);
      toCompare = new Map(KINDS.map((kind) => [kind, live.recordsIn(kind).values()]));
    }
    const current = names!;
    const now = Date.now();
    let written = 0;
    for (const [kind, records] of toCompare) {
      const stale: DisplayUpdate[] = [];
      await forEachPaced(records, pause, (record) => {
        shareNames(kind, record as Record<string, unknown>, current);
        const update = staleFields(kind, record, current);
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

  const unsubscribe = live.onUpdated((affected) => {
    if (affected.all) everything = true;
    for (const [kind, ids] of affected.records) {
      let known = touched.get(kind);
      if (!known) touched.set(kind, (known = new Set()));
      for (const id of ids) known.add(id);
    }
    schedule();
  });
  schedule();
  return () => {
    stopped = true;
    unsubscribe();
    if (timer !== undefined) clearTimeout(timer);
  };
}
