import {
  Button,
  Field,
  Input,
  makeStyles,
  Select,
  MessageBar,
  MessageBarBody,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import type { RegisterFailure, Result } from "../../../workbook/registerApi";
import { DateInput, isPartDate } from "../../DateInput";
import { failureSentence, partDateMessage, unexpectedSentence } from "../../messages";
import { FieldRow } from "../form/FormSection";

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
 * A small form for one related record (an allocation, an installation), to add one or to correct one: each
 * field checked as the user leaves it with the domain schema's message; what was typed stays if the register
 * refuses the write. Enter saves, Escape cancels; the form sits inside the licence's form, so neither may reach
 * that one.
 */
export function InlineRecordForm<N extends string, T>({
  label,
  fields,
  initial,
  validate,
  isUnchanged,
  focusFirst,
  submitLabel,
  onSubmit,
  describeFailure,
  onSaved,
  onCancel,
}: {
  label: string;
  fields: InlineField<N>[];
  initial: Record<N, string>;
  /** Messages by field name for the values as typed (empty when valid). */
  validate: (values: Record<N, string>) => Partial<Record<N, string>>;
  /** For a correction: whether the values say what the record already holds, so Save has nothing to write. */
  isUnchanged?: (values: Record<N, string>) => boolean;
  /**
   * Whether the first field takes the keyboard as the form opens: for a correction, whose form opens under the
   * whole list. Not for a new record: leaving its empty required field would show its message at once.
   */
  focusFirst?: boolean;
  submitLabel: string;
  onSubmit: (values: Record<N, string>) => Promise<Result<T>>;
  /** The sentence for a refused write; by default the register's failure in general words. */
  describeFailure?: (failure: RegisterFailure) => string;
  /** After a write: the record as saved and, when it kept someone else's changes, the sentence saying so. */
  onSaved: (saved: T, merged?: string) => void;
  /** Closed without writing: Cancel, Escape, or Save with nothing changed. */
  onCancel: () => void;
}) {
  const styles = useStyles();
  const titleId = useId();
  const [values, setValues] = useState(initial);
  const [touched, setTouched] = useState<Partial<Record<N, boolean>>>({});
  const [submitted, setSubmitted] = useState(false);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  // Date boxes holding part of a date: their value reads as blank, so saving would blank the date.
  const [partDates, setPartDates] = useState<Partial<Record<N, boolean>>>({});
  const root = useRef<HTMLDivElement>(null);
  // Focused here rather than by autoFocus, which React DOM carries out as a field mounts but Preact (the pane's
  // runtime) leaves to the browser, which honours it only as a page loads.
  useEffect(() => {
    if (focusFirst) root.current?.querySelector<HTMLElement>("input, select, textarea")?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- as the form opens, not when a prop changes
  }, []);
  const errors = { ...validate(values), ...partDateMessages(fields, partDates) };
  const valid = Object.keys(errors).length === 0;
  // A rule of the record on a field this form does not show: said once Save is pressed, as it has no field.
  const shown = new Set<string>(fields.map((field) => field.name));
  const otherErrors = Object.entries(errors)
    .filter(([name]) => !shown.has(name))
    .map(([, message]) => message as string);

  const notePartDate = (name: N, partly: boolean) => {
    if (partly !== (partDates[name] ?? false)) setPartDates((p) => ({ ...p, [name]: partly }));
  };

  const submit = async () => {
    setSubmitted(true);
    if (!valid || busy) return;
    if (isUnchanged?.(values)) {
      onCancel();
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const result = await onSubmit(values);
      if (result.ok) onSaved(result.value, result.merged?.message);
      else
        setError(describeFailure?.(result.error) ?? failureSentence(result.error, submitLabel.toLowerCase()));
    } catch (caught) {
      setError(unexpectedSentence(caught, submitLabel.toLowerCase()));
    } finally {
      setBusy(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === "Escape" && !busy) {
      event.preventDefault();
      event.stopPropagation();
      onCancel();
    } else if (event.key === "Enter" && event.target instanceof HTMLInputElement) {
      event.preventDefault();
      // The date box has just said it holds part of a date, too late for this render's `valid`: show, not save.
      if (isPartDate(event.target)) setSubmitted(true);
      else void submit();
    }
  };

  return (
    <div ref={root} className={styles.root} role="group" aria-labelledby={titleId} onKeyDown={onKeyDown}>
      {/* Said on screen too: a correction's form opens under the whole list, maybe far from its row. */}
      <Text id={titleId} weight="semibold">
        {label}
      </Text>
      <FieldRow>
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
              ) : field.type === "date" ? (
                <DateInput
                  value={values[field.name]}
                  onChange={(_, d) => setValues((v) => ({ ...v, [field.name]: d.value }))}
                  onBlur={() => setTouched((t) => ({ ...t, [field.name]: true }))}
                  onPartDate={(partly) => notePartDate(field.name, partly)}
                />
              ) : (
                <Input
                  value={values[field.name]}
                  onChange={(_, d) => setValues((v) => ({ ...v, [field.name]: d.value }))}
                  onBlur={() => setTouched((t) => ({ ...t, [field.name]: true }))}
                />
              )}
            </Field>
          );
        })}
      </FieldRow>
      {submitted && otherErrors.length > 0 && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{otherErrors.join(" ")}</MessageBarBody>
        </MessageBar>
      )}
      {error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => void submit()} disabled={busy || (submitted && !valid)}>
          {submitLabel}
        </Button>
        <Button onClick={onCancel} disabled={busy}>
          Cancel
        </Button>
      </div>
    </div>
  );
}

/** "Allocated On is not a whole date: …" for each date field left part-filled. */
function partDateMessages<N extends string>(
  fields: InlineField<N>[],
  partDates: Partial<Record<N, boolean>>,
): Partial<Record<N, string>> {
  const messages: Partial<Record<N, string>> = {};
  for (const field of fields) if (partDates[field.name]) messages[field.name] = partDateMessage(field.label);
  return messages;
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
