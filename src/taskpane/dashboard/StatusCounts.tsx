import { makeStyles, tokens } from "@fluentui/react-components";
import { COMPLIANCE_STATUSES } from "../../domain/lists";
import type { ProductPosition } from "../../domain/positionTypes";
import { formatCount } from "../formatting";
import { StatusBadge } from "../licences/StatusBadge";
import { statusCounts } from "./summaries";

const useStyles = makeStyles({
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
  },
  item: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS },
});

/** How many products are in each compliance status. */
export function StatusCounts({ products }: { products: ProductPosition[] }) {
  const styles = useStyles();
  const counts = statusCounts(products);
  return (
    <ul className={styles.list} aria-label="Products by compliance status">
      {COMPLIANCE_STATUSES.map((status) => (
        <li key={status} className={styles.item}>
          <StatusBadge status={status} />
          <span>{formatCount(counts[status])}</span>
        </li>
      ))}
    </ul>
  );
}
