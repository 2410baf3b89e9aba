import {
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import { SOFTWARE_LABELS } from "../../../domain/labels";
import { softwareSchema, type Software } from "../../../domain/schemas";
import { failureSentence, unexpectedSentence } from "../../messages";
import { useRegister } from "../../RegisterContext";

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

/** A new software catalogue entry, added straight to the Software sheet and picked for this licence. */
export function AddSoftwareForm({
  initialName,
  onAdded,
  onCancel,
}: {
  initialName: string;
  onAdded: (software: Software) => void;
  onCancel: () => void;
}) {
  const styles = useStyles();
  const register = useRegister();
  const [name, setName] = useState(initialName);
  const [publisher, setPublisher] = useState("");
  const [nameError, setNameError] = useState<string>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const checkName = () => {
    const result = softwareSchema.shape.name.safeParse(name);
    setNameError(result.success ? undefined : result.error.issues[0]?.message);
    return result.success;
  };

  const add = async () => {
    if (!checkName()) return;
    setBusy(true);
    setError(undefined);
    try {
      const result = await register.add("software", {
        name: name.trim(),
        publisher: publisher.trim() || undefined,
      });
      if (result.ok) onAdded(result.value);
      else setError(failureSentence(result.error, "add the software"));
    } catch (caught) {
      setError(unexpectedSentence(caught, "add the software"));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={styles.root} role="group" aria-label="Add software to the catalogue">
      <Field
        label={`${SOFTWARE_LABELS.name} of the new software`}
        required
        validationState={nameError ? "error" : "none"}
        validationMessage={nameError}
      >
        <Input value={name} onChange={(_, d) => setName(d.value)} onBlur={checkName} />
      </Field>
      <Field label={SOFTWARE_LABELS.publisher}>
        <Input value={publisher} onChange={(_, d) => setPublisher(d.value)} />
      </Field>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => void add()} disabled={busy}>
          Add to catalogue
        </Button>
        <Button onClick={onCancel} disabled={busy}>
          Cancel
        </Button>
      </div>
    </div>
  );
}
