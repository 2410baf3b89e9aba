import {
  ReferenceNames,
  licenceLabel,
  referenceId,
  shareNames,
  staleDisplayFields,
} from "../../src/domain/references";

describe("link cells and the names beside them", () => {
  test.each([
    ["SW-1", "SW-1"],
    [" SW-1 ", "SW-1"],
    ["Adobe Acrobat Pro [SW-1]", "SW-1"],
    ["Office [2019] [SW-2]", "SW-2"],
    ["AutoCAD · Trial · Autodesk [ LIC-9 ] ", "LIC-9"],
    ["Acrobat [SW-1] extra", "Acrobat [SW-1] extra"],
    ["Acrobat [SW-1]\u00a0", "SW-1"],
    ["Acrobat [SW-1]\t", "SW-1"],
    ["Acrobat [SW-1]x", "Acrobat [SW-1]x"],
    ["", ""],
  ])("%j links to %j", (cell, id) => {
    expect(referenceId(cell)).toBe(id);
  });

  test("a licence reads as product · type · vendor, the product's ID while it is not in the catalogue", () => {
    expect(licenceLabel({ softwareId: "SW-1", licenceType: "Trial", vendor: "Autodesk" }, "AutoCAD")).toBe(
      "AutoCAD · Trial · Autodesk",
    );
    expect(licenceLabel({ softwareId: "SW-9", licenceType: "Term" }, undefined)).toBe("SW-9 · Term");
  });

  test("only the records whose names differ are written, with only the fields that differ", () => {
    const names = new ReferenceNames(
      [{ id: "SW-1", name: "AutoCAD" }],
      [{ id: "LIC-1", softwareId: "sw-1 ", licenceType: "Trial", vendor: "Autodesk" }],
    );
    const installations = [
      {
        id: "I1",
        softwareId: "SW-1",
        licenceId: "LIC-1",
        softwareName: "AutoCAD",
        licenceLabel: "AutoCAD · Trial · Autodesk",
      },
      { id: "I2", softwareId: "SW-1", licenceId: "AutoCAD · Trial [lic-1]", softwareName: "Old name" },
      { id: "I3", softwareId: "SW-404" },
    ];
    expect(staleDisplayFields("installations", installations, names)).toEqual([
      { id: "I2", fields: { softwareName: "AutoCAD", licenceLabel: "AutoCAD · Trial · Autodesk" } },
    ]);
    expect(staleDisplayFields("software", [{ id: "SW-1", name: "AutoCAD" }], names)).toEqual([
      { id: "SW-1", fields: { dropdownEntry: "AutoCAD [SW-1]" } },
    ]);
  });
  test("sharing names leaves every record reading as it did, and an out-of-date name still out of date", () => {
    const names = new ReferenceNames(
      [{ id: "SW-1", name: "AutoCAD" }],
      [{ id: "LIC-1", softwareId: "SW-1", licenceType: "Trial" }],
    );
    const current = {
      id: "I1",
      softwareId: "SW-1",
      softwareName: "AutoCAD",
      licenceId: "LIC-1",
      licenceLabel: "AutoCAD · Trial",
    };
    const stale = {
      id: "I2",
      softwareId: "SW-1",
      softwareName: "Old name",
      licenceId: "LIC-1",
      licenceLabel: "Old · Trial",
    };
    const before = [{ ...current }, { ...stale }];
    shareNames("installations", current, names);
    shareNames("installations", stale, names);
    expect([current, stale]).toEqual(before);
    expect(staleDisplayFields("installations", [current, stale], names)).toEqual([
      { id: "I2", fields: { softwareName: "AutoCAD", licenceLabel: "AutoCAD · Trial" } },
    ]);
  });

  test("sharing keeps a link typed differently from the ID exactly as typed", () => {
    const names = new ReferenceNames(
      [{ id: "SW-1", name: "AutoCAD" }],
      [{ id: "LIC-1", softwareId: "SW-1", licenceType: "Trial" }],
    );
    const typed = { id: "I1", softwareId: " sw-1 ", licenceId: "AutoCAD · Trial [lic-1]" };
    const allocation = { id: "A1", licenceId: "LIC-1 ", user: "ann" };
    shareNames("installations", typed, names);
    shareNames("allocations", allocation, names);
    expect(typed).toEqual({ id: "I1", softwareId: " sw-1 ", licenceId: "AutoCAD · Trial [lic-1]" });
    expect(allocation).toEqual({ id: "A1", licenceId: "LIC-1 ", user: "ann" });
    expect(names.product(" sw-1 ")).toEqual({ id: "SW-1", name: "AutoCAD" });
    expect(names.licence("AutoCAD · Trial [lic-1]")).toEqual({ id: "LIC-1", name: "AutoCAD · Trial" });
  });
});
