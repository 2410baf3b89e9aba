import { ALLOCATION_LABELS as A } from "../../../domain/labels";
import { allocationSchema, type Licence } from "../../../domain/schemas";
import { readDate } from "../../../domain/typedInput";
import { useRegister, useRegisterContext } from "../../RegisterContext";
import { blankToUndefined, InlineRecordForm, messagesByField } from "./InlineRecordForm";

type Name = "user" | "department" | "allocatedOn";

const toRecord = (licence: Licence, values: Record<Name, string>) => ({
  licenceId: licence.id,
  user: values.user.trim(),
  department: blankToUndefined(values.department),
  allocatedOn: readDate(values.allocatedOn),
});

/** Allocate the licence to a user, from today unless another date is given. */
export function AllocateForm({ licence, onDone }: { licence: Licence; onDone: () => void }) {
  const register = useRegister();
  const { today } = useRegisterContext();
  return (
    <InlineRecordForm<Name>
      label="Allocate to a user"
      fields={[
        { name: "user", label: A.user, required: true },
        { name: "department", label: A.department },
        { name: "allocatedOn", label: A.allocatedOn, type: "date" },
      ]}
      initial={{ user: "", department: "", allocatedOn: today }}
      validate={(values) => {
        const result = allocationSchema.safeParse({ ...toRecord(licence, values), id: "new", rowVersion: 0 });
        return result.success ? {} : messagesByField<Name>(result.error.issues);
      }}
      submitLabel="Allocate"
      onSubmit={(values) => register.add("allocations", toRecord(licence, values))}
      onDone={onDone}
    />
  );
}
