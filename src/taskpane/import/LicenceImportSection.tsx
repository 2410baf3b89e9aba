import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { ImportResult } from "../../import/types";
import type { RegisterData } from "../../workbook/registerApi";
import { plural } from "../formatting";
import { failureSentence, unexpectedSentence } from "../messages";
import { useRegister } from "../RegisterContext";
import { previewLicenceImport, writeLicenceImport } from "./writeLicences";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

/** Snipe-IT's licences and seats, written as Licences and Allocations once the person says so. */
export function LicenceImportSection({ result, data }: { result: ImportResult; data: RegisterData }) {
  const styles = useStyles();
  const register = useRegister();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ intent: "success" | "error"; text: string }>();
  const preview = useMemo(() => previewLicenceImport(result, data), [result, data]);

  const write = async () => {
    setBusy(true);
    setOutcome(undefined);
    try {
      const written = await writeLicenceImport(register, result, data);
      if (!written.ok) {
        setOutcome({ intent: "error", text: failureSentence(written.error, written.action) });
        return;
      }
      const v = written.value;
      const parts = [
        `Added ${plural(v.licencesAdded, "licence")} and ${plural(v.allocationsAdded, "allocation")}`,
        v.productsAdded > 0 ? `${plural(v.productsAdded, "new product")}` : "",
        v.licencesUnchanged + v.allocationsUnchanged > 0
          ? `${plural(v.licencesUnchanged + v.allocationsUnchanged, "record")} already in the register`
          : "",
        v.seatsOnAssets > 0 ? `${plural(v.seatsOnAssets, "seat")} on assets left to their installations` : "",
        v.seatsWithoutLicence > 0
          ? `${plural(v.seatsWithoutLicence, "seat")} of a licence not in the register`
          : "",
      ].filter(Boolean);
      setOutcome({
        intent: "success",
        text: `${parts.join("; ")}. Check each new licence's type, scope and allocation rule: Snipe-IT does not record them.`,
      });
    } catch (caught) {
      setOutcome({ intent: "error", text: unexpectedSentence(caught, "write the licences") });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className={styles.section} aria-label="Licences from Snipe-IT">
      <Subtitle2>Licences and seats</Subtitle2>
      {outcome && (
        <MessageBar intent={outcome.intent} layout="multiline">
          <MessageBarBody>{outcome.text}</MessageBarBody>
        </MessageBar>
      )}
      <Text>
        {plural(preview.licences, "new licence")}
        {preview.unchanged > 0 ? ` (${preview.unchanged} already in the register)` : ""}
        {preview.newProducts > 0 ? `, ${plural(preview.newProducts, "new product")}` : ""} and{" "}
        {plural(preview.seats, "seat")} checked out to people. New licences are User-based, Enterprise-wide,
        and Perpetual unless they expire: check them after importing.
      </Text>
      <Button
        appearance="primary"
        disabled={busy || (preview.licences === 0 && preview.seats === 0)}
        onClick={() => void write()}
      >
        Import {plural(preview.licences, "licence")}
      </Button>
    </section>
  );
}
