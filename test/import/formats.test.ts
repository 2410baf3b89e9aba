import { find, lines, readFixture } from "./support";

describe("each tool's export is recognised and read", () => {
  it("Intune discovered apps: FQDN and re-enrolled devices are one device, two versions are two installations", async () => {
    const result = await readFixture("intune-appinvrawdata.csv");
    expect(result.format).toBe("intune-discovered-apps");
    expect(result.readAs).toBe("UTF-8 (byte order mark) text, comma-delimited");
    // LAPTOP-002 appears under DeviceIds d-002 and d-009: its Microsoft 365 row collapses into one.
    expect(find(result, "LAPTOP-002", "Microsoft 365 Apps for enterprise - en-us")).toEqual([
      expect.objectContaining({ rows: 2, user: "ben@example.com", version: "16.0.17328.20162" }),
    ]);
    expect(find(result, "LAPTOP-001", "Google Chrome")).toHaveLength(1);
    expect(find(result, "DESK-003", "Adobe Acrobat (64-bit)").map((i) => i.version)).toEqual([
      "24.1.20272",
      "23.8.20470",
    ]);
    expect(result.duplicatesCollapsed).toBe(1);
    expect(result.rejected).toEqual([
      { line: 8, reason: "No device: the row does not say which computer the software is on." },
    ]);
    // "@RISK 8.5" is a real product and "=HYPERLINK(…)" is not a formula: both kept as text, both counted.
    expect(result.neutralised).toBe(2);
    expect(find(result, "LAPTOP-002", "@RISK 8.5")).toHaveLength(1);
    expect(find(result, "LAPTOP-002", '=HYPERLINK("http://x","y")')).toHaveLength(1);
  });

  it("Intune's export job zip, holding CSV or JSON", async () => {
    const csv = await readFixture("AppInvRawData-csv.zip");
    expect(csv.format).toBe("intune-discovered-apps");
    expect(csv.installations).toHaveLength(7);
    expect(csv.readAs).toContain("AppInvRawData_2024-01-15.csv in a zip archive");
    const json = await readFixture("AppInvRawData-json.zip");
    expect(json.format).toBe("intune-discovered-apps");
    expect(json.installations).toEqual([
      expect.objectContaining({ device: "PC-9", title: "Zoom Workplace", rows: 2 }),
    ]);
    expect(json.rejected).toEqual([{ line: 3, reason: "No title: the row does not name the software." }]);
  });

  it("Graph detectedApps: per-app totals give no installations, and an unfollowed next page is reported", async () => {
    const result = await readFixture("graph-detectedapps.json");
    expect(result.format).toBe("graph-detected-apps");
    expect(result.installations).toEqual([]);
    expect(result.appTotals).toContainEqual(
      expect.objectContaining({ title: "Google Chrome", deviceCount: 412, publisher: "Google LLC" }),
    );
    expect(result.warnings.join(" ")).toMatch(/per-app totals \(3 apps\).*gives no installations/);
    expect(result.warnings.join(" ")).toMatch(/@odata.nextLink.*incomplete/);
  });

  it.each(["mecm-add-remove-programs.csv", "mecm-add-remove-programs-utf16.csv"])(
    "Configuration Manager report (%s): YYYYMMDD dates, rows without DisplayName and the total line rejected",
    async (name) => {
      const result = await readFixture(name);
      expect(result.format).toBe("mecm-add-remove-programs");
      expect(find(result, "WS-0101", "Microsoft Visio Professional 2021")[0]).toMatchObject({
        installedOn: "2024-01-15",
        user: "jdoe",
      });
      expect(find(result, "WS-0101", "Adobe Photoshop 2024, (x64)")).toHaveLength(1);
      expect(result.rejected).toEqual([
        { line: 4, reason: "No title: the row does not name the software." },
        { line: 8, reason: expect.stringMatching(/^Has 1 field where the header has 7/) },
      ]);
      expect(result.duplicatesCollapsed).toBe(1);
      // "2024013" has seven digits: left empty, the row kept, and said.
      expect(find(result, "WS-0102", "AutoCAD LT 2024")[0].installedOn).toBeUndefined();
      expect(result.warnings).toContainEqual(
        expect.stringMatching(/InstallDate0: 1 value is not a date.*\(line 7\)/),
      );
    },
  );

  it("Lansweeper CSV and XLSX (a title row above the header; a version Excel stored as a number)", async () => {
    const csv = await readFixture("lansweeper-software.csv");
    expect(csv.format).toBe("lansweeper-software");
    expect(csv.installations).toHaveLength(3);
    expect(lines(csv)).toEqual([5]);
    const xlsx = await readFixture("lansweeper-software.xlsx");
    expect(xlsx.format).toBe("lansweeper-software");
    expect(xlsx.readAs).toBe('Excel workbook, sheet "Software" of 2');
    expect(find(xlsx, "ENG-PC-02", "SolidWorks 2023")).toHaveLength(1);
    expect(find(xlsx, "ENG-PC-02", "Google Chrome")[0].version).toBe("121");
    expect(xlsx.warnings).toContain("Line 1 comes before the header row (line 2) and was not read.");
    expect(xlsx.warnings).toContainEqual(expect.stringMatching(/1 version is a number.*\(line 5\)/));
    expect(xlsx.rejected).toEqual([
      { line: 6, reason: "No device: the row does not say which computer the software is on." },
    ]);
  });

  it("Excel-resaved workbook: an 8-digit date that became a number, and a real date cell", async () => {
    const result = await readFixture("mecm-resaved.xlsx");
    expect(find(result, "WS-1", "Microsoft Visio Professional 2021")[0].installedOn).toBe("2024-01-15");
    expect(find(result, "WS-2", "Microsoft Visio Professional 2021")[0].installedOn).toBe("2024-03-01");
  });

  it("osquery --csv: pipe-separated, the device from the file name or given by the person", async () => {
    const programs = await readFixture("WS-042.programs.csv");
    expect(programs.format).toBe("osquery-programs");
    expect(programs.installations.map((i) => i.device)).toEqual(["WS-042", "WS-042", "WS-042"]);
    expect(programs.installations[0]).toMatchObject({
      title: "Mozilla Firefox (x64 en-GB)",
      publisher: "Mozilla",
      installedOn: "2024-01-20",
    });
    expect(programs.warnings[0]).toMatch(
      /no device column: every installation is put on WS-042 \(from the file name\)/,
    );
    const apps = await readFixture("mbp-ana.apps.csv");
    expect(apps.format).toBe("osquery-apps");
    expect(apps.installations.map((i) => [i.device, i.title, i.version])).toEqual([
      ["MBP-ANA", "Slack", "4.36.140"],
      ["MBP-ANA", "Microsoft Excel", "16.81"],
    ]);
    const deb = await readFixture("osquery-deb-packages.csv", { device: "build-01.example.org" });
    expect(deb.format).toBe("osquery-deb-packages");
    expect(deb.installations.map((i) => i.device)).toEqual(["BUILD-01", "BUILD-01"]);
    expect(deb.installations[0].version).toBe("4:7.4.7-1");
  });

  it("osqueryd results log: per host, snapshot replaces, added inserts, removed deletes, in file order", async () => {
    const result = await readFixture("osqueryd.results.log");
    expect(result.format).toBe("osquery-results-log");
    expect(result.installations.map((i) => [i.device, i.title])).toEqual([
      ["WS-050", "Zoom Workplace"],
      ["WS-051", "Visual Studio Code"],
    ]);
    expect(result.installations[0].installedOn).toBe("2024-01-10");
    expect(result.rejected).toEqual([
      { line: 4, reason: "Not valid JSON (cut short or edited?), so it was not read." },
    ]);
    expect(result.warnings).toContain(
      "Results of queries that are not software lists were skipped: pack_users.",
    );
  });

  it("Jamf Pro inventory: Slack.app is Slack, two copies on one Mac are one installation", async () => {
    const result = await readFixture("jamf-computers-inventory.json");
    expect(result.format).toBe("jamf-computer-inventory");
    expect(find(result, "MBA-BEN", "Slack")).toEqual([expect.objectContaining({ rows: 2, user: "ben" })]);
    expect(find(result, "MBP-ANA", "Microsoft Excel")[0]).toMatchObject({
      version: "16.81",
      user: "ana@example.com",
    });
    expect(result.rejected).toEqual([{ line: 3, reason: expect.stringMatching(/^No device/) }]);
  });

  it("GLPI computers: <br> multi-values split and paired; HTML entities decoded; unpaired versions left empty", async () => {
    const result = await readFixture("glpi-computers.csv");
    expect(result.format).toBe("glpi-computers");
    expect(result.readAs).toBe("UTF-8 (byte order mark) text, semicolon-delimited");
    expect(find(result, "PC-LYON-01", "Mozilla Thunderbird")[0].version).toBe("115.6.1");
    expect(find(result, "PC-LYON-01", "AutoCAD 2024")[0].version).toBe("24.0");
    expect(find(result, "PC-LYON-02", "Microsoft Office Standard 2019")).toEqual([
      expect.objectContaining({ rows: 2 }),
    ]);
    expect(find(result, "PC-LYON-03", "Notepad++ & plugins")[0].version).toBeUndefined();
    expect(result.warnings).toContainEqual(
      expect.stringMatching(
        /^1 row lists a different number of titles and versions, so its versions were left empty \(line 4\)\./,
      ),
    );
    expect(result.rejected).toEqual([]);
  });

  it("GLPI software list: per software, so no installations and the reason", async () => {
    const result = await readFixture("glpi-software.csv");
    expect(result.format).toBe("glpi-software");
    expect(result.installations).toEqual([]);
    expect(result.appTotals).toContainEqual({
      title: "Microsoft Office Standard 2019",
      publisher: "Microsoft Corporation",
      version: "16.0.10827, 16.0.10730",
      deviceCount: 42,
    });
  });

  it("Snipe-IT licence export: licences with their seats, keys, dates and costs; a row without a name rejected", async () => {
    const result = await readFixture("snipeit-licences-export.csv");
    expect(result.format).toBe("snipeit-licences");
    expect(result.licences).toEqual([
      expect.objectContaining({
        product: "Adobe Creative Cloud",
        publisher: "Adobe",
        quantity: 25,
        licenceKey: "XXXX-YYYY",
        expiryDate: "2025-03-31",
        purchaseDate: "2024-04-01",
        cost: 14975,
        purchaseOrder: "PO-1001",
        vendor: "SoftwareOne",
        maintenanceIncluded: true,
        reassignable: true,
      }),
      expect.objectContaining({
        product: "Microsoft Visio Professional 2021",
        quantity: 10,
        cost: 2490,
        notes: "=cmd|' /C calc'!A0",
      }),
    ]);
    expect(result.neutralised).toBe(1);
    expect(result.rejected).toEqual([
      { line: 4, reason: "No licence name: the row does not say which software it licenses." },
    ]);
  });

  it("Snipe-IT import template re-saved in Europe: Windows-1252, ';', dd.mm.yyyy, 1.249,00, and its checkouts", async () => {
    const result = await readFixture("snipeit-licences-template-european.csv");
    expect(result.format).toBe("snipeit-licences");
    expect(result.readAs).toBe("Windows-1252 text, semicolon-delimited");
    expect(result.licences?.[0]).toMatchObject({
      cost: 1249,
      purchaseDate: "2023-01-10",
      vendor: "Büro GmbH",
      reassignable: true,
      maintenanceIncluded: false,
    });
    expect(result.licences?.[1]).toMatchObject({
      cost: 2100.5,
      purchaseDate: "2024-02-01",
      expiryDate: "2025-01-31",
    });
    expect(result.allocations).toEqual([
      {
        line: 2,
        licence: "Microsoft Visio Professional 2021",
        user: "kmueller@example.com",
        device: undefined,
      },
    ]);
  });

  it("Snipe-IT seats export: seats checked out to people or assets; free seats said, not rejected", async () => {
    const result = await readFixture("snipeit-seats.csv");
    expect(result.format).toBe("snipeit-seats");
    expect(result.allocations).toEqual([
      { line: 2, licence: undefined, user: "ana@example.com", device: undefined },
      { line: 3, licence: undefined, user: undefined, device: "LAPTOP-002" },
    ]);
    expect(result.warnings).toEqual([
      "1 seat is not checked out to anyone, so it gives no allocation.",
      "A seats export does not name its licence: choose the licence these seats belong to.",
    ]);
  });

  it("PowerShell Export-Csv: UTF-16 LE with BOM after #TYPE; an empty DisplayName is rejected", async () => {
    const result = await readFixture("powershell-uninstall-utf16.csv");
    expect(result.format).toBe("powershell-uninstall");
    expect(result.readAs).toBe(
      "UTF-16LE (byte order mark) text, comma-delimited, after PowerShell's #TYPE line",
    );
    expect(result.installations.map((i) => i.title)).toEqual([
      "Microsoft Visual C++ 2022 X64 Minimum Runtime - 14.38.33130",
      "SQL Server Management Studio",
      "Café Reporting Tool – Pro",
    ]);
    expect(result.installations[2]).toMatchObject({
      device: "SRV-APP-01",
      publisher: "Société Exemple",
      installedOn: "2024-01-04",
    });
    expect(result.rejected).toEqual([{ line: 4, reason: "No title: the row does not name the software." }]);
  });

  it("PowerShell Win32_Product in ASCII with no computer column: the device the person gives", async () => {
    const result = await readFixture("powershell-win32product-ascii.csv", { device: " fin-pc-07 " });
    expect(result.format).toBe("powershell-win32-product");
    expect(result.installations.map((i) => [i.device, i.title])).toEqual([
      ["FIN-PC-07", "Microsoft Project Professional 2021"],
      ["FIN-PC-07", "-Malware Scanner"],
    ]);
    expect(result.neutralised).toBe(1);
    expect(result.warnings[0]).toMatch(/every installation is put on FIN-PC-07\. Give another/);
  });

  it("European re-save of a Configuration Manager export: Windows-1252 accents and €, dd.mm.yyyy, 31.02 left empty", async () => {
    const result = await readFixture("european-resave.csv");
    expect(result.format).toBe("mecm-add-remove-programs");
    expect(find(result, "PC-BERLIN-01", "Société Générale Outil €")[0].installedOn).toBe("2024-01-15");
    expect(find(result, "PC-BERLIN-01", "Microsoft Visio Professional 2021")[0].installedOn).toBeUndefined();
    expect(find(result, "PC-BERLIN-02", "Microsoft Visio Professional 2021")[0].installedOn).toBe(
      "2024-03-01",
    );
    expect(result.warnings).toContainEqual(
      expect.stringMatching(
        /1 value is not a date it can read and was left empty; the row was kept \(line 3\)/,
      ),
    );
  });

  it("an export re-saved by Excel: '121' beside '121.0' is kept as given and flagged", async () => {
    const result = await readFixture("excel-resaved.csv");
    expect(find(result, "PC-2", "Google Chrome")[0].version).toBe("121");
    expect(result.warnings).toContainEqual(
      expect.stringMatching(/shortened by an earlier Excel save: Google Chrome 121 \(beside 121.0\)/),
    );
  });

  it("anything else: not guessed by position, read once the person maps its columns", async () => {
    const unknown = await readFixture("custom-inventory.csv");
    expect(unknown.format).toBe("unknown");
    expect(unknown.installations).toEqual([]);
    expect(unknown.header).toEqual(["Computer", "App", "Ver", "Owner"]);
    const mapped = await readFixture("custom-inventory.csv", {
      mapping: { device: "computer", title: "App", version: "Ver", user: "Owner" },
    });
    expect(mapped.format).toBe("column-mapping");
    expect(mapped.installations.map((i) => [i.device, i.title, i.version, i.user])).toEqual([
      ["HR-01", "Sage 50 Accounts", "30.1", "Dee"],
      ["HR-02", "Sage 50 Accounts", "30.1", "Eli"],
    ]);
  });
});
