import { makeStyles, Text, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";

const useStyles = makeStyles({
  item: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalXS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  detail: { color: tokens.colorNeutralForeground3 },
  actions: { display: "flex", gap: tokens.spacingHorizontalXS, flexWrap: "wrap" },
  list: { listStyleType: "none", margin: 0, padding: 0 },
});

export function RelatedList({ label, children }: { label: string; children: ReactNode }) {
  return (
    <ul className={useStyles().list} aria-label={label}>
      {children}
    </ul>
  );
}

/** One row of a related list: a title line, a detail line, and its actions. */
export function RelatedItem({
  title,
  detail,
  actions,
}: {
  title: ReactNode;
  detail: ReactNode;
  actions: ReactNode;
}) {
  const styles = useStyles();
  return (
    <li className={styles.item}>
      <Text weight="semibold">{title}</Text>
      <Text size={200} className={styles.detail}>
        {detail}
      </Text>
      <div className={styles.actions}>{actions}</div>
    </li>
  );
}
