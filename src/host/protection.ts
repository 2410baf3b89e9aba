import { type Rect, intersect, subtract } from "./addresses";
import { errors } from "./errors";
import type { SheetModel } from "./model";

/**
 * What a protected sheet refuses, as Excel does: a change to a locked cell (every cell is locked unless its
 * format says otherwise), and whatever the protection options do not allow. Excel answers AccessDenied ("You
 * cannot perform the requested operation."), as for a write to a locked cell through Microsoft Graph's Excel
 * API (microsoft-graph-docs#4546).
 */
export type ProtectedChange =
  /** values, formulas, clearing contents: refused on locked cells */
  | "edit"
  /** number formats and cell styles: allowFormatCells */
  | "formatCells"
  /** column widths: allowFormatColumns */
  | "formatColumns"
  /** row heights: allowFormatRows */
  | "formatRows"
  /** whole rows inserted: allowInsertRows */
  | "insertRows"
  /** whole rows deleted: allowDeleteRows, and none of their cells locked */
  | "deleteRows"
  /** charts and other objects: allowEditObjects */
  | "objects"
  /** rows sorted: allowSort, and none of their cells locked */
  | "sort"
  /** tables, validation, conditional formats, cells shifted: never on a protected sheet */
  | "structure";

const OPTION: Partial<Record<ProtectedChange, keyof Excel.WorksheetProtectionOptions>> = {
  formatCells: "allowFormatCells",
  formatColumns: "allowFormatColumns",
  formatRows: "allowFormatRows",
  insertRows: "allowInsertRows",
  deleteRows: "allowDeleteRows",
  objects: "allowEditObjects",
  sort: "allowSort",
};

export function checkProtection(
  sheet: SheetModel,
  change: ProtectedChange,
  area: Rect | undefined,
  where: string,
): void {
  const protection = sheet.attributes.protection;
  if (!protection.protected) return;
  const option = OPTION[change];
  const allowed = option ? protection.options?.[option] === true : false;
  const lockedHit =
    (change === "edit" || change === "deleteRows" || change === "sort") &&
    area !== undefined &&
    anyLocked(sheet, area);
  if (change === "edit" ? lockedHit : !allowed || lockedHit)
    throw errors.accessDenied(`${where} (${sheet.name} is protected)`);
}

/** Whether any cell of `area` is locked: the latest style record that sets `locked` for a cell decides; default locked. */
export function anyLocked(sheet: SheetModel, area: Rect): boolean {
  let pending: Rect[] = [area];
  const styles = sheet.attributes.styles;
  for (let i = styles.length - 1; i >= 0 && pending.length > 0; i--) {
    const { rect, data } = styles[i];
    if (data.locked === undefined) continue;
    const next: Rect[] = [];
    for (const piece of pending) {
      if (!intersect(piece, rect)) next.push(piece);
      else if (data.locked) return true;
      else next.push(...subtract(piece, rect));
    }
    pending = next;
  }
  return pending.length > 0;
}
