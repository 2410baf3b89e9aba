import { Button, Combobox, Field, makeStyles, Option, tokens } from "@fluentui/react-components";
import { useMemo, useRef, useState } from "react";
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

/** The catalogue entry whose name (or "name (publisher)") is exactly this text, when only one is. */
function exactMatch(software: Software[], text: string): Software | undefined {
  const key = matchKey(text);
  const found = software.filter((item) => matchKey(item.name) === key || matchKey(describe(item)) === key);
  return found.length === 1 ? found[0] : undefined;
}

/**
 * Software from the catalogue: type to search; "Add software" adds an entry without leaving the form. Nothing is
 * chosen for the person: the draft holds what the box shows (a product only when its name is typed in full or
 * picked from the list), so the "To save…" hint names Software whenever the box holds no product.
 */
export function SoftwarePicker({ software }: { software: Software[] }) {
  const styles = useStyles();
  const form = useDraftForm();
  const selectedId = form.draft.softwareId;
  const selected = software.find((item) => item.id === selectedId);
  const [typed, setTyped] = useState<string>();
  const [adding, setAdding] = useState(false);
  /** Whether the person moved through the list with the arrow keys since it opened or they last typed. */
  const navigated = useRef(false);
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

  const type = (value: string) => {
    navigated.current = false;
    setTyped(value);
    form.setField("softwareId", exactMatch(software, value)?.id ?? value.trim());
  };

  const leave = () => {
    setTyped(undefined);
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
          onChange={(event) => type(event.target.value)}
          onOpenChange={() => (navigated.current = false)}
          onKeyDown={(event) => {
            if (NAVIGATION_KEYS.has(event.key)) navigated.current = true;
          }}
          onOptionSelect={(event, d) => {
            // The list moves its highlight to the first product by itself; Tab (or Enter with nothing typed)
            // accepts that highlight only when the person moved it there.
            const key = "key" in event ? event.key : undefined;
            const unasked =
              (key === "Tab" && !navigated.current) ||
              (key === "Enter" && !navigated.current && !typed?.trim());
            if (d.optionValue && !unasked) choose(d.optionValue);
          }}
          onBlur={leave}
        >
          {options.map((item) => (
            <Option key={item.id} value={item.id} text={describe(item)}>
              {describe(item)}
            </Option>
          ))}
          {/* An empty list is a blank strip over the hint: say why it is empty and what to do instead. */}
          {options.length === 0 && (
            <Option key="" value="" text="" disabled>
              {software.length === 0
                ? 'The catalogue has no software yet: use "Add software" below.'
                : `No software in the catalogue matches "${typed?.trim()}": use "Add software" to add it.`}
            </Option>
          )}
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

const NAVIGATION_KEYS = new Set(["ArrowDown", "ArrowUp", "Home", "End", "PageUp", "PageDown"]);
