import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Spinner,
  Text,
} from "@fluentui/react-components";
import { useState } from "react";
import type { Installation, Licence } from "../../../domain/schemas";
import { plural } from "../../formatting";
import { CATCHING_UP_LABEL, useCatchingUp } from "../../hooks/useCatchingUp";
import { failureSentence, unexpectedSentence } from "../../messages";
import { useRegister } from "../../RegisterContext";

/**
 * The article's tip: link every installation to its licence so the compliance picture is complete.
 * Links all installations of this licence's software that have no licence, in one batch with progress.
 */
export function LinkUnlinked({
  licence,
  unlinked,
  softwareName,
}: {
  licence: Licence;
  /** The installations of the licence's software that are linked to no licence. */
  unlinked: readonly Installation[];
  softwareName: string;
}) {
  const register = useRegister();
  const [progress, setProgress] = useState<number>();
  const [result, setResult] = useState<{ intent: "success" | "error"; text: string }>();
  const { catchingUp, followSave } = useCatchingUp("installations", unlinked);

  const link = async () => {
    const count = unlinked.length;
    setResult(undefined);
    setProgress(0);
    try {
      const saved = await register.updateMany(
        "installations",
        unlinked.map((installation) => ({ ...installation, licenceId: licence.id })),
        (_, fraction) => setProgress(fraction),
      );
      if (saved.ok) followSave(saved.value);
      setResult(
        saved.ok
          ? {
              intent: "success",
              text: `Linked ${plural(saved.value.length, "installation")} to this licence.`,
            }
          : {
              intent: "error",
              text: failureSentence(saved.error, `link the ${plural(count, "installation")}`),
            },
      );
    } catch (caught) {
      setResult({ intent: "error", text: unexpectedSentence(caught, "link the installations") });
    } finally {
      setProgress(undefined);
    }
  };

  return (
    <>
      {result && (
        <MessageBar intent={result.intent} layout="multiline">
          <MessageBarBody>{result.text}</MessageBarBody>
        </MessageBar>
      )}
      {progress !== undefined ? (
        <Field
          label="Linking installations"
          validationState="none"
          validationMessage={`${Math.round(progress * 100)}%`}
        >
          <ProgressBar value={progress} max={1} />
        </Field>
      ) : catchingUp ? (
        <Spinner size="tiny" label={CATCHING_UP_LABEL} />
      ) : unlinked.length > 0 ? (
        <>
          <Text>
            {plural(unlinked.length, "installation")} of {softwareName} {unlinked.length === 1 ? "is" : "are"}{" "}
            linked to no licence. Link them so the compliance figures include them.
          </Text>
          <Button onClick={() => void link()}>Link {plural(unlinked.length, "unlinked installation")}</Button>
        </>
      ) : null}
    </>
  );
}
