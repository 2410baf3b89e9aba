import { DEFAULT_SETTINGS, type Settings } from "../../src/domain/schemas";
import {
  afterSave,
  checkSettingsDraft,
  draftFromSettings,
  followSettings,
  type SettingsDraft,
} from "../../src/taskpane/settings/settingsDraft";

const loaded: Settings = { ...DEFAULT_SETTINGS, exchangeRates: { USD: 0.79, EUR: 0.86, JPY: 0.0052 } };

const rates = (draft: SettingsDraft) => draft.exchangeRates.map((row) => [row.currency, row.rate]);

describe("the settings form following the register", () => {
  // the person changed the EUR rate, the threshold and Expiring Soon; a co-author changed USD, removed JPY,
  // added CHF and changed the threshold, Expiring Soon and EUR too
  const mine: SettingsDraft = (() => {
    const draft = draftFromSettings(loaded);
    return {
      ...draft,
      underUseThreshold: "90",
      expiringSoonDays: "14",
      exchangeRates: draft.exchangeRates.map((row) =>
        row.currency === "EUR" ? { ...row, rate: "0.9" } : row,
      ),
    };
  })();
  const theirs: Settings = {
    ...loaded,
    underUseThreshold: 0.7,
    defaultRenewalLeadDays: 45,
    expiringSoonDays: 60,
    exchangeRates: { USD: 0.8, EUR: 0.85, CHF: 0.88 },
  };

  it("shows a co-author's values where the person changed nothing, and keeps the base where they did", () => {
    const { draft, base } = followSettings(mine, loaded, theirs, "follow");
    expect(draft.underUseThreshold).toBe("90");
    expect(draft.defaultRenewalLeadDays).toBe("45");
    expect(draft.expiringSoonDays).toBe("14");
    expect(rates(draft)).toEqual([
      ["USD", "0.8"],
      ["EUR", "0.9"],
      ["CHF", "0.88"],
    ]);
    // saving from this base still finds the clash on the threshold and on EUR
    expect(base).toEqual({
      ...theirs,
      underUseThreshold: 0.8,
      expiringSoonDays: 30,
      exchangeRates: { USD: 0.8, EUR: 0.86, CHF: 0.88 },
    });
  });

  it("after a conflict takes the register's settings as the base, keeping what the person typed", () => {
    const { draft, base } = followSettings(mine, loaded, theirs, "rebase");
    expect(base).toEqual(theirs);
    expect(draft.underUseThreshold).toBe("90");
    expect(checkSettingsDraft(draft, base).settings).toEqual({
      ...theirs,
      underUseThreshold: 0.9,
      expiringSoonDays: 14,
      exchangeRates: { USD: 0.8, EUR: 0.9, CHF: 0.88 },
    });
  });
});

describe("the register's settings just after a save", () => {
  const before: Settings = { ...loaded, exchangeRates: { USD: 0.79, EUR: 0.86 } };
  const saved: Settings = { ...before, expiringSoonDays: 45, exchangeRates: { EUR: 0.9 } };

  it("takes a reload that began before the save, still holding what it replaced, as the save", () => {
    // a co-author's threshold arrived in the same reload: it is followed
    const reload = { ...before, underUseThreshold: 0.7 };
    expect(afterSave(reload, { before, saved })).toEqual({
      settings: { ...saved, underUseThreshold: 0.7 },
      stale: true,
    });
  });

  it("follows the register once it holds the save, and a co-author's later change to a saved value", () => {
    expect(afterSave(saved, { before, saved })).toEqual({ settings: saved, stale: false });
    const theirs = { ...saved, expiringSoonDays: 60, exchangeRates: { EUR: 0.95 } };
    expect(afterSave(theirs, { before, saved })).toEqual({ settings: theirs, stale: false });
  });
});

describe("checking the settings typed", () => {
  it("reads the threshold as a percentage, with or without the sign", () => {
    for (const typed of ["80", "80%", " 80 % "])
      expect(
        checkSettingsDraft({ ...draftFromSettings(loaded), underUseThreshold: typed }, loaded).settings,
      ).toMatchObject({ underUseThreshold: 0.8 });
    expect(
      checkSettingsDraft({ ...draftFromSettings(loaded), underUseThreshold: "0" }, loaded).errors,
    ).toEqual({
      underUseThreshold:
        "Type the Under-use Threshold as a percentage more than 0 and at most 100, such as 80.",
    });
  });

  it("reads Expiring Soon (Days) as a whole number of days, 0 or more, by the rule the sheet uses", () => {
    const typed = (expiringSoonDays: string) =>
      checkSettingsDraft({ ...draftFromSettings(loaded), expiringSoonDays }, loaded);
    expect(typed(" 45 ").settings).toEqual({ ...loaded, expiringSoonDays: 45 });
    expect(typed("0").settings).toMatchObject({ expiringSoonDays: 0 });
    for (const bad of ["", "soon", "14.5", "-1"])
      expect(typed(bad)).toEqual({
        errors: {
          expiringSoonDays: "Type the Expiring Soon (Days) as a whole number of days, 0 or more, such as 30.",
        },
      });
  });

  it("names a currency listed twice and leaves blank rows out", () => {
    const draft = draftFromSettings(loaded);
    const [usd] = draft.exchangeRates;
    const twice = {
      ...draft,
      exchangeRates: [...draft.exchangeRates, { key: -1, currency: "usd", rate: "1" }],
    };
    expect(checkSettingsDraft(twice, loaded).errors).toEqual({
      "rate:-1": "USD is in the list twice: remove one of them.",
    });
    const blank = { ...draft, exchangeRates: [usd, { key: -2, currency: " ", rate: "" }] };
    expect(checkSettingsDraft(blank, loaded).settings?.exchangeRates).toEqual({ USD: 0.79 });
  });
});
