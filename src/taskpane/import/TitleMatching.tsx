import { Button, Field, makeStyles, Select, Text, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { productTitleKey, type TitleGroup } from "../../domain/productMatching";
import type { Software } from "../../domain/schemas";
import { plural } from "../formatting";
import type { TitleDecision } from "./titleDecisions";

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, margin: 0, padding: 0 },
  item: { listStyleType: "none", minWidth: 0 },
  // A select is as wide as its longest option ("Another name for IntelliJ IDEA Ultimate") unless told otherwise.
  select: { width: "100%", "& select": { width: "100%", minWidth: 0, textOverflow: "ellipsis" } },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

/** Titles shown at first; the rest behind "Show all" so a 300-title export stays quick to scroll. */
const FIRST_SHOWN = 25;

const encode = (decision: TitleDecision) =>
  decision.kind === "alias" ? `alias:${decision.softwareId}` : decision.kind;
const decode = (value: string): TitleDecision =>
  value.startsWith("alias:")
    ? { kind: "alias", softwareId: value.slice(6) }
    : value === "new"
      ? { kind: "new" }
      : { kind: "skip" };

/**
 * Titles the catalogue does not know: each becomes a new product, another name (alias) of an existing one —
 * remembered in the workbook for the next import — or is left out.
 */
export function TitleMatching({
  groups,
  catalogue,
  decisions,
  onChange,
}: {
  groups: readonly TitleGroup[];
  catalogue: readonly Software[];
  decisions: ReadonlyMap<string, TitleDecision>;
  onChange: (decisions: Map<string, TitleDecision>) => void;
}) {
  const styles = useStyles();
  const [showAll, setShowAll] = useState(false);
  const unmatched = groups.filter((group) => !group.match);
  const matched = groups.length - unmatched.length;
  if (unmatched.length === 0) {
    return <Text>Every title is a product in the catalogue ({plural(matched, "title")}).</Text>;
  }
  const setAll = (decision: TitleDecision) =>
    onChange(new Map(unmatched.map((group) => [productTitleKey(group.title), decision])));
  const sorted = [...catalogue].sort((a, b) => a.name.localeCompare(b.name));
  const shown = showAll ? unmatched : unmatched.slice(0, FIRST_SHOWN);
  return (
    <>
      <Text>
        {plural(matched, "title")} matched the catalogue; {plural(unmatched.length, "title")}{" "}
        {unmatched.length === 1 ? "does" : "do"} not. Choose what each is: only titles with a product are
        imported.
      </Text>
      <div className={styles.actions}>
        <Button size="small" onClick={() => setAll({ kind: "new" })}>
          Add all as new products
        </Button>
        <Button size="small" onClick={() => setAll({ kind: "skip" })}>
          Leave all out
        </Button>
      </div>
      <ul className={styles.list} aria-label="Titles not in the catalogue">
        {shown.map((group) => {
          const key = productTitleKey(group.title);
          const decision = decisions.get(key) ?? { kind: "skip" };
          const suggested = new Set(group.suggestions.map((s) => s.id));
          return (
            <li key={key} className={styles.item}>
              <Field
                label={group.title}
                hint={`${plural(group.installations, "installation")} on ${plural(group.devices, "device")}${group.publisher ? `, ${group.publisher}` : ""}`}
              >
                <Select
                  className={styles.select}
                  value={encode(decision)}
                  onChange={(_, data) => onChange(new Map(decisions).set(key, decode(data.value)))}
                >
                  <option value="skip">Leave out</option>
                  <option value="new">Add as a new product</option>
                  {group.suggestions.map((software) => (
                    <option key={software.id} value={`alias:${software.id}`}>
                      Another name for {software.name}
                    </option>
                  ))}
                  {sorted
                    .filter((software) => !suggested.has(software.id))
                    .map((software) => (
                      <option key={software.id} value={`alias:${software.id}`}>
                        Another name for {software.name}
                      </option>
                    ))}
                </Select>
              </Field>
            </li>
          );
        })}
      </ul>
      {!showAll && unmatched.length > FIRST_SHOWN && (
        <Button appearance="subtle" onClick={() => setShowAll(true)}>
          Show all {plural(unmatched.length, "title")}
        </Button>
      )}
    </>
  );
}
