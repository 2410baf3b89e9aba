import {
  MAX_COLUMNS,
  MAX_ROWS,
  type Rect,
  cellCount,
  formatAddress,
  intersect,
  isWholeColumns,
  isWholeRows,
  lastColumn,
  lastRow,
  parseAddress,
  rect,
  union,
} from "../addresses";
import type { Execution, HostContext } from "../context";
import { displayText } from "../displayText";
import { checkProtection } from "../protection";
import { errors } from "../errors";
import { type FindCriteria, findCell } from "../find";
import type { SheetModel } from "../model";
import { deleteCells, insertCells } from "../structure";
import { type GridInput, type WriteKind, valueTypeOf } from "../workbookState";
import { ConditionalFormatCollectionProxy } from "./conditionalFormats";
import { ClientObjectProxy } from "./base";
import { DataValidationProxy } from "./dataValidation";
import { RangeFormatProxy } from "./rangeFormat";
import { WorksheetProxy } from "./worksheet";

export interface RangeTarget {
  sheet: SheetModel;
  rect: Rect;
}

const GRID_PROPERTIES = new Set([
  "values",
  "formulas",
  "formulasLocal",
  "formulasR1C1",
  "numberFormat",
  "numberFormatLocal",
  "text",
  "valueTypes",
]);

function checkRect(r: Rect, where: string): Rect {
  if (
    r.row < 0 ||
    r.column < 0 ||
    r.rowCount <= 0 ||
    r.columnCount <= 0 ||
    lastRow(r) >= MAX_ROWS ||
    lastColumn(r) >= MAX_COLUMNS
  )
    throw errors.invalidArgument(where);
  return r;
}

/** Excel.Range: a rectangle on a sheet, fixed when first used in a sync. */
export class RangeProxy extends ClientObjectProxy<RangeTarget> {
  readonly _typeName = "Range";
  protected readonly _scalars = [
    "address",
    "addressLocal",
    "rowCount",
    "columnCount",
    "rowIndex",
    "columnIndex",
    "cellCount",
    "values",
    "formulas",
    "numberFormat",
    "text",
    "valueTypes",
    "isEntireColumn",
    "isEntireRow",
  ] as const;
  private _format?: RangeFormatProxy;
  private _validation?: DataValidationProxy;
  private _conditional?: ConditionalFormatCollectionProxy;

  constructor(context: HostContext, resolver: (exec: Execution) => RangeTarget | null, path: string) {
    super(context, resolver, path);
  }

  /** A range derived from this one at sync time. */
  private derive(
    name: string,
    make: (target: RangeTarget, exec: Execution) => Rect | null,
    nullable = false,
  ): RangeProxy {
    const range = new RangeProxy(
      this.context,
      (exec) => {
        const target = this._resolve(exec);
        if (!target) return null;
        const r = make(target, exec);
        return r ? { sheet: target.sheet, rect: checkRect(r, `Range.${name}`) } : null;
      },
      `${this._path}.${name}`,
    );
    if (nullable) range._resolveAtSync();
    return range;
  }

  // ---- properties ---------------------------------------------------------------------------------

  protected _read(property: string, exec: Execution, target: RangeTarget): unknown {
    const { sheet, rect: r } = target;
    if (GRID_PROPERTIES.has(property)) exec.response.takeCells(cellCount(r));
    const cells = sheet.cells;
    const grid = <V>(cell: (row: number, column: number) => V): V[][] => {
      const out: V[][] = new Array<V[]>(r.rowCount);
      for (let i = 0; i < r.rowCount; i++) {
        const row = new Array<V>(r.columnCount);
        for (let j = 0; j < r.columnCount; j++) row[j] = cell(r.row + i, r.column + j);
        out[i] = row;
      }
      return out;
    };
    switch (property) {
      case "address":
      case "addressLocal":
        return formatAddress(sheet.name, r);
      case "rowCount":
        return r.rowCount;
      case "columnCount":
        return r.columnCount;
      case "rowIndex":
        return r.row;
      case "columnIndex":
        return r.column;
      case "cellCount":
        return cellCount(r);
      case "isEntireColumn":
        return isWholeColumns(r);
      case "isEntireRow":
        return isWholeRows(r);
      case "values":
        return grid((row, column) => cells.value(row, column));
      case "formulas":
      case "formulasLocal":
      case "formulasR1C1":
        return grid((row, column) => cells.formula(row, column) ?? cells.value(row, column));
      case "numberFormat":
      case "numberFormatLocal":
        return grid((row, column) => cells.format(row, column));
      case "text":
        return grid((row, column) => displayText(cells.value(row, column), cells.format(row, column)));
      case "valueTypes":
        return grid((row, column) => valueTypeOf(cells.value(row, column)));
      case "columnHidden": {
        // Excel: true when every column of the range is hidden, false when none is, null when mixed.
        let hidden = 0;
        for (let c = r.column; c <= lastColumn(r); c++) if (sheet.attributes.hiddenColumns.has(c)) hidden++;
        return hidden === r.columnCount ? true : hidden === 0 ? false : null;
      }
      case "hidden":
        return r.columnCount > 0 && [...columnsOf(r)].every((c) => sheet.attributes.hiddenColumns.has(c));
      case "rowHidden":
        return false;
      case "style":
        return "Normal";
      default:
        throw errors.invalidArgument(
          "Range.load",
          `The property '${property}' is not available on Range in this host.`,
        );
    }
  }

  protected override _navigation(name: string): ClientObjectProxy<unknown> | undefined {
    if (name === "format") return this.format as ClientObjectProxy<unknown>;
    if (name === "dataValidation") return this.dataValidation as ClientObjectProxy<unknown>;
    if (name === "worksheet") return this.worksheet as ClientObjectProxy<unknown>;
    return undefined;
  }

  private write(kind: WriteKind, value: GridInput): void {
    this._set(kind, value, (exec, target) =>
      exec.host.state.write(target.sheet, target.rect, kind, value, `Range.${kind}`),
    );
  }

  get address(): string {
    return this._get("address");
  }
  get addressLocal(): string {
    return this._get("addressLocal");
  }
  get rowCount(): number {
    return this._get("rowCount");
  }
  get columnCount(): number {
    return this._get("columnCount");
  }
  get rowIndex(): number {
    return this._get("rowIndex");
  }
  get columnIndex(): number {
    return this._get("columnIndex");
  }
  get cellCount(): number {
    return this._get("cellCount");
  }
  get isEntireColumn(): boolean {
    return this._get("isEntireColumn");
  }
  get isEntireRow(): boolean {
    return this._get("isEntireRow");
  }
  get text(): string[][] {
    return this._get("text");
  }
  get valueTypes(): Excel.RangeValueType[][] {
    return this._get("valueTypes");
  }
  get values(): unknown[][] {
    return this._get("values");
  }
  set values(value: GridInput) {
    this.write("values", value);
  }
  get formulas(): unknown[][] {
    return this._get("formulas");
  }
  set formulas(value: GridInput) {
    this.write("formulas", value);
  }
  get formulasLocal(): unknown[][] {
    return this._get("formulasLocal");
  }
  set formulasLocal(value: GridInput) {
    this.write("formulas", value);
  }
  get numberFormat(): unknown[][] {
    return this._get("numberFormat");
  }
  set numberFormat(value: GridInput) {
    this.write("numberFormat", value);
  }
  get numberFormatLocal(): unknown[][] {
    return this._get("numberFormatLocal");
  }
  set numberFormatLocal(value: GridInput) {
    this.write("numberFormat", value);
  }

  get columnHidden(): boolean {
    return this._get("columnHidden");
  }
  set columnHidden(value: boolean) {
    this._set("columnHidden", value, (exec, target) => {
      checkProtection(target.sheet, "formatColumns", target.rect, "Range.columnHidden");
      for (const c of columnsOf(target.rect)) {
        if (value) target.sheet.attributes.hiddenColumns.add(c);
        else target.sheet.attributes.hiddenColumns.delete(c);
      }
      exec.host.state.dirty = true;
    });
  }
  get hidden(): boolean {
    return this._get("hidden");
  }

  get format(): RangeFormatProxy {
    this._format ??= new RangeFormatProxy(
      this.context,
      (exec) => this._resolve(exec),
      `${this._path}.format`,
    );
    return this._format;
  }

  get dataValidation(): DataValidationProxy {
    this._validation ??= new DataValidationProxy(
      this.context,
      (exec) => this._resolve(exec),
      `${this._path}.dataValidation`,
    );
    return this._validation;
  }

  get conditionalFormats(): ConditionalFormatCollectionProxy {
    this._conditional ??= new ConditionalFormatCollectionProxy(
      this.context,
      (exec) => this._resolve(exec),
      `${this._path}.conditionalFormats`,
    );
    return this._conditional;
  }

  get worksheet(): WorksheetProxy {
    return new WorksheetProxy(
      this.context,
      (exec) => this._resolve(exec)?.sheet ?? null,
      `${this._path}.worksheet`,
    );
  }

  // ---- navigation ---------------------------------------------------------------------------------

  getCell(row: number, column: number): RangeProxy {
    return this.derive(`getCell(${row},${column})`, (t) => rect(t.rect.row + row, t.rect.column + column));
  }
  getRow(row: number): RangeProxy {
    return this.derive(`getRow(${row})`, (t) =>
      rect(t.rect.row + within(row, t.rect.rowCount, "row"), t.rect.column, 1, t.rect.columnCount),
    );
  }
  getColumn(column: number): RangeProxy {
    return this.derive(`getColumn(${column})`, (t) =>
      rect(t.rect.row, t.rect.column + within(column, t.rect.columnCount, "column"), t.rect.rowCount, 1),
    );
  }
  getRowsBelow(count = 1): RangeProxy {
    return this.derive(`getRowsBelow(${count})`, (t) =>
      rect(lastRow(t.rect) + 1, t.rect.column, count, t.rect.columnCount),
    );
  }
  getRowsAbove(count = 1): RangeProxy {
    return this.derive(`getRowsAbove(${count})`, (t) =>
      rect(t.rect.row - count, t.rect.column, count, t.rect.columnCount),
    );
  }
  getColumnsAfter(count = 1): RangeProxy {
    return this.derive(`getColumnsAfter(${count})`, (t) =>
      rect(t.rect.row, lastColumn(t.rect) + 1, t.rect.rowCount, count),
    );
  }
  getColumnsBefore(count = 1): RangeProxy {
    return this.derive(`getColumnsBefore(${count})`, (t) =>
      rect(t.rect.row, t.rect.column - count, t.rect.rowCount, count),
    );
  }
  getResizedRange(deltaRows: number, deltaColumns: number): RangeProxy {
    return this.derive(`getResizedRange(${deltaRows},${deltaColumns})`, (t) =>
      rect(t.rect.row, t.rect.column, t.rect.rowCount + deltaRows, t.rect.columnCount + deltaColumns),
    );
  }
  getAbsoluteResizedRange(numRows: number, numColumns: number): RangeProxy {
    return this.derive(`getAbsoluteResizedRange(${numRows},${numColumns})`, (t) =>
      rect(t.rect.row, t.rect.column, numRows, numColumns),
    );
  }
  getOffsetRange(rowOffset: number, columnOffset: number): RangeProxy {
    return this.derive(`getOffsetRange(${rowOffset},${columnOffset})`, (t) => ({
      ...t.rect,
      row: t.rect.row + rowOffset,
      column: t.rect.column + columnOffset,
    }));
  }
  getEntireColumn(): RangeProxy {
    return this.derive("getEntireColumn()", (t) => rect(0, t.rect.column, MAX_ROWS, t.rect.columnCount));
  }
  getEntireRow(): RangeProxy {
    return this.derive("getEntireRow()", (t) => rect(t.rect.row, 0, t.rect.rowCount, MAX_COLUMNS));
  }
  getLastRow(): RangeProxy {
    return this.derive("getLastRow()", (t) => rect(lastRow(t.rect), t.rect.column, 1, t.rect.columnCount));
  }
  getLastColumn(): RangeProxy {
    return this.derive("getLastColumn()", (t) => rect(t.rect.row, lastColumn(t.rect), t.rect.rowCount, 1));
  }
  getLastCell(): RangeProxy {
    return this.derive("getLastCell()", (t) => rect(lastRow(t.rect), lastColumn(t.rect)));
  }

  private otherRect(other: Excel.Range | string, exec: Execution, target: RangeTarget): Rect {
    if (typeof other === "string") {
      const parsed = parseAddress(other);
      if (!parsed) throw errors.invalidArgument("Range", `"${other}" is not a valid address.`);
      return parsed.rect;
    }
    const resolved = (other as unknown as RangeProxy)._resolve(exec);
    if (!resolved) throw errors.invalidArgument("Range");
    if (resolved.sheet !== target.sheet)
      throw errors.invalidArgument("Range", "The ranges are on different worksheets.");
    return resolved.rect;
  }

  getIntersectionOrNullObject(other: Excel.Range | string): RangeProxy {
    return this.derive(
      "getIntersectionOrNullObject()",
      (t, exec) => intersect(t.rect, this.otherRect(other, exec, t)) ?? null,
      true,
    );
  }
  getIntersection(other: Excel.Range | string): RangeProxy {
    return this.derive("getIntersection()", (t, exec) => {
      const cut = intersect(t.rect, this.otherRect(other, exec, t));
      if (!cut) throw errors.itemNotFound("Range.getIntersection");
      return cut;
    });
  }
  getBoundingRect(other: Excel.Range | string): RangeProxy {
    return this.derive("getBoundingRect()", (t, exec) => union(t.rect, this.otherRect(other, exec, t)));
  }
  find(text: string, criteria?: FindCriteria): RangeProxy {
    return this.derive(`find(${JSON.stringify(text)})`, (t) => {
      const found = findCell(t.sheet, t.rect, text, criteria);
      if (!found) throw errors.itemNotFound("Range.find");
      return found;
    });
  }
  findOrNullObject(text: string, criteria?: FindCriteria): RangeProxy {
    return this.derive(
      `findOrNullObject(${JSON.stringify(text)})`,
      (t) => findCell(t.sheet, t.rect, text, criteria),
      true,
    );
  }
  /** The area an anchor cell's dynamic array fills (ExcelApi 1.12); the host knows spills only with a calculation engine. */
  getSpillingToRange(): RangeProxy {
    return this.derive("getSpillingToRange()", (t, exec) => {
      const area = spillingTo(t, exec, "Range.getSpillingToRange");
      if (!area) throw errors.itemNotFound("Range.getSpillingToRange");
      return area;
    });
  }
  getSpillingToRangeOrNullObject(): RangeProxy {
    return this.derive(
      "getSpillingToRangeOrNullObject()",
      (t, exec) =>
        cellCount(t.rect) === 1 ? spillingTo(t, exec, "Range.getSpillingToRangeOrNullObject") : null,
      true,
    );
  }
  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    return this.derive(
      `getUsedRangeOrNullObject(${valuesOnly})`,
      (t) => {
        const used = t.sheet.cells.usedRect(valuesOnly);
        return (used && intersect(used, t.rect)) ?? null;
      },
      true,
    );
  }
  getUsedRange(valuesOnly = false): RangeProxy {
    return this.derive(`getUsedRange(${valuesOnly})`, (t) => {
      const used = t.sheet.cells.usedRect(valuesOnly);
      return (used && intersect(used, t.rect)) ?? rect(t.rect.row, t.rect.column);
    });
  }

  // ---- actions ------------------------------------------------------------------------------------

  clear(
    applyTo: Excel.ClearApplyTo | "All" | "Formats" | "Contents" | "Hyperlinks" | "RemoveHyperlinks" = "All",
  ): void {
    this._enqueue("clear", [applyTo], (exec, target) =>
      exec.host.state.clear(target.sheet, target.rect, applyTo),
    );
  }

  delete(shift: Excel.DeleteShiftDirection | "Up" | "Left"): void {
    this._enqueue("delete", [shift], (exec, target) =>
      deleteCells(exec.host.state, target.sheet, target.rect, shift),
    );
  }

  insert(shift: Excel.InsertShiftDirection | "Down" | "Right"): RangeProxy {
    this._enqueue("insert", [shift], (exec, target) =>
      insertCells(exec.host.state, target.sheet, target.rect, shift),
    );
    return this.derive("inserted", (t) => t.rect);
  }

  select(): void {
    this._enqueue("select", [], (exec, target) =>
      exec.host.select(exec.session, target.sheet.id, target.rect),
    );
  }

  activate(): void {
    this.select();
  }

  calculate(): void {
    this._enqueue("calculate", [], (exec) => exec.host.state.recalculate());
  }
}

/** "Fails if applied to a range with more than one cell" (Range.getSpillingToRange, ExcelApi 1.12). */
function spillingTo(target: RangeTarget, exec: Execution, api: string): Rect | null {
  if (cellCount(target.rect) !== 1) throw errors.invalidArgument(api, "The range must be one cell.");
  return exec.host.state.calculation?.spillArea(target.sheet, target.rect.row, target.rect.column) ?? null;
}

function* columnsOf(r: { column: number; columnCount: number }): Generator<number> {
  for (let c = r.column; c < r.column + r.columnCount; c++) yield c;
}

/**
 * getRow and getColumn give "a row (column) contained in the range" (Learn); whether Excel refuses one past the
 * range's edge is not documented, so the in-memory Excel does, as the stricter reading (src/host/README.md).
 */
function within(offset: number, count: number, kind: "row" | "column"): number {
  if (!Number.isInteger(offset) || offset < 0 || offset >= count) {
    throw errors.invalidArgument(
      kind === "row" ? `Range.getRow(${offset})` : `Range.getColumn(${offset})`,
      `The range has ${count} ${kind}s, numbered from 0, so it has no ${kind} ${offset}.`,
    );
  }
  return offset;
}
