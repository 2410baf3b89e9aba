import fc from "fast-check";
import {
  validateAllocation,
  validateInstallation,
  validateLicence,
  validateSettings,
  validateSoftware,
  type Validated,
} from "../../src/domain/validation";

/**
 * A message ends with what to do: its last clause, after the problem and a colon (or the whole message when it
 * is only an instruction), starts with one of the verbs the register's messages tell people to act with.
 */
const NEXT_STEP =
  /(^|: )(fill|choose|enter|type|remove|shorten|correct|clear|undo|give|add|change|say)\b[^:]*\.$/i;

/** zod's own wording, which must never reach a person. */
const ZOD_WORDING =
  /Invalid input|Invalid (option|key|element|string|type)|expected .*received|Too (small|big)|Unrecognized key/i;

const valid = {
  software: { id: "SW-1", name: "Excel" },
  licence: {
    id: "LIC-1",
    softwareId: "SW-1",
    licenceType: "Term",
    scope: "Site",
    allocationRule: "Site",
    quantity: 5,
  },
  allocation: { id: "A1", licenceId: "LIC-1", user: "ann" },
  installation: { id: "I1", softwareId: "SW-1", device: "PC-1" },
  settings: {},
};

const FIELDS = {
  software: ["id", "name", "publisher", "version", "category", "notes", "modified", "rowVersion"],
  licence: [
    "id",
    "softwareId",
    "licenceKey",
    "quantity",
    "unlimited",
    "licenceType",
    "scope",
    "reviewRequired",
    "reviewReason",
    "peakConcurrentUse",
    "vendor",
    "purchaseOrder",
    "purchaseDate",
    "invoiceDate",
    "cost",
    "currency",
    "pricingModel",
    "termMonths",
    "unitCost",
    "startDate",
    "expiryDate",
    "perpetual",
    "autoRenew",
    "renewalLeadDays",
    "maintenanceIncluded",
    "supportIncluded",
    "maintenanceExpiry",
    "allocationRule",
    "reassignable",
    "reassignmentMinDays",
    "geographicRestriction",
    "usageRestriction",
    "transferable",
    "virtualisationRights",
    "notes",
    "modified",
    "rowVersion",
  ],
  allocation: ["id", "licenceId", "user", "department", "allocatedOn", "revokedOn", "notes", "rowVersion"],
  installation: [
    "id",
    "softwareId",
    "licenceId",
    "device",
    "user",
    "version",
    "installedOn",
    "source",
    "notes",
    "rowVersion",
  ],
  settings: [
    "reportingCurrency",
    "underUseThreshold",
    "defaultRenewalLeadDays",
    "expiringSoonDays",
    "exchangeRates",
  ],
} as const;

const validators: Record<keyof typeof FIELDS, (input: unknown) => Validated<unknown>> = {
  software: validateSoftware,
  licence: (input) => validateLicence(input, new Set(["SW-1"])),
  allocation: (input) => validateAllocation(input),
  installation: (input) => validateInstallation(input),
  settings: validateSettings,
};

const junk = fc.oneof(
  fc.constantFrom(
    null,
    "",
    "  ",
    "x",
    "ten",
    -1,
    1.5,
    NaN,
    Infinity,
    true,
    false,
    0,
    "2026-02-30",
    "31/12/2026",
  ),
  fc.constantFrom({}, [], { ABC: -1 }, { usd: "x" }, { "1X": 2 }, "x".repeat(3000)),
  fc.anything(),
);

describe("no raw validation text reaches a person", () => {
  test.each(Object.keys(FIELDS) as (keyof typeof FIELDS)[])(
    "every message about a bad %s field is the register's own sentence and says what to do",
    (kind) => {
      fc.assert(
        fc.property(fc.constantFrom(...FIELDS[kind]), junk, (field, value) => {
          const result = validators[kind]({ ...valid[kind], [field]: value });
          if (result.ok) return;
          for (const message of Object.values(result.fieldErrors)) {
            expect(message).not.toMatch(ZOD_WORDING);
            expect(message).toMatch(NEXT_STEP);
          }
        }),
        { numRuns: 400 },
      );
    },
  );

  test("a missing required value says it is required, whatever type the field wants", () => {
    const licence = validateLicence(
      { ...valid.licence, softwareId: undefined, scope: undefined },
      new Set(["SW-1"]),
    );
    expect(!licence.ok && licence.fieldErrors).toEqual({
      softwareId: "Software is required: fill it in.",
      scope: "Scope is required: choose Enterprise, Site, Department, Project or Individual.",
    });
    expect(!licence.ok && licence.fieldErrors).not.toHaveProperty("quantity");
    const software = validateSoftware({ ...valid.software, name: null });
    expect(!software.ok && software.fieldErrors).toEqual({ name: "Name is required: fill it in." });
  });

  test("a bad Row Version says what to do, not what zod expected", () => {
    const result = validateSoftware({ ...valid.software, rowVersion: "abc" });
    expect(!result.ok && result.fieldErrors.rowVersion).toBe(
      "Row Version is kept by the register and must be a whole number of 0 or more: undo your change to this cell, or enter 0.",
    );
  });

  test("exchange rates need currency codes and rates above 0, and codes are kept upper-case", () => {
    expect(validateSettings({ exchangeRates: { usd: 0.79 } })).toEqual({
      ok: true,
      value: expect.objectContaining({ exchangeRates: { USD: 0.79 } }),
    });
    expect(validateSettings({ exchangeRates: { DOLLARS: 0.79 } })).toEqual({
      ok: false,
      fieldErrors: {
        exchangeRates:
          '"DOLLARS" is not a currency code: enter a 3-letter code such as USD or EUR for each exchange rate.',
      },
    });
    expect(validateSettings({ exchangeRates: { EUR: 0 } })).toEqual({
      ok: false,
      fieldErrors: {
        exchangeRates:
          "The exchange rate for EUR must be a number greater than 0: enter what 1 EUR is worth in the Reporting Currency.",
      },
    });
  });
});
