import { useMemo, useState } from "react";
import { settingsSchema, type Settings } from "../../domain/schemas";
import type { RegisterFailure } from "../../workbook/registerApi";
import { failureSentence, unexpectedSentence } from "../messages";
import { useRegister } from "../RegisterContext";
import {
  changesFrom,
  checkSettingsDraft,
  draftFromSettings,
  emptyRateRow,
  afterSave,
  followSettings,
  type RateRow,
  type SavedSettings,
  type ScalarDraftField,
  type SettingsDraft,
  type SettingsErrors,
} from "./settingsDraft";

interface FormState {
  /** The settings the person's changes are measured from: what a save passes to the register as the base. */
  base: Settings;
  /** The live register's settings this form last followed. */
  followed: Settings;
  draft: SettingsDraft;
  /** Fields (and rate rows, by `rate:<key>`) the person has left: their messages show. */
  touched: ReadonlySet<string>;
  /** After a save attempt every message shows. */
  showAll: boolean;
  /** The last save, until the live register has caught up with it. */
  lastSave?: SavedSettings;
}

const stateFor = (settings: Settings): FormState => ({
  base: settings,
  followed: settings,
  draft: draftFromSettings(settings),
  touched: new Set(),
  showAll: false,
});

export type SaveOutcome =
  | { kind: "saved"; message: string }
  | { kind: "conflict"; message: string }
  | { kind: "error"; message: string };

const ACTION = "save the settings";

/**
 * The Settings view's state and its save. `current` is the live register's settings: a field the person has
 * not changed follows it (a co-author's edit shows at once), a field they changed keeps what they typed.
 */
export function useSettingsForm(current: Settings) {
  const register = useRegister();
  const [state, setState] = useState<FormState>(() => stateFor(current));
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<SaveOutcome>();
  /** Messages the register gave per field (a cell it cannot read in the way), until the field is edited. */
  const [registerErrors, setRegisterErrors] = useState<SettingsErrors>({});

  if (current !== state.followed) {
    const seen = state.lastSave ? afterSave(current, state.lastSave) : undefined;
    const followed = followSettings(state.draft, state.base, seen?.settings ?? current, "follow");
    setState({
      ...state,
      ...followed,
      followed: current,
      lastSave: seen?.stale ? state.lastSave : undefined,
    });
  }

  const changes = useMemo(() => changesFrom(state.draft, state.base), [state.draft, state.base]);
  const { errors, settings } = useMemo(
    () => checkSettingsDraft(state.draft, state.base),
    [state.draft, state.base],
  );
  const visibleErrors = useMemo(() => {
    const shown: SettingsErrors = { ...registerErrors };
    for (const [key, message] of Object.entries(errors))
      if (state.showAll || state.touched.has(key)) shown[key] = message;
    return shown;
  }, [errors, registerErrors, state.showAll, state.touched]);

  const edit = (change: (draft: SettingsDraft) => SettingsDraft, key: string) => {
    setState((s) => ({ ...s, draft: change(s.draft) }));
    setRegisterErrors((shown) => {
      if (!shown[key]) return shown;
      const rest = { ...shown };
      delete rest[key];
      return rest;
    });
    if (outcome?.kind === "saved") setOutcome(undefined);
  };
  const touch = (key: string) =>
    setState((s) => (s.touched.has(key) ? s : { ...s, touched: new Set([...s.touched, key]) }));

  const save = async () => {
    if (!settings) {
      setState((s) => ({ ...s, showAll: true }));
      return;
    }
    const base = state.base;
    const sent = state.draft;
    setBusy(true);
    setOutcome(undefined);
    try {
      const result = await register.updateSettings(settings, base);
      if (result.ok) {
        setRegisterErrors({});
        const saved = result.value;
        const lastSave = { before: base, saved };
        // what the person typed while the save ran stays, measured from the settings as saved
        setState((s) =>
          s.draft === sent
            ? { ...stateFor(saved), followed: s.followed, lastSave }
            : { ...s, base: saved, showAll: false, lastSave },
        );
        setOutcome({ kind: "saved", message: result.merged?.message ?? "Saved." });
        return;
      }
      setOutcome(outcomeOf(result.error));
      if (result.error.kind === "invalid") setRegisterErrors(result.error.fieldErrors);
      const theirs =
        result.error.kind === "conflict" ? settingsSchema.safeParse(result.error.current) : undefined;
      // the register's settings now become the base, so saving again keeps what the person typed
      if (theirs?.success)
        setState((s) => ({
          ...s,
          ...followSettings(s.draft, s.base, theirs.data, "rebase"),
          lastSave: undefined,
        }));
    } catch (caught) {
      setOutcome({ kind: "error", message: unexpectedSentence(caught, ACTION) });
    } finally {
      setBusy(false);
    }
  };

  return {
    draft: state.draft,
    busy,
    outcome,
    isDirty: changes.isDirty,
    errors: visibleErrors,
    save,
    setField: (field: ScalarDraftField, value: string) => edit((d) => ({ ...d, [field]: value }), field),
    blur: touch,
    setRate: (key: number, change: Partial<Omit<RateRow, "key">>) =>
      edit(
        (d) => ({
          ...d,
          exchangeRates: d.exchangeRates.map((row) => (row.key === key ? { ...row, ...change } : row)),
        }),
        "exchangeRates",
      ),
    addRate: () => {
      const row = emptyRateRow();
      edit((d) => ({ ...d, exchangeRates: [...d.exchangeRates, row] }), "exchangeRates");
      return row.key;
    },
    removeRate: (key: number) =>
      edit(
        (d) => ({ ...d, exchangeRates: d.exchangeRates.filter((row) => row.key !== key) }),
        "exchangeRates",
      ),
    /** Drops the person's changes: the form shows the settings as the register holds them now. */
    discard: () => {
      setRegisterErrors({});
      setOutcome(undefined);
      setState(stateFor(current));
    },
  };
}

function outcomeOf(failure: RegisterFailure): SaveOutcome {
  // the register's settings messages are whole sentences that name the setting, both values and what to do
  if (failure.kind === "conflict") return { kind: "conflict", message: failure.message };
  if (failure.kind === "invalid") return { kind: "error", message: failure.message };
  if (failure.kind === "not-set-up") return { kind: "error", message: failure.message };
  return { kind: "error", message: failureSentence(failure, ACTION) };
}
