import { computePosition } from "../../src/domain/position";
import { RegisterIndex } from "../../src/domain/registerIndex";
import { ALLOCATION_RULES } from "../../src/domain/lists";
import { allocation, AS_OF, installation, licence, register, software } from "./fixtures";

// A sanity check that a large register goes through in one pass; timing belongs to a benchmark, not here.
test("10k licences, 100k installations and 30k allocations compute, and stay consistent after an edit", () => {
  const products = Array.from({ length: 500 }, (_, i) => software(`SW-${i}`));
  const licences = Array.from({ length: 10_000 }, (_, i) =>
    licence({
      id: `LIC-${i}`,
      softwareId: `SW-${i % 500}`,
      quantity: 10,
      allocationRule: ALLOCATION_RULES[i % 5],
    }),
  );
  const installations = Array.from({ length: 100_000 }, (_, i) =>
    installation({
      id: `INS-${i}`,
      softwareId: `SW-${(i % 10_000) % 500}`,
      licenceId: i % 10 === 0 ? undefined : `LIC-${i % 10_000}`,
      device: `PC-${i % 7_000}`,
      user: `user${i % 5_000}`,
    }),
  );
  const allocations = Array.from({ length: 30_000 }, (_, i) =>
    allocation({ id: `ALC-${i}`, licenceId: `LIC-${i % 10_000}`, user: `user${i % 5_000}` }),
  );
  const input = register({ software: products, licences, installations, allocations });
  const result = computePosition(input, AS_OF);
  expect(result.licences.size).toBe(10_000);
  expect(result.products).toHaveLength(500);
  expect(result.problems).toEqual([]);
  // LIC-1 is Device-based: count its distinct devices the slow, obvious way.
  const devicesOf = (rows: typeof installations) =>
    new Set(rows.filter((row) => row.licenceId === "LIC-1").map((row) => row.device)).size;
  expect(result.licences.get("LIC-1")!.used).toBe(devicesOf(installations));

  const index = new RegisterIndex(input, AS_OF);
  const edited = { ...installations[1], device: "PC-NEW" };
  index.upsertInstallation(edited);
  index.removeInstallation("INS-10001");
  const after = installations
    .map((row) => (row.id === edited.id ? edited : row))
    .filter((row) => row.id !== "INS-10001");
  expect(index.licencePosition("LIC-1")!.used).toBe(devicesOf(after));
  expect(index.licencePosition("LIC-1")).toEqual(
    computePosition({ ...input, installations: after }, AS_OF).licences.get("LIC-1"),
  );
});
