import { SOFTWARE_LABELS } from "../../../domain/labels";
import { softwareSchema, type Software } from "../../../domain/schemas";
import { useRegister } from "../../RegisterContext";
import { blankToUndefined, InlineRecordForm } from "../related/InlineRecordForm";

type SoftwareField = "name" | "publisher";

const FIELDS = [
  { name: "name", label: `${SOFTWARE_LABELS.name} of the new software`, required: true },
  { name: "publisher", label: SOFTWARE_LABELS.publisher },
] as const satisfies readonly { name: SoftwareField; label: string; required?: boolean }[];

function validate(values: Record<SoftwareField, string>): Partial<Record<SoftwareField, string>> {
  const result = softwareSchema.shape.name.safeParse(values.name);
  return result.success ? {} : { name: result.error.issues[0]?.message };
}

/** A new software catalogue entry, added straight to the Software sheet and picked for this licence. */
export function AddSoftwareForm({
  initialName,
  onAdded,
  onCancel,
}: {
  initialName: string;
  onAdded: (software: Software) => void;
  onCancel: () => void;
}) {
  const register = useRegister();
  return (
    <InlineRecordForm<SoftwareField, Software>
      label="Add software to the catalogue"
      fields={[...FIELDS]}
      initial={{ name: initialName, publisher: "" }}
      validate={validate}
      submitLabel="Add to catalogue"
      onSubmit={(values) =>
        register.add("software", {
          name: values.name.trim(),
          publisher: blankToUndefined(values.publisher),
        })
      }
      onSaved={onAdded}
      onCancel={onCancel}
    />
  );
}
