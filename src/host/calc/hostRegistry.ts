import type { HostCore } from "../hostCore";

/** The host behind each workbook, so attachCalculation(workbook) can reach its state and change listeners. */
const hosts = new WeakMap<object, HostCore>();

export function registerHost(workbook: object, host: HostCore): void {
  hosts.set(workbook, host);
}

export function hostOf(workbook: object): HostCore {
  const host = hosts.get(workbook);
  if (!host) throw new Error("attachCalculation needs a workbook made by createInMemoryWorkbook.");
  return host;
}
