import { groupTitles, ProductMatcher, publisherKey, suggestProducts } from "../../src/domain/productMatching";
import { software } from "./fixtures";

const catalogue = [
  { ...software("SW-VISIO", "Visio Professional 2021"), publisher: "Microsoft Corporation" },
  { ...software("SW-M365", "Microsoft 365 E3"), publisher: "Microsoft" },
  { ...software("SW-ACRO", "Adobe Acrobat Pro"), publisher: "Adobe Inc." },
  { ...software("SW-TOOL-A", "Tool"), publisher: "Acme Ltd" },
  { ...software("SW-TOOL-B", "Tool"), publisher: "Other GmbH" },
];

describe("publishers", () => {
  it.each([
    ["Microsoft Corporation", "microsoft"],
    ["Microsoft Corp.", "microsoft"],
    ["Microsoft", "microsoft"],
    ["  MICROSOFT  CORP ", "microsoft"],
    ["Adobe Systems Incorporated", "adobe"],
    ["Adobe Inc.", "adobe"],
    ["Dassault Systemes SolidWorks Corp", "dassault systemes"],
    ["Société Générale S.A.", "societe generale"],
  ])("%p is the publisher %p", (name, key) => {
    expect(publisherKey(name)).toBe(key);
  });
});

describe("titles to products", () => {
  const matcher = new ProductMatcher(catalogue, [
    { title: "Microsoft 365 Apps for enterprise - en-us", softwareId: "SW-M365" },
  ]);

  it("by the catalogue name, with or without the publisher in front", () => {
    expect(matcher.match("visio professional 2021", "Microsoft Corp.")).toEqual({
      softwareId: "SW-VISIO",
      reason: "name",
    });
    expect(matcher.match("Microsoft Visio Professional 2021", "Microsoft Corporation")).toEqual({
      softwareId: "SW-VISIO",
      reason: "name without publisher",
    });
  });

  it("by a remembered alias", () => {
    expect(matcher.match("Microsoft 365 Apps for Enterprise - en-us")).toEqual({
      softwareId: "SW-M365",
      reason: "alias",
    });
  });

  it("two products of one name: the publisher decides, and without it nothing is guessed", () => {
    expect(matcher.match("Tool", "Acme Limited")?.softwareId).toBe("SW-TOOL-A");
    expect(matcher.match("Tool", "Other")?.softwareId).toBe("SW-TOOL-B");
    expect(matcher.match("Tool")).toBeUndefined();
    expect(matcher.match("Visio Professional 2021", "Someone Else")).toBeUndefined();
  });

  it("suggests products an unmatched title may be, ignoring language and architecture noise", () => {
    expect(
      suggestProducts("Microsoft 365 Apps for enterprise - en-us", "Microsoft Corporation", catalogue).map(
        (s) => s.id,
      ),
    ).toEqual(["SW-M365"]);
    expect(suggestProducts("Adobe Acrobat (64-bit)", "Adobe Inc.", catalogue)[0].id).toBe("SW-ACRO");
    expect(suggestProducts("Zoom Workplace", undefined, catalogue)).toEqual([]);
  });

  it("groups imported titles case-insensitively, unmatched first and biggest first", () => {
    const groups = groupTitles(
      [
        { title: "Zoom Workplace", device: "PC-1" },
        { title: "Visio Professional 2021", publisher: "Microsoft", device: "PC-1" },
        { title: "VISIO PROFESSIONAL 2021", device: "PC-2" },
        { title: "Adobe Acrobat (64-bit)", publisher: "Adobe Inc.", device: "PC-1" },
        { title: "Adobe Acrobat (64-bit)", publisher: "Adobe Inc.", device: "pc-1" },
      ],
      catalogue,
    );
    expect(
      groups.map((g) => [
        g.title,
        g.installations,
        g.devices,
        g.match?.softwareId,
        g.suggestions.map((s) => s.id),
      ]),
    ).toEqual([
      ["Adobe Acrobat (64-bit)", 2, 1, undefined, ["SW-ACRO"]],
      ["Zoom Workplace", 1, 1, undefined, []],
      ["Visio Professional 2021", 2, 2, "SW-VISIO", []],
    ]);
  });
});
