import { strToU8, zipSync } from "fflate";
import { readGrid, readImport } from "../../src/import/readImport";

// Every warning a person reads after an import counts in words that agree: "1 seat is", "2 seats are".

const bytes = (text: string) => new TextEncoder().encode(text);

describe("import warnings say one and several in plain English", () => {
  it("rows whose titles and versions do not pair up", async () => {
    const header = '"Name";"Entity";"Software - Name";"Software - Version";\n';
    const unpaired = (device: string) => `"${device}";"Root";"Notepad++<br>VLC media player";"8.6";\n`;
    const one = await readImport(bytes(header + unpaired("PC-1")));
    expect(one.warnings).toContain(
      "1 row lists a different number of titles and versions, so its versions were left empty (line 2).",
    );
    const several = await readImport(bytes(header + unpaired("PC-1") + unpaired("PC-2") + unpaired("PC-3")));
    expect(several.warnings).toContain(
      "3 rows list a different number of titles and versions, so their versions were left empty (lines 2, 3, 4).",
    );
  });

  it("seats checked out to no one", async () => {
    const header = "Seat,User,Email,Department,Asset,Location,Checked Out\nSeat 1,Ana,ana@example.com,,,,\n";
    const one = await readImport(bytes(`${header}Seat 2,,,,,,\n`));
    expect(one.warnings).toContain("1 seat is not checked out to anyone, so it gives no allocation.");
    const several = await readImport(bytes(`${header}Seat 2,,,,,,\nSeat 3,,,,,,\n`));
    expect(several.warnings).toContain("2 seats are not checked out to anyone, so they give no allocation.");
  });

  it("files in a zip archive that were not read", async () => {
    const csv = strToU8("DeviceName,ApplicationName\nPC-1,Slack\n");
    const one = await readImport(zipSync({ "a.csv": csv, "b.csv": csv }));
    expect(one.warnings[0]).toBe("Read a.csv; 1 other file in the archive was not read.");
    const several = await readImport(zipSync({ "a.csv": csv, "b.csv": csv, "c.json": csv }));
    expect(several.warnings[0]).toBe("Read a.csv; 2 other files in the archive were not read.");
  });

  it("versions an earlier Excel save turned into numbers", async () => {
    const header = ["DeviceName", "ApplicationName", "ApplicationVersion"];
    const one = await readGrid([header, ["PC-1", "Slack", 8.1]]);
    expect(one.warnings).toContainEqual(
      expect.stringMatching(/^1 version is a number, not text: .* Check it in the source tool \(line 2\)\.$/),
    );
    const several = await readGrid([header, ["PC-1", "Slack", 8.1], ["PC-1", "Chrome", 121]]);
    expect(several.warnings).toContainEqual(
      expect.stringMatching(
        /^2 versions are numbers, not text: .* Check them in the source tool \(lines 2, 3\)\.$/,
      ),
    );
  });

  it("dates that cannot be read, and dates that could be read two ways", async () => {
    const header = "Netbios_Name0,User_Name0,DisplayName0,Publisher0,Version0,InstallDate0,ProdID0\n";
    const row = (device: string, date: string) => `${device},a,Tool,Acme,1,${date},{T}\n`;
    const one = await readImport(bytes(header + row("PC-1", "03/04/2024") + row("PC-2", "soon")));
    expect(one.warnings).toEqual([
      "InstallDate0: 1 date like 03/04/2024 left empty because no value in the column shows which part is the day (line 2).",
      "InstallDate0: 1 value is not a date it can read and was left empty; the row was kept (line 3).",
    ]);
    const several = await readImport(
      bytes(
        header +
          row("PC-1", "03/04/2024") +
          row("PC-2", "05/06/2024") +
          row("PC-3", "soon") +
          row("PC-4", "later"),
      ),
    );
    expect(several.warnings).toEqual([
      "InstallDate0: 2 dates like 03/04/2024 left empty because no value in the column shows which part is the day (lines 2, 3).",
      "InstallDate0: 2 values are not dates it can read and were left empty; the rows were kept (lines 4, 5).",
    ]);
  });
});
