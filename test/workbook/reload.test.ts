import { freshWorkbook, fullLicence, registerOn, simpleLicence } from "./fixtures";

describe("reloading the register", () => {
  it("keeps one copy of each unchanged record, and reads a row typed into afresh", async () => {
    const { workbook, register } = await freshWorkbook();
    for (let i = 0; i < 3; i++) {
      const added = await register.add("licences", i === 0 ? fullLicence() : simpleLicence(i));
      if (!added.ok) throw new Error(added.error.message);
    }
    const pane = registerOn(workbook.session("pane"));
    const first = (await pane.load()).licences;
    const { values } = workbook.readSheet("Licences");
    const quantity = values[0].indexOf("Quantity");
    const row = values.findIndex((cells) => cells[0] === first[1].id);
    workbook.typeIntoCell("Licences", `${String.fromCharCode(65 + quantity)}${row + 1}`, "77");

    const second = (await pane.load()).licences;
    expect(second[0]).toBe(first[0]);
    expect(second[2]).toBe(first[2]);
    expect(second[1]).not.toBe(first[1]);
    expect(second[1]).toEqual({ ...first[1], quantity: 77 });
  });
});
