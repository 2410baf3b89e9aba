import {
  asRead,
  freshWorkbook,
  fullAllocation,
  fullInstallation,
  fullLicence,
  fullSoftware,
} from "./fixtures";
import { DEFAULT_SETTINGS, type Settings } from "../../src/domain/schemas";

describe("every field of every table round-trips", () => {
  it("reads back exactly what was written, for each kind", async () => {
    const { register, workbook } = await freshWorkbook();
    const software = await register.add("software", fullSoftware());
    const licence = await register.add("licences", fullLicence());
    const unlimited = await register.add(
      "licences",
      fullLicence({
        unlimited: true,
        quantity: undefined,
        perpetual: true,
        expiryDate: undefined,
        pricingModel: "Annual",
      }),
    );
    const allocation = await register.add("allocations", fullAllocation());
    const installation = await register.add("installations", fullInstallation());
    for (const result of [software, licence, unlimited, allocation, installation])
      expect(result.ok).toBe(true);
    if (!software.ok || !licence.ok || !unlimited.ok || !allocation.ok || !installation.ok) return;

    const data = await register.load();
    expect(data.issues).toEqual([]);
    expect(data.software).toEqual([asRead(software.value)]);
    expect(data.licences).toEqual([asRead(licence.value), asRead(unlimited.value)]);
    expect(data.allocations).toEqual([asRead(allocation.value)]);
    expect(data.installations).toEqual([asRead(installation.value)]);
    expect(licence.value).toMatchObject({
      ...fullLicence(),
      rowVersion: 1,
      modified: "2026-05-01T09:30:00.000Z",
    });
    expect(licence.value.id).toMatch(/^LIC-[0-9A-Z]{12}$/);
    // Modified is in the sheet for people to read; records read leave it out (nothing works it out from it)
    const { values } = workbook.readSheet("Licences");
    const modifiedAt = values[0].indexOf("Modified");
    expect(values[1][modifiedAt]).toBe("2026-05-01T09:30:00.000Z");
    expect(data.licences[0].modified).toBeUndefined();
  });

  it("round-trips an update and the settings", async () => {
    const { register } = await freshWorkbook();
    const added = await register.add("licences", fullLicence());
    if (!added.ok) throw new Error(added.error.message);
    const saved = await register.update("licences", {
      ...added.value,
      quantity: 30,
      vendor: undefined,
      notes: "Moved",
    });
    expect(saved.ok && saved.value.rowVersion).toBe(2);
    const data = await register.load();
    expect(data.licences).toEqual([saved.ok && asRead(saved.value)]);
    expect(data.licences[0].vendor).toBeUndefined();

    const settings = {
      reportingCurrency: "EUR",
      underUseThreshold: 0.65,
      defaultRenewalLeadDays: 45,
      expiringSoonDays: 14,
      exchangeRates: { USD: 0.92, GBP: 1.17 },
    };
    expect(await register.updateSettings(settings)).toEqual({ ok: true, value: settings });
    expect((await register.load()).settings).toEqual(settings);
    const fewer = { ...settings, exchangeRates: { GBP: 1.18, JPY: 0.0061 } };
    await register.updateSettings(fewer);
    expect((await register.load()).settings).toEqual(fewer);
  });

  it("refuses settings that would not load back as given, and writes nothing", async () => {
    const { workbook, register } = await freshWorkbook();
    const before = workbook.readSheet("Settings").values;
    const refused = [
      { exchangeRates: { DOLLARS: 0.79 } },
      { exchangeRates: { EUR: -1 } },
      { reportingCurrency: "pounds" },
      { underUseThreshold: 1.5 },
      { defaultRenewalLeadDays: 0 },
    ];
    for (const change of refused) {
      const result = await register.updateSettings({ ...DEFAULT_SETTINGS, ...change } as Settings);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.kind).toBe("invalid");
    }
    expect(workbook.readSheet("Settings").values).toEqual(before);
    expect((await register.load()).issues).toEqual([]);
  });

  it("refuses an invalid record with a plain message per field", async () => {
    const { register } = await freshWorkbook();
    const result = await register.add("licences", fullLicence({ quantity: -1, perpetual: true }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.kind).toBe("invalid");
    expect(result.error).toMatchObject({
      fieldErrors: { quantity: "Quantity must be 0 or more: remove the minus sign." },
    });
    expect(result.error.message).toBe("Quantity must be 0 or more: remove the minus sign.");
  });
});
