/**
 * After a load, the people, devices and departments a register names over and over share one copy of their
 * text, with every value as it was read.
 */
import { noPause, type Pause } from "../../src/domain/yielding";
import { shareRepeatedText } from "../../src/workbook/repeatedText";

type Row = Record<string, unknown>;

/** Text equal to `text` but read as a separate string, as Excel delivers each cell. */
const asRead = (text: string): string => JSON.parse(JSON.stringify(text)) as string;

function register(installations: Row[], allocations: Row[]) {
  return { software: [], licences: [], installations, allocations };
}

it("shares each person between installations and allocations, changing no value", async () => {
  const installations = [
    { id: "I1", device: asRead("PC-1"), user: asRead("ann@example.com") },
    { id: "I2", device: asRead("PC-1"), user: asRead("bob@example.com") },
    { id: "I3", device: "PC-2", user: undefined },
  ];
  const allocations = [
    { id: "A1", user: asRead("ann@example.com"), department: asRead("Finance"), licenceId: "LIC-1" },
    { id: "A2", user: asRead("ann@example.com"), department: asRead("Finance"), licenceId: "LIC-1" },
  ];
  const before = JSON.stringify(register(installations, allocations));

  const shared = await shareRepeatedText(register(installations, allocations), noPause);

  // Ann's two allocations point at her installation's copy, the second PC-1 at the first, the second Finance
  // at the first; Bob and the blank user have no earlier copy, and IDs are not shared
  expect(shared).toBe(4);
  expect(JSON.stringify(register(installations, allocations))).toBe(before);
});

it("shares the vendors and notes that licences repeat, and leaves one-off text as read", async () => {
  const licences = [
    { id: "L1", vendor: asRead("Computacenter"), notes: asRead("Renewal owner: Procurement team.") },
    { id: "L2", vendor: asRead("Computacenter"), notes: asRead("Renewal owner: Procurement team.") },
    { id: "L3", vendor: asRead("SoftwareONE"), purchaseOrder: asRead("PO-20931") },
  ];
  const installations = [{ id: "I1", device: "PC-1", notes: asRead("Found by the quarterly scan.") }];
  const allocations = [{ id: "A1", user: "ann@example.com", notes: asRead("Found by the quarterly scan.") }];
  const before = JSON.stringify(licences);

  const shared = await shareRepeatedText({ software: [], licences, installations, allocations }, noPause);

  // L2's vendor and notes, and the allocation's note (the installation's copy): one copy of each text
  expect(shared).toBe(3);
  expect(JSON.stringify(licences)).toBe(before);
});

it("gives the thread back while it goes through a large table", async () => {
  const installations = Array.from({ length: 2_000 }, (_, i) => ({
    id: `I${i}`,
    user: asRead(`user${i % 50}@example.com`),
  }));
  let pauses = 0;
  const pause: Pause = () => {
    pauses++;
    return Promise.resolve();
  };

  const shared = await shareRepeatedText(register(installations, []), pause);

  expect(shared).toBe(2_000 - 50);
  expect(pauses).toBeGreaterThan(1);
});

it("stops at its next pause once the register stops or reloads, leaving the rest as read", async () => {
  const installations = Array.from({ length: 2_000 }, (_, i) => ({
    id: `I${i}`,
    user: asRead(`user${i % 50}@example.com`),
  }));
  const before = JSON.stringify(installations);
  const stop = new AbortController();
  let pauses = 0;
  const pause: Pause = () => {
    if (++pauses === 2) stop.abort();
    return Promise.resolve();
  };

  const shared = await shareRepeatedText(register(installations, []), pause, stop.signal);

  // two slices of 256 rows went through before the pause that found it stopped
  expect(shared).toBe(2 * 256 - 50);
  expect(JSON.stringify(installations)).toBe(before);
});
