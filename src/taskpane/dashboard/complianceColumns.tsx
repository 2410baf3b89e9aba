import type { ReactNode } from "react";
import type { ProductPosition } from "../../domain/positionTypes";
import { formatCount, formatMoney } from "../formatting";
import { StatusBadge } from "../licences/StatusBadge";
import type { GridTotals } from "./summaries";

/** What either layout of the compliance grid draws: the products shown, their totals, and the figures. */
export interface ComplianceGridProps {
  products: ProductPosition[];
  totals: GridTotals;
  columns: ComplianceColumn[];
}

/** One figure of the compliance grid: the same header, value and total in the wide table and the narrow cards. */
export interface ComplianceColumn {
  header: string;
  numeric?: boolean;
  /** The product's status is shown beside its name in a card, not among its figures. */
  isStatus?: boolean;
  cell: (product: ProductPosition) => ReactNode;
  total: (totals: GridTotals) => ReactNode;
}

/** The columns after Product: Status first, so the answer shows before any figure. */
export function complianceColumns(currency: string): ComplianceColumn[] {
  const money = (amount: number) => formatMoney(amount, currency);
  const num = (value: number | null) => (value === null ? "Unlimited" : formatCount(value));
  return [
    { header: "Status", isStatus: true, cell: (p) => <StatusBadge status={p.status} />, total: () => null },
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
