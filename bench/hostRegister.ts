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
import { toWrittenRows } from "./sheetRows";
import type { SyntheticRegister } from "./synthetic";

export interface HostRegister {
  workbook: InMemoryWorkbook;
  session: HostSession;
  register: Register;
}

const ROWS_PER_WRITE = 5_000;
const SEED_ORDER: RecordKind[] = ["software", "licences", "allocations", "installations"];

/** Sets the workbook up, then writes the rows straight into the tables (seeding is not what is measured). */
export async function hostRegister(
  synthetic: SyntheticRegister,
  profile: ExcelPlatform,
): Promise<HostRegister> {
  const workbook = createInMemoryWorkbook({ profile });
  const session = workbook.session("bench");
  const register = createWorkbookRegister({
    run: (batch) => session.run(batch),
    ownEchoMs: 0,
    onBackgroundError: (error) => console.error(error),
  });
  const setUp = await register.setUp();
  if (!setUp.ok) throw new Error(setUp.error.message);
  for (const kind of SEED_ORDER) {
    const rows = toWrittenRows(synthetic, kind);
    await session.run(async (context) => {
      const table = context.workbook.tables.getItem(RECORD_TABLES[kind].table);
      for (let start = 0; start < rows.length; start += ROWS_PER_WRITE) {
        const chunk = rows.slice(start, start + ROWS_PER_WRITE);
        // the first chunk goes into the new table's blank row, the rest below the last row
        const target =
          start === 0
            ? table
                .getDataBodyRange()
                .getRow(0)
                .getResizedRange(chunk.length - 1, 0)
            : table.getDataBodyRange().getRowsBelow(chunk.length);
        target.values = chunk;
        await context.sync();
      }
    });
  }
  return { workbook, session, register };
}
