import {
  licenceFieldsSchema,
  softwareSchema,
  allocationSchema,
  installationSchema,
} from "../../src/domain/schemas";
import { LICENCE_COMPUTED_LABELS } from "../../src/domain/labels";
import { ALL_TABLES, RECORD_TABLES, listSource, listsGrid } from "../../src/workbook/tables";
import { LICENCE_FORMULAS } from "../../src/workbook/tables/licencesTable";

describe("table specs", () => {
  const schemas = {
    software: softwareSchema,
    licences: licenceFieldsSchema,
    allocations: allocationSchema,
    installations: installationSchema,
  };

  it.each(Object.entries(schemas))("%s has one column for every schema field", (kind, schema) => {
    const spec = RECORD_TABLES[kind as keyof typeof schemas];
    const fields = spec.columns.map((column) => column.field).filter(Boolean);
    expect(new Set(fields)).toEqual(new Set(Object.keys(schema.shape)));
    expect(fields).toHaveLength(Object.keys(schema.shape).length);
  });

  it("gives every table unique headers and text columns the Text format", () => {
    for (const spec of ALL_TABLES) {
      const headers = spec.columns.map((column) => column.header.toLowerCase());
      expect(new Set(headers).size).toBe(headers.length);
      for (const column of spec.columns)
        if (column.type === "text" && column.field) expect(column.numberFormat).toBe("@");
    }
  });

  it("computes Used Quantity, Available Quantity, Compliance Status, Annual Cost and Renewal Status by formula", () => {
    const computed = RECORD_TABLES.licences.columns.filter((column) => column.formula);
    expect(computed.map((column) => column.header).sort()).toEqual(
      Object.values(LICENCE_COMPUTED_LABELS).sort(),
    );
    expect(computed.every((column) => column.readOnly && !column.field)).toBe(true);
    expect(LICENCE_FORMULAS.usedQuantity).toBe('=IF([@[Licence ID]]="","",LICENSE.USED([@[Licence ID]]))');
  });

  it("points dropdowns at the Lists sheet", () => {
    expect(listSource("Licence Type")).toBe("=Lists!$A$2:$A$9");
    expect(listSource("TRUE/FALSE")).toBe("=Lists!$G$2:$G$3");
    expect(listsGrid()[0]).toContain("Virtualisation Rights");
  });
});
