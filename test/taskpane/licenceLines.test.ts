import { addDays } from "../../src/domain/dates";
import { computePosition } from "../../src/domain/position";
import { DEFAULT_SETTINGS, type Licence } from "../../src/domain/schemas";
import { lapseOn, usageText, validityText } from "../../src/taskpane/licences/licenceLines";
import { allocations, installations, licences, software, TODAY } from "./support/fixtures";

const acrobat = licences[0];
const positionOf = (licence: Licence) =>
  computePosition(
    { licences: [licence], software, allocations, installations, settings: DEFAULT_SETTINGS },
    TODAY,
  ).licences.get(licence.id);

describe("a licence list row's lines", () => {
  it("reads as before for a licence in force", () => {
    expect(validityText(acrobat, TODAY)).toBe("Expires 5 Jul 2026");
    expect(usageText(acrobat, positionOf(acrobat), TODAY)).toBe("4 of 5 used");
    const unlimited = { ...acrobat, unlimited: true, quantity: undefined };
    expect(usageText(unlimited, positionOf(unlimited), TODAY)).toBe("Unlimited, 4 used");
    expect(validityText({ ...acrobat, perpetual: true, expiryDate: undefined }, TODAY)).toBe("Perpetual");
    expect(validityText({ ...acrobat, expiryDate: undefined }, TODAY)).toBe("No expiry date");
    // The expiry day itself is still in force.
    expect(validityText({ ...acrobat, expiryDate: TODAY }, TODAY)).toBe("Expires 15 Jun 2026");
  });

  it("agrees with the status of an expired licence: past tense, nothing entitled", () => {
    const expired = { ...acrobat, expiryDate: addDays(TODAY, -20) };
    const position = positionOf(expired);
    expect(position).toMatchObject({ entitled: 0, status: "Over-deployed" });
    expect(lapseOn(expired, TODAY)).toBe("expired");
    expect(validityText(expired, TODAY)).toBe("Expired 26 May 2026");
    expect(usageText(expired, position, TODAY)).toBe("4 used, none entitled");
  });

  it("says when a licence that has not started starts, and that it entitles nobody yet", () => {
    const future = { ...acrobat, startDate: addDays(TODAY, 10), expiryDate: addDays(TODAY, 375) };
    expect(validityText(future, TODAY)).toBe("Starts 25 Jun 2026");
    expect(usageText(future, positionOf(future), TODAY)).toBe("4 used, none entitled yet");
    const perpetual = { ...future, perpetual: true, expiryDate: undefined };
    expect(validityText(perpetual, TODAY)).toBe("Starts 25 Jun 2026");
  });

  it("keeps counting an auto-renew licence past its expiry, as the position does", () => {
    const renewing = { ...acrobat, autoRenew: true, expiryDate: addDays(TODAY, -20) };
    expect(lapseOn(renewing, TODAY)).toBeUndefined();
    expect(validityText(renewing, TODAY)).toBe("Expired 26 May 2026, auto-renews");
    expect(usageText(renewing, positionOf(renewing), TODAY)).toBe("4 of 5 used");
  });

  it("falls back to the licence's own quantity when there is no position", () => {
    expect(usageText(acrobat, undefined, TODAY)).toBe("0 of 5 used");
  });
});
