import { MAX_COLUMNS, MAX_ROWS, type Rect, formatAddress, intersect, parseAddress, rect } from "../addresses";
import { type AssociatedFunction, associatedFunctions } from "../customFunctionsRuntime";
import type { HostCore } from "../hostCore";
import type { InMemoryWorkbook } from "../index";
import type { CellValue } from "../inputParsing";
import { type SheetModel, bodyRect } from "../model";
import type { CalculationHooks, ChangeRecord } from "../workbookState";
import { builtin } from "./builtins";
import { type CallSite, customArgument, formulaResult, resultValue } from "./callSites";
import { DependencyGraph, type FormulaNode, cellKey } from "./dependencyGraph";
import { type Expr, parseExpression } from "./expressionParser";
import {
  type ReferenceContext,
  expressionPrecedents,
  readReference,
  resolveReference,
} from "./expressionReferences";
import { type ParsedCall, parseCall } from "./formulaParser";
import { hostOf } from "./hostRegistry";
import { type Scope, evaluate as evaluateExpr } from "./interpreter";
import {
  ActiveInvocation,
  type CellResult,
  type FunctionMetadata,
  argumentList,
  callShape,
  invoke,
} from "./invocations";
import { ColumnIndex, isFailure, parameterAddresses, resolveArguments } from "./references";
import { Spills } from "./spills";
import { ExcelError, type Value } from "./values";

/**
 * Runs custom functions in the in-memory host the way Excel does (see README.md here): each `=NS.F(...)`
 * cell is its own invocation of the associated function; dirty cells are collected and called together in
 * one batch, begun in a microtask and cut into slices of at most `sliceMs` when it is long; a cell re-runs
 * only when a cell it reads changes; streaming calls push values with setResult until they are cancelled;
 * arrays spill. Calculated values raise no onChanged events, only the host's onAnyChange (for re-rendering),
 * as in Excel.
 */

export interface CalculationOptions {
  /** The function namespace in formulas. Default "LICENSE". */
  namespace?: string;
  /** Functions by upper-case id. Default: those registered through CustomFunctions.associate. */
  functions?: ReadonlyMap<string, AssociatedFunction>;
  /** functions.json (custom-functions-metadata output), to place the invocation argument exactly. */
  metadata?: { functions: FunctionMetadata[] };
  /** Ids of streaming functions, for functions without metadata whose last parameter is not named `invocation`. */
  streaming?: Iterable<string>;
  /** What a reference to an empty cell passes. Default: the workbook profile's (web null, Windows and Mac 0). */
  emptyCell?: null | 0 | "";
  /** Today's date as a serial number. Default: the local date. */
  today?: () => number;
  /**
   * How long one slice of a calculation may run before it gives the thread back (default 40 ms). Excel
   * calculates in its own process; the host calculates on the page's thread, so a long calculation is cut
   * into slices to keep the page answering. A sync answered meanwhile reads cells not calculated yet as
   * #BUSY!, as a read in Excel may while its CalculationState is Calculating.
   */
  sliceMs?: number;
}

export interface CalculationStats {
  /** Function calls made. */
  invocations: number;
  /** Calculation batches run (one per microtask in which something was dirty or a result arrived). */
  batches: number;
  /** Invocations cancelled (formula removed or changed, arguments changed, recalculation, detach). */
  cancellations: number;
}

export interface CellDescription {
  formula?: string;
  value: CellValue;
  /** Code and message when the cell shows an error the engine produced. */
  error?: { code: string; message: string };
  /** A streaming call is running for the cell. */
  streaming: boolean;
  /** The area its array result fills ("D2:E5"), anchor included. */
  spill?: string;
}

export interface CalculationEngine {
  /** Resolves when no batch is pending and no promise result is outstanding (streams may push later). */
  whenIdle(): Promise<void>;
  readonly stats: CalculationStats;
  /** The error a cell shows and why, if the engine put one there. */
  cellError(sheet: string, address: string): { code: string; message: string } | undefined;
  describeCell(sheet: string, address: string): CellDescription;
  /** Re-runs every formula (streams are cancelled and restarted), as a full recalculation (Ctrl+Alt+F9). */
  recalculate(): void;
  /** Cancels every running call and stops following the workbook; cell values stay as they are. */
  detach(): void;
}

const BUSY = "#BUSY!";
const STRUCTURAL = new Set<ChangeRecord["changeType"]>([
  "RowInserted",
  "RowDeleted",
  "ColumnInserted",
  "ColumnDeleted",
  "CellInserted",
  "CellDeleted",
]);

/** Today's local date as an Excel serial number (days since 1899-12-30). */
export function localTodaySerial(): number {
  const now = new Date();
  return Math.round(
    (Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) - Date.UTC(1899, 11, 30)) / 86_400_000,
  );
}

/** A wave of a calculation, kept from one slice to the next. */
interface Wave {
  /** Dirty formulas when the wave began, and how many have been checked for readiness. */
  toCheck: FormulaNode[];
  checked: number;
  /** Formulas found ready (reading nothing dirty or awaited), and the next to run. */
  ready: FormulaNode[];
  next: number;
  /** A formula was marked dirty from outside the wave (an edit, a result arriving between slices). */
  stale: boolean;
}

class Engine implements CalculationEngine, CalculationHooks {
  readonly stats: CalculationStats = { invocations: 0, batches: 0, cancellations: 0 };
  private readonly graph = new DependencyGraph();
  private readonly spills: Spills;
  private readonly columns = new ColumnIndex();
  private readonly errors = new Map<string, Map<number, { code: string; message: string }>>();
  private readonly dirty = new Set<FormulaNode>();
  /** Reused by markReaders, which runs once per result (tens of thousands of times in a first calculation). */
  private readonly scratch = new Set<FormulaNode>();
  /** Calls whose first result has not arrived (promises, streams before their first setResult). */
  private readonly waiting = new Set<FormulaNode>();
  private readonly pendingChanges: ChangeRecord[] = [];
  private readonly promises = new Set<Promise<void>>();
  private idleWaiters: (() => void)[] = [];
  private scheduled = false;
  /** The wave being calculated across slices: formulas found ready, the next to run, and the dirty cells still to check. */
  private wave: Wave | undefined;
  /** True while a slice runs. */
  private running = false;
  /** True while a wave evaluates its formulas (their results mark readers for the next wave, not this one). */
  private inWave = false;
  /** The current slice stops at this time (performance.now()). */
  private deadline = Infinity;
  private readonly sliceMs: number;
  private rendered = false;
  private attached = true;
  private lastToday: number;
  private readonly namespace: string;
  private readonly functions: ReadonlyMap<string, AssociatedFunction>;
  private readonly metadata = new Map<string, FunctionMetadata>();
  private readonly streamingIds: ReadonlySet<string>;
  private readonly emptyCell: null | 0 | "";
  private readonly today: () => number;

  constructor(
    private readonly host: HostCore,
    options: CalculationOptions,
  ) {
    this.spills = new Spills(host.state);
    this.namespace = options.namespace ?? "LICENSE";
    this.functions = options.functions ?? associatedFunctions;
    for (const f of options.metadata?.functions ?? []) this.metadata.set(f.id.toUpperCase(), f);
    this.streamingIds = new Set([...(options.streaming ?? [])].map((id) => id.toUpperCase()));
    this.emptyCell = options.emptyCell === undefined ? host.profile.emptyCell : options.emptyCell;
    this.today = options.today ?? localTodaySerial;
    this.sliceMs = options.sliceMs ?? 40;
    this.lastToday = this.today();
    if (host.state.calculation) throw new Error("A calculation engine is already attached to this workbook.");
    host.state.calculation = this;
    for (const sheet of host.state.sheets) this.adoptFormulas(sheet, true);
    this.schedule();
  }

  // ---- hooks from the workbook state ------------------------------------------------------------

  formulaWritten(sheet: SheetModel, row: number, column: number, formula: string): CellValue | undefined {
    const existing = this.graph.node(sheet.id, row, column);
    if (existing && existing.formula === formula) {
      // Writing a formula is an edit of the cell even when the text is the same: Excel cancels the running
      // call and makes a new one, which is given its own first result (a kept stream would leave #BUSY!).
      this.cancel(existing);
      this.markDirty(existing);
      return BUSY;
    }
    if (existing) this.removeNode(existing, sheet);
    const program = this.compile(formula);
    if (!program) return undefined;
    this.addNode(sheet.id, row, column, formula, program);
    return BUSY;
  }

  changed(change: ChangeRecord): void {
    this.pendingChanges.push(change);
    this.schedule();
  }

  spillArea(sheet: SheetModel, row: number, column: number): Rect | undefined {
    const node = this.graph.node(sheet.id, row, column);
    const area = node && this.spills.areaOf(node);
    return area && area.rowCount * area.columnCount > 1 ? area : undefined;
  }

  // ---- public API --------------------------------------------------------------------------------

  whenIdle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  cellError(sheetName: string, address: string): { code: string; message: string } | undefined {
    const at = this.locate(sheetName, address);
    return at && this.errors.get(at.sheet.id)?.get(cellKey(at.row, at.column));
  }

  describeCell(sheetName: string, address: string): CellDescription {
    const at = this.locate(sheetName, address);
    if (!at) throw new Error(`No cell ${sheetName}!${address}.`);
    const node = this.graph.node(at.sheet.id, at.row, at.column);
    const area = node && this.spills.areaOf(node);
    return {
      formula: at.sheet.cells.formula(at.row, at.column),
      value: at.sheet.cells.value(at.row, at.column),
      error: this.errors.get(at.sheet.id)?.get(cellKey(at.row, at.column)),
      streaming:
        (!!node?.invocation && !node.invocation.canceled && !node.invocation.settled) ||
        [...(node?.sites?.values() ?? [])].some((site) => site.active && !site.active.settled),
      spill:
        area && area.rowCount * area.columnCount > 1
          ? formatAddress(at.sheet.name, area).split("!")[1]
          : undefined,
    };
  }

  recalculate(): void {
    for (const node of this.graph.nodes()) {
      this.cancel(node);
      this.markDirty(node);
    }
    this.schedule();
  }

  detach(): void {
    if (!this.attached) return;
    this.attached = false;
    for (const node of this.graph.nodes()) this.cancel(node);
    this.dirty.clear();
    this.waiting.clear();
    this.wave = undefined;
    if (this.host.state.calculation === this) this.host.state.calculation = undefined;
    this.resolveIdle();
  }

  // ---- batches -----------------------------------------------------------------------------------

  private schedule(): void {
    // while a slice runs it goes on with whatever becomes dirty, and asks for the next slice itself
    if (this.scheduled || this.running || !this.attached) return;
    this.scheduled = true;
    queueMicrotask(() => this.runBatch());
  }

  private isIdle(): boolean {
    return !this.attached || (!this.scheduled && this.promises.size === 0);
  }

  private resolveIdle(): void {
    if (!this.isIdle()) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  private runBatch(): void {
    this.scheduled = false;
    if (!this.attached) return;
    const continued = this.wave !== undefined;
    if (!continued) this.stats.batches++;
    this.deadline = performance.now() + this.sliceMs;
    this.running = true;
    try {
      const changes = this.pendingChanges.splice(0);
      if (changes.length > 0 || !continued) this.columns.clear();
      for (const change of changes) this.applyChange(change);
      const today = this.today();
      // TODAY() is volatile: "During recalculation, Excel evaluates cells that contain volatile functions and
      // all of their dependent cells" (Microsoft Learn, custom functions), so its readers run after any change.
      if (today !== this.lastToday || changes.length > 0) {
        this.lastToday = today;
        for (const node of this.graph.todayDependents) this.markDirty(node);
      }
      if (!this.calculate()) {
        // the rest in a later task: the page (tests, the playground) gets its turn in between
        this.scheduled = true;
        setTimeout(() => this.runBatch(), 0);
      }
    } finally {
      this.running = false;
      // an edit made while it ran (by a function, or a listener) starts a batch of its own
      if (this.pendingChanges.length > 0) this.schedule();
      if (this.rendered) {
        this.rendered = false;
        // Excel raises no onChanged for calculated values: only the re-render listeners run.
        for (const listener of [...this.host.listeners]) listener();
      }
      this.resolveIdle();
    }
  }

  /**
   * Runs dirty formulas in waves: a formula waits while a formula it reads is dirty or awaiting a result.
   * Stops when the slice's time is up, keeping the wave for the next slice; true when nothing is left to run.
   */
  private calculate(): boolean {
    for (;;) {
      if (!this.wave) {
        if (this.dirty.size === 0) return true;
        this.wave = { toCheck: [...this.dirty], checked: 0, ready: [], next: 0, stale: false };
      }
      const wave = this.wave;
      while (wave.checked < wave.toCheck.length) {
        const node = wave.toCheck[wave.checked++];
        if (this.dirty.has(node) && !this.waitsOnOthers(node)) wave.ready.push(node);
        if ((wave.checked & 63) === 0 && this.timeIsUp()) return false;
      }
      if (wave.ready.length === 0) {
        // Only waiting on calls still running, or a circular reference: run those not waiting on calls.
        for (const node of this.dirty) if (!this.waitsOnCalls(node)) wave.ready.push(node);
        if (wave.ready.length === 0) {
          this.wave = undefined;
          return true;
        }
      }
      this.inWave = true;
      try {
        while (wave.next < wave.ready.length) {
          const node = wave.ready[wave.next++];
          // gone (its formula removed) or run since the wave was found
          if (!this.dirty.has(node)) continue;
          // it may read a formula marked dirty since it was found ready: then it waits for the next wave
          if (wave.stale && this.waitsOnOthers(node)) continue;
          this.dirty.delete(node);
          this.evaluate(node);
          if (this.wave !== wave) break;
          if (this.timeIsUp()) return false;
        }
      } finally {
        this.inWave = false;
      }
      if (this.wave === wave) this.wave = undefined;
    }
  }

  private timeIsUp(): boolean {
    return performance.now() >= this.deadline;
  }

  private sheetOf(node: FormulaNode): SheetModel | undefined {
    return this.host.state.sheetById(node.sheetId);
  }

  /** Formula cells `node` reads (or the anchors that spilled into cells it reads). */
  private sources(node: FormulaNode, visit: (source: FormulaNode) => boolean): boolean {
    if (!node.resolved) this.resolvePrecedents(node);
    for (const p of node.precedents) {
      if (p.kind === "cell") {
        const source =
          this.graph.node(p.sheetId, p.row, p.column) ?? this.spills.ownerOf(p.sheetId, p.row, p.column);
        if (source && source !== node && visit(source)) return true;
      } else if (p.kind === "range") {
        for (const source of this.graph.nodesIn(p.sheetId, p.rect))
          if (source !== node && visit(source)) return true;
        for (const source of this.spills.meeting(p.sheetId, p.rect))
          if (source !== node && visit(source)) return true;
      } else if (p.kind === "tableColumn") {
        const table = this.host.state.tableById(p.tableId);
        const index = table?.columns.findIndex((c) => c.id === p.columnId) ?? -1;
        if (table && index >= 0) {
          const body = bodyRect(table);
          const area = rect(body.row, table.rect.column + index, body.rowCount, 1);
          for (const source of this.graph.nodesIn(table.sheetId, area))
            if (source !== node && visit(source)) return true;
        }
      }
    }
    return false;
  }

  private waitsOnOthers(node: FormulaNode): boolean {
    return this.sources(node, (source) => this.dirty.has(source) || this.waiting.has(source));
  }

  private waitsOnCalls(node: FormulaNode): boolean {
    return this.sources(node, (source) => this.waiting.has(source));
  }

  /** Works out what a formula reads before its first run, so it can wait for the formulas it reads. */
  private resolvePrecedents(node: FormulaNode): void {
    const sheet = this.sheetOf(node);
    if (!sheet) return;
    if (node.expr) {
      this.graph.setPrecedents(node, expressionPrecedents(node.expr, this.referenceContext(node, sheet)));
      return;
    }
    const resolved = resolveArguments(
      this.host.state,
      { sheet, row: node.row, column: node.column },
      node.call!.args,
      this.columns,
      {
        emptyCell: this.emptyCell,
        today: () => this.lastToday,
      },
    );
    this.graph.setPrecedents(node, resolved.precedents);
  }

  // ---- one formula -------------------------------------------------------------------------------

  private evaluate(node: FormulaNode): void {
    const sheet = this.sheetOf(node);
    if (!sheet || sheet.cells.formula(node.row, node.column) !== node.formula) {
      this.removeNode(node, sheet);
      return;
    }
    if (node.expr) {
      this.evaluateExpression(node, node.expr, sheet);
      return;
    }
    const call = node.call!;
    const resolved = resolveArguments(
      this.host.state,
      { sheet, row: node.row, column: node.column },
      call.args,
      this.columns,
      {
        emptyCell: this.emptyCell,
        today: () => this.lastToday,
      },
    );
    this.graph.setPrecedents(node, resolved.precedents);
    if (isFailure(resolved)) {
      this.cancel(node);
      this.apply(node, { kind: "error", code: resolved.code, message: resolved.message });
      return;
    }
    const fn = this.functions.get(call.id);
    if (!fn) {
      this.cancel(node);
      this.apply(node, {
        kind: "error",
        code: "#NAME?",
        message: `${call.name} is not a registered custom function.`,
      });
      return;
    }
    const shape = callShape(fn, this.metadata.get(call.id), this.streamingIds, call.id);
    const streamingKey = shape.takesInvocation ? safeKey(resolved.values) : undefined;
    const running = node.invocation;
    if (
      running &&
      !running.canceled &&
      !running.settled &&
      streamingKey !== undefined &&
      streamingKey === node.argumentKey
    )
      return; // Same arguments: Excel keeps the stream it has.
    this.cancel(node);
    const active: ActiveInvocation = new ActiveInvocation(
      () => formatAddress(sheet.name, rect(node.row, node.column)),
      call.name,
      () => parameterAddresses(resolved.places),
      (result) => this.deliver(node, active, result),
    );
    const args = argumentList(resolved.values, shape, active.invocation);
    if (typeof args === "string") {
      this.apply(node, { kind: "error", code: "#VALUE!", message: args });
      return;
    }
    node.invocation = active;
    node.argumentKey = streamingKey;
    this.stats.invocations++;
    this.waiting.add(node);
    const outcome = invoke(fn, args, shape, active, (result) => this.deliver(node, active, result));
    if (outcome.kind === "now") {
      this.waiting.delete(node);
      this.apply(node, outcome.result);
    } else if (outcome.kind === "promise") {
      const settled = outcome.settled.finally(() => {
        this.promises.delete(settled);
        if (this.waiting.has(node) && node.invocation === active) this.waiting.delete(node);
        this.schedule();
        this.resolveIdle();
      });
      this.promises.add(settled);
    }
  }

  /** A result arriving for a call: from setResult (any time) or a settled promise. */
  private deliver(node: FormulaNode, active: ActiveInvocation, result: CellResult): void {
    if (active.canceled || node.invocation !== active || !this.attached) return;
    this.waiting.delete(node);
    this.apply(node, result);
    this.schedule();
  }

  /** Shows a result in the cell (spilling arrays) and marks the formulas reading changed cells. */
  private apply(node: FormulaNode, result: CellResult): void {
    const sheet = this.sheetOf(node);
    if (!sheet || sheet.cells.formula(node.row, node.column) !== node.formula) return;
    this.rendered = true;
    const cells = sheet.cells;
    const before = cells.value(node.row, node.column);
    let errors = this.errors.get(sheet.id);
    if (result.kind === "array") {
      const placement = this.spills.place(sheet, node, result.rows);
      if (placement.blockedBy) {
        if (!errors) this.errors.set(sheet.id, (errors = new Map()));
        errors.set(cellKey(node.row, node.column), { code: "#SPILL!", message: placement.blockedBy });
      } else errors?.delete(cellKey(node.row, node.column));
      for (const area of placement.changed) this.markReaders(sheet, area, node);
      if (cells.value(node.row, node.column) !== before)
        this.markReaders(sheet, rect(node.row, node.column), node);
      return;
    }
    const spilled = this.spills.remove(sheet, node);
    if (spilled) this.markReaders(sheet, spilled, node);
    const value = result.kind === "value" ? result.value : result.code;
    cells.setCell(node.row, node.column, value, node.formula);
    if (result.kind === "error") {
      if (!errors) this.errors.set(sheet.id, (errors = new Map()));
      errors.set(cellKey(node.row, node.column), { code: result.code, message: result.message });
    } else errors?.delete(cellKey(node.row, node.column));
    if (value !== before) this.markReaders(sheet, rect(node.row, node.column), node);
  }

  // ---- following changes -------------------------------------------------------------------------

  private applyChange(change: ChangeRecord): void {
    const sheet = this.host.state.sheetById(change.sheetId);
    if (!sheet) {
      for (const node of [...this.graph.nodes(change.sheetId)]) this.removeNode(node, undefined);
      return;
    }
    if (STRUCTURAL.has(change.changeType)) {
      this.afterShift(sheet, change);
      return;
    }
    const area = change.rect;
    for (const node of this.graph.nodesIn(sheet.id, area))
      if (sheet.cells.formula(node.row, node.column) !== node.formula) this.removeNode(node, sheet);
    for (const anchor of this.spills.overwritten(sheet.id, area)) this.relayout(anchor);
    for (const anchor of this.spills.blockedMeeting(sheet.id, area)) this.relayout(anchor);
    this.markReaders(sheet, area, undefined);
  }

  /** Rows or columns moved: follow formulas to where they are now and re-run what reads moved cells. */
  private afterShift(sheet: SheetModel, change: ChangeRecord): void {
    const area = change.rect;
    const vertical =
      change.changeType.startsWith("Row") ||
      change.changeType === "CellInserted" ||
      change.changeType === "CellDeleted";
    const moved = vertical
      ? rect(area.row, area.column, MAX_ROWS - area.row, area.columnCount)
      : rect(area.row, area.column, area.rowCount, MAX_COLUMNS - area.column);
    for (const anchor of this.spills.meeting(sheet.id, moved)) {
      this.spills.forget(anchor);
      this.markDirty(anchor);
    }
    for (const node of [...this.graph.nodes(sheet.id)])
      if (sheet.cells.formula(node.row, node.column) !== node.formula) this.removeNode(node, sheet);
    this.adoptFormulas(sheet, false);
    this.markReaders(sheet, moved, undefined);
  }

  /** Starts following the sheet's formula cells that are ours and not followed yet. */
  private adoptFormulas(sheet: SheetModel, showBusy: boolean): void {
    for (const [row, column, formula] of sheet.cells.formulaCells()) {
      if (this.graph.node(sheet.id, row, column)) continue;
      const program = this.compile(formula);
      if (!program) continue;
      this.addNode(sheet.id, row, column, formula, program);
      if (showBusy) sheet.cells.setCell(row, column, BUSY, formula);
    }
  }

  /** Lays an array result out again without calling the function (its spill area changed). */
  private relayout(anchor: FormulaNode): void {
    const rows = this.spills.lastArray(anchor);
    if (rows) this.apply(anchor, { kind: "array", rows });
    else this.markDirty(anchor);
  }

  private markReaders(sheet: SheetModel, area: Rect, except: FormulaNode | undefined): void {
    const readers = this.scratch;
    readers.clear();
    this.graph.readersOf(sheet.id, area, readers);
    if (this.graph.hasColumnReaders())
      for (const table of this.host.state.tablesOn(sheet.id)) {
        const cut = intersect(bodyRect(table), area);
        if (!cut) continue;
        for (let c = cut.column; c < cut.column + cut.columnCount; c++)
          this.graph.columnReaders(table.id, table.columns[c - table.rect.column].id, readers);
      }
    for (const node of readers) if (node !== except) this.markDirty(node);
    readers.clear();
  }

  // ---- nodes -------------------------------------------------------------------------------------

  /**
   * How a formula runs: one custom-function call with plain arguments goes straight to the function (the
   * register's columns, thousands of cells); anything else the expression parser reads is evaluated; the
   * rest (syntax it does not know) is left to the host's default value.
   */
  private compile(formula: string): { call: ParsedCall } | { expr: Expr } | undefined {
    const call = parseCall(formula, this.namespace);
    if (call) return { call };
    const expr = parseExpression(formula);
    return expr ? { expr } : undefined;
  }

  private addNode(
    sheetId: string,
    row: number,
    column: number,
    formula: string,
    program: { call: ParsedCall } | { expr: Expr },
  ): FormulaNode {
    const node: FormulaNode = { sheetId, row, column, formula, ...program, precedents: [] };
    this.graph.add(node);
    this.markDirty(node);
    return node;
  }

  private removeNode(node: FormulaNode, sheet: SheetModel | undefined): void {
    this.cancel(node);
    this.dirty.delete(node);
    this.waiting.delete(node);
    const spilled = this.spills.remove(sheet, node);
    this.graph.remove(node);
    this.errors.get(node.sheetId)?.delete(cellKey(node.row, node.column));
    if (sheet && spilled) {
      this.rendered = true;
      this.markReaders(sheet, spilled, undefined);
    }
  }

  private markDirty(node: FormulaNode): void {
    this.dirty.add(node);
    // Outside a wave's evaluation (an edit, a result arriving between slices) a formula the wave holds as
    // ready may read this one.
    if (!this.inWave && this.wave) this.wave.stale = true;
    this.schedule();
  }

  private cancel(node: FormulaNode): void {
    if (node.sites) {
      for (const site of node.sites.values()) this.cancelSite(site);
      node.sites.clear();
    }
    const running = node.invocation;
    node.invocation = undefined;
    node.argumentKey = undefined;
    this.waiting.delete(node);
    if (!running || running.canceled || running.settled) return;
    this.stats.cancellations++;
    running.cancel();
  }

  // ---- formulas with built-in functions and operators --------------------------------------------

  private referenceContext(node: FormulaNode, sheet: SheetModel): ReferenceContext {
    return {
      state: this.host.state,
      at: { sheet, row: node.row, column: node.column },
      columns: this.columns,
      spillArea: (sheetId, row, column) => {
        const anchor = this.graph.node(sheetId, row, column);
        return anchor && this.spills.areaOf(anchor);
      },
    };
  }

  /** The node whose expression is being evaluated: results its calls give synchronously need no re-run. */
  private evaluating: FormulaNode | undefined;

  private evaluateExpression(node: FormulaNode, expr: Expr, sheet: SheetModel): void {
    const context = this.referenceContext(node, sheet);
    this.graph.setPrecedents(node, expressionPrecedents(expr, context));
    const sites = (node.sites ??= new Map());
    for (const site of sites.values()) site.visited = false;
    const scope: Scope = {
      resolve: (ref) => resolveReference(ref, context),
      read: readReference,
      today: () => this.lastToday,
      isCustom: (name) => name.startsWith(`${this.namespace.toUpperCase()}.`),
      custom: (call, args) => this.customCall(node, sheet, call, args),
      builtin,
    };
    this.evaluating = node;
    let value: Value;
    try {
      value = evaluateExpr(expr, scope);
    } finally {
      this.evaluating = undefined;
    }
    for (const [call, site] of sites)
      if (!site.visited) {
        this.cancelSite(site);
        sites.delete(call);
      }
    const pending = [...sites.values()].find((site) => site.result === undefined);
    if (pending) {
      this.waiting.add(node);
      this.apply(node, { kind: "error", code: BUSY, message: "Waiting for a custom function's result." });
      return;
    }
    this.waiting.delete(node);
    this.apply(node, formulaResult(value, readReference));
  }

  /** One custom-function call inside an expression: its latest result, or #BUSY! while it has none. */
  private customCall(
    node: FormulaNode,
    sheet: SheetModel,
    call: Extract<Expr, { kind: "call" }>,
    args: Value[],
  ): Value {
    const sites = node.sites!;
    let site = sites.get(call);
    if (!site) sites.set(call, (site = { lasting: false, visited: false }));
    site.visited = true;
    const id = call.name.slice(this.namespace.length + 1);
    const fn = this.functions.get(id);
    if (!fn) {
      this.cancelSite(site);
      site.result = {
        kind: "error",
        code: "#NAME?",
        message: `${call.name} is not a registered custom function.`,
      };
      return resultValue(site.result);
    }
    const passed: unknown[] = [];
    for (const arg of args) {
      const value = customArgument(arg, this.emptyCell);
      if (value instanceof ExcelError) {
        this.cancelSite(site);
        site.result = { kind: "error", code: value.code, message: value.message };
        return value;
      }
      passed.push(value);
    }
    const shape = callShape(fn, this.metadata.get(id), this.streamingIds, id);
    const key = safeKey(passed);
    const running = site.active;
    if (running && !running.canceled && site.lasting && key !== undefined && key === site.key)
      return site.result ? resultValue(site.result) : new ExcelError(BUSY);
    this.cancelSite(site);
    const current = site;
    const active: ActiveInvocation = new ActiveInvocation(
      () => formatAddress(sheet.name, rect(node.row, node.column)),
      call.name,
      () => passed.map(() => ""),
      (result) => this.deliverToSite(node, current, active, result),
    );
    const list = argumentList(passed, shape, active.invocation);
    if (typeof list === "string") {
      site.result = { kind: "error", code: "#VALUE!", message: list };
      return resultValue(site.result);
    }
    site.active = active;
    site.key = key;
    site.result = undefined;
    this.stats.invocations++;
    const outcome = invoke(fn, list, shape, active, (result) =>
      this.deliverToSite(node, current, active, result),
    );
    if (outcome.kind === "now") {
      site.lasting = false;
      site.result = outcome.result;
    } else {
      site.lasting = true;
      if (outcome.kind === "promise") {
        const settled = outcome.settled.finally(() => {
          this.promises.delete(settled);
          this.schedule();
          this.resolveIdle();
        });
        this.promises.add(settled);
      }
    }
    return site.result ? resultValue(site.result) : new ExcelError(BUSY);
  }

  private deliverToSite(
    node: FormulaNode,
    site: CallSite,
    active: ActiveInvocation,
    result: CellResult,
  ): void {
    if (active.canceled || site.active !== active || !this.attached) return;
    site.result = result;
    if (this.evaluating === node) return; // given during the call: the evaluation in progress uses it
    this.markDirty(node);
  }

  private cancelSite(site: CallSite): void {
    const running = site.active;
    site.active = undefined;
    site.key = undefined;
    site.result = undefined;
    if (!running || running.canceled || running.settled) return;
    this.stats.cancellations++;
    running.cancel();
  }

  private locate(sheetName: string, address: string) {
    const sheet = this.host.state.sheetByName(sheetName);
    const parsed = parseAddress(address);
    return sheet && parsed ? { sheet, row: parsed.rect.row, column: parsed.rect.column } : undefined;
  }
}

/** Arguments as a comparable key, or undefined when they cannot be serialised. */
function safeKey(values: unknown[]): string | undefined {
  try {
    return JSON.stringify(values);
  } catch {
    return undefined;
  }
}

/**
 * Starts calculating the workbook's custom-function formulas: every existing formula is calculated in the
 * first batch, then formulas re-run as the cells they read change.
 */
export function attachCalculation(
  workbook: InMemoryWorkbook,
  options: CalculationOptions = {},
): CalculationEngine {
  return new Engine(hostOf(workbook), options);
}
