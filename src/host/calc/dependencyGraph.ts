import { type Rect, contains, intersect, lastColumn, lastRow } from "../addresses";
import type { CallSite } from "./callSites";
import type { Expr } from "./expressionParser";
import type { ParsedCall } from "./formulaParser";
import type { ActiveInvocation } from "./invocations";
import { type Precedent, samePrecedents } from "./references";

/**
 * The formula cells the engine runs and what each one reads, indexed both ways so an edit finds the
 * formulas that read the edited cells without looking at any other formula.
 */

/** Cells are keyed row * COLUMNS + column within their sheet. */
const COLUMNS = 16_384;
export const cellKey = (row: number, column: number): number => row * COLUMNS + column;

export interface FormulaNode {
  sheetId: string;
  row: number;
  column: number;
  formula: string;
  /** A formula that is one custom-function call with plain arguments (the register's columns): run directly. */
  call?: ParsedCall;
  /** Any other formula: built-in functions, operators, custom calls inside them. */
  expr?: Expr;
  /** The custom-function calls inside `expr`, each its own invocation. */
  sites?: Map<Expr, CallSite>;
  precedents: Precedent[];
  /** False until the formula's references were first worked out. */
  resolved?: boolean;
  /** The running call, if any (a streaming one stays until it is cancelled). */
  invocation?: ActiveInvocation;
  /** The arguments of the running streaming call, to keep the stream when a re-run passes the same ones. */
  argumentKey?: string;
}

function addReaders(readers: FormulaNode | Set<FormulaNode>, into: Set<FormulaNode>): void {
  if (readers instanceof Set) for (const node of readers) into.add(node);
  else into.add(readers);
}

interface RangeWatch {
  node: FormulaNode;
  rect: Rect;
}

class SheetIndex {
  readonly nodes = new Map<number, FormulaNode>();
  /** One reader, or a set when several formulas read the cell (most cells have one). */
  readonly cellDependents = new Map<number, FormulaNode | Set<FormulaNode>>();
  readonly rangeDependents = new Set<RangeWatch>();
}

export class DependencyGraph {
  private readonly sheets = new Map<string, SheetIndex>();
  private readonly columnDependents = new Map<string, Set<FormulaNode>>();
  private readonly rangeWatches = new Map<FormulaNode, RangeWatch[]>();
  readonly todayDependents = new Set<FormulaNode>();

  private sheet(sheetId: string): SheetIndex {
    let index = this.sheets.get(sheetId);
    if (!index) {
      index = new SheetIndex();
      this.sheets.set(sheetId, index);
    }
    return index;
  }

  get size(): number {
    let n = 0;
    for (const index of this.sheets.values()) n += index.nodes.size;
    return n;
  }

  node(sheetId: string, row: number, column: number): FormulaNode | undefined {
    return this.sheets.get(sheetId)?.nodes.get(cellKey(row, column));
  }

  add(node: FormulaNode): void {
    this.sheet(node.sheetId).nodes.set(cellKey(node.row, node.column), node);
    this.link(node);
  }

  remove(node: FormulaNode): void {
    this.unlink(node);
    const index = this.sheets.get(node.sheetId);
    if (index?.nodes.get(cellKey(node.row, node.column)) === node)
      index.nodes.delete(cellKey(node.row, node.column));
  }

  /** Records what a node reads now; the indexes change only when that differs from before. */
  setPrecedents(node: FormulaNode, precedents: Precedent[]): void {
    if (node.resolved && samePrecedents(node.precedents, precedents)) return;
    this.unlink(node);
    node.precedents = precedents;
    node.resolved = true;
    this.link(node);
  }

  *nodes(sheetId?: string): Generator<FormulaNode> {
    for (const [id, index] of this.sheets) {
      if (sheetId !== undefined && id !== sheetId) continue;
      yield* index.nodes.values();
    }
  }

  /** Formula cells inside `area`. */
  nodesIn(sheetId: string, area: Rect): FormulaNode[] {
    const index = this.sheets.get(sheetId);
    if (!index) return [];
    const out: FormulaNode[] = [];
    if (area.rowCount * area.columnCount <= index.nodes.size) {
      for (let r = area.row; r <= lastRow(area); r++)
        for (let c = area.column; c <= lastColumn(area); c++) {
          const node = index.nodes.get(cellKey(r, c));
          if (node) out.push(node);
        }
    } else {
      for (const node of index.nodes.values())
        if (contains(area, { row: node.row, column: node.column, rowCount: 1, columnCount: 1 }))
          out.push(node);
    }
    return out;
  }

  /** Formulas that read a cell of `area` on the sheet (through a cell or range reference). */
  readersOf(sheetId: string, area: Rect, into: Set<FormulaNode>): void {
    const index = this.sheets.get(sheetId);
    if (!index) return;
    const { cellDependents } = index;
    if (cellDependents.size > 0) {
      if (area.rowCount * area.columnCount <= cellDependents.size) {
        for (let r = area.row; r <= lastRow(area); r++)
          for (let c = area.column; c <= lastColumn(area); c++) {
            const readers = cellDependents.get(cellKey(r, c));
            if (readers) addReaders(readers, into);
          }
      } else {
        const r1 = lastRow(area);
        const c1 = lastColumn(area);
        for (const [key, readers] of cellDependents) {
          const r = Math.floor(key / COLUMNS);
          const c = key % COLUMNS;
          if (r >= area.row && r <= r1 && c >= area.column && c <= c1) addReaders(readers, into);
        }
      }
    }
    for (const watch of index.rangeDependents) if (intersect(watch.rect, area)) into.add(watch.node);
  }

  /** Formulas that read a whole table column (Table[Column]). */
  columnReaders(tableId: string, columnId: number, into: Set<FormulaNode>): void {
    const readers = this.columnDependents.get(`${tableId}:${columnId}`);
    if (readers) for (const node of readers) into.add(node);
  }

  hasColumnReaders(): boolean {
    return this.columnDependents.size > 0;
  }

  private link(node: FormulaNode): void {
    const watches: RangeWatch[] = [];
    for (const p of node.precedents) {
      switch (p.kind) {
        case "cell": {
          const deps = this.sheet(p.sheetId).cellDependents;
          const key = cellKey(p.row, p.column);
          const readers = deps.get(key);
          if (!readers) deps.set(key, node);
          else if (readers instanceof Set) readers.add(node);
          else if (readers !== node) deps.set(key, new Set([readers, node]));
          break;
        }
        case "range": {
          const watch = { node, rect: p.rect };
          this.sheet(p.sheetId).rangeDependents.add(watch);
          watches.push(watch);
          break;
        }
        case "tableColumn": {
          const key = `${p.tableId}:${p.columnId}`;
          let set = this.columnDependents.get(key);
          if (!set) this.columnDependents.set(key, (set = new Set()));
          set.add(node);
          break;
        }
        case "today":
          this.todayDependents.add(node);
          break;
      }
    }
    if (watches.length > 0) this.rangeWatches.set(node, watches);
  }

  private unlink(node: FormulaNode): void {
    for (const p of node.precedents) {
      switch (p.kind) {
        case "cell": {
          const deps = this.sheets.get(p.sheetId)?.cellDependents;
          const key = cellKey(p.row, p.column);
          const readers = deps?.get(key);
          if (readers === node) deps!.delete(key);
          else if (readers instanceof Set) {
            readers.delete(node);
            if (readers.size === 0) deps!.delete(key);
          }
          break;
        }
        case "range":
          for (const watch of this.rangeWatches.get(node) ?? [])
            this.sheets.get(p.sheetId)?.rangeDependents.delete(watch);
          break;
        case "tableColumn": {
          const key = `${p.tableId}:${p.columnId}`;
          const set = this.columnDependents.get(key);
          if (set) {
            set.delete(node);
            if (set.size === 0) this.columnDependents.delete(key);
          }
          break;
        }
        case "today":
          this.todayDependents.delete(node);
          break;
      }
    }
    this.rangeWatches.delete(node);
  }
}
