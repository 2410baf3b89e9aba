import { Button, makeStyles, MessageBar, MessageBarBody, Text, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { Register } from "../../workbook/registerApi";
import { unexpectedSentence } from "../messages";
import type { IssueRow } from "./summaries";

const useStyles = makeStyles({
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: "2px",
  },
  item: {
    width: "100%",
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    textAlign: "start",
  },
  where: { color: tokens.colorNeutralForeground3 },
});

/** Cells the register could not read and problems in the figures; selecting one goes to it in the sheet. */
export function DataIssues({ issues, register }: { issues: IssueRow[]; register: Register }) {
  const styles = useStyles();
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
      <ul className={styles.list} aria-label="Data issues">
        {issues.map((issue) => (
          <li key={issue.key}>
            <Button
              appearance="subtle"
              className={styles.item}
              onClick={() => void go(issue)}
              disabled={issue.type === "record" && !issue.kind}
            >
              <Text size={200} className={styles.where}>
                {issue.type === "cell"
                  ? `${issue.sheet}, row ${issue.row}, ${issue.column}`
                  : `${issue.sheet}, ${issue.recordId}`}
              </Text>
              <Text>{issue.message}</Text>
            </Button>
          </li>
        ))}
      </ul>
    </>
  );
}
