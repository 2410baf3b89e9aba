import { Button, Combobox, Field, makeStyles, Option, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { LICENCE_LABELS } from "../../../domain/labels";
import { matchKey } from "../../../domain/keys";
import type { Software } from "../../../domain/schemas";
import { useDraftForm } from "./DraftFormContext";
import { AddSoftwareForm } from "./AddSoftwareForm";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  combo: { minWidth: "0", width: "100%" },
});

const describe = (item: Software) => (item.publisher ? `${item.name} (${item.publisher})` : item.name);

/** Software from the catalogue: type to search; "Add software" adds an entry without leaving the form. */
export function SoftwarePicker({ software }: { software: Software[] }) {
  const styles = useStyles();
  const form = useDraftForm();
  const selectedId = form.draft.softwareId;
  const selected = software.find((item) => item.id === selectedId);
  const [typed, setTyped] = useState<string>();
  const [adding, setAdding] = useState(false);
  const text = typed ?? (selected ? describe(selected) : selectedId);

  const options = useMemo(() => {
    const needle = typed === undefined ? "" : matchKey(typed);
    const sorted = [...software].sort((a, b) => a.name.localeCompare(b.name, "en-GB"));
    return needle ? sorted.filter((item) => matchKey(describe(item)).includes(needle)) : sorted;
  }, [software, typed]);

  const choose = (id: string) => {
    form.setField("softwareId", id);
    form.blur("softwareId");
    setTyped(undefined);
  };

  const leave = () => {
    if (typed !== undefined) {
      const exact = software.filter(
        (item) => matchKey(item.name) === matchKey(typed) || matchKey(describe(item)) === matchKey(typed),
      );
      form.setField("softwareId", exact.length === 1 ? exact[0].id : typed.trim());
      setTyped(undefined);
    }
    form.blur("softwareId");
  };

  const message = form.visibleErrors.softwareId;
  return (
    <div className={styles.root}>
      <Field
        label={LICENCE_LABELS.softwareId}
        required
        hint="Type to search the software catalogue"
        validationState={message ? "error" : "none"}
        validationMessage={message}
      >
        <Combobox
          className={styles.combo}
          freeform
          value={text}
          selectedOptions={selected ? [selected.id] : []}
          onChange={(event) => setTyped(event.target.value)}
          onOptionSelect={(_, d) => d.optionValue && choose(d.optionValue)}
          onBlur={leave}
        >
          {options.map((item) => (
            <Option key={item.id} value={item.id} text={describe(item)}>
              {describe(item)}
            </Option>
          ))}
        </Combobox>
      </Field>
      {adding ? (
        <AddSoftwareForm
          initialName={typed ?? (selected ? "" : selectedId)}
          onAdded={(item) => {
            setAdding(false);
            choose(item.id);
          }}
          onCancel={() => setAdding(false)}
        />
      ) : (
        <Button appearance="secondary" size="small" onClick={() => setAdding(true)}>
          Add software
        </Button>
      )}
    </div>
  );
}
