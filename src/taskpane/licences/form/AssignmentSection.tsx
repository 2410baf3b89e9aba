import { ALLOCATION_RULES, VIRTUALISATION_RIGHTS } from "../../../domain/lists";
import { DraftChoice, DraftNumber, DraftSwitch, DraftText } from "./fields";
import { FieldRow, FormSection } from "./FormSection";

export function AssignmentSection() {
  return (
    <FormSection title="Assignment">
      <DraftChoice field="allocationRule" options={ALLOCATION_RULES} required />
      <DraftSwitch field="reassignable" />
      <DraftNumber field="reassignmentMinDays" />
      <FieldRow>
        <DraftText field="geographicRestriction" />
        <DraftText field="usageRestriction" />
      </FieldRow>
      <DraftSwitch field="transferable" />
      <DraftChoice field="virtualisationRights" options={VIRTUALISATION_RIGHTS} required />
    </FormSection>
  );
}
