import {
  Button,
  Field,
  Input,
  makeStyles,
  Select,
  MessageBar,
  MessageBarBody,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import type { Result } from "../../../workbook/registerApi";
import { failureSentence, unexpectedSentence } from "../../messages";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  actions: { display: "flex", gap: tokens.spacingHorizontalS },
});

export interface InlineField<N extends string> {
  name: N;
  label: string;
  type?: "text" | "date";
  required?: boolean;
  /** A choice from a fixed list (the sheet's dropdown values) instead of typed text. */
  options?: readonly string[];
  hint?: string;
}

/**
 * A small form for one related record (an allocation, an installation): each field checked as the user leaves
 * it with the domain schema's message; what was typed stays if the register refuses the write.
 */
export function InlineRecordForm<N extends string>({
  label,
  fields,
  initial,
  validate,
  submitLabel,
  onSubmit,
  onDone,
}: {
  label: string;
  fields: InlineField<N>[];
  initial: Record<N, string>;
  /** Messages by field name for the values as typed (empty when valid). */
  validate: (values: Record<N, string>) => Partial<Record<N, string>>;
  submitLabel: string;
  onSubmit: (values: Record<N, string>) => Promise<Result<unknown>>;
  onDone: () => void;
}) {
  const styles = useStyles();
  const [values, setValues] = useState(initial);
  const [touched, setTouched] = useState<Partial<Record<N, boolean>>>({});
  const [submitted, setSubmitted] = useState(false);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const errors = validate(values);
  const valid = Object.keys(errors).length === 0;

  const submit = async () => {
    setSubmitted(true);
    if (!valid) return;
    setBusy(true);
    setError(undefined);
    try {
      const result = await onSubmit(values);
      if (result.ok) onDone();
      else setError(failureSentence(result.error, submitLabel.toLowerCase()));
    } catch (caught) {
      setError(unexpectedSentence(caught, submitLabel.toLowerCase()));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={styles.root} role="group" aria-label={label}>
      {fields.map((field) => {
        const message = touched[field.name] || submitted ? errors[field.name] : undefined;
        return (
          <Field
            key={field.name}
            label={field.label}
            hint={field.hint}
            required={field.required}
            validationState={message ? "error" : "none"}
            validationMessage={message}
          >
            {field.options ? (
              <Select
                value={values[field.name]}
                onChange={(_, d) => setValues((v) => ({ ...v, [field.name]: d.value }))}
                onBlur={() => setTouched((t) => ({ ...t, [field.name]: true }))}
              >
                {field.options.map((option) => (
                  <option key={option}>{option}</option>
                ))}
              </Select>
            ) : (
              <Input
                type={field.type ?? "text"}
                value={values[field.name]}
                onChange={(_, d) => setValues((v) => ({ ...v, [field.name]: d.value }))}
                onBlur={() => setTouched((t) => ({ ...t, [field.name]: true }))}
              />
            )}
          </Field>
        );
      })}
      {error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => void submit()} disabled={busy || (submitted && !valid)}>
          {submitLabel}
        </Button>
        <Button onClick={onDone} disabled={busy}>
          Cancel
        </Button>
      </div>
    </div>
  );
}

/** Field messages from a zod result, first message per top-level field. */
export function messagesByField<N extends string>(issues: { path: PropertyKey[]; message: string }[]) {
  const messages: Partial<Record<N, string>> = {};
  for (const issue of issues) {
    const name = String(issue.path[0]) as N;
    messages[name] ??= issue.message;
  }
  return messages;
}

export const blankToUndefined = (value: string): string | undefined =>
  value.trim() === "" ? undefined : value.trim();
