import { Button, makeStyles, MessageBar, MessageBarBody, Text, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { Register } from "../../workbook/registerApi";
import { unexpectedSentence } from "../messages";
import { canGoTo, issuePlace, type IssueRow } from "./summaries";
import { useButtonListStyles } from "../buttonListStyles";
import { VirtualList } from "../VirtualList";

/** A place line and a message line; a register read from a messy sheet can have thousands. */
const ITEM_HEIGHT_GUESS = 56;

const useStyles = makeStyles({
  // Same layout as a subtle button's content, so places that cannot be selected line up with those that can.
  plain: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
  },
  where: { color: tokens.colorNeutralForeground3 },
});

/** Cells the register could not read and problems in the figures; selecting one goes to it in the sheet. */
export function DataIssues({ issues, register }: { issues: IssueRow[]; register: Register }) {
  const styles = useStyles();
  const listStyles = useButtonListStyles();
  const [error, setError] = useState<string>();
  if (issues.length === 0) return <Text>No data issues found.</Text>;

  const go = async (issue: IssueRow) => {
    setError(undefined);
    try {
      if (issue.type === "cell") await register.goToCell(issue.sheet, issue.address);
      else if (issue.kind) await register.goToRecord(issue.kind, issue.recordId);
    } catch (caught) {
      setError(unexpectedSentence(caught, "go to that place in the workbook"));
    }
  };

  return (
    <>
      {error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      <VirtualList
        label="Data issues"
        items={issues}
        itemKey={(issue) => issue.key}
        estimateSize={ITEM_HEIGHT_GUESS}
        gap={2}
        renderItem={(issue) => {
          const content = (
            <>
              <Text size={200} className={styles.where}>
                {issuePlace(issue)}
              </Text>
              <Text>{issue.message}</Text>
            </>
          );
          return canGoTo(issue) ? (
            <Button appearance="subtle" className={listStyles.item} onClick={() => void go(issue)}>
              {content}
            </Button>
          ) : (
            // Register-wide (e.g. a missing exchange rate): nowhere in the sheets to go, so not a button.
            <div className={styles.plain}>{content}</div>
          );
        }}
      />
    </>
  );
}
