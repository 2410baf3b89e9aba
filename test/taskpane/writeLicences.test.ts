import { readFileSync } from "fs";
import path from "path";
import { readImport } from "../../src/import/readImport";
import { writeLicenceImport } from "../../src/taskpane/import/writeLicences";
import { freshWorkbook } from "../workbook/fixtures";

const fixture = (name: string) => readFileSync(path.join(__dirname, "..", "import", "fixtures", name));

describe("writing Snipe-IT licences and seats through the register", () => {
  it("adds the products, licences and allocations once; importing again adds nothing", async () => {
    const { register } = await freshWorkbook();
    const result = await readImport(fixture("snipeit-licences-template-european.csv"));
    const first = await writeLicenceImport(register, result, await register.load());
    expect(first.ok && first.value).toEqual({
      productsAdded: 2,
      licencesAdded: 2,
      licencesUnchanged: 0,
      allocationsAdded: 1,
      allocationsUnchanged: 0,
      seatsWithoutLicence: 0,
      seatsOnAssets: 0,
    });
    const data = await register.load();
    const visio = data.software.find((s) => s.name === "Microsoft Visio Professional 2021");
    const licence = data.licences.find((l) => l.softwareId === visio?.id);
    expect(licence).toMatchObject({
      quantity: 10,
      cost: 1249,
      licenceKey: "VVVV-1111",
      vendor: "Büro GmbH",
      licenceType: "Perpetual",
    });
    expect(data.allocations).toEqual([
      expect.objectContaining({ licenceId: licence?.id, user: "kmueller@example.com" }),
    ]);

    const again = await writeLicenceImport(register, result, data);
    expect(again.ok && again.value).toMatchObject({
      productsAdded: 0,
      licencesAdded: 0,
      licencesUnchanged: 2,
      allocationsAdded: 0,
      allocationsUnchanged: 1,
    });
    expect((await register.load()).licences).toHaveLength(2);
  });
});
