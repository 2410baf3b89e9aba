import { readGrid } from "../../src/import/readImport";

describe("the sheet a person opened an export in", () => {
  const sheet = [
    ["Software: List of software by computer", "", "", "", "", ""],
    ["AssetID", "AssetUnique", "Domain", "software", "version", "publisher"],
    [1, "fin-pc-01.corp.example", "CORP", "Microsoft Visio Professional", 16, "Microsoft Corporation"],
    [2, "", "CORP", "Slack", "4.41", "Slack Technologies"],
    ["", "", "", "", "", ""],
    [3, "FIN-PC-02", "CORP", "=cmd|' /C calc'!A0", "1.0", "Nobody"],
  ];

  it("is read with the same readers as an .xlsx sheet, its lines being the sheet's rows", async () => {
    const result = await readGrid(sheet, {}, 3);
    expect(result.format).toBe("lansweeper-software");
    expect(result.installations.map((i) => [i.line, i.device, i.title, i.version])).toEqual([
      [5, "FIN-PC-01", "Microsoft Visio Professional", "16"],
      [8, "FIN-PC-02", "=cmd|' /C calc'!A0", "1.0"],
    ]);
    expect(result.rejected).toEqual([
      { line: 6, reason: "No device: the row does not say which computer the software is on." },
    ]);
    expect(result.warnings).toContainEqual(
      expect.stringMatching(/^Line 3 comes before the header row \(line 4\)/),
    );
    expect(result.neutralised).toBe(1);
  });

  it("a cancelled read stops before reading anything", async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(readGrid(sheet, { signal: controller.signal }, 3)).rejects.toMatchObject({
      name: "AbortError",
    });
  });
});
