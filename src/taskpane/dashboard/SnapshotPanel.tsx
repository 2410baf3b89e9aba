import {
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import type { FiguresOn, Register } from "../../workbook/registerApi";
import { failureSentence, unexpectedSentence } from "../messages";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

type Outcome = { intent: "success" | "error"; text: string };

/**
 * Build dashboard, and Snapshot compliance position: a dated, protected sheet of plain values that says who
 * took it. Taken by is required. Shown only when the register can do these (the Excel workbook register). The
 * figures come from the live register in memory; nothing is read from the workbook again.
 */
export function SnapshotPanel({ register, figuresOn }: { register: Register; figuresOn?: FiguresOn }) {
  const styles = useStyles();
  const [takenBy, setTakenBy] = useState("");
  const [missingName, setMissingName] = useState(false);
  const [progress, setProgress] = useState<{ message: string; fraction: number }>();
  const [outcome, setOutcome] = useState<Outcome>();
  const { takeSnapshot, buildDashboard } = register;
  if (!takeSnapshot || !buildDashboard) return null;

  const run = async (doing: string, work: () => Promise<Outcome>) => {
    setOutcome(undefined);
    setProgress({ message: "Starting…", fraction: 0 });
    try {
      setOutcome(await work());
    } catch (caught) {
      setOutcome({ intent: "error", text: unexpectedSentence(caught, doing) });
    } finally {
      setProgress(undefined);
    }
  };
  const onProgress = (message: string, fraction: number) => setProgress({ message, fraction });

  const snapshot = () => {
    if (takenBy.trim() === "") {
      setMissingName(true);
      return;
    }
    void run("take the snapshot", async () => {
      const result = await takeSnapshot.call(register, takenBy, undefined, onProgress, figuresOn);
      return result.ok
        ? { intent: "success", text: `Snapshot saved to the sheet "${result.value.sheet}".` }
        : { intent: "error", text: failureSentence(result.error, "take the snapshot") };
    });
  };

  const build = () =>
    void run("build the dashboard", async () => {
      const result = await buildDashboard.call(register, onProgress, figuresOn);
      return result.ok
        ? { intent: "success", text: `The ${result.value.sheet} sheet is ready.` }
        : { intent: "error", text: failureSentence(result.error, "build the dashboard") };
    });

  return (
    <div className={styles.root}>
      <Field
        label="Taken by"
        required
        validationState={missingName ? "error" : "none"}
        validationMessage={missingName ? "Enter your name, so the snapshot says who took it." : undefined}
      >
        <Input
          value={takenBy}
          onChange={(_event, data) => {
            setTakenBy(data.value);
            if (data.value.trim() !== "") setMissingName(false);
          }}
        />
      </Field>
      {progress ? (
        <Field label={progress.message} validationState="none">
          <ProgressBar value={progress.fraction} max={1} />
        </Field>
      ) : (
        <div className={styles.actions}>
          <Button appearance="primary" onClick={snapshot}>
            Snapshot compliance position
          </Button>
          <Button onClick={build}>Build dashboard</Button>
        </div>
      )}
      {outcome && (
        <MessageBar intent={outcome.intent}>
          <MessageBarBody>{outcome.text}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
