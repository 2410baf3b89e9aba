import {
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from "@fluentui/react-components";
import type { ProductPosition } from "../../domain/positionTypes";
import { formatCount, formatMoney } from "../formatting";
import { StatusBadge } from "../licences/StatusBadge";
import { gridTotals } from "./summaries";

const useStyles = makeStyles({
  scroller: {
    overflowX: "auto",
    maxWidth: "100%",
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  table: { minWidth: "900px" },
  number: { textAlign: "end" },
  total: { fontWeight: tokens.fontWeightSemibold },
});

const COLUMNS = [
  "Product",
  "Licences",
  "Purchased",
  "Used",
  "Unlicensed",
  "Available",
  "Shortfall",
  "Status",
  "Annual cost",
  "True-up exposure",
  "Cost of unused licences",
] as const;

/** The software compliance grid: every product's licences against its use, with totals. */
export function ComplianceGrid({ products, currency }: { products: ProductPosition[]; currency: string }) {
  const styles = useStyles();
  const totals = gridTotals(products);
  const money = (amount: number) => formatMoney(amount, currency);
  const num = (value: number | null, unlimited = "Unlimited") =>
    value === null ? unlimited : formatCount(value);
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
            {COLUMNS.map((column) => (
              <TableHeaderCell key={column}>{column}</TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {products.map((product) => (
            <TableRow key={product.softwareId}>
              <TableCell>{product.softwareName}</TableCell>
              <TableCell className={styles.number}>{formatCount(product.licences)}</TableCell>
              <TableCell className={styles.number}>{num(product.purchased)}</TableCell>
              <TableCell className={styles.number}>{formatCount(product.used)}</TableCell>
              <TableCell className={styles.number}>{formatCount(product.unlicensed)}</TableCell>
              <TableCell className={styles.number}>{num(product.available)}</TableCell>
              <TableCell className={styles.number}>{formatCount(product.shortfall)}</TableCell>
              <TableCell>
                <StatusBadge status={product.status} />
              </TableCell>
              <TableCell className={styles.number}>{money(product.annualCost)}</TableCell>
              <TableCell className={styles.number}>{money(product.trueUpExposure)}</TableCell>
              <TableCell className={styles.number}>{money(product.unusedCost)}</TableCell>
            </TableRow>
          ))}
          <TableRow className={styles.total}>
            <TableCell>Total</TableCell>
            <TableCell className={styles.number}>{formatCount(totals.licences)}</TableCell>
            <TableCell className={styles.number}>
              {formatCount(totals.purchased)}
              {totals.anyUnlimited ? " + Unlimited" : ""}
            </TableCell>
            <TableCell className={styles.number}>{formatCount(totals.used)}</TableCell>
            <TableCell className={styles.number}>{formatCount(totals.unlicensed)}</TableCell>
            <TableCell className={styles.number}>{formatCount(totals.available)}</TableCell>
            <TableCell className={styles.number}>{formatCount(totals.shortfall)}</TableCell>
            <TableCell />
            <TableCell className={styles.number}>{money(totals.annualCost)}</TableCell>
            <TableCell className={styles.number}>{money(totals.trueUpExposure)}</TableCell>
            <TableCell className={styles.number}>{money(totals.unusedCost)}</TableCell>
          </TableRow>
        </TableBody>
      </Table>
    </div>
  );
}
