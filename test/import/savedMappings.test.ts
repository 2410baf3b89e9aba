import { columnMappingProblem } from "../../src/domain/columnMapping";
import { readGrid } from "../../src/import/readImport";
import { readFixture } from "./support";

const saved = {
  header: ["Computer", "App", "Ver", "Owner"],
  columns: { device: "Computer", title: "App", version: "Ver", user: "Owner" },
};

describe("a column mapping saved in the workbook", () => {
  it("reads the next file with the same header row without asking", async () => {
    const result = await readFixture("custom-inventory.csv", { savedMappings: [saved] });
    expect(result.format).toBe("column-mapping");
    expect(result.mapping).toEqual({ columns: saved.columns, saved: true });
    expect(result.installations.map((i) => [i.device, i.title, i.version, i.user])).toEqual([
      ["HR-01", "Sage 50 Accounts", "30.1", "Dee"],
      ["HR-02", "Sage 50 Accounts", "30.1", "Eli"],
    ]);
  });

  it("matches the header row whatever its case and spacing, but not another header row", async () => {
    const shouted = { ...saved, header: [" COMPUTER", "app ", "VER", "owner"] };
    expect((await readFixture("custom-inventory.csv", { savedMappings: [shouted] })).format).toBe(
      "column-mapping",
    );
    const other = { header: ["Computer", "App", "Ver"], columns: { title: "App" } };
    const unknown = await readFixture("custom-inventory.csv", { savedMappings: [other] });
    expect(unknown.format).toBe("unknown");
    expect(unknown.installations).toEqual([]);
  });

  it("the person's own mapping for this read comes before the saved one", async () => {
    const result = await readFixture("custom-inventory.csv", {
      savedMappings: [saved],
      mapping: { device: "Owner", title: "App" },
    });
    expect(result.mapping).toEqual({ columns: { device: "Owner", title: "App" }, saved: false });
    expect(result.installations.map((i) => i.device)).toEqual(["DEE", "ELI"]);
  });

  it("finds its header row below a title block, as a tool's header is found", async () => {
    const result = await readGrid(
      [
        ["Inventory for March", "", "", ""],
        ["", "", "", ""],
        ["Computer", "App", "Ver", "Owner"],
        ["HR-01", "Sage 50 Accounts", 30.1, "Dee"],
      ],
      { savedMappings: [saved] },
    );
    expect(result.mapping?.saved).toBe(true);
    expect(result.installations).toHaveLength(1);
    expect(result.warnings).toContainEqual(expect.stringMatching(/Line 1 comes before the header row/));
  });
});

describe("checking a mapping before it is saved", () => {
  const header = ["Computer", "App", "Ver"];
  it.each([
    [{ header, columns: { title: "App" } }, undefined],
    [{ header, columns: { title: "app" } }, undefined],
    [{ header, columns: {} }, "Choose the column that holds the software title."],
    [{ header, columns: { title: "  " } }, "Choose the column that holds the software title."],
    [
      { header, columns: { title: "App", version: "Version" } },
      'Version: "Version" is not a column of this file\'s header row: choose one of its columns.',
    ],
    [
      { header, columns: { title: "App", user: "Computer", device: "Computer" } },
      '"Computer" is chosen for both Device and User: choose one column for each.',
    ],
    [
      { header: [], columns: { title: "App" } },
      "The file has no header row to remember a mapping for: add a row of column names at its top.",
    ],
  ])("%j: %s", (mapping, problem) => {
    expect(columnMappingProblem(mapping)).toBe(problem);
  });
});
