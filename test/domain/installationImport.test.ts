import { planInstallationImport } from "../../src/domain/installationImport";
import { aliasTitles, ProductMatcher, withAlias } from "../../src/domain/productMatching";
import { installation, software } from "./fixtures";

const imported = [
  { device: "PC-1", softwareId: "SW-1", version: "16.0", user: "ana@example.com" },
  { device: "PC-2", softwareId: "SW-1", version: "16.0" },
  { device: "PC-2", softwareId: "SW-1", version: "15.0" },
];

describe("writing an import is an upsert on (device, product, version) plus the source", () => {
  it("adds everything to an empty register, with the tool as the source", () => {
    const plan = planInstallationImport([], imported, "Intune");
    expect(plan.add).toEqual([
      {
        device: "PC-1",
        softwareId: "SW-1",
        version: "16.0",
        user: "ana@example.com",
        installedOn: undefined,
        source: "Intune",
      },
      {
        device: "PC-2",
        softwareId: "SW-1",
        version: "16.0",
        user: undefined,
        installedOn: undefined,
        source: "Intune",
      },
      {
        device: "PC-2",
        softwareId: "SW-1",
        version: "15.0",
        user: undefined,
        installedOn: undefined,
        source: "Intune",
      },
    ]);
    expect(plan.unchanged).toBe(0);
  });

  it("importing the same file again changes nothing", () => {
    const written = planInstallationImport([], imported, "Intune").add.map((draft, i) =>
      installation({ ...draft, id: `INS-${i}`, device: draft.device.toLowerCase() }),
    );
    const again = planInstallationImport(written, imported, "Intune");
    expect(again).toEqual({ add: [], unchanged: 3, notReported: [] });
  });

  it("another source's rows (or ones typed by hand) are not this source's: they are neither matched nor listed", () => {
    const manual = installation({ id: "M-1", device: "PC-1", version: "16.0", source: "Manual" });
    const plan = planInstallationImport([manual], imported, "Intune");
    expect(plan.add).toHaveLength(3);
    expect(plan.notReported).toEqual([]);
  });

  it("a full re-import lists the source's installations the file no longer reports, removing none", () => {
    const gone = installation({ id: "I-GONE", device: "PC-9", version: "16.0", source: "Intune" });
    const kept = installation({ id: "I-KEPT", device: "PC-1", version: "16.0", source: "Intune" });
    const plan = planInstallationImport([gone, kept], imported, "Intune");
    expect(plan.notReported.map((i) => i.id)).toEqual(["I-GONE"]);
    expect(plan.unchanged).toBe(1);
    expect(plan.add).toHaveLength(2);
  });
});

describe("aliases remembered in the catalogue", () => {
  it("a product keeps its other titles one a line, without repeats, and matching uses them", () => {
    const m365 = { ...software("SW-M365", "Microsoft 365 E3"), publisher: "Microsoft" };
    const once = withAlias(m365, "Microsoft 365 Apps for enterprise - en-us");
    const twice = withAlias(once, "microsoft 365 apps for enterprise - EN-US");
    expect(twice).toBe(once);
    expect(aliasTitles(withAlias(once, "Office 365 ProPlus"))).toEqual([
      "Microsoft 365 Apps for enterprise - en-us",
      "Office 365 ProPlus",
    ]);
    expect(new ProductMatcher([once]).match("Microsoft 365 Apps for enterprise - en-us")).toEqual({
      softwareId: "SW-M365",
      reason: "alias",
    });
  });
});
