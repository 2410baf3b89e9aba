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
import type { ReactNode } from "react";
import type { ProductPosition } from "../../domain/positionTypes";
import { formatCount, formatMoney } from "../formatting";
import { StatusBadge } from "../licences/StatusBadge";
import { gridTotals, type GridTotals } from "./summaries";

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

interface Column {
  header: string;
  numeric?: boolean;
  cell: (product: ProductPosition) => ReactNode;
  total: (totals: GridTotals) => ReactNode;
}

/** The columns after Product: Status first, so the answer shows in the pane before any scrolling. */
function columns(currency: string): Column[] {
  const money = (amount: number) => formatMoney(amount, currency);
  const num = (value: number | null) => (value === null ? "Unlimited" : formatCount(value));
  return [
    { header: "Status", cell: (p) => <StatusBadge status={p.status} />, total: () => null },
    {
      header: "Licences",
      numeric: true,
      cell: (p) => formatCount(p.licences),
      total: (t) => formatCount(t.licences),
    },
    {
      header: "Purchased",
      numeric: true,
      cell: (p) => num(p.purchased),
      total: (t) => `${formatCount(t.purchased)}${t.anyUnlimited ? " + Unlimited" : ""}`,
    },
    { header: "Used", numeric: true, cell: (p) => formatCount(p.used), total: (t) => formatCount(t.used) },
    {
      header: "Unlicensed",
      numeric: true,
      cell: (p) => formatCount(p.unlicensed),
      total: (t) => formatCount(t.unlicensed),
    },
    {
      header: "Available",
      numeric: true,
      cell: (p) => num(p.available),
      total: (t) => formatCount(t.available),
    },
    {
      header: "Shortfall",
      numeric: true,
      cell: (p) => formatCount(p.shortfall),
      total: (t) => formatCount(t.shortfall),
    },
    {
      header: "Annual cost",
      numeric: true,
      cell: (p) => money(p.annualCost),
      total: (t) => money(t.annualCost),
    },
    {
      header: "True-up exposure",
      numeric: true,
      cell: (p) => money(p.trueUpExposure),
      total: (t) => money(t.trueUpExposure),
    },
    {
      header: "Cost of unused licences",
      numeric: true,
      cell: (p) => money(p.unusedCost),
      total: (t) => money(t.unusedCost),
    },
  ];
}

/** The software compliance grid: every product's licences against its use, with totals. */
export function ComplianceGrid({ products, currency }: { products: ProductPosition[]; currency: string }) {
  const styles = useStyles();
  const totals = gridTotals(products);
  const rest = columns(currency);
  const cellClass = (column: Column) => mergeClasses(styles.cell, column.numeric && styles.number);
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
