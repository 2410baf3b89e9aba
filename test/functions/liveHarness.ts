/** A small register in the in-memory host with the live register started over it, for the live function tests. */
import type { Licence } from "../../src/domain/schemas";
import type { ExcelPlatform } from "../../src/host";
import { columnLetter } from "../../src/workbook/cells";
import type { LiveRegister } from "../../src/live/liveRegister";
import { startLiveRegister } from "../../src/live/sharedLiveRegister";
import type { NewRecord, Register, RegisterChange } from "../../src/workbook/registerApi";
import { freshWorkbook, idMaker, registerOn, type Session, type Workbook } from "../workbook/fixtures";

export const AS_OF = "2026-11-27";

/** Errors the live register reported while following the register; tests expect none. */
export const liveErrors: unknown[] = [];

export function licence(id: string, overrides: Partial<Licence> = {}): NewRecord<"licences"> {
  return {
    id,
    softwareId: "SW-1",
    quantity: 3,
    unlimited: false,
    licenceType: "Subscription",
    scope: "Enterprise",
    reviewRequired: false,
    currency: "GBP",
    pricingModel: "Annual",
    cost: 300,
    startDate: "2026-01-01",
    expiryDate: "2027-12-31",
    perpetual: false,
    autoRenew: false,
    maintenanceIncluded: false,
    supportIncluded: false,
    allocationRule: "Device-based",
    reassignable: true,
    transferable: false,
    virtualisationRights: "Not permitted",
    ...overrides,
  };
}

/** Licences covering the cases the rules treat differently. */
export const CASES: NewRecord<"licences">[] = [
  licence("LIC-OK"),
  licence("LIC-EXPIRED", { startDate: "2025-01-01", expiryDate: "2026-06-30" }),
  licence("LIC-FUTURE", { startDate: "2027-01-01", expiryDate: "2028-01-01" }),
  licence("LIC-UNLIMITED", { quantity: undefined, unlimited: true, softwareId: "SW-2" }),
  licence("LIC-PINNED", { reviewRequired: true, reviewReason: "Seat count disputed", softwareId: "SW-2" }),
  licence("LIC-USERS", { allocationRule: "User-based", quantity: 1, softwareId: "SW-3" }),
];

export interface LiveFixture {
  workbook: Workbook;
  session: Session;
  register: Register;
  live: LiveRegister;
}

/**
 * The fixture above, made afresh before each test of the file that calls this (at its top level) and stopped
 * after it, failing the test if the live register reported an error. The object is the same one throughout:
 * each test finds that test's workbook, register and live register in it.
 */
export function freshLiveFixtureEachTest(): LiveFixture {
  const fixture = {} as LiveFixture;
  beforeEach(async () => {
    liveErrors.length = 0;
    Object.assign(fixture, await liveFixture());
  });
  afterEach(() => {
    fixture.live.stop();
    expect(liveErrors).toEqual([]);
  });
  return fixture;
}

/** The A1 address of a licence's cell in the Licences sheet, by header. */
export function licenceCell(workbook: Workbook, id: string, header: string): string {
  const { values } = workbook.readSheet("Licences");
  const row = values.findIndex((r) => r[0] === id);
  return `${columnLetter(values[0].indexOf(header))}${row + 1}`;
}

/** Waits for host events (delivered on timers) and for the live register to apply them. */
export async function settle(live: LiveRegister): Promise<void> {
  // A change reaches the live register after a sync or two, each answered in a task of its own: wait until
  // three rounds in a row bring nothing new.
  let version = live.state.version;
  for (let quiet = 0; quiet < 3;) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    await live.settled();
    if (live.state.version === version) quiet++;
    else [version, quiet] = [live.state.version, 0];
  }
}

/**
 * The register above, loaded into the live register; `profile` and `selectionRecheckMs` when a test means them.
 * `unheard`: changes the live register is not told of, as when Excel raises no event for what happened.
 */
export async function liveFixture(
  options: {
    profile?: ExcelPlatform;
    selectionRecheckMs?: number;
    unheard?: (change: RegisterChange) => boolean;
  } = {},
): Promise<LiveFixture> {
  const { workbook, session } = await freshWorkbook(options.profile ? { profile: options.profile } : {});
  const register = registerOn(session, {
    newId: idMaker("A"),
    ...(options.selectionRecheckMs ? { selectionRecheckMs: options.selectionRecheckMs } : {}),
  });
  const added = [
    await register.addMany("software", [
      { id: "SW-1", name: "Visio" },
      { id: "SW-2", name: "Acrobat" },
      { id: "SW-3", name: "Figma" },
    ]),
    await register.addMany("licences", CASES),
    await register.addMany("installations", [
      { id: "INS-1", softwareId: "SW-1", licenceId: "LIC-OK", device: "PC-1", source: "Manual" },
      { id: "INS-2", softwareId: "SW-1", licenceId: "LIC-OK", device: "PC-2", source: "Manual" },
      { id: "INS-3", softwareId: "SW-1", licenceId: "LIC-EXPIRED", device: "PC-3", source: "Manual" },
      { id: "INS-4", softwareId: "SW-2", licenceId: "LIC-UNLIMITED", device: "PC-4", source: "Manual" },
      { id: "INS-5", softwareId: "SW-2", device: "PC-5", source: "Manual" },
      { id: "INS-6", softwareId: "SW-1", licenceId: "LIC-FUTURE", device: "PC-6", source: "Manual" },
    ]),
    await register.addMany("allocations", [
      { id: "ALC-1", licenceId: "LIC-USERS", user: "kim", allocatedOn: "2026-01-01" },
      { id: "ALC-2", licenceId: "LIC-USERS", user: "lee", allocatedOn: "2026-01-01" },
    ]),
  ];
  for (const result of added) if (!result.ok) throw new Error(result.error.message);
  const { unheard } = options;
  if (unheard) {
    const listen = register.onChanged.bind(register);
    register.onChanged = (listener) => listen((change) => void (unheard(change) || listener(change)));
  }
  const live = startLiveRegister(register, {
    today: () => AS_OF,
    onError: (error) => liveErrors.push(error),
  });
  await live.ready;
  return { workbook, session, register, live };
}

export { registerOn };

/** A streaming invocation that records what it is given, as Excel's would show it. */
export interface RecordingInvocation {
  results: unknown[];
  setResult(value: unknown): void;
  onCanceled?: () => void;
  latest(): unknown;
  cancel(): void;
}

export function invocation(): RecordingInvocation {
  const results: unknown[] = [];
  const handle: RecordingInvocation = {
    results,
    setResult: (value) => results.push(value),
    latest: () => results[results.length - 1],
    cancel: () => handle.onCanceled?.(),
  };
  return handle;
}
