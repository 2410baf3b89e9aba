import { COMPLIANCE_STATUSES, type ComplianceStatus } from "../../domain/lists";
import type { RecordKind } from "../../domain/ids";
import type { ProductPosition, RegisterPosition } from "../../domain/positionTypes";
import type { DataIssue } from "../../workbook/registerApi";

/** Figures for the dashboard, worked out from the position without rendering. */

export interface GridTotals {
  licences: number;
  /** Sum of the limited products' quantities. */
  purchased: number;
  /** Whether any product has an Unlimited licence (its quantity is not in `purchased`). */
  anyUnlimited: boolean;
  used: number;
  unlicensed: number;
  available: number;
  shortfall: number;
  annualCost: number;
  trueUpExposure: number;
  unusedCost: number;
}

export function gridTotals(products: ProductPosition[]): GridTotals {
  const totals: GridTotals = {
    licences: 0,
    purchased: 0,
    anyUnlimited: false,
    used: 0,
    unlicensed: 0,
    available: 0,
    shortfall: 0,
    annualCost: 0,
    trueUpExposure: 0,
    unusedCost: 0,
  };
  for (const product of products) {
    totals.licences += product.licences;
    if (product.purchased === null) totals.anyUnlimited = true;
    else totals.purchased += product.purchased;
    totals.used += product.used;
    totals.unlicensed += product.unlicensed;
    totals.available += product.available ?? 0;
    totals.shortfall += product.shortfall;
    totals.annualCost += product.annualCost;
    totals.trueUpExposure += product.trueUpExposure;
    totals.unusedCost += product.unusedCost;
  }
  return totals;
}

export function statusCounts(products: ProductPosition[]): Record<ComplianceStatus, number> {
  const counts = Object.fromEntries(COMPLIANCE_STATUSES.map((status) => [status, 0])) as Record<
    ComplianceStatus,
    number
  >;
  for (const product of products) counts[product.status]++;
  return counts;
}

export type IssueRow =
  | {
      type: "cell";
      key: string;
      sheet: string;
      row: number;
      column: string;
      address: string;
      message: string;
    }
  | { type: "record"; key: string; sheet: string; kind?: RecordKind; recordId: string; message: string };

/** An unreadable cell or a record in a known sheet can be selected in the workbook; a register-wide problem cannot. */
export function canGoTo(issue: IssueRow): boolean {
  return issue.type === "cell" || issue.kind !== undefined;
}

/** Where to look: "Licences, row 7, Quantity", "Licences, LIC-1", "Register, settings". */
export function issuePlace(issue: IssueRow): string {
  return issue.type === "cell"
    ? `${issue.sheet}, row ${issue.row}, ${issue.column}`
    : `${issue.sheet}, ${issue.recordId}`;
}

const SHEETS: Record<RecordKind, string> = {
  software: "Software",
  licences: "Licences",
  allocations: "Allocations",
  installations: "Installations",
};

/**
 * The register's unreadable cells, then the problems the position found, each with where to look.
 * `isRecord` says whether a table holds a record with that ID (a lookup: there are a million installations).
 */
export function issueRows(
  issues: DataIssue[],
  problems: RegisterPosition["problems"],
  isRecord: (kind: RecordKind, id: string) => boolean,
): IssueRow[] {
  const kindOf = (id: string): RecordKind | undefined =>
    (Object.keys(SHEETS) as RecordKind[]).find((kind) => isRecord(kind, id));
  return [
    ...issues.map((issue, i): IssueRow => ({ type: "cell", key: `cell-${i}`, ...issue })),
    ...problems.map((problem, i): IssueRow => {
      const kind = kindOf(problem.recordId);
      return {
        type: "record",
        key: `record-${i}`,
        sheet: kind ? SHEETS[kind] : "Register",
        kind,
        recordId: problem.recordId,
        message: problem.message,
      };
    }),
  ];
}

/** The products whose names contain the search, ignoring case and the spaces around it; all when it is blank. */
export function findProducts(products: ProductPosition[], search: string): ProductPosition[] {
  const wanted = search.trim().toLocaleLowerCase();
  if (wanted === "") return products;
  return products.filter((product) => product.softwareName.toLocaleLowerCase().includes(wanted));
}
