import {
  Field,
  Input,
  makeStyles,
  Select,
  Switch,
  Textarea,
  tokens,
  type InputProps,
} from "@fluentui/react-components";
import { LICENCE_LABELS } from "../../../domain/labels";
import { DateInput } from "../../DateInput";
import type { DateField, FlagField, TextField } from "../draft";
import { useDraftForm } from "./DraftFormContext";

/**
 * Form fields bound to the draft by field name. The label is the sheet's column header; the message of the
 * field's check shows beside it once the user leaves the field (or tries to save).
 */

interface TextProps {
  field: TextField;
  hint?: string;
  required?: boolean;
  type?: InputProps["type"];
  inputMode?: "numeric" | "decimal" | "text";
  multiline?: boolean;
  contentAfter?: InputProps["contentAfter"];
}

export function DraftText({
  field,
  hint,
  required,
  type = "text",
  inputMode,
  multiline,
  contentAfter,
}: TextProps) {
  const form = useDraftForm();
  const message = form.visibleErrors[field];
  const common = {
    value: form.draft[field],
    onBlur: () => form.blur(field),
  };
  return (
    <Field
      label={LICENCE_LABELS[field]}
      hint={hint}
      required={required}
      validationState={message ? "error" : "none"}
      validationMessage={message}
    >
      {multiline ? (
        <Textarea {...common} resize="vertical" onChange={(_, d) => form.setField(field, d.value)} />
      ) : (
        <Input
          {...common}
          type={type}
          inputMode={inputMode}
          contentAfter={contentAfter}
          onChange={(_, d) => form.setField(field, d.value)}
        />
      )}
    </Field>
  );
}

export function DraftNumber(props: Omit<TextProps, "type" | "inputMode"> & { decimal?: boolean }) {
  return <DraftText {...props} inputMode={props.decimal ? "decimal" : "numeric"} />;
}

/** A date: one left part-typed is an error of the field, never the blank its box reads as. */
export function DraftDate({
  field,
  hint,
  required,
}: {
  field: DateField;
  hint?: string;
  required?: boolean;
}) {
  const form = useDraftForm();
  const message = form.visibleErrors[field];
  return (
    <Field
      label={LICENCE_LABELS[field]}
      hint={hint}
      required={required}
      validationState={message ? "error" : "none"}
      validationMessage={message}
    >
      <DateInput
        value={form.draft[field]}
        onChange={(_, d) => form.setField(field, d.value)}
        onBlur={() => form.blur(field)}
        onPartDate={(partly) => form.setPartDate(field, partly)}
      />
    </Field>
  );
}

export function DraftChoice({
  field,
  options,
  required,
  hint,
}: {
  field: TextField;
  options: readonly string[];
  required?: boolean;
  hint?: string;
}) {
  const form = useDraftForm();
  const message = form.visibleErrors[field];
  return (
    <Field
      label={LICENCE_LABELS[field]}
      required={required}
      hint={hint}
      validationState={message ? "error" : "none"}
      validationMessage={message}
    >
      <Select
        value={form.draft[field]}
        onChange={(_, d) => {
          form.setField(field, d.value);
          form.blur(field);
        }}
        onBlur={() => form.blur(field)}
      >
        {!required || form.draft[field] === "" ? (
          <option value="">{required ? "Choose…" : "(none)"}</option>
        ) : null}
        {options.map((option) => (
          <option key={option}>{option}</option>
        ))}
      </Select>
    </Field>
  );
}

export function DraftSwitch({ field, hint }: { field: FlagField; hint?: string }) {
  const form = useDraftForm();
  const message = form.visibleErrors[field];
  return (
    <Field hint={hint} validationState={message ? "error" : "none"} validationMessage={message}>
      <Switch
        label={LICENCE_LABELS[field]}
        checked={form.draft[field]}
        onChange={(_, d) => {
          form.setField(field, d.checked);
          form.blur(field);
        }}
      />
    </Field>
  );
}

/** A computed figure: read-only, focusable and labelled like the stored fields around it. */
export function ReadOnlyValue({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <Field label={label} hint={hint}>
      <Input readOnly value={value} appearance="filled-darker" />
    </Field>
  );
}

const useStyles = makeStyles({
  text: {
    minHeight: "32px",
    boxSizing: "border-box",
    padding: `${tokens.spacingVerticalSNudge} ${tokens.spacingHorizontalMNudge}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
    overflowWrap: "anywhere",
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
});

/**
 * A computed sentence (Renewal Status): read-only and focusable like ReadOnlyValue, but it wraps, since an
 * input cuts a long text off at 320 px.
 */
export function ReadOnlyText({ label, value, hint }: { label: string; value: string; hint?: string }) {
  const styles = useStyles();
  return (
    <Field label={label} hint={hint}>
      {(props) => (
        <div
          {...props}
          role="textbox"
          aria-readonly="true"
          aria-multiline="true"
          tabIndex={0}
          className={styles.text}
        >
          {value}
        </div>
      )}
    </Field>
  );
}
