import { Button, Field, makeStyles, Select, Text, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { ColumnMapping, InstallationField } from "../../import/types";

const FIELDS: { field: InstallationField; label: string; required?: boolean }[] = [
  { field: "device", label: "Device" },
  { field: "title", label: "Software title", required: true },
  { field: "version", label: "Version" },
  { field: "publisher", label: "Publisher" },
  { field: "user", label: "User" },
  { field: "installedOn", label: "Installed on" },
];

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

/** For a file no tool profile recognises: the person says once which column holds what. */
export function ColumnMappingForm({
  header,
  onMap,
}: {
  header: string[];
  onMap: (mapping: ColumnMapping) => void;
}) {
  const styles = useStyles();
  const [chosen, setChosen] = useState<Partial<ColumnMapping>>({});
  const columns = header.filter((name) => name !== "");
  return (
    <form
      className={styles.form}
      onSubmit={(event) => {
        event.preventDefault();
        if (chosen.title) onMap(chosen as ColumnMapping);
      }}
    >
      <Text>Say which column holds what. Columns left as “Not in this file” are not read.</Text>
      {FIELDS.map(({ field, label, required }) => (
        <Field key={field} label={label} required={required}>
          <Select
            value={chosen[field] ?? ""}
            onChange={(_, data) =>
              setChosen((previous) => ({ ...previous, [field]: data.value || undefined }))
            }
          >
            <option value="">Not in this file</option>
            {columns.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </Select>
        </Field>
      ))}
      <Button appearance="primary" type="submit" disabled={!chosen.title}>
        Read with these columns
      </Button>
    </form>
  );
}
