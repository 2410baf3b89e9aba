import {
  MAX_COLUMNS,
  MAX_ROWS,
  type Rect,
  formatRect,
  intersect,
  lastColumn,
  lastRow,
  rect,
} from "../addresses";
import type { CellValue } from "../inputParsing";
import type { SheetModel } from "../model";
import type { WorkbookState } from "../workbookState";
import { type FormulaNode, cellKey } from "./dependencyGraph";

/**
 * Dynamic-array results: the anchor keeps the formula and shows the first value, the other values fill the
 * cells to the right and below (values only). If any of those cells holds something, or the area reaches into
 * a table or off the sheet, the anchor shows #SPILL! and nothing spills. A smaller result clears the cells
 * the previous one filled.
 */

export interface Placement {
  /** Cells whose values may have changed (old and new spill areas), for dependents. */
  changed: Rect[];
  /** Why the result could not spill, when it could not. */
  blockedBy?: string;
}

interface SpillRecord {
  sheetId: string;
  /** The area filled, anchor included; undefined while blocked. */
  area?: Rect;
  /** The last array result, to spill again when the blocking cells are cleared. */
  rows: CellValue[][];
  /** The area the result needs. */
  wanted: Rect;
  /** Something was written over one of its spilled cells since it was placed: lay it out afresh. */
  overwritten?: boolean;
}

export class Spills {
  private readonly records = new Map<FormulaNode, SpillRecord>();
  /** Spilled cells by sheet and cell key: the anchor that filled them. */
  private readonly owners = new Map<string, Map<number, FormulaNode>>();

  constructor(private readonly state: WorkbookState) {}

  lastArray(node: FormulaNode): CellValue[][] | undefined {
    return this.records.get(node)?.rows;
  }

  ownerOf(sheetId: string, row: number, column: number): FormulaNode | undefined {
    return this.owners.get(sheetId)?.get(cellKey(row, column));
  }

  areaOf(node: FormulaNode): Rect | undefined {
    return this.records.get(node)?.area;
  }

  /** Puts an array result in place (or #SPILL! in the anchor). */
  place(sheet: SheetModel, node: FormulaNode, rows: CellValue[][]): Placement {
    const wanted = rect(node.row, node.column, rows.length, rows[0].length);
    const previous = this.records.get(node);
    if (previous && this.stillInPlace(sheet, previous, wanted))
      return this.refill(sheet, node, rows, previous);
    const changed: Rect[] = [];
    const blockedBy = this.obstacle(sheet, node, wanted);
    if (previous?.area)
      changed.push(this.release(sheet, node, previous.area, blockedBy ? undefined : wanted));
    if (blockedBy) {
      sheet.cells.setCell(node.row, node.column, "#SPILL!", node.formula);
      this.records.set(node, { sheetId: sheet.id, rows, wanted });
      return { changed, blockedBy };
    }
    let owners = this.owners.get(sheet.id);
    if (!owners) this.owners.set(sheet.id, (owners = new Map()));
    for (let i = 0; i < rows.length; i++)
      for (let j = 0; j < rows[i].length; j++) {
        const r = node.row + i;
        const c = node.column + j;
        if (i === 0 && j === 0) sheet.cells.setCell(r, c, rows[0][0], node.formula);
        else {
          sheet.cells.setCell(r, c, rows[i][j]);
          owners.set(cellKey(r, c), node);
        }
      }
    this.records.set(node, { sheetId: sheet.id, area: wanted, rows, wanted });
    changed.push(wanted);
    return { changed };
  }

  /**
   * Whether a result can fill the same area as the one before without laying it out again: that one spilled, into
   * exactly this area, every cell of it is still the spill's own (nothing was written over them: overwritten marks
   * it) and no table has reached into it since.
   */
  private stillInPlace(sheet: SheetModel, previous: SpillRecord, wanted: Rect): boolean {
    const area = previous.area;
    if (!area || previous.overwritten || previous.sheetId !== sheet.id) return false;
    if (area.row !== wanted.row || area.column !== wanted.column) return false;
    if (area.rowCount !== wanted.rowCount || area.columnCount !== wanted.columnCount) return false;
    for (const table of this.state.tablesOn(sheet.id)) if (intersect(table.rect, wanted)) return false;
    return true;
  }

  /**
   * A new result in the area the spill already fills: only the cells whose value changes are written. A streaming
   * grid of every product (the Dashboard's, 10,000 rows at 100,000 licences) changes a few cells an edit.
   */
  private refill(
    sheet: SheetModel,
    node: FormulaNode,
    rows: CellValue[][],
    previous: SpillRecord,
  ): Placement {
    const cells = sheet.cells;
    for (let i = 0; i < rows.length; i++)
      for (let j = 0; j < rows[i].length; j++) {
        const r = node.row + i;
        const c = node.column + j;
        if (cells.value(r, c) === rows[i][j]) continue;
        if (i === 0 && j === 0) cells.setCell(r, c, rows[0][0], node.formula);
        else cells.setCell(r, c, rows[i][j]);
      }
    this.records.set(node, { ...previous, rows });
    return { changed: [previous.wanted] };
  }

  /** The anchor no longer returns an array (or no longer exists): clears what it spilled. */
  remove(sheet: SheetModel | undefined, node: FormulaNode): Rect | undefined {
    const record = this.records.get(node);
    if (!record) return undefined;
    this.records.delete(node);
    if (!record.area || !sheet) return undefined;
    return this.release(sheet, node, record.area, undefined);
  }

  /**
   * Something was written over spilled cells: they are no longer the spill's. Returns the anchors whose
   * spill was hit, so they lay out again (and show #SPILL! while the cells hold something).
   */
  overwritten(sheetId: string, area: Rect): FormulaNode[] {
    const hit = new Set<FormulaNode>();
    const owners = this.owners.get(sheetId);
    if (owners && owners.size > 0)
      for (const [node, record] of this.records) {
        if (record.sheetId !== sheetId || !record.area || !intersect(record.area, area)) continue;
        const cut = intersect(record.area, area)!;
        for (let r = cut.row; r <= lastRow(cut); r++)
          for (let c = cut.column; c <= lastColumn(cut); c++)
            if (owners.get(cellKey(r, c)) === node) {
              owners.delete(cellKey(r, c));
              record.overwritten = true;
              hit.add(node);
            }
      }
    return [...hit];
  }

  /** Anchors showing #SPILL! whose wanted area meets `area`: a change there may let them spill. */
  blockedMeeting(sheetId: string, area: Rect): FormulaNode[] {
    const out: FormulaNode[] = [];
    for (const [node, record] of this.records)
      if (record.sheetId === sheetId && !record.area && intersect(record.wanted, area)) out.push(node);
    return out;
  }

  /** Anchors on a sheet whose spill (or wanted area) meets `area`. */
  meeting(sheetId: string, area: Rect): FormulaNode[] {
    const out: FormulaNode[] = [];
    for (const [node, record] of this.records)
      if (record.sheetId === sheetId && intersect(record.area ?? record.wanted, area)) out.push(node);
    return out;
  }

  /** Forgets an anchor's spill without touching cells (they moved: rows or columns were inserted or deleted). */
  forget(node: FormulaNode): void {
    const record = this.records.get(node);
    if (!record) return;
    this.records.delete(node);
    const owners = this.owners.get(record.sheetId);
    if (owners) for (const [key, owner] of owners) if (owner === node) owners.delete(key);
  }

  /** Clears the spilled cells of `area` that `keep` does not cover (never the anchor). */
  private release(sheet: SheetModel, node: FormulaNode, area: Rect, keep: Rect | undefined): Rect {
    const owners = this.owners.get(sheet.id);
    for (let r = area.row; r <= lastRow(area); r++)
      for (let c = area.column; c <= lastColumn(area); c++) {
        if (r === node.row && c === node.column) continue;
        if (keep && r <= lastRow(keep) && c <= lastColumn(keep) && r >= keep.row && c >= keep.column)
          continue;
        if (owners?.get(cellKey(r, c)) !== node) continue;
        owners.delete(cellKey(r, c));
        sheet.cells.clearContents(r, c);
      }
    return area;
  }

  private obstacle(sheet: SheetModel, node: FormulaNode, wanted: Rect): string | undefined {
    if (lastRow(wanted) >= MAX_ROWS || lastColumn(wanted) >= MAX_COLUMNS)
      return `The result (${wanted.rowCount} × ${wanted.columnCount}) runs off the sheet.`;
    for (const table of this.state.tablesOn(sheet.id))
      if (intersect(table.rect, wanted))
        return `The spill range ${formatRect(wanted)} reaches into table ${table.name}; tables can't hold spilled results.`;
    const owners = this.owners.get(sheet.id);
    for (let r = wanted.row; r <= lastRow(wanted); r++)
      for (let c = wanted.column; c <= lastColumn(wanted); c++) {
        if (r === node.row && c === node.column) continue;
        if (sheet.cells.isEmpty(r, c) || owners?.get(cellKey(r, c)) === node) continue;
        return `The spill range ${formatRect(wanted)} isn't blank: ${formatRect(rect(r, c))} holds something.`;
      }
    return undefined;
  }
}
