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
import { memo, useCallback, type ReactNode } from "react";
import type { ProductPosition } from "../../domain/positionTypes";
import { VirtualWindow, type ItemProps, type ShownWindow } from "../VirtualList";
import type { ComplianceColumn, ComplianceGridProps } from "./complianceColumns";

/** A product's row in the extra-small table; each row is measured once shown. */
const ROW_HEIGHT_GUESS = 24;

const useStyles = makeStyles({
  scroller: {
    overflowX: "auto",
    // Not "auto" (what a browser makes of a lone overflow-x): the rows scroll with the pane, not in here.
    overflowY: "hidden",
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
  // Only some rows are drawn at a time: a least width keeps the columns from jumping as rows scroll by.
  number: { textAlign: "end", minWidth: "64px" },
  total: { fontWeight: tokens.fontWeightSemibold },
  // Stands in for the rows not drawn above or below those in view.
  spacer: { border: "none", padding: 0 },
});

function useCellClass() {
  const styles = useStyles();
  return (column: ComplianceColumn) => mergeClasses(styles.cell, column.numeric && styles.number);
}

/**
 * The compliance grid as a table, for a pane wide enough for its eleven columns. Only the products in view are
 * drawn; the table says how many rows it has (aria-rowcount) and each row where it stands (aria-rowindex), so
 * a screen reader announces a product's place among all of them. The Product cell heads its row.
 */
export function ComplianceTable({ products, totals, columns }: ComplianceGridProps) {
  const styles = useStyles();
  const cellClass = useCellClass();
  const getKey = useCallback((index: number) => products[index].softwareId, [products]);
  // header, products, total
  const rowCount = products.length + 2;
  return (
    <div
      className={styles.scroller}
      tabIndex={0}
      role="region"
      aria-label="Software compliance grid, scrolls sideways"
    >
      <Table
        size="extra-small"
        className={styles.table}
        aria-label="Software compliance"
        aria-rowcount={rowCount}
      >
        <TableHeader>
          <TableRow aria-rowindex={1}>
            <TableHeaderCell className={styles.product}>Product</TableHeaderCell>
            {columns.map((column) => (
              <TableHeaderCell key={column.header} className={cellClass(column)}>
                {column.header}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <VirtualWindow
          count={products.length}
          getKey={getKey}
          estimateSize={ROW_HEIGHT_GUESS}
          render={(shown) => <ProductRows shown={shown} products={products} columns={columns} />}
        />
        <TableBody>
          <TableRow className={styles.total} aria-rowindex={rowCount}>
            <RowCells heading="Total" columns={columns} value={(column) => column.total(totals)} />
          </TableRow>
        </TableBody>
      </Table>
    </div>
  );
}

/** The rows in view, with the height of those not drawn kept above and below them. */
function ProductRows({
  shown: { items, windowed, totalSize, placeList, measureItem, itemProps },
  products,
  columns,
}: {
  shown: ShownWindow;
  products: ProductPosition[];
  columns: ComplianceColumn[];
}) {
  const styles = useStyles();
  const first = items[0];
  const last = items[items.length - 1];
  const above = windowed && first ? first.start : 0;
  const below = windowed ? totalSize - (last?.end ?? 0) : 0;
  const spacer = (height: number) => (
    <tr aria-hidden="true">
      <td className={styles.spacer} colSpan={columns.length + 1} style={{ height }} />
    </tr>
  );
  return (
    <TableBody ref={placeList}>
      {above > 0 && spacer(above)}
      {items.map((item) => (
        <ProductRow
          key={item.key}
          product={products[item.index]}
          columns={columns}
          rowIndex={item.index + 2}
          measure={measureItem}
          {...itemProps(item)}
        />
      ))}
      {below > 0 && spacer(below)}
    </TableBody>
  );
}

/** One product's figures; drawn again only when its position (a new object after an edit touched it) changes. */
const ProductRow = memo(function ProductRow({
  product,
  columns,
  rowIndex,
  measure,
  ...itemProps
}: {
  product: ProductPosition;
  columns: ComplianceColumn[];
  rowIndex: number;
  measure: (element: HTMLElement | null) => void;
} & ItemProps) {
  return (
    <TableRow ref={measure} aria-rowindex={rowIndex} {...itemProps}>
      <RowCells heading={product.softwareName} columns={columns} value={(column) => column.cell(product)} />
    </TableRow>
  );
});

/** A row's cells: its heading (the product, or Total), then one value per figure. */
function RowCells({
  heading,
  columns,
  value,
}: {
  heading: ReactNode;
  columns: ComplianceColumn[];
  value: (column: ComplianceColumn) => ReactNode;
}) {
  const styles = useStyles();
  const cellClass = useCellClass();
  return (
    <>
      <TableCell role="rowheader" className={styles.product}>
        {heading}
      </TableCell>
      {columns.map((column) => (
        <TableCell key={column.header} className={cellClass(column)}>
          {value(column)}
        </TableCell>
      ))}
    </>
  );
}
