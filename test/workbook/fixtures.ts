import {
  createInMemoryWorkbook,
  type ExcelPlatform,
  type HostSession,
  type InMemoryWorkbook,
} from "../../src/host";
import type { RecordKind } from "../../src/domain/ids";
import type { Allocation, Installation, Licence, Software } from "../../src/domain/schemas";
import { createWorkbookRegister } from "../../src/workbook/createWorkbookRegister";
import type { NewRecord, Register } from "../../src/workbook/registerApi";

export type Workbook = InMemoryWorkbook;
export type Session = HostSession;

/** Errors from the registers' background work (event subscriptions, selection look-ups); tests expect none. */
export const backgroundErrors: unknown[] = [];

/**
 * Waits until `done` holds, or `timeoutMs` has passed (the assertions after it then say what is missing). For
 * what arrives after a chain of syncs, each answered in a task of its own, as Excel answers. The wait ends as
 * soon as `done` holds, so it can be long: a CI machine running every suite at once on two cores once took
 * over 2 s to answer a chain that takes about 100 ms alone.
 */
export async function until(done: () => boolean, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!done() && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 5));
}

/** Deterministic IDs per register, unique across registers (two co-authors never coordinate). */
export function idMaker(prefix: string): (kind: RecordKind) => string {
  let n = 0;
  return (kind) => `${kind.slice(0, 3).toUpperCase()}-${prefix}${String(++n).padStart(8, "0")}`;
}

/**
 * A register on a co-author's session. The host raises its events on the next macrotask, so own-write echoes
 * and format events need no waiting; the selection is re-read every `selectionRecheckMs` (default 2 s).
 */
export function registerOn(
  session: Session,
  options: { newId?: (kind: RecordKind) => string; now?: () => Date; selectionRecheckMs?: number } = {},
): Register {
  return createWorkbookRegister({
    run: (batch) => session.run(batch),
    now: options.now ?? (() => new Date("2026-05-01T09:30:00.000Z")),
    ...(options.newId ? { newId: options.newId } : {}),
    ...(options.selectionRecheckMs ? { selectionRecheckMs: options.selectionRecheckMs } : {}),
    ownEchoMs: 0,
    formatWaitMs: 0,
    onBackgroundError: (error) => backgroundErrors.push(error),
  });
}

/** A set-up register on a new workbook; `profile` when a test means one Excel (default: the jest project's). */
export async function freshWorkbook(
  options: { profile?: ExcelPlatform; roundTripMs?: number } = {},
): Promise<{ workbook: Workbook; session: Session; register: Register }> {
  const workbook = createInMemoryWorkbook(options);
  const session = workbook.session("alice");
  const register = registerOn(session);
  const setUp = await register.setUp();
  if (!setUp.ok) throw new Error(setUp.error.message);
  return { workbook, session, register };
}

/** Someone pastes rows below a table, which takes them in. */
export async function pasteBelow(session: Session, table: string, rows: unknown[][]): Promise<void> {
  await session.run(async (context) => {
    const body = context.workbook.tables.getItem(table).getDataBodyRange();
    body.getRowsBelow(rows.length).values = rows as Excel.Range["values"];
    await context.sync();
  });
}

/** Requests a piece of work sends: on Excel on the web each one is a round trip to the server. */
export async function syncsOf(session: Session, work: () => Promise<unknown>): Promise<number> {
  session.stats.reset();
  await work();
  return session.stats.syncs;
}

/** The value of a register result that must have succeeded (its message otherwise). */
export function must<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/**
 * The team keeps long comments in six columns of its own, each cell full (32,767 three-byte characters): about
 * 590 kB a row, so ten rows read whole are past the 5 MB a response may hold on Excel on the web.
 */
export async function addLongCommentColumns(workbook: Workbook, table: string, rows: number): Promise<void> {
  const comment = "€".repeat(32_767);
  await workbook.session("bob").run(async (context) => {
    const columns = context.workbook.tables.getItem(table).columns;
    for (let column = 1; column <= 6; column++) {
      columns.add(undefined, [[`Comments ${column}`], ...Array.from({ length: rows }, () => [comment])]);
      await context.sync();
    }
  });
}

/** A saved record as a read gives it back: the register writes Modified for people and does not read it. */
export function asRead<T extends object>(record: T): T {
  return { ...record, modified: undefined };
}

export function fullSoftware(): NewRecord<"software"> {
  return {
    name: "Visio Professional",
    publisher: "Microsoft",
    version: "2024",
    category: "Diagramming",
    notes: "Site-wide deployment via Intune",
  } satisfies Omit<Software, "id" | "modified" | "rowVersion">;
}

/** A licence with every stored field set to a non-default value. */
export function fullLicence(overrides: Partial<Licence> = {}): NewRecord<"licences"> {
  return {
    softwareId: "SW-0000000001",
    licenceKey: "ABCDE-12345-FGHIJ",
    quantity: 25,
    unlimited: false,
    licenceType: "Subscription",
    scope: "Department",
    reviewRequired: true,
    reviewReason: "Seat count disputed by finance",
    peakConcurrentUse: 19,
    vendor: "Softcat",
    purchaseOrder: "PO-2026-0042",
    purchaseDate: "2026-01-15",
    invoiceDate: "2026-01-20",
    cost: 12345.67,
    currency: "EUR",
    pricingModel: "Multi-year",
    termMonths: 36,
    unitCost: 493.83,
    startDate: "2026-02-01",
    expiryDate: "2029-01-31",
    perpetual: false,
    autoRenew: true,
    renewalLeadDays: 60,
    maintenanceIncluded: true,
    supportIncluded: true,
    maintenanceExpiry: "2027-01-31",
    allocationRule: "Device-based",
    reassignable: false,
    reassignmentMinDays: 90,
    geographicRestriction: "EU only",
    usageRestriction: "Non-commercial",
    transferable: true,
    virtualisationRights: "Limited",
    notes: "Renew through reseller",
    ...overrides,
  };
}

export function simpleLicence(n: number): NewRecord<"licences"> {
  return {
    softwareId: `SW-${n % 100}`,
    quantity: n % 50,
    unlimited: false,
    licenceType: "Perpetual",
    scope: "Enterprise",
    reviewRequired: false,
    currency: "GBP",
    pricingModel: "One-time",
    perpetual: true,
    autoRenew: false,
    maintenanceIncluded: false,
    supportIncluded: false,
    allocationRule: "User-based",
    reassignable: true,
    transferable: false,
    virtualisationRights: "Not permitted",
  };
}

export function fullAllocation(): NewRecord<"allocations"> {
  return {
    licenceId: "LIC-0000000001",
    user: "ana.silva@example.com",
    department: "Finance",
    allocatedOn: "2026-03-01",
    revokedOn: "2026-04-30",
    notes: "Temporary cover",
  } satisfies Omit<Allocation, "id" | "modified" | "rowVersion">;
}

export function fullInstallation(n = 1): NewRecord<"installations"> {
  return {
    softwareId: "SW-0000000001",
    licenceId: "LIC-0000000001",
    device: `LAPTOP-${n}`,
    user: "sam.jones",
    version: "16.0.1",
    installedOn: "2026-02-14",
    source: "Discovery",
    notes: "Found by SCCM",
  } satisfies Omit<Installation, "id" | "modified" | "rowVersion">;
}
