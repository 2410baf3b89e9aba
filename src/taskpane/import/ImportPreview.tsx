import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Text,
  tokens,
} from "@fluentui/react-components";
import type { ImportSummary } from "../../import/summary";
import { formatCount, plural } from "../formatting";

const useStyles = makeStyles({
  figures: {
    display: "grid",
    gridTemplateColumns: "auto 1fr",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  figure: { margin: 0, textAlign: "right", fontVariantNumeric: "tabular-nums" },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, maxHeight: "220px", overflowY: "auto" },
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

/** Shown rejected rows at most; the rest are counted. */
const SHOWN_REJECTED = 200;

function recognition(summary: ImportSummary): string {
  if (summary.format === "unknown") return "no tool recognised";
  if (summary.mapping)
    return summary.mapping.saved ? "read with your saved column mapping" : "read with your column mapping";
  return `recognised as ${summary.formatName}`;
}

/** What the file gives, before anything is written: the figures, every rejected row, and the warnings. */
export function ImportPreview({ summary, fileName }: { summary: ImportSummary; fileName: string }) {
  const styles = useStyles();
  const rows: [string, number][] = [
    ["Installations", summary.installations],
    ["Devices", summary.devices],
    ["Titles", summary.titles],
    ["Repeats collapsed", summary.duplicatesCollapsed],
    ["Rejected rows", summary.rejected.length],
    ["Formula-like text kept as text", summary.neutralised],
  ];
  if (summary.licences) rows.push(["Licences", summary.licences.length]);
  if (summary.allocations) rows.push(["Seats checked out", summary.allocations.length]);
  return (
    <div className={styles.stack} aria-label="Import preview">
      <Text>
        <strong>{fileName}</strong>: {recognition(summary)}
        {summary.readAs ? ` (${summary.readAs})` : ""}.
      </Text>
      <dl className={styles.figures}>
        {rows.map(([label, value]) => (
          <div key={label} style={{ display: "contents" }}>
            <dt>{label}</dt>
            <dd className={styles.figure}>{formatCount(value)}</dd>
          </div>
        ))}
      </dl>
      {summary.warnings.map((warning) => (
        <MessageBar key={warning} intent="warning" layout="multiline">
          <MessageBarBody>{warning}</MessageBarBody>
        </MessageBar>
      ))}
      {summary.rejected.length > 0 && (
        <Accordion collapsible>
          <AccordionItem value="rejected">
            <AccordionHeader>
              {plural(summary.rejected.length, "rejected row")}: line and reason
            </AccordionHeader>
            <AccordionPanel>
              <ul className={styles.list} aria-label="Rejected rows">
                {summary.rejected.slice(0, SHOWN_REJECTED).map((row) => (
                  <li key={`${row.line}-${row.reason}`}>
                    Line {row.line}: {row.reason}
                  </li>
                ))}
              </ul>
              {summary.rejected.length > SHOWN_REJECTED && (
                <Text size={200}>and {plural(summary.rejected.length - SHOWN_REJECTED, "more row")}.</Text>
              )}
            </AccordionPanel>
          </AccordionItem>
        </Accordion>
      )}
    </div>
  );
}
