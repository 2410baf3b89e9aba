import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";
import type { ProductPosition } from "../../domain/positionTypes";
import { plural } from "../formatting";
import { StatusBadge } from "../licences/StatusBadge";
import { complianceColumns, type ComplianceColumn } from "./complianceColumns";
import { gridTotals } from "./summaries";

const useStyles = makeStyles({
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  card: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  total: { backgroundColor: tokens.colorNeutralBackground3 },
  title: {
    display: "flex",
    flexWrap: "wrap",
    justifyContent: "space-between",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: "anywhere",
  },
  // Figures as label-over-value pairs, as many across as fit: three at 320 px.
  figures: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(86px, 1fr))",
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    margin: 0,
  },
  figure: { display: "flex", flexDirection: "column", minWidth: 0 },
  term: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  value: { margin: 0, overflowWrap: "anywhere", fontVariantNumeric: "tabular-nums" },
});

function Figures({
  columns,
  value,
}: {
  columns: ComplianceColumn[];
  value: (column: ComplianceColumn) => ReactNode;
}) {
  const styles = useStyles();
  return (
    <dl className={styles.figures}>
      {columns.map((column) => (
        <div key={column.header} className={styles.figure}>
          <dt className={styles.term}>{column.header}</dt>
          <dd className={styles.value}>{value(column)}</dd>
        </div>
      ))}
    </dl>
  );
}

function Card({
  title,
  status,
  total,
  children,
}: {
  title: string;
  status?: ReactNode;
  total?: boolean;
  children: ReactNode;
}) {
  const styles = useStyles();
  return (
    <li className={mergeClasses(styles.card, total && styles.total)}>
      <h3 className={styles.title}>
        <span>{title}</span>
        {status}
      </h3>
      {children}
    </li>
  );
}

/**
 * The compliance grid for a narrow pane: the totals, then a card per product with its status and every figure,
 * so nothing needs sideways scrolling.
 */
export function ComplianceCards({ products, currency }: { products: ProductPosition[]; currency: string }) {
  const styles = useStyles();
  const totals = gridTotals(products);
  const figures = complianceColumns(currency).filter((column) => !column.isStatus);
  return (
    <ul className={styles.list} aria-label="Software compliance">
      <Card title={`Total, ${plural(products.length, "product")}`} total>
        <Figures columns={figures} value={(column) => column.total(totals)} />
      </Card>
      {products.map((product) => (
        <Card
          key={product.softwareId}
          title={product.softwareName}
          status={<StatusBadge status={product.status} />}
        >
          <Figures columns={figures} value={(column) => column.cell(product)} />
        </Card>
      ))}
    </ul>
  );
}
