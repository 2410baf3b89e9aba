import { Button, Field, makeStyles, Select, Text, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { MAPPED_FIELDS, MAPPED_FIELD_LABELS } from "../../domain/columnMapping";
import type { ColumnMapping } from "../../import/types";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  buttons: { display: "flex", gap: tokens.spacingHorizontalS },
});

/**
 * For a file no tool profile recognises: the person says once which column holds what, and the pane
 * remembers it in the workbook for the next file with the same header row. Opened again (prefilled) to
 * change a saved mapping.
 */
export function ColumnMappingForm({
  header,
  initial,
  onMap,
  onCancel,
}: {
  header: string[];
  initial?: ColumnMapping;
  onMap: (mapping: ColumnMapping) => void;
  onCancel?: () => void;
}) {
  const styles = useStyles();
  const [chosen, setChosen] = useState<Partial<ColumnMapping>>(initial ?? {});
  const columns = header.filter((name) => name !== "");
  return (
    <form
      className={styles.form}
      aria-label="Column mapping"
      onSubmit={(event) => {
        event.preventDefault();
        if (chosen.title) onMap(chosen as ColumnMapping);
      }}
    >
      <Text>
        Say which column holds what. Columns left as “Not in this file” are not read. The mapping is
        remembered in this workbook for the next file with the same header row.
      </Text>
      {MAPPED_FIELDS.map((field) => (
        <Field key={field} label={MAPPED_FIELD_LABELS[field]} required={field === "title"}>
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
      <div className={styles.buttons}>
        <Button appearance="primary" type="submit" disabled={!chosen.title}>
          Read with these columns
        </Button>
        {onCancel && <Button onClick={onCancel}>Keep the saved mapping</Button>}
      </div>
    </form>
  );
}
