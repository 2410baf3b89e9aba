import { sameRecord } from "../../src/domain/sameRecord";

describe("sameRecord", () => {
  it("reads a field left out as the same as one holding nothing", () => {
    expect(sameRecord({ id: "A1", notes: undefined }, { id: "A1" })).toBe(true);
    expect(sameRecord({ id: "A1" }, { id: "A1", notes: undefined })).toBe(true);
  });

  it("tells records apart by any value, on either side", () => {
    expect(sameRecord({ id: "A1", user: "ann" }, { id: "A1", user: "Ann" })).toBe(false);
    expect(sameRecord({ id: "A1" }, { id: "A1", notes: "moved" })).toBe(false);
    expect(sameRecord({ id: "A1", notes: "moved" }, { id: "A1" })).toBe(false);
    expect(sameRecord({ id: "A1", rowVersion: 2 }, { id: "A1", rowVersion: 3 })).toBe(false);
  });
});
