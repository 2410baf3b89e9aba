import {
  Button,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  tokens,
} from "@fluentui/react-components";
import { useId, useState } from "react";
import { failureSentence, unexpectedSentence } from "./messages";
import { useRegister } from "./RegisterContext";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

/**
 * Shown when the workbook has no register tables: one button creates them, with progress. With `repair`, a
 * register that lost a table or column: the same button puts it back.
 */
export function SetUpPanel({ onDone, repair }: { onDone: () => Promise<void> | void; repair?: boolean }) {
  const styles = useStyles();
  const register = useRegister();
  const [progress, setProgress] = useState<{ message: string; fraction: number }>();
  const [error, setError] = useState<string>();
  const headingId = useId();

  const setUp = async () => {
    setError(undefined);
    setProgress({ message: "Starting…", fraction: 0 });
    try {
      const result = await register.setUp((message, fraction) => setProgress({ message, fraction }));
      if (!result.ok) setError(failureSentence(result.error, "set up the workbook"));
      else await onDone();
    } catch (caught) {
      setError(unexpectedSentence(caught, "set up the workbook"));
    } finally {
      setProgress(undefined);
    }
  };

  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <MessageBar intent={repair ? "warning" : "info"} layout="multiline">
        <MessageBarBody>
          {repair ? (
            <>
              <MessageBarTitle id={headingId}>Part of the register is missing</MessageBarTitle>A register
              sheet, table or column is missing (the Dashboard&apos;s data issues say which). Set up workbook
              puts it back; nothing already in the workbook is changed.
            </>
          ) : (
            <>
              <MessageBarTitle id={headingId}>This workbook has no licence register yet</MessageBarTitle>
              Set up workbook adds the Software, Licences, Allocations and Installations sheets and a Settings
              sheet. Nothing already in the workbook is changed.
            </>
          )}
        </MessageBarBody>
      </MessageBar>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {progress ? (
        <Field validationMessage={progress.message} validationState="none" label="Setting up the workbook">
          <ProgressBar value={progress.fraction} max={1} />
        </Field>
      ) : (
        <Button appearance="primary" onClick={() => void setUp()}>
          Set up workbook
        </Button>
      )}
    </section>
  );
}
