import { INSTALLATION_LABELS as I } from "../../../domain/labels";
import { INSTALLATION_SOURCES, type InstallationSource } from "../../../domain/lists";
import { installationSchema, type Licence } from "../../../domain/schemas";
import { readDate } from "../../../domain/typedInput";
import { useRegister, useRegisterContext } from "../../RegisterContext";
import { blankToUndefined, InlineRecordForm, messagesByField } from "./InlineRecordForm";

type Name = "device" | "user" | "version" | "installedOn" | "source";

const toRecord = (licence: Licence, values: Record<Name, string>) => ({
  softwareId: licence.softwareId,
  licenceId: licence.id,
  device: values.device.trim(),
  user: blankToUndefined(values.user),
  version: blankToUndefined(values.version),
  installedOn: readDate(values.installedOn),
  source: values.source as InstallationSource,
});

/** Record an installation of the licence's software, linked to this licence. */
export function AddInstallationForm({ licence, onDone }: { licence: Licence; onDone: () => void }) {
  const register = useRegister();
  const { today } = useRegisterContext();
  return (
    <InlineRecordForm<Name>
      label="Add an installation"
      fields={[
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
      ]}
      initial={{ device: "", user: "", version: "", installedOn: today, source: "Manual" }}
      validate={(values) => {
        const result = installationSchema.safeParse({
          ...toRecord(licence, values),
          id: "new",
          rowVersion: 0,
        });
        return result.success ? {} : messagesByField<Name>(result.error.issues);
      }}
      submitLabel="Add installation"
      onSubmit={(values) => register.add("installations", toRecord(licence, values))}
      onDone={onDone}
    />
  );
}
