import { Field, makeStyles, Text, tokens } from "@fluentui/react-components";
import { LICENCE_COMPUTED_LABELS } from "../../../domain/labels";
import { LICENCE_TYPES, SCOPES } from "../../../domain/lists";
import type { LicencePosition } from "../../../domain/positionTypes";
import { StatusBadge } from "../StatusBadge";
import { DraftChoice, DraftNumber, DraftSwitch, DraftText } from "./fields";
import { FieldRow, FormSection } from "./FormSection";

const useStyles = makeStyles({
  status: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: tokens.spacingVerticalXS,
  },
});

export function DetailsSection({ position }: { position?: LicencePosition }) {
  const styles = useStyles();
  return (
    <FormSection title="Licence details">
      <FieldRow>
        <DraftChoice field="licenceType" options={LICENCE_TYPES} required />
        <DraftChoice field="scope" options={SCOPES} required />
      </FieldRow>
      <Field label={LICENCE_COMPUTED_LABELS.complianceStatus}>
        <div className={styles.status} role="status" aria-live="polite">
          {position ? (
            <>
              <StatusBadge status={position.status} />
              <Text size={200}>{position.statusReason}</Text>
            </>
          ) : (
            <Text size={200}>Worked out once the licence is saved with valid values.</Text>
          )}
        </div>
      </Field>
      <DraftSwitch field="reviewRequired" hint="Keeps the status at Review Required until you turn it off" />
      <DraftText field="reviewReason" hint="Why the licence needs review" multiline />
      <DraftNumber field="peakConcurrentUse" hint="For concurrent and floating licences" />
    </FormSection>
  );
}
