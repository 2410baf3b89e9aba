import { INSTALLATION_LABELS as I } from "../../../domain/labels";
import { INSTALLATION_SOURCES, type InstallationSource } from "../../../domain/lists";
import { installationSchema, type Installation, type Licence } from "../../../domain/schemas";
import { readDate } from "../../../domain/typedInput";
import { useRegisterContext } from "../../RegisterContext";
import { blankToUndefined, InlineRecordForm, messagesByField, type InlineField } from "./InlineRecordForm";
import { useRelatedSave } from "./useRelatedSave";

type Name = "device" | "user" | "version" | "installedOn" | "source";

const fieldsOf = (link: { softwareId: string; licenceId?: string }, values: Record<Name, string>) => ({
  softwareId: link.softwareId,
  licenceId: link.licenceId,
  device: values.device.trim(),
  user: blankToUndefined(values.user),
  version: blankToUndefined(values.version),
  installedOn: readDate(values.installedOn),
  source: values.source as InstallationSource,
});

const FIELDS: InlineField<Name>[] = [
  { name: "device", label: I.device, required: true },
  { name: "user", label: I.user },
  { name: "version", label: I.version },
  { name: "installedOn", label: I.installedOn, type: "date" },
  {
    name: "source",
    label: I.source,
    options: INSTALLATION_SOURCES,
    hint: "Manual when you recorded it yourself, else the tool that found it",
  },
];

/**
 * Record an installation of the licence's software, linked to this licence; or, given an installation,
 * correct it (the same form, filled with its values).
 */
export function InstallationForm({
  licence,
  installation,
  onSaved,
  onCancel,
}: {
  licence: Licence;
  installation?: Installation;
  onSaved: (saved: Installation, merged?: string) => void;
  onCancel: () => void;
}) {
  const { today } = useRegisterContext();
  const saving = useRelatedSave("installations", { noun: "installation", labels: I }, installation);
  const link = installation ?? { softwareId: licence.softwareId, licenceId: licence.id };
  return (
    <InlineRecordForm<Name, Installation>
      label={installation ? `Edit the installation on ${installation.device}` : "Add an installation"}
      fields={FIELDS}
      initial={{
        device: installation?.device ?? "",
        user: installation?.user ?? "",
        version: installation?.version ?? "",
        installedOn: installation ? (installation.installedOn ?? "") : today,
        source: installation?.source ?? "Manual",
      }}
      validate={(values) => {
        const result = installationSchema.safeParse({
          ...(installation ?? { id: "new", rowVersion: 0 }),
          ...fieldsOf(link, values),
        });
        return result.success ? {} : messagesByField<Name>(result.error.issues);
      }}
      focusFirst={installation !== undefined}
      isUnchanged={(values) => saving.isUnchanged(fieldsOf(link, values))}
      submitLabel={installation ? saving.submitLabel : "Add installation"}
      onSubmit={(values) => saving.save(fieldsOf(link, values))}
      describeFailure={installation ? saving.describeFailure : undefined}
      onSaved={onSaved}
      onCancel={onCancel}
    />
  );
}
