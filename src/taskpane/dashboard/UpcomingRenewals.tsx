import { Button, makeStyles, Text, tokens } from "@fluentui/react-components";
import type { IsoDate } from "../../domain/dates";
import { formatDate } from "../formatting";
import { RENEWAL_WINDOW_DAYS, type UpcomingRenewal } from "../../domain/upcomingRenewals";
import { useButtonListStyles } from "../buttonListStyles";
import { VirtualList } from "../VirtualList";

/** A name line and a detail line; at 100,000 licences thousands can expire within the window. */
const ITEM_HEIGHT_GUESS = 56;

const useStyles = makeStyles({
  detail: { color: tokens.colorNeutralForeground3 },
});

const daysText = (days: number) =>
  days === 0 ? "expires today" : days === 1 ? "1 day left" : `${days} days left`;

/** As the licence form says it, and in the past tense once the date has gone: that notice is late. */
const noticeText = (noticeDate: IsoDate, asOf: IsoDate) =>
  `notice ${noticeDate < asOf ? "was due" : "due"} ${formatDate(noticeDate)}`;

/** Licences expiring within the renewal window; selecting one opens its form. Only those in view are drawn. */
export function UpcomingRenewals({
  renewals,
  asOf,
  onOpen,
}: {
  renewals: UpcomingRenewal[];
  /** The day the figures are for, which tells a notice date gone from one still to come. */
  asOf: IsoDate;
  onOpen: (id: string) => void;
}) {
  const styles = useStyles();
  const listStyles = useButtonListStyles();
  if (renewals.length === 0) return <Text>No licence expires in the next {RENEWAL_WINDOW_DAYS} days.</Text>;
  return (
    <VirtualList
      label="Upcoming renewals"
      items={renewals}
      itemKey={(renewal) => renewal.licenceId}
      estimateSize={ITEM_HEIGHT_GUESS}
      gap={2}
      renderItem={(renewal) => (
        <Button appearance="subtle" className={listStyles.item} onClick={() => onOpen(renewal.licenceId)}>
          <Text weight="semibold">
            {renewal.softwareName} — {daysText(renewal.daysLeft)}
          </Text>
          <Text size={200} className={styles.detail}>
            {[
              renewal.description,
              `expires ${formatDate(renewal.expiryDate)}`,
              renewal.noticeDate && noticeText(renewal.noticeDate, asOf),
              renewal.autoRenew ? "auto-renews" : "does not auto-renew",
            ]
              .filter(Boolean)
              .join(" · ")}
          </Text>
        </Button>
      )}
    />
  );
}
