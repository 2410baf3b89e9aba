import { DraftText } from "./fields";
import { FormSection } from "./FormSection";

export function NotesSection() {
  return (
    <FormSection title="Notes">
      <DraftText field="notes" multiline />
    </FormSection>
  );
}
