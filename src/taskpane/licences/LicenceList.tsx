import { Button, makeStyles, MessageBar, MessageBarBody, Text, tokens } from "@fluentui/react-components";
import { useMemo } from "react";
import type { RegisterPosition } from "../../domain/positionTypes";
import type { RegisterData } from "../../workbook/registerApi";
import { formatCount } from "../formatting";
import { filterLicences, isExpiringSoon, licenceRows, NO_FILTER, type LicenceFilter } from "./filterLicences";
import { LicenceFilters } from "./LicenceFilters";
import { usageText, validityText } from "./licenceLines";
import { StatusBadge } from "./StatusBadge";
import { useButtonListStyles } from "../buttonListStyles";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  toolbar: {
    display: "flex",
    justifyContent: "space-between",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
  },
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
  detail: { color: tokens.colorNeutralForeground3 },
});

export function LicenceList({
  data,
  position,
  filter,
  onFilterChange,
  notice,
  onOpen,
  onNew,
}: {
  data: RegisterData;
  position: RegisterPosition;
  filter: LicenceFilter;
  onFilterChange: (filter: LicenceFilter) => void;
  notice?: string;
  onOpen: (id: string) => void;
  onNew: () => void;
}) {
  const styles = useStyles();
  const listStyles = useButtonListStyles();
  const soonDays = data.settings.expiringSoonDays;
  const rows = useMemo(
    () => licenceRows(data.licences, data.software, position.licences),
    [data.licences, data.software, position.licences],
  );
  const shown = useMemo(() => filterLicences(rows, filter, soonDays), [rows, filter, soonDays]);
  const total = rows.length;

  return (
    <section className={styles.root} aria-label="Licences">
      {notice && (
        <MessageBar intent="success">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.toolbar}>
        <Text weight="semibold" role="status" aria-live="polite">
          {shown.length === total
            ? `${formatCount(total)} ${total === 1 ? "licence" : "licences"}`
            : `${formatCount(shown.length)} of ${formatCount(total)} licences`}
        </Text>
        <Button appearance="primary" onClick={onNew}>
          New licence
        </Button>
      </div>
      <LicenceFilters filter={filter} onChange={onFilterChange} expiringSoonDays={soonDays} />
      {shown.length === 0 ? (
        <div>
          <Text>
            {total === 0
              ? "No licences yet. Select New licence to add the first one."
              : "No licences match. Change the search or filters to see more."}
          </Text>
          {total > 0 && (
            <Button appearance="transparent" onClick={() => onFilterChange(NO_FILTER)}>
              Clear search and filters
            </Button>
          )}
        </div>
      ) : (
        <ul className={listStyles.list} aria-label="Licence list">
          {shown.map((row) => {
            const expiry = validityText(row.licence, position.asOf);
            const usage = usageText(row.licence, row.position, position.asOf);
            return (
              <li key={row.licence.id}>
                <Button
                  appearance="subtle"
                  className={styles.item}
                  onClick={() => onOpen(row.licence.id)}
                  aria-label={[
                    row.softwareName,
                    row.licence.licenceType,
                    row.licence.vendor,
                    row.position?.status,
                    usage,
                    expiry,
                  ]
                    .filter(Boolean)
                    .join(", ")}
                >
                  <span className={styles.line}>
                    <Text weight="semibold">{row.softwareName}</Text>
                    {row.position && <StatusBadge status={row.position.status} />}
                  </span>
                  <span className={styles.line}>
                    <Text size={200} className={styles.detail}>
                      {[row.licence.licenceType, row.licence.vendor, row.licence.purchaseOrder]
                        .filter(Boolean)
                        .join(" · ")}
                    </Text>
                  </span>
                  <span className={styles.line}>
                    <Text size={200} className={styles.detail}>
                      {usage}
                    </Text>
                    <Text
                      size={200}
                      className={styles.detail}
                      weight={isExpiringSoon(row, soonDays) ? "semibold" : "regular"}
                    >
                      {expiry}
                    </Text>
                  </span>
                </Button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
