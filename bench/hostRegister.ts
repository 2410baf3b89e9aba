/** A synthetic register put into the in-memory Excel host, behind the real workbook register. */
import type { RecordKind } from "../src/domain/ids";
import {
  createInMemoryWorkbook,
  type ExcelPlatform,
  type HostSession,
  type InMemoryWorkbook,
} from "../src/host";
import { createWorkbookRegister } from "../src/workbook/createWorkbookRegister";
import type { Register } from "../src/workbook/registerApi";
import { RECORD_TABLES } from "../src/workbook/tables";
import { appendTableRows } from "../src/playground/seedSynthetic";
import { toWrittenRows } from "./sheetRows";
import type { SyntheticRegister } from "./synthetic";

export interface HostRegister {
  workbook: InMemoryWorkbook;
  session: HostSession;
  register: Register;
}

const SEED_ORDER: RecordKind[] = ["software", "licences", "allocations", "installations"];

/** The add-in opened in a runtime of its own on the workbook, with nothing read yet; close its session to end it. */
export function addInRuntime(
  workbook: InMemoryWorkbook,
  name: string,
): { session: HostSession; register: Register } {
  const session = workbook.session(name);
  const register = createWorkbookRegister({
    run: (batch) => session.run(batch),
    ownEchoMs: 0,
    onBackgroundError: (error) => console.error(error),
  });
  return { session, register };
}

/** Sets the workbook up, then writes the rows straight into the tables (seeding is not what is measured). */
export async function hostRegister(
  synthetic: SyntheticRegister,
  profile: ExcelPlatform,
  roundTripMs = 0,
): Promise<HostRegister> {
  const workbook = createInMemoryWorkbook({ profile, roundTripMs });
  const { session, register } = addInRuntime(workbook, "bench");
  const setUp = await register.setUp();
  if (!setUp.ok) throw new Error(setUp.error.message);
  for (const kind of SEED_ORDER)
    await appendTableRows(session, RECORD_TABLES[kind].table, toWrittenRows(synthetic, kind), (row) => row);
  return { workbook, session, register };
}
