import { Button, makeStyles, mergeClasses, Text, tokens } from "@fluentui/react-components";
import { memo } from "react";
import type { IsoDate } from "../../domain/dates";
import type { LicencePosition } from "../../domain/positionTypes";
import type { LicenceRow } from "./filterLicences";
import { usageText, validityText } from "./licenceLines";
import { StatusBadge } from "./StatusBadge";

const useStyles = makeStyles({
  item: {
    width: "100%",
    display: "flex",
    flexDirection: "column",
    alignItems: "stretch",
    textAlign: "start",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    gap: tokens.spacingVerticalXXS,
    minHeight: "auto",
  },
  line: {
    display: "flex",
    flexWrap: "wrap",
    justifyContent: "space-between",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
  },
  // Long names, vendors and purchase orders wrap inside the pane instead of being cut.
  text: { minWidth: 0, overflowWrap: "anywhere" },
  detail: { color: tokens.colorNeutralForeground3 },
});

/** What a row shows, in the order it shows it; its accessible name is the same words, so people can say what they see. */
export function licenceItemParts(row: LicenceRow, position: LicencePosition | undefined, asOf: IsoDate) {
  return {
    software: row.softwareName,
    status: position?.status,
    details: [row.licence.licenceType, row.licence.vendor, row.licence.purchaseOrder].filter(
      (part): part is string => Boolean(part),
    ),
    usage: usageText(row.licence, position, asOf),
    validity: validityText(row.licence, asOf),
  };
}

/**
 * One licence in the list, as a button that opens it. A component of its own (and memoised) so the list can be
 * virtualised around it.
 */
export const LicenceListItem = memo(function LicenceListItem({
  row,
  position,
  asOf,
  expiringSoon,
  onOpen,
}: {
  row: LicenceRow;
  /** The licence's figures; undefined while it has none (a row with a data issue). */
  position: LicencePosition | undefined;
  asOf: IsoDate;
  /** Shown in bold: the licence expires within the register's "expiring soon" days. */
  expiringSoon: boolean;
  onOpen: (id: string) => void;
}) {
  const styles = useStyles();
  const parts = licenceItemParts(row, position, asOf);
  const name = [parts.software, parts.status, ...parts.details, parts.usage, parts.validity]
    .filter(Boolean)
    .join(", ");
  return (
    <Button
      appearance="subtle"
      className={styles.item}
      onClick={() => onOpen(row.licence.id)}
      aria-label={name}
    >
      {/* The spaces between the parts are not laid out (flex) but keep the words apart when the row's text is
          read as one string, as accessibility checkers compare it with the name. */}
      <span className={styles.line}>
        <Text weight="semibold" className={styles.text}>
          {parts.software}
        </Text>{" "}
        {position && <StatusBadge status={position.status} />}
      </span>{" "}
      {parts.details.length > 0 && (
        <span className={styles.line}>
          <Text size={200} className={mergeClasses(styles.text, styles.detail)}>
            {parts.details.join(" · ")}
          </Text>
        </span>
      )}{" "}
      <span className={styles.line}>
        <Text size={200} className={styles.detail}>
          {parts.usage}
        </Text>{" "}
        <Text size={200} className={styles.detail} weight={expiringSoon ? "semibold" : "regular"}>
          {parts.validity}
        </Text>
      </span>
    </Button>
  );
});
