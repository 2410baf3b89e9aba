import { ALLOCATION_LABELS as A } from "../../../domain/labels";
import { allocationSchema, type Allocation, type Licence } from "../../../domain/schemas";
import { readDate } from "../../../domain/typedInput";
import { useRegisterContext } from "../../RegisterContext";
import { blankToUndefined, InlineRecordForm, messagesByField, type InlineField } from "./InlineRecordForm";
import { useRelatedSave } from "./useRelatedSave";

type Name = "user" | "department" | "allocatedOn" | "revokedOn";

const fieldsOf = (licenceId: string, values: Record<Name, string>) => ({
  licenceId,
  user: values.user.trim(),
  department: blankToUndefined(values.department),
  allocatedOn: readDate(values.allocatedOn),
  revokedOn: readDate(values.revokedOn),
});

const FIELDS: InlineField<Name>[] = [
  { name: "user", label: A.user, required: true },
  { name: "department", label: A.department },
  { name: "allocatedOn", label: A.allocatedOn, type: "date" },
];

/** A correction can also set or clear the date the user gave the licence back. */
const EDIT_FIELDS: InlineField<Name>[] = [
  ...FIELDS,
  { name: "revokedOn", label: A.revokedOn, type: "date", hint: "Blank while they still have it" },
];

/**
 * Allocate the licence to a user, from today unless another date is given; or, given an allocation, correct
 * it (the same form, filled with its values).
 */
export function AllocationForm({
  licence,
  allocation,
  onSaved,
  onCancel,
}: {
  licence: Licence;
  allocation?: Allocation;
  onSaved: (saved: Allocation, merged?: string) => void;
  onCancel: () => void;
}) {
  const { today } = useRegisterContext();
  const saving = useRelatedSave("allocations", { noun: "allocation", labels: A }, allocation);
  const licenceId = allocation?.licenceId ?? licence.id;
  return (
    <InlineRecordForm<Name, Allocation>
      label={allocation ? `Edit ${allocation.user}'s allocation` : "Allocate to a user"}
      fields={allocation ? EDIT_FIELDS : FIELDS}
      initial={{
        user: allocation?.user ?? "",
        department: allocation?.department ?? "",
        allocatedOn: allocation ? (allocation.allocatedOn ?? "") : today,
        revokedOn: allocation?.revokedOn ?? "",
      }}
      validate={(values) => {
        const result = allocationSchema.safeParse({
          ...(allocation ?? { id: "new", rowVersion: 0 }),
          ...fieldsOf(licenceId, values),
        });
        return result.success ? {} : messagesByField<Name>(result.error.issues);
      }}
      focusFirst={allocation !== undefined}
      isUnchanged={(values) => saving.isUnchanged(fieldsOf(licenceId, values))}
      submitLabel={allocation ? saving.submitLabel : "Allocate"}
      onSubmit={(values) => saving.save(fieldsOf(licenceId, values))}
      describeFailure={allocation ? saving.describeFailure : undefined}
      onSaved={onSaved}
      onCancel={onCancel}
    />
  );
}
