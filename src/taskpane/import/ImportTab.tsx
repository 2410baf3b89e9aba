import {
  Button,
  Checkbox,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Subtitle2,
  Text,
  tokens,
  useRestoreFocusTarget,
} from "@fluentui/react-components";
import { useMemo, useRef, useState } from "react";
import { columnMappingProblem, headerRowKey, type SavedColumnMapping } from "../../domain/columnMapping";
import { groupTitles } from "../../domain/productMatching";
import { summariseImport } from "../../import/summary";
import type { ColumnMapping } from "../../import/types";
import type { RegisterFigures } from "../../live/liveFigures";
import type { RegisterData } from "../../workbook/registerApi";
import { ConfirmDialog } from "../ConfirmDialog";
import { plural } from "../formatting";
import { failureSentence, unexpectedSentence } from "../messages";
import { useRegister } from "../RegisterContext";
import { ColumnMappingForm } from "./ColumnMappingForm";
import { ImportPreview } from "./ImportPreview";
import { LicenceImportSection } from "./LicenceImportSection";
import { LinkPanel } from "./LinkPanel";
import { defaultDecisions, type TitleDecision } from "./titleDecisions";
import { TitleMatching } from "./TitleMatching";
import { useImportReader } from "./useImportReader";
import { previewWrite, writeImport } from "./writeImport";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "end" },
});

const ACCEPT = ".csv,.txt,.tsv,.json,.log,.zip,.xlsx";

/**
 * Import from the inventory tools people already have: choose an export, see what it gives before anything
 * is written, settle the titles the catalogue does not know, write, then link installations to licences.
 */
export function ImportTab({ data, figures }: { data: RegisterData; figures: RegisterFigures }) {
  const styles = useStyles();
  const register = useRegister();
  const { state, read, cancel, reset } = useImportReader();
  const fileInput = useRef<HTMLInputElement>(null);
  const [device, setDevice] = useState("");
  const [chosenDecisions, setChosenDecisions] = useState<{
    for: unknown;
    decisions: Map<string, TitleDecision>;
  }>();
  const [removeNotReported, setRemoveNotReported] = useState(false);
  const [confirmingRemoval, setConfirmingRemoval] = useState(false);
  // Cancelling the removal question puts the keyboard back on the Import button.
  const opensDialog = useRestoreFocusTarget();
  const [writing, setWriting] = useState<{ message: string; fraction: number }>();
  const [outcome, setOutcome] = useState<{ intent: "success" | "error"; text: string }>();
  const [changingMapping, setChangingMapping] = useState(false);
  /** How far reading the open sheet's values out of Excel has got, while it runs. */
  const [sheetReading, setSheetReading] = useState<number>();
  const [mappingNote, setMappingNote] = useState<{ intent: "success" | "warning" | "error"; text: string }>();

  const result = state.status === "read" ? state.result : undefined;
  const summary = useMemo(() => (result ? summariseImport(result) : undefined), [result]);
  const groups = useMemo(
    () => (result ? groupTitles(result.installations, data.software) : []),
    [result, data.software],
  );
  const decisions =
    chosenDecisions && chosenDecisions.for === result ? chosenDecisions.decisions : defaultDecisions(groups);
  const pending = useMemo(
    () => (result ? previewWrite(result, groups, decisions, data.installations) : undefined),
    [result, groups, decisions, data.installations],
  );

  /** The mappings saved in the workbook; without them (a workbook not set up) a file is read as it is. */
  const savedMappings = async (): Promise<SavedColumnMapping[]> => {
    const saved = await register.readColumnMappings?.();
    return saved?.ok ? saved.value : [];
  };

  const startOver = () => {
    setOutcome(undefined);
    setRemoveNotReported(false);
    setChangingMapping(false);
    setMappingNote(undefined);
  };

  const chooseFile = async (file: File | undefined) => {
    if (!file) return;
    startOver();
    const bytes = new Uint8Array(await file.arrayBuffer());
    await read({ name: file.name, bytes }, { savedMappings: await savedMappings() });
  };

  /** The sheet the person opened or pasted an export in, read with the same readers as an .xlsx sheet. */
  const readOpenSheet = async () => {
    if (!register.readActiveSheet) return;
    startOver();
    reset();
    setSheetReading(0);
    try {
      const sheet = await register.readActiveSheet((_message, fraction) => setSheetReading(fraction));
      setSheetReading(undefined);
      if (!sheet.ok) {
        setOutcome({ intent: "error", text: sheet.error.message });
        return;
      }
      const mappings = await savedMappings();
      await read({ name: `Sheet "${sheet.value.sheet}"`, sheet: sheet.value }, { savedMappings: mappings });
    } catch (caught) {
      setOutcome({ intent: "error", text: unexpectedSentence(caught, "read the open sheet") });
    } finally {
      setSheetReading(undefined);
    }
  };

  /** Remembers the person's mapping in the workbook, then reads the file with it; a bad mapping reads nothing. */
  const mapColumns = async (header: string[], columns: ColumnMapping) => {
    if (state.status !== "read") return;
    const mapping = { header, columns };
    const problem = columnMappingProblem(mapping);
    if (problem) {
      setMappingNote({ intent: "error", text: problem });
      return;
    }
    const saved = await register.saveColumnMapping?.(mapping);
    let remembered = state.savedMappings ?? [];
    if (saved?.ok) {
      remembered = [
        ...remembered.filter((m) => headerRowKey(m.header) !== headerRowKey(header)),
        saved.value,
      ];
      setMappingNote({
        intent: "success",
        text: "Column mapping remembered in this workbook: the next file with this header row is read with it.",
      });
    } else {
      const why = saved ? saved.error.message : "This workbook cannot remember column mappings.";
      setMappingNote({ intent: "warning", text: `${why} This file is read with your mapping all the same.` });
    }
    setChangingMapping(false);
    await read(state.file, { device: state.device, mapping: columns, savedMappings: remembered });
  };

  const write = async () => {
    if (!result || !pending) return;
    setConfirmingRemoval(false);
    setOutcome(undefined);
    setWriting({ message: "Starting", fraction: 0 });
    try {
      const written = await writeImport(
        register,
        {
          result,
          groups,
          decisions,
          catalogue: data.software,
          existing: data.installations,
          removeNotReported,
        },
        (message, fraction) => setWriting({ message, fraction }),
      );
      if (!written.ok) {
        setOutcome({ intent: "error", text: failureSentence(written.error, written.action) });
        return;
      }
      const { installationsAdded, unchanged, productsAdded, aliasesRemembered, removed } = written.value;
      const parts = [
        `Imported ${plural(installationsAdded, "installation")}`,
        unchanged > 0 ? `${plural(unchanged, "was", "were")} already in the register` : "",
        productsAdded > 0 ? `added ${plural(productsAdded, "product")}` : "",
        aliasesRemembered > 0 ? `remembered ${plural(aliasesRemembered, "alias", "aliases")}` : "",
        removed > 0 ? `removed ${plural(removed, "installation")} no longer reported` : "",
      ].filter(Boolean);
      setOutcome({ intent: "success", text: `${parts.join("; ")}.` });
      reset();
    } catch (caught) {
      setOutcome({ intent: "error", text: unexpectedSentence(caught, "write the import") });
    } finally {
      setWriting(undefined);
    }
  };

  const busy = state.status === "reading" || writing !== undefined || sheetReading !== undefined;

  const startWrite = () => (removeNotReported ? setConfirmingRemoval(true) : void write());

  return (
    <div className={styles.stack}>
      <section className={styles.section} aria-label="Choose an export">
        <Subtitle2>Import installations</Subtitle2>
        <Text>
          An export from Intune, Configuration Manager, Lansweeper, osquery, Jamf, GLPI, Snipe-IT or
          PowerShell, or any CSV or Excel file with a header row. Pasted the export into a sheet of this
          workbook instead? Open that sheet and choose Read the open sheet. Nothing is written until you say
          so.
        </Text>
        <input
          ref={fileInput}
          type="file"
          accept={ACCEPT}
          hidden
          aria-label="Export file"
          onChange={(event) => {
            void chooseFile(event.target.files?.[0]);
            event.target.value = "";
          }}
        />
        <div className={styles.row}>
          <Button appearance="primary" onClick={() => fileInput.current?.click()} disabled={busy}>
            Choose a file…
          </Button>
          {register.readActiveSheet && (
            <Button onClick={() => void readOpenSheet()} disabled={busy}>
              Read the open sheet
            </Button>
          )}
        </div>
        {sheetReading !== undefined && (
          <Field
            label="Reading the open sheet"
            validationState="none"
            validationMessage={`${Math.round(sheetReading * 100)}%`}
          >
            <ProgressBar value={sheetReading} max={1} />
          </Field>
        )}
      </section>

      {outcome && (
        <MessageBar intent={outcome.intent} layout="multiline">
          <MessageBarBody>{outcome.text}</MessageBarBody>
        </MessageBar>
      )}

      {state.status === "reading" && (
        <div className={styles.row}>
          <Field
            label={`Reading ${state.file.name}`}
            validationState="none"
            validationMessage={`${Math.round(state.fraction * 100)}%`}
            style={{ flexGrow: 1 }}
          >
            <ProgressBar value={state.fraction} max={1} />
          </Field>
          <Button onClick={cancel}>Cancel</Button>
        </div>
      )}

      {state.status === "failed" && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{state.message}</MessageBarBody>
        </MessageBar>
      )}

      {state.status === "read" && summary && result && (
        <>
          <ImportPreview summary={summary} fileName={state.file.name} />
          {result.noDeviceColumn && (
            <form
              className={styles.row}
              onSubmit={(event) => {
                event.preventDefault();
                void read(state.file, {
                  device,
                  mapping: state.mapping,
                  savedMappings: state.savedMappings,
                });
              }}
            >
              <Field label="Computer these programs are on" style={{ flexGrow: 1 }}>
                <Input value={device} onChange={(_, d) => setDevice(d.value)} />
              </Field>
              <Button type="submit" disabled={device.trim() === ""}>
                Read again
              </Button>
            </form>
          )}
          {mappingNote && (
            <MessageBar intent={mappingNote.intent} layout="multiline">
              <MessageBarBody>{mappingNote.text}</MessageBarBody>
            </MessageBar>
          )}
          {result.mapping && result.header && !changingMapping && (
            <div className={styles.row}>
              <Button onClick={() => setChangingMapping(true)}>Change the column mapping…</Button>
            </div>
          )}
          {result.header && (result.format === "unknown" || changingMapping) && (
            <ColumnMappingForm
              key={headerRowKey(result.header)}
              header={result.header}
              initial={result.mapping?.columns}
              onMap={(columns) => void mapColumns(result.header ?? [], columns)}
              onCancel={changingMapping ? () => setChangingMapping(false) : undefined}
            />
          )}
          {(result.licences || result.allocations) && <LicenceImportSection result={result} data={data} />}
          {result.installations.length > 0 && (
            <section className={styles.section} aria-label="Titles to products">
              <Subtitle2>Titles to products</Subtitle2>
              <TitleMatching
                groups={groups}
                catalogue={data.software}
                decisions={decisions}
                onChange={(next) => setChosenDecisions({ for: result, decisions: next })}
              />
            </section>
          )}
          {pending && result.installations.length > 0 && (
            <section className={styles.section} aria-label="Write the import">
              <Subtitle2>Write</Subtitle2>
              <Text>
                {plural(pending.plan.add.length, "new installation")} from {pending.source}
                {pending.plan.unchanged > 0
                  ? `; ${plural(pending.plan.unchanged, "is", "are")} already in the register and stay as they are`
                  : ""}
                {pending.skipped > 0 ? `; ${plural(pending.skipped, "installation")} of titles left out` : ""}
                .
              </Text>
              {pending.plan.notReported.length > 0 && (
                <Checkbox
                  checked={removeNotReported}
                  onChange={(_, d) => setRemoveNotReported(Boolean(d.checked))}
                  label={`This is a full export: remove the ${plural(pending.plan.notReported.length, "installation")} ${pending.source} reported before but this file does not`}
                />
              )}
              {writing ? (
                <Field
                  label={writing.message}
                  validationState="none"
                  validationMessage={`${Math.round(writing.fraction * 100)}%`}
                >
                  <ProgressBar value={writing.fraction} max={1} />
                </Field>
              ) : (
                <Button
                  appearance="primary"
                  disabled={
                    pending.plan.add.length === 0 &&
                    !(removeNotReported && pending.plan.notReported.length > 0)
                  }
                  onClick={startWrite}
                  {...opensDialog}
                >
                  Import {plural(pending.plan.add.length, "installation")}
                </Button>
              )}
            </section>
          )}
        </>
      )}

      <section className={styles.section}>
        <Subtitle2>Link installations to licences</Subtitle2>
        <LinkPanel figures={figures} />
      </section>

      <ConfirmDialog
        open={confirmingRemoval}
        title="Remove installations no longer reported?"
        confirmLabel={`Import and remove ${pending ? pending.plan.notReported.length : 0}`}
        onConfirm={() => void write()}
        onCancel={() => setConfirmingRemoval(false)}
      >
        {pending
          ? `${plural(pending.plan.notReported.length, "installation")} from ${pending.source} are not in this file. They will be deleted from the Installations sheet.`
          : ""}
      </ConfirmDialog>
    </div>
  );
}
