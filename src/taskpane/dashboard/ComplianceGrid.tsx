import {
  makeStyles,
  mergeClasses,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from "@fluentui/react-components";
import type { ProductPosition } from "../../domain/positionTypes";
import { useElementWidth } from "../hooks/useElementWidth";
import { ComplianceCards } from "./ComplianceCards";
import { complianceColumns, type ComplianceColumn } from "./complianceColumns";
import { gridTotals } from "./summaries";

/** Below this width the eleven columns do not fit: each product becomes a card instead. */
export const CARDS_BELOW_PX = 720;

const useStyles = makeStyles({
  scroller: {
    overflowX: "auto",
    maxWidth: "100%",
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  // Columns as wide as their content (Fluent's fixed layout makes all eleven equal, ~30 px each in the pane),
  // so the table is wider than the pane and scrolls sideways under a Product column that stays put.
  table: { tableLayout: "auto" },
  product: {
    position: "sticky",
    left: 0,
    zIndex: 1,
    minWidth: "140px",
    maxWidth: "180px",
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: `inset -${tokens.strokeWidthThin} 0 0 ${tokens.colorNeutralStroke1}`,
  },
  cell: { whiteSpace: "nowrap" },
  number: { textAlign: "end" },
  total: { fontWeight: tokens.fontWeightSemibold },
});

/**
 * The software compliance grid: every product's licences against its use, with totals. A table where the pane
 * is wide enough for all its columns; cards (totals first) where it is not, so no figure needs sideways scrolling.
 */
export function ComplianceGrid({
  products,
  currency,
  layout,
}: {
  products: ProductPosition[];
  currency: string;
  /** Fixes the layout (tests); otherwise it follows the width the grid has. */
  layout?: "table" | "cards";
}) {
  const [measure, width] = useElementWidth<HTMLDivElement>();
  // Until a width is known (0 before layout) the table shows, as it always did.
  const cards = layout ? layout === "cards" : width > 0 && width < CARDS_BELOW_PX;
  return (
    <div ref={measure}>
      {cards ? (
        <ComplianceCards products={products} currency={currency} />
      ) : (
        <ComplianceTable products={products} currency={currency} />
      )}
    </div>
  );
}

function ComplianceTable({ products, currency }: { products: ProductPosition[]; currency: string }) {
  const styles = useStyles();
  const totals = gridTotals(products);
  const rest = complianceColumns(currency);
  const cellClass = (column: ComplianceColumn) => mergeClasses(styles.cell, column.numeric && styles.number);
  return (
    <div
      className={styles.scroller}
      tabIndex={0}
      role="region"
      aria-label="Software compliance grid, scrolls sideways"
    >
      <Table size="extra-small" className={styles.table} aria-label="Software compliance">
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.product}>Product</TableHeaderCell>
            {rest.map((column) => (
              <TableHeaderCell key={column.header} className={cellClass(column)}>
                {column.header}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {products.map((product) => (
            <TableRow key={product.softwareId}>
              <TableCell className={styles.product}>{product.softwareName}</TableCell>
              {rest.map((column) => (
                <TableCell key={column.header} className={cellClass(column)}>
                  {column.cell(product)}
                </TableCell>
              ))}
            </TableRow>
          ))}
          <TableRow className={styles.total}>
            <TableCell className={styles.product}>Total</TableCell>
            {rest.map((column) => (
              <TableCell key={column.header} className={cellClass(column)}>
                {column.total(totals)}
              </TableCell>
            ))}
          </TableRow>
        </TableBody>
      </Table>
    </div>
  );
}
