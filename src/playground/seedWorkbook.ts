import { todayIsoDate } from "../domain/dates";
import type { RecordKind } from "../domain/ids";
import { DEFAULT_SETTINGS } from "../domain/schemas";
import type { InMemoryWorkbook } from "../host";
import { createWorkbookRegister } from "../workbook/createWorkbookRegister";
import type { NewRecord, Register } from "../workbook/registerApi";
import { demoRegister } from "./demoRegister";

function fresh<K extends RecordKind>(
  records: readonly (NewRecord<K> & { rowVersion?: number })[],
): NewRecord<K>[] {
  return records.map(({ rowVersion: _rowVersion, ...record }) => record as NewRecord<K>);
}

async function must<T>(
  step: string,
  result: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>,
) {
  const outcome = await result;
  if (!outcome.ok) throw new Error(`Could not ${step}: ${outcome.error.message}`);
  return outcome.value;
}

/** Sets the in-memory workbook up exactly as "Set up workbook" does in Excel, then fills it with the demo register. */
export async function seedWorkbook(workbook: InMemoryWorkbook, today = todayIsoDate()): Promise<void> {
  const session = workbook.session("Demo set-up");
  const register: Register = createWorkbookRegister({ run: (batch) => session.run(batch) });
  await must("set up the workbook", register.setUp());
  const demo = demoRegister(today);
  // Some demo licences are bought in dollars and euros; with rates their costs count in the GBP totals.
  await must(
    "record the demo exchange rates",
    register.updateSettings({ ...DEFAULT_SETTINGS, exchangeRates: { USD: 0.79, EUR: 0.86 } }),
  );
  await must("add the demo software", register.addMany("software", fresh<"software">(demo.software)));
  await must("add the demo licences", register.addMany("licences", fresh<"licences">(demo.licences)));
  await must(
    "add the demo allocations",
    register.addMany("allocations", fresh<"allocations">(demo.allocations)),
  );
  await must(
    "add the demo installations",
    register.addMany("installations", fresh<"installations">(demo.installations)),
  );
  if (register.buildDashboard) await must("build the dashboard", register.buildDashboard());
}
