import { Button, makeStyles, Text, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { VirtualList, type VirtualListProps } from "../../VirtualList";

const useStyles = makeStyles({
  item: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalXS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  /** A row's detail line, and the hint above a list: the quieter text. */
  quiet: { color: tokens.colorNeutralForeground3 },
  actions: { display: "flex", gap: tokens.spacingHorizontalXS, flexWrap: "wrap" },
});

/** A title line, a detail line and a row of small buttons, wrapped on a narrow pane. */
const ITEM_HEIGHT_GUESS = 80;

/**
 * The records linked to a licence; a site licence can have thousands of installations, so only those in view
 * are rendered once the list is long. `focusIndex` scrolls to a row and focuses its first button (see
 * VirtualList): each row's first button is its Edit button.
 */
export function RelatedList<T extends { id: string }>({
  label,
  items,
  renderItem,
  focusIndex,
  onFocused,
}: {
  label: string;
  items: readonly T[];
  renderItem: (item: T) => ReactNode;
} & Pick<VirtualListProps<T>, "focusIndex" | "onFocused">) {
  return (
    <VirtualList
      label={label}
      items={items}
      itemKey={(item) => item.id}
      estimateSize={ITEM_HEIGHT_GUESS}
      renderItem={renderItem}
      focusIndex={focusIndex}
      onFocused={onFocused}
    />
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
    <div className={styles.item}>
      <Text weight="semibold">{title}</Text>
      <Text size={200} className={styles.quiet}>
        {detail}
      </Text>
      <div className={styles.actions}>{actions}</div>
    </div>
  );
}

/**
 * One of a row's small buttons, showing its action ("Edit") and named for the row it acts on ("Edit Ella
 * Jones"), so a screen reader tells the rows' buttons apart. Subtle for the one that deletes.
 */
export function RowButton({
  action,
  row,
  subtle,
  ...props
}: {
  action: string;
  row: string;
  subtle?: boolean;
  id?: string;
  disabled?: boolean;
  onClick: () => void;
  /** Fluent's focus restorer marks a button that opens a dialog with a data attribute. */
} & { [data: `data-${string}`]: string | undefined }) {
  return (
    <Button
      size="small"
      appearance={subtle ? "subtle" : "secondary"}
      aria-label={`${action} ${row}`}
      {...props}
    >
      {action}
    </Button>
  );
}

/**
 * Said above a list while its form is open: the rows' Edit buttons are off then, so that opening another record
 * never drops what was typed in the form, and a person clicking a greyed Edit would not otherwise know why.
 */
export function OneFormAtATime({ record }: { record: string }) {
  const styles = useStyles();
  return (
    <Text size={200} className={styles.quiet}>
      To edit {record}, first save or cancel the form below.
    </Text>
  );
}
