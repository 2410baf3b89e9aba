import {
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useRef, type FormEvent } from "react";
import { SETTINGS_LABELS as S } from "../../domain/labels";
import type { Settings } from "../../domain/schemas";
import { rateErrorKey, type ScalarDraftField } from "./settingsDraft";
import { useSettingsForm } from "./useSettingsForm";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  rates: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    border: "none",
    margin: 0,
    padding: 0,
    minWidth: 0,
  },
  rate: {
    display: "grid",
    gridTemplateColumns: "5.5em minmax(0, 1fr) auto",
    gap: tokens.spacingHorizontalS,
    alignItems: "start",
  },
  legend: { padding: 0 },
  rateHeader: { color: tokens.colorNeutralForeground2 },
  rateMessage: { gridColumn: "1 / -1", color: tokens.colorPaletteRedForeground1 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

/**
 * The register's settings, edited in the pane rather than on the Settings sheet. Save writes only what the
 * person changed (the register refuses, and says why, when a co-author changed the same setting or a cell it
 * cannot read is in the way); what they typed stays in the form until they save or discard it.
 */
export function SettingsView({ settings }: { settings: Settings }) {
  const styles = useStyles();
  const form = useSettingsForm(settings);
  const outcomeBar = useRef<HTMLDivElement>(null);
  const { outcome, errors, draft } = form;
  const reporting = /^[A-Za-z]{3}$/.test(draft.reportingCurrency.trim())
    ? draft.reportingCurrency.trim().toUpperCase()
    : "the reporting currency";

  // a refused save's message is read out and brought into view; the fields keep what the person typed
  useEffect(() => {
    if (outcome && outcome.kind !== "saved") outcomeBar.current?.focus();
  }, [outcome]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void form.save();
  };

  const scalar = (
    field: ScalarDraftField,
    hint: string,
    extra: { after?: string; inputMode?: "decimal" | "numeric" } = {},
  ) => (
    <Field
      label={S[field]}
      hint={hint}
      validationState={errors[field] ? "error" : "none"}
      validationMessage={errors[field]}
    >
      <Input
        value={draft[field]}
        inputMode={extra.inputMode}
        contentAfter={extra.after}
        onChange={(_, data) => form.setField(field, data.value)}
        onBlur={() => form.blur(field)}
      />
    </Field>
  );

  return (
    <form className={styles.form} aria-label="Settings" onSubmit={submit} noValidate>
      <Text>These settings apply to the whole register and are kept on the Settings sheet.</Text>
      {outcome && (
        <MessageBar
          ref={outcomeBar}
          tabIndex={-1}
          intent={outcome.kind === "saved" ? "success" : outcome.kind === "conflict" ? "warning" : "error"}
          layout="multiline"
        >
          <MessageBarBody>
            {/* the register's conflict message already begins "Not saved:" */}
            {outcome.kind !== "saved" && !outcome.message.startsWith("Not saved") && (
              <MessageBarTitle>Not saved</MessageBarTitle>
            )}
            {outcome.message}
          </MessageBarBody>
        </MessageBar>
      )}
      {scalar(
        "reportingCurrency",
        "A 3-letter code, such as GBP. Costs in other currencies are converted to it.",
      )}
      {scalar(
        "underUseThreshold",
        "A licence using less than this share of what it entitles counts as under-used.",
        { after: "%", inputMode: "decimal" },
      )}
      {scalar(
        "defaultRenewalLeadDays",
        "How many days before expiry a renewal is due, unless a licence says otherwise.",
        { inputMode: "numeric" },
      )}
      {scalar(
        "expiringSoonDays",
        "A licence that expires within this many days shows as expiring soon in the list of licences.",
        { inputMode: "numeric" },
      )}

      <fieldset className={styles.rates}>
        <legend className={styles.legend}>
          <Subtitle2>{S.exchangeRates}</Subtitle2>
        </legend>
        <Text size={200}>
          How many {reporting} one unit of each other currency is worth: type USD and 0.79 when one US dollar
          is worth 0.79 {reporting}.
        </Text>
        {draft.exchangeRates.length > 0 && (
          <div className={styles.rate} aria-hidden="true">
            <Text size={200} className={styles.rateHeader}>
              Currency
            </Text>
            <Text size={200} className={styles.rateHeader}>
              Rate
            </Text>
          </div>
        )}
        {draft.exchangeRates.map((row) => {
          const key = rateErrorKey(row);
          const message = errors[key];
          const name = row.currency.trim().toUpperCase() || "the new currency";
          return (
            <div key={row.key} className={styles.rate}>
              <Input
                aria-label={`Currency code`}
                value={row.currency}
                maxLength={3}
                aria-invalid={message ? true : undefined}
                onChange={(_, data) => form.setRate(row.key, { currency: data.value })}
                onBlur={() => form.blur(key)}
              />
              <Input
                aria-label={`Rate for ${name}`}
                value={row.rate}
                inputMode="decimal"
                aria-invalid={message ? true : undefined}
                onChange={(_, data) => form.setRate(row.key, { rate: data.value })}
                onBlur={() => form.blur(key)}
              />
              <Button
                appearance="subtle"
                aria-label={`Remove ${name}`}
                onClick={() => form.removeRate(row.key)}
              >
                Remove
              </Button>
              {message && (
                <Text role="alert" size={200} className={styles.rateMessage}>
                  {message}
                </Text>
              )}
            </div>
          );
        })}
        {errors.exchangeRates && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>{errors.exchangeRates}</MessageBarBody>
          </MessageBar>
        )}
        <div>
          <Button onClick={() => form.addRate()}>Add a currency</Button>
        </div>
      </fieldset>

      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={!form.isDirty || form.busy}>
          {form.busy ? "Saving…" : "Save"}
        </Button>
        <Button onClick={form.discard} disabled={!form.isDirty || form.busy}>
          Discard changes
        </Button>
      </div>
    </form>
  );
}
