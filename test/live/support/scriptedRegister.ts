/** A register that reports its own writes as the workbook register does, followed by a live register. */
import fc from "fast-check";
import type { IsoDate } from "../../../src/domain/dates";
import type { RecordKind } from "../../../src/domain/ids";
import { computePosition } from "../../../src/domain/position";
import type { RegisterPosition } from "../../../src/domain/positionTypes";
import type { Allocation, Installation, Licence, Software } from "../../../src/domain/schemas";
import { LiveRegister } from "../../../src/live/liveRegister";
import type { Register, RegisterChange, RegisterData } from "../../../src/workbook/registerApi";
import { allocation, AS_OF, installation, licence, register, software } from "../../domain/fixtures";

export type Tables = {
  software: Map<string, Software>;
  licences: Map<string, Licence>;
  installations: Map<string, Installation>;
  allocations: Map<string, Allocation>;
};
export type AnyRecord = Software | Licence | Installation | Allocation;

/**
 * A register that reports its own writes the way the workbook register does (records as saved, IDs
 * removed), so the live register follows it change by change without reading anything again.
 */
export class ScriptedRegister {
  private listener: ((change: RegisterChange) => void) | undefined;
  constructor(readonly tables: Tables) {}

  load = async (): Promise<RegisterData> => ({
    ...register({
      software: [...this.tables.software.values()],
      licences: [...this.tables.licences.values()],
      installations: [...this.tables.installations.values()],
      allocations: [...this.tables.allocations.values()],
      settings: { exchangeRates: { USD: 0.8 } },
    }),
    issues: [],
  });

  onChanged = (listener: (change: RegisterChange) => void) => {
    this.listener = listener;
    return () => (this.listener = undefined);
  };

  save(kind: RecordKind, record: AnyRecord): void {
    (this.tables[kind] as Map<string, AnyRecord>).set(record.id, record);
    this.listener?.({ kinds: [kind], source: "local", saved: [record] });
  }

  /** Several records saved in one change, as a save of many rows reports them. */
  saveMany(kind: RecordKind, records: AnyRecord[]): void {
    for (const record of records) (this.tables[kind] as Map<string, AnyRecord>).set(record.id, record);
    this.listener?.({ kinds: [kind], source: "local", saved: records });
  }

  remove(kind: RecordKind, id: string): void {
    this.tables[kind].delete(id);
    this.listener?.({ kinds: [kind], source: "local", removedIds: [id] });
  }

  async fresh(): Promise<RegisterPosition> {
    return computePosition(await this.load(), AS_OF);
  }
}

export const byId = <T extends { id: string }>(records: T[]) => new Map(records.map((r) => [r.id, r]));

export async function follow(
  tables: Partial<Tables>,
  options: { sliceMs?: number; today?: () => IsoDate } = {},
): Promise<{ scripted: ScriptedRegister; live: LiveRegister }> {
  const scripted = new ScriptedRegister({
    software: tables.software ?? byId([software("SW-1"), software("SW-2")]),
    licences: tables.licences ?? new Map(),
    installations: tables.installations ?? new Map(),
    allocations: tables.allocations ?? new Map(),
  });
  const live = new LiveRegister(scripted as unknown as Register, {
    today: () => AS_OF,
    ...options,
    onError: (error) => {
      throw error;
    },
  });
  await live.ready;
  return { scripted, live };
}

// A small world so that edits collide: few IDs, mixed case and stray spaces in references.
const day = fc.constantFrom("2026-01-01", "2026-06-14", "2026-06-15", "2026-06-16", "2026-12-31");
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const softwareRef = fc.constantFrom("SW-1", "SW-2", "sw-3");
const licenceRef = fc.constantFrom("LIC-1", "LIC-2", "lic-3", " LIC-4", "LIC-9");

export type Edit =
  { kind: RecordKind; record: AnyRecord } | { kind: RecordKind; remove: string } | { look: true };

export const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc
    .record({
      id: fc.constantFrom("LIC-1", "LIC-2", "LIC-3", "LIC-4"),
      softwareId: softwareRef,
      quantity: fc.nat({ max: 4 }),
      unlimited: fc.boolean(),
      allocationRule: fc.constantFrom("Device-based" as const, "User-based" as const, "Concurrent" as const),
      expiryDate: maybe(day),
      currency: fc.constantFrom("GBP", "USD", "JPY"),
      cost: maybe(fc.nat({ max: 5000 })),
    })
    .map((fields) => ({ kind: "licences" as const, record: licence(fields) })),
  fc
    .record({
      id: fc.constantFrom("I1", "I2", "I3", "I4", "I5"),
      softwareId: softwareRef,
      licenceId: maybe(licenceRef),
      device: fc.constantFrom("PC-1", "pc-1 ", "PC-2"),
    })
    .map((fields) => ({ kind: "installations" as const, record: installation(fields) })),
  fc
    .record({
      id: fc.constantFrom("A1", "A2", "A3"),
      licenceId: licenceRef,
      user: fc.constantFrom("ann", "Bob"),
      allocatedOn: maybe(day),
    })
    .map((fields) => ({ kind: "allocations" as const, record: allocation(fields) })),
  fc.constantFrom("SW-1", "SW-2", "SW-3").map((id) => ({ kind: "software" as const, record: software(id) })),
  fc.oneof(
    fc.record({ kind: fc.constant("licences" as const), remove: fc.constantFrom("LIC-1", "LIC-2", "LIC-3") }),
    fc.record({ kind: fc.constant("installations" as const), remove: fc.constantFrom("I1", "I2", "I3") }),
    fc.record({ kind: fc.constant("allocations" as const), remove: fc.constantFrom("A1", "A2") }),
    fc.record({ kind: fc.constant("software" as const), remove: fc.constantFrom("SW-1", "SW-2", "SW-3") }),
  ),
  fc.constant({ look: true as const }),
);
