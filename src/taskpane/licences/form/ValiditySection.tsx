import { LICENCE_COMPUTED_LABELS } from "../../../domain/labels";
import type { LicencePosition } from "../../../domain/positionTypes";
import { formatDate } from "../../formatting";
import { DraftDate, DraftNumber, DraftSwitch, ReadOnlyText } from "./fields";
import { FieldRow, FormSection } from "./FormSection";

function renewalText(position?: LicencePosition): string {
  if (!position) return "";
  const parts: string[] = [position.renewalStatus];
  if (position.daysToExpiry !== null && position.daysToExpiry >= 0)
    parts.push(`${position.daysToExpiry} days left`);
  if (position.noticeDate) parts.push(`notice due ${formatDate(position.noticeDate)}`);
  return parts.join(", ");
}

export function ValiditySection({
  position,
  defaultLeadDays,
}: {
  position?: LicencePosition;
  defaultLeadDays: number;
}) {
  return (
    <FormSection title="Validity">
      <FieldRow>
        <DraftDate field="startDate" />
        <DraftDate field="expiryDate" />
      </FieldRow>
      <DraftSwitch field="perpetual" hint="No expiry date" />
      <DraftSwitch field="autoRenew" />
      <DraftNumber field="renewalLeadDays" hint={`Blank uses the register's ${defaultLeadDays} days`} />
      <DraftSwitch field="maintenanceIncluded" />
      <DraftSwitch field="supportIncluded" />
      <DraftDate field="maintenanceExpiry" />
      <ReadOnlyText label={LICENCE_COMPUTED_LABELS.renewalStatus} value={renewalText(position)} />
    </FormSection>
  );
}
