import { LICENCE_COMPUTED_LABELS } from "../../../domain/labels";
import type { LicencePosition } from "../../../domain/positionTypes";
import type { Software } from "../../../domain/schemas";
import { formatCount } from "../../formatting";
import { DraftNumber, DraftSwitch, ReadOnlyValue } from "./fields";
import { FieldRow, FormSection } from "./FormSection";
import { LicenceKeyField } from "./LicenceKeyField";
import { SoftwarePicker } from "./SoftwarePicker";

export function GeneralSection({ software, position }: { software: Software[]; position?: LicencePosition }) {
  return (
    <FormSection title="General">
      <SoftwarePicker software={software} />
      <LicenceKeyField />
      <FieldRow>
        <DraftNumber field="quantity" hint="Licences purchased" />
        <ReadOnlyValue
          label={LICENCE_COMPUTED_LABELS.usedQuantity}
          value={position ? formatCount(position.used) : ""}
        />
        <ReadOnlyValue
          label={LICENCE_COMPUTED_LABELS.availableQuantity}
          value={
            position ? (position.available === null ? "Unlimited" : formatCount(position.available)) : ""
          }
        />
      </FieldRow>
      <DraftSwitch field="unlimited" hint="For enterprise or site licences with no limit on quantity" />
    </FormSection>
  );
}
