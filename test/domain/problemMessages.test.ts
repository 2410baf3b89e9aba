import { computePosition } from "../../src/domain/position";
import { AS_OF, allocation, installation, licence, onDevices, register, software } from "./fixtures";

/** What the Data issues list and the Dashboard show for each kind of problem: the problem, then what to do. */
const problemsOf = (parts: Parameters<typeof register>[0]) =>
  computePosition(register(parts), AS_OF).problems.map((problem) => problem.message);

describe("every register problem says what to change and where", () => {
  test("a record naming a licence that is not in the register", () => {
    expect(
      problemsOf({
        installations: [installation({ id: "I-X", licenceId: "LIC-404", device: "PC-9" })],
        allocations: [allocation({ id: "A-X", licenceId: "LIC-404", user: "ann" })],
      }),
    ).toEqual([
      "Installation I-X names licence LIC-404, which is not in the register: change its Licence ID to a licence in the Licences sheet, or clear it.",
      "Allocation A-X names licence LIC-404, which is not in the register: change its Licence ID to a licence in the Licences sheet, or delete the allocation.",
    ]);
  });

  test("a licence of a software that is not in the catalogue", () => {
    expect(problemsOf({ licences: [licence({ id: "LIC-1", softwareId: "SW-404" })] })).toEqual([
      "Licence LIC-1 is for software SW-404, which is not in the software catalogue: add SW-404 to the Software sheet, or change the licence's Software.",
    ]);
  });

  test("an installation linked to a licence of another software", () => {
    expect(
      problemsOf({
        software: [software("SW-1"), software("SW-2")],
        licences: [licence({ id: "LIC-1" })],
        installations: [installation({ id: "I2", licenceId: "LIC-1", device: "PC-2", softwareId: "SW-2" })],
      }),
    ).toEqual([
      "Installation I2 is of software SW-2 but is linked to licence LIC-1, which is for SW-1: link it to a licence of SW-2, or correct its Software.",
    ]);
  });

  test("installations of a software not in the catalogue are counted in words, one or many", () => {
    expect(
      problemsOf({ installations: [installation({ id: "I1", device: "PC-1", softwareId: "SW-9" })] }),
    ).toEqual([
      "1 installation is of software SW-9, which is not in the software catalogue: add SW-9 to the Software sheet, or correct the Software of that installation.",
    ]);
    const three = ["PC-1", "PC-2", "PC-3"].map((device, at) =>
      installation({ id: `I${at}`, device, softwareId: "SW-9" }),
    );
    expect(problemsOf({ installations: three })).toEqual([
      "3 installations are of software SW-9, which is not in the software catalogue: add SW-9 to the Software sheet, or correct the Software of those installations.",
    ]);
  });

  test("a licence ID on two rows: which row counts, and what to do with the other", () => {
    expect(
      problemsOf({ licences: [licence({ id: "LIC-1" }), licence({ id: "LIC-1", quantity: 3 })] }),
    ).toEqual([
      "Licence ID LIC-1 is on more than one row of the Licences sheet and only the last of them counts: give the other rows a new Licence ID, or delete them.",
    ]);
  });

  test("a currency with no exchange rate", () => {
    expect(
      problemsOf({
        licences: [licence({ id: "LIC-1", cost: 100, currency: "JPY" })],
        settings: { reportingCurrency: "GBP", exchangeRates: {} },
      }),
    ).toEqual([
      "No exchange rate from JPY to GBP, so costs in JPY are left out of the GBP totals: add a rate for JPY to the Exchange Rates in Settings.",
    ]);
  });

  test("a concurrent licence with installations and no usage figure, for one installation and for several", () => {
    const concurrent = licence({ id: "LIC-1", quantity: 5, allocationRule: "Concurrent" });
    expect(problemsOf({ licences: [concurrent], installations: onDevices("LIC-1", 1) })).toEqual([
      "Licence LIC-1: Concurrent licence with 1 installation but no usage figure: record the Peak Concurrent Use or allocate it.",
    ]);
    expect(problemsOf({ licences: [concurrent], installations: onDevices("LIC-1", 3) })).toEqual([
      "Licence LIC-1: Concurrent licence with 3 installations but no usage figure: record the Peak Concurrent Use or allocate it.",
    ]);
  });
});

describe("a licence or product needing review says what to do in its Status Reason", () => {
  test("installations of another software on a licence, and a product whose installations name no licence", () => {
    const result = computePosition(
      register({
        software: [software("SW-1"), software("SW-2")],
        licences: [licence({ id: "LIC-1", quantity: 2 })],
        installations: [
          installation({ id: "I2", licenceId: "LIC-1", device: "PC-2", softwareId: "SW-2" }),
          installation({ id: "I3", licenceId: "LIC-404", device: "PC-3" }),
        ],
      }),
      AS_OF,
    );
    expect(result.licences.get("LIC-1")!.statusReason).toContain(
      "1 linked installation is of a different software from the licence's: see the Dashboard's Data issues to relink it.",
    );
    expect(result.products.find((p) => p.softwareId === "SW-1")!.statusReason).toContain(
      "1 installation names a licence that is not in the register: see the Dashboard's Data issues to correct it.",
    );
    expect(result.products.find((p) => p.softwareId === "SW-2")!.statusReason).toContain(
      "1 installation is linked to a licence of another software: see the Dashboard's Data issues to correct it.",
    );
  });
});
