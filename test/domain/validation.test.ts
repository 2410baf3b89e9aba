import {
  hasId,
  validateAllocation,
  validateInstallation,
  validateLicence,
  validateSettings,
  validateSoftware,
} from "../../src/domain/validation";

const catalogue = new Set(["SW-1"]);
const goodLicence = {
  id: "LIC-1",
  softwareId: "SW-1",
  licenceType: "Term",
  scope: "Site",
  allocationRule: "Site",
  quantity: 5,
};

describe("validation returns field-keyed plain-English messages", () => {
  test("a valid licence comes back parsed with defaults", () => {
    const result = validateLicence(goodLicence, catalogue);
    expect(result.ok && result.value).toMatchObject({
      currency: "GBP",
      pricingModel: "One-time",
      unlimited: false,
    });
  });

  test("a licence must reference a catalogue software, named Software", () => {
    expect(validateLicence({ ...goodLicence, softwareId: "SW-404" }, catalogue)).toEqual({
      ok: false,
      fieldErrors: {
        softwareId: expect.stringMatching(/^Software "SW-404" is not in the software catalogue/),
      },
    });
    expect(validateLicence({ ...goodLicence, softwareId: " sw-1 " }, catalogue).ok).toBe(true);
  });

  test("missing and wrong fields are named as people see them", () => {
    const result = validateLicence(
      { ...goodLicence, softwareId: undefined, quantity: -1, scope: "Galaxy" },
      catalogue,
    );
    expect(result).toEqual({
      ok: false,
      fieldErrors: {
        softwareId: "Software is required: fill it in.",
        quantity: "Quantity must be 0 or more: remove the minus sign.",
        scope: "Scope is not one of its choices: choose Enterprise, Site, Department, Project or Individual.",
      },
    });
  });

  test("cross-field rules report the field to change", () => {
    const result = validateLicence(
      { ...goodLicence, pricingModel: "Multi-year", perpetual: true, expiryDate: "2027-01-01" },
      catalogue,
    );
    expect(!result.ok && result.fieldErrors).toEqual({
      termMonths: expect.stringContaining("Term (Months) is required for Multi-year"),
      expiryDate: expect.stringContaining("Perpetual"),
    });
  });

  test("a field error and a missing catalogue entry do not hide each other", () => {
    const result = validateLicence({ ...goodLicence, softwareId: "SW-404", quantity: "ten" }, catalogue);
    expect(!result.ok && Object.keys(result.fieldErrors).sort()).toEqual(["quantity", "softwareId"]);
  });

  test("allocations and installations check their references when the IDs are given", () => {
    const licences = new Set(["LIC-1"]);
    expect(validateAllocation({ id: "A1", licenceId: "LIC-1", user: "ann" }, licences).ok).toBe(true);
    expect(validateAllocation({ id: "A1", licenceId: "LIC-2", user: "ann" }, licences)).toEqual({
      ok: false,
      fieldErrors: { licenceId: expect.stringContaining('Licence ID "LIC-2" is not a licence') },
    });
    expect(validateAllocation({ id: "A1", licenceId: "LIC-2", user: "ann" }).ok).toBe(true);
    expect(
      validateAllocation({
        id: "A1",
        licenceId: "LIC-1",
        user: "ann",
        allocatedOn: "2026-02-01",
        revokedOn: "2026-01-01",
      }),
    ).toEqual({
      ok: false,
      fieldErrors: { revokedOn: expect.stringContaining("Revoked On cannot be before") },
    });
    expect(
      validateInstallation({ id: "I1", softwareId: "SW-1", device: "PC-1" }, catalogue, licences).ok,
    ).toBe(true);
    expect(
      validateInstallation(
        { id: "I1", softwareId: "SW-1", device: "PC-1", licenceId: "" },
        catalogue,
        licences,
      ).ok,
    ).toBe(true);
    expect(
      validateInstallation(
        { id: "I1", softwareId: "SW-9", device: "PC-1", licenceId: "LIC-9" },
        catalogue,
        licences,
      ),
    ).toEqual({
      ok: false,
      fieldErrors: {
        softwareId: expect.stringContaining("Software"),
        licenceId: expect.stringContaining("LIC-9"),
      },
    });
    expect(validateInstallation({ id: "I1", softwareId: "SW-1" })).toEqual({
      ok: false,
      fieldErrors: { device: "Device is required: fill it in." },
    });
  });

  test("software and settings", () => {
    expect(validateSoftware({ id: "SW-1", name: "Excel" }).ok).toBe(true);
    expect(validateSoftware({ id: "SW-1", name: "  " })).toEqual({
      ok: false,
      fieldErrors: { name: "Name is required: fill it in." },
    });
    expect(validateSettings({}).ok).toBe(true);
    expect(validateSettings({ underUseThreshold: 2 })).toEqual({
      ok: false,
      fieldErrors: {
        underUseThreshold:
          "Under-use Threshold must be more than 0% and at most 100%: enter a percentage such as 80%.",
      },
    });
  });

  test("IDs match trimmed and case-insensitively", () => {
    expect(hasId(new Set(["LIC-1"]), "lic-1 ")).toBe(true);
    expect(hasId(new Set(["LIC-1"]), "LIC-2")).toBe(false);
  });
});
