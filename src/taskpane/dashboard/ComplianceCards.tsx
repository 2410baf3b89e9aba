import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { memo, useMemo, type ReactNode } from "react";
import type { ProductPosition } from "../../domain/positionTypes";
import { plural } from "../formatting";
import { StatusBadge } from "../licences/StatusBadge";
import { VirtualList } from "../VirtualList";
import type { ComplianceColumn, ComplianceGridProps } from "./complianceColumns";

const useStyles = makeStyles({
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
  // Figures as label-over-value pairs, as many across as fit: two at 320 px, so a sum of money up to the hundreds
  // of millions ("£160,023,394.19") stays on one line instead of breaking between its digits.
  figures: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(124px, 1fr))",
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
  columns,
  value,
}: {
  title: string;
  status?: ReactNode;
  total?: boolean;
  columns: ComplianceColumn[];
  value: (column: ComplianceColumn) => ReactNode;
}) {
  const styles = useStyles();
  return (
    <div className={mergeClasses(styles.card, total && styles.total)}>
      <h3 className={styles.title}>
        <span>{title}</span>
        {status}
      </h3>
      <Figures columns={columns} value={value} />
    </div>
  );
}

/** One product's card; drawn again only when its position (a new object after an edit touched it) changes. */
const ProductCard = memo(function ProductCard({
  product,
  columns,
}: {
  product: ProductPosition;
  columns: ComplianceColumn[];
}) {
  return (
    <Card
      title={product.softwareName}
      status={<StatusBadge status={product.status} />}
      columns={columns}
      value={(column) => column.cell(product)}
    />
  );
});

/** The totals' card comes first, before the products'. */
const TOTALS = "totals";
/** A card's height at 320 px: its title and three rows of figures; each card is measured once shown. */
const CARD_HEIGHT_GUESS = 190;
/** tokens.spacingVerticalS, as a number for the list. */
const CARD_GAP_PX = 8;

/**
 * The compliance grid for a narrow pane: the totals, then a card per product with its status and every figure,
 * so nothing needs sideways scrolling. Only the cards in view are drawn.
 */
export function ComplianceCards({ products, totals, columns }: ComplianceGridProps) {
  const figures = useMemo(() => columns.filter((column) => !column.isStatus), [columns]);
  const items = useMemo(() => [TOTALS, ...products] as const, [products]);
  return (
    <VirtualList
      label="Software compliance"
      items={items}
      itemKey={(item) => (item === TOTALS ? TOTALS : item.softwareId)}
      estimateSize={CARD_HEIGHT_GUESS}
      gap={CARD_GAP_PX}
      renderItem={(item) =>
        item === TOTALS ? (
          <Card
            title={`Total, ${plural(products.length, "product")}`}
            total
            columns={figures}
            value={(column) => column.total(totals)}
          />
        ) : (
          <ProductCard product={item} columns={figures} />
        )
      }
    />
  );
}
