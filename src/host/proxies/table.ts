import { lastColumn, lastRow, parseAddress, rect } from "../addresses";
import type { Execution, HostContext } from "../context";
import { errors } from "../errors";
import {
  type SheetModel,
  type TableColumnModel,
  type TableModel,
  bodyRect,
  headerRect,
  totalsRect,
} from "../model";
import { checkProtection } from "../protection";
import { addTableColumn, addTableRows, deleteTableRows } from "../structure";
import type { GridInput } from "../workbookState";
import { ClientObjectProxy, EventSource } from "./base";
import { CollectionProxy } from "./collection";
import { RangeProxy, type RangeTarget } from "./range";
import { WorksheetProxy } from "./worksheet";

type TableResolver = (exec: Execution) => TableModel | null;

function findTable(exec: Execution, key: string, sheet?: SheetModel | null): TableModel | undefined {
  const table = exec.host.state.tableByName(key) ?? exec.host.state.tableById(key);
  if (table && sheet && table.sheetId !== sheet.id) return undefined;
  return table;
}

function liveTable(exec: Execution, table: TableModel | null): TableModel | null {
  if (table && !exec.host.state.tables.includes(table)) throw errors.itemNotFound("Table");
  return table;
}

function tableRange(
  owner: ClientObjectProxy<unknown>,
  table: (exec: Execution) => TableModel | null,
  name: string,
  area: (table: TableModel) => ReturnType<typeof rect> | undefined,
): RangeProxy {
  return new RangeProxy(
    owner.context,
    (exec): RangeTarget | null => {
      const model = table(exec);
      if (!model) return null;
      const r = area(model);
      if (!r)
        throw errors.invalidOperation(
          `Table.${name}`,
          "The table does not have that part (header or total row hidden).",
        );
      return { sheet: exec.host.state.requireSheet(model.sheetId), rect: r };
    },
    `${owner._path}.${name}()`,
  );
}

/** Excel.Table. */
export class TableProxy extends ClientObjectProxy<TableModel> {
  readonly _typeName = "Table";
  protected readonly _scalars = [
    "id",
    "legacyId",
    "name",
    "showHeaders",
    "showTotals",
    "style",
    "showBandedRows",
    "showBandedColumns",
    "showFilterButton",
    "highlightFirstColumn",
    "highlightLastColumn",
  ] as const;
  private _columns?: TableColumnCollectionProxy;
  private _rows?: TableRowCollectionProxy;

  constructor(context: HostContext, resolver: TableResolver, path: string) {
    super(context, (exec) => liveTable(exec, resolver(exec)), path);
  }

  protected _read(property: string, _exec: Execution, table: TableModel): unknown {
    if (property === "legacyId") return table.id;
    if ((this._scalars as readonly string[]).includes(property)) return table[property as keyof TableModel];
    throw errors.invalidArgument("Table.load", `The property '${property}' is not available.`);
  }

  protected override _navigation(name: string): ClientObjectProxy<unknown> | undefined {
    if (name === "columns") return this.columns as ClientObjectProxy<unknown>;
    if (name === "rows") return this.rows as ClientObjectProxy<unknown>;
    if (name === "worksheet") return this.worksheet as ClientObjectProxy<unknown>;
    return undefined;
  }

  get id(): string {
    return this._get("id");
  }
  get legacyId(): string {
    return this._get("legacyId");
  }
  get name(): string {
    return this._get("name");
  }
  set name(value: string) {
    this._set("name", value, (exec, table) => exec.host.state.renameTable(table, value));
  }
  get style(): string {
    return this._get("style");
  }
  set style(value: string) {
    this.flag("style", value);
  }
  get showBandedRows(): boolean {
    return this._get("showBandedRows");
  }
  set showBandedRows(value: boolean) {
    this.flag("showBandedRows", value);
  }
  get showBandedColumns(): boolean {
    return this._get("showBandedColumns");
  }
  set showBandedColumns(value: boolean) {
    this.flag("showBandedColumns", value);
  }
  get showFilterButton(): boolean {
    return this._get("showFilterButton");
  }
  set showFilterButton(value: boolean) {
    this.flag("showFilterButton", value);
  }
  get highlightFirstColumn(): boolean {
    return this._get("highlightFirstColumn");
  }
  set highlightFirstColumn(value: boolean) {
    this.flag("highlightFirstColumn", value);
  }
  get highlightLastColumn(): boolean {
    return this._get("highlightLastColumn");
  }
  set highlightLastColumn(value: boolean) {
    this.flag("highlightLastColumn", value);
  }

  private flag<
    K extends
      | "style"
      | "showBandedRows"
      | "showBandedColumns"
      | "showFilterButton"
      | "highlightFirstColumn"
      | "highlightLastColumn",
  >(key: K, value: TableModel[K]): void {
    this._set(key, value, (exec, table) => {
      const sheet = exec.host.state.requireSheet(table.sheetId);
      checkProtection(sheet, "structure", table.rect, `Table.${key}`);
      table[key] = value;
      exec.host.state.recordFormat(sheet, table.rect);
    });
  }

  get showHeaders(): boolean {
    return this._get("showHeaders");
  }
  /** Hiding headers clears the header row and the table starts one row lower; showing them takes the row above back. */
  set showHeaders(value: boolean) {
    this._set("showHeaders", value, (exec, table) => {
      if (table.showHeaders === value) return;
      const sheet = exec.host.state.requireSheet(table.sheetId);
      checkProtection(sheet, "structure", table.rect, "Table.showHeaders");
      if (!value) {
        const header = headerRect(table)!;
        for (let c = header.column; c <= lastColumn(header); c++) sheet.cells.clearContents(header.row, c);
        table.showHeaders = false;
        table.rect = { ...table.rect, row: table.rect.row + 1, rowCount: table.rect.rowCount - 1 };
      } else {
        if (table.rect.row === 0)
          throw errors.invalidOperation(
            "Table.showHeaders",
            "There is no room above the table for a header row.",
          );
        table.showHeaders = true;
        table.rect = { ...table.rect, row: table.rect.row - 1, rowCount: table.rect.rowCount + 1 };
        table.columns.forEach((column, i) =>
          sheet.cells.setCell(table.rect.row, table.rect.column + i, column.name),
        );
      }
      exec.host.state.record({
        sheetId: sheet.id,
        tableId: table.id,
        rect: table.rect,
        changeType: "RangeEdited",
      });
    });
  }

  get showTotals(): boolean {
    return this._get("showTotals");
  }
  set showTotals(value: boolean) {
    this._set("showTotals", value, (exec, table) => {
      if (table.showTotals === value) return;
      const sheet = exec.host.state.requireSheet(table.sheetId);
      checkProtection(sheet, "structure", table.rect, "Table.showTotals");
      if (value) {
        table.rect = { ...table.rect, rowCount: table.rect.rowCount + 1 };
        table.showTotals = true;
        sheet.cells.setCell(lastRow(table.rect), table.rect.column, "Total");
      } else {
        const totals = totalsRect(table)!;
        for (let c = totals.column; c <= lastColumn(totals); c++) sheet.cells.clearContents(totals.row, c);
        table.showTotals = false;
        table.rect = { ...table.rect, rowCount: table.rect.rowCount - 1 };
      }
      exec.host.state.record({
        sheetId: sheet.id,
        tableId: table.id,
        rect: table.rect,
        changeType: "RangeEdited",
      });
    });
  }

  get worksheet(): WorksheetProxy {
    return new WorksheetProxy(
      this.context,
      (exec) => {
        const table = this._resolve(exec);
        return table ? exec.host.state.requireSheet(table.sheetId) : null;
      },
      `${this._path}.worksheet`,
    );
  }

  get columns(): TableColumnCollectionProxy {
    this._columns ??= new TableColumnCollectionProxy(
      this.context,
      (exec) => this._resolve(exec),
      `${this._path}.columns`,
    );
    return this._columns;
  }

  get rows(): TableRowCollectionProxy {
    this._rows ??= new TableRowCollectionProxy(
      this.context,
      (exec) => this._resolve(exec),
      `${this._path}.rows`,
    );
    return this._rows;
  }

  getRange(): RangeProxy {
    return tableRange(
      this,
      (exec) => this._resolve(exec),
      "getRange",
      (table) => table.rect,
    );
  }
  getHeaderRowRange(): RangeProxy {
    return tableRange(this, (exec) => this._resolve(exec), "getHeaderRowRange", headerRect);
  }
  /** Never empty: a table always has at least one (possibly blank) body row. */
  getDataBodyRange(): RangeProxy {
    return tableRange(this, (exec) => this._resolve(exec), "getDataBodyRange", bodyRect);
  }
  getTotalRowRange(): RangeProxy {
    return tableRange(this, (exec) => this._resolve(exec), "getTotalRowRange", totalsRect);
  }

  get onChanged(): EventSource<Excel.TableChangedEventArgs> {
    return new EventSource(this.context, "TableChanged", (exec) => this._resolve(exec)?.id ?? "(null)");
  }

  get onSelectionChanged(): EventSource<Excel.TableSelectionChangedEventArgs> {
    return new EventSource(
      this.context,
      "TableSelectionChanged",
      (exec) => this._resolve(exec)?.id ?? "(null)",
    );
  }

  delete(): void {
    this._enqueue("delete", [], (exec, table) => exec.host.state.deleteTable(table, false));
  }

  convertToRange(): RangeProxy {
    const range = this.getRange();
    this._enqueue("convertToRange", [], (exec, table) => {
      range._resolve(exec);
      exec.host.state.deleteTable(table, true);
    });
    return range;
  }

  clearFilters(): void {
    this._enqueue("clearFilters", [], () => undefined);
  }

  reapplyFilters(): void {
    this._enqueue("reapplyFilters", [], () => undefined);
  }
}

/** Excel.TableCollection: the workbook's tables, or one worksheet's. */
export class TableCollectionProxy extends CollectionProxy<SheetModel | true, TableProxy> {
  readonly _typeName = "TableCollection";

  constructor(context: HostContext, owner: (exec: Execution) => SheetModel | true | null, path: string) {
    super(context, owner, path);
  }

  private sheetOf(exec: Execution): SheetModel | null | undefined {
    const owner = this._resolve(exec);
    if (owner === null) return null;
    return owner === true ? undefined : owner;
  }

  protected _members(exec: Execution, owner: SheetModel | true): TableProxy[] {
    const tables = owner === true ? exec.host.state.tables : exec.host.state.tablesOn(owner.id);
    return tables.map((table) => new TableProxy(this.context, () => table, `${this._path}.items`));
  }

  getItem(key: string): TableProxy {
    return new TableProxy(
      this.context,
      (exec) => {
        const sheet = this.sheetOf(exec);
        if (sheet === null) return null;
        const table = findTable(exec, key, sheet);
        if (!table) throw errors.itemNotFound(`TableCollection.getItem(${key})`);
        return table;
      },
      `${this._path}.getItem(${JSON.stringify(key)})`,
    );
  }

  getItemOrNullObject(key: string): TableProxy {
    const table = new TableProxy(
      this.context,
      (exec) => {
        const sheet = this.sheetOf(exec);
        if (sheet === null) return null;
        return findTable(exec, key, sheet) ?? null;
      },
      `${this._path}.getItemOrNullObject(${JSON.stringify(key)})`,
    );
    table._resolveAtSync();
    return table;
  }

  getItemAt(index: number): TableProxy {
    return new TableProxy(
      this.context,
      (exec) => {
        const owner = this._resolve(exec);
        if (owner === null) return null;
        const table = (owner === true ? exec.host.state.tables : exec.host.state.tablesOn(owner.id))[index];
        if (!table) throw errors.itemNotFound(`TableCollection.getItemAt(${index})`);
        return table;
      },
      `${this._path}.getItemAt(${index})`,
    );
  }

  /** Tables.add(address, hasHeaders): the address may name its sheet; otherwise this sheet or the active one. */
  add(address: Excel.Range | string, hasHeaders: boolean): TableProxy {
    let created: TableModel | undefined;
    const wire = typeof address === "string" ? address : "(range)";
    this._enqueue("add", [wire, hasHeaders], (exec) => {
      const state = exec.host.state;
      let sheet: SheetModel | undefined;
      let area;
      if (typeof address === "string") {
        const parsed = parseAddress(address);
        if (!parsed)
          throw errors.invalidArgument("TableCollection.add", `"${address}" is not a valid address.`);
        const own = this.sheetOf(exec);
        sheet =
          parsed.sheet !== undefined
            ? state.sheetByName(parsed.sheet)
            : (own ?? state.sheetById(exec.host.activeSheetId(exec.session) ?? ""));
        if (!sheet) throw errors.itemNotFound("TableCollection.add");
        area = parsed.rect;
      } else {
        const target = (address as unknown as RangeProxy)._resolve(exec);
        if (!target) throw errors.invalidArgument("TableCollection.add");
        sheet = target.sheet;
        area = target.rect;
      }
      created = state.addTable(sheet, area, hasHeaders);
    });
    return new TableProxy(this.context, () => created ?? null, `${this._path}.add`);
  }

  get onChanged(): EventSource<Excel.TableChangedEventArgs> {
    return new EventSource(this.context, "TablesChanged", () => undefined);
  }
}

interface ColumnTarget {
  table: TableModel;
  column: TableColumnModel;
}

function columnIndexOf(target: ColumnTarget): number {
  const index = target.table.columns.indexOf(target.column);
  if (index < 0) throw errors.itemNotFound("TableColumn");
  return index;
}

/** Excel.TableColumn. */
export class TableColumnProxy extends ClientObjectProxy<ColumnTarget> {
  readonly _typeName = "TableColumn";
  protected readonly _scalars = ["id", "index", "name", "values"] as const;

  protected _read(property: string, exec: Execution, target: ColumnTarget): unknown {
    const index = columnIndexOf(target);
    switch (property) {
      case "id":
        return target.column.id;
      case "index":
        return index;
      case "name":
        return target.column.name;
      case "values": {
        const sheet = exec.host.state.requireSheet(target.table.sheetId);
        const r = target.table.rect;
        exec.response.takeCells(r.rowCount);
        const out: unknown[][] = [];
        for (let row = r.row; row <= lastRow(r); row++) out.push([sheet.cells.value(row, r.column + index)]);
        return out;
      }
      default:
        throw errors.invalidArgument("TableColumn.load", `The property '${property}' is not available.`);
    }
  }

  get id(): number {
    return this._get("id");
  }
  get index(): number {
    return this._get("index");
  }
  get name(): string {
    return this._get("name");
  }
  set name(value: string) {
    this._set("name", value, (exec, target) => {
      const index = columnIndexOf(target);
      const header = headerRect(target.table);
      const sheet = exec.host.state.requireSheet(target.table.sheetId);
      if (header)
        exec.host.state.write(
          sheet,
          rect(header.row, header.column + index),
          "values",
          [[value]],
          "TableColumn.name",
        );
      else target.column.name = value;
    });
  }
  get values(): unknown[][] {
    return this._get("values");
  }
  set values(value: GridInput) {
    this._set("values", value, (exec, target) => {
      const index = columnIndexOf(target);
      const r = target.table.rect;
      exec.host.state.write(
        exec.host.state.requireSheet(target.table.sheetId),
        rect(r.row, r.column + index, r.rowCount, 1),
        "values",
        value,
        "TableColumn.values",
      );
    });
  }

  private part(name: string, area: (table: TableModel) => ReturnType<typeof rect> | undefined): RangeProxy {
    return new RangeProxy(
      this.context,
      (exec): RangeTarget | null => {
        const target = this._resolve(exec);
        if (!target) return null;
        const whole = area(target.table);
        if (!whole)
          throw errors.invalidOperation(
            `TableColumn.${name}`,
            "The table does not have that part (header or total row hidden).",
          );
        const column = target.table.rect.column + columnIndexOf(target);
        return {
          sheet: exec.host.state.requireSheet(target.table.sheetId),
          rect: rect(whole.row, column, whole.rowCount, 1),
        };
      },
      `${this._path}.${name}()`,
    );
  }

  getRange(): RangeProxy {
    return this.part("getRange", (table) => table.rect);
  }
  getDataBodyRange(): RangeProxy {
    return this.part("getDataBodyRange", bodyRect);
  }
  getHeaderRowRange(): RangeProxy {
    return this.part("getHeaderRowRange", headerRect);
  }
  getTotalRowRange(): RangeProxy {
    return this.part("getTotalRowRange", totalsRect);
  }

  delete(): void {
    this._enqueue("delete", [], (exec, target) => {
      const index = columnIndexOf(target);
      const table = target.table;
      if (table.columns.length === 1)
        throw errors.invalidOperation("TableColumn.delete", "A table must keep at least one column.");
      const sheet = exec.host.state.requireSheet(table.sheetId);
      checkProtection(sheet, "structure", table.rect, "TableColumn.delete");
      const column = rect(table.rect.row, table.rect.column + index, table.rect.rowCount, 1);
      sheet.cells.shiftColumns(column.column, -1, column.row, lastRow(column));
      table.columns.splice(index, 1);
      table.rect = { ...table.rect, columnCount: table.rect.columnCount - 1 };
      exec.host.state.record({
        sheetId: sheet.id,
        tableId: table.id,
        rect: column,
        changeType: "ColumnDeleted",
      });
    });
  }
}

/** Excel.TableColumnCollection. */
export class TableColumnCollectionProxy extends CollectionProxy<TableModel, TableColumnProxy> {
  readonly _typeName = "TableColumnCollection";

  constructor(context: HostContext, table: TableResolver, path: string) {
    super(context, table, path);
  }

  protected _members(_exec: Execution, table: TableModel): TableColumnProxy[] {
    return table.columns.map(
      (column) => new TableColumnProxy(this.context, () => ({ table, column }), `${this._path}.items`),
    );
  }

  private find(table: TableModel, key: number | string): TableColumnModel | undefined {
    if (typeof key === "number") return table.columns.find((column) => column.id === key);
    const wanted = key.toLowerCase();
    return (
      table.columns.find((column) => column.name.toLowerCase() === wanted) ??
      table.columns.find((column) => String(column.id) === key)
    );
  }

  getItem(key: number | string): TableColumnProxy {
    return new TableColumnProxy(
      this.context,
      (exec) => {
        const table = this._resolve(exec);
        if (!table) return null;
        const column = this.find(table, key);
        if (!column) throw errors.itemNotFound(`TableColumnCollection.getItem(${key})`);
        return { table, column };
      },
      `${this._path}.getItem(${JSON.stringify(key)})`,
    );
  }

  getItemOrNullObject(key: number | string): TableColumnProxy {
    const column = new TableColumnProxy(
      this.context,
      (exec) => {
        const table = this._resolve(exec);
        const found = table && this.find(table, key);
        return table && found ? { table, column: found } : null;
      },
      `${this._path}.getItemOrNullObject(${JSON.stringify(key)})`,
    );
    column._resolveAtSync();
    return column;
  }

  getItemAt(index: number): TableColumnProxy {
    return new TableColumnProxy(
      this.context,
      (exec) => {
        const table = this._resolve(exec);
        if (!table) return null;
        const column = table.columns[index];
        if (!column) throw errors.itemNotFound(`TableColumnCollection.getItemAt(${index})`);
        return { table, column };
      },
      `${this._path}.getItemAt(${index})`,
    );
  }

  /** Adds a column at `index` (or at the right end when index is null/undefined), with a name and/or values. */
  add(index?: number | null, values?: GridInput, name?: string): TableColumnProxy {
    let created: ColumnTarget | undefined;
    this._enqueue("add", [index ?? null, values ?? null, name ?? null], (exec, table) => {
      const position = addTableColumn(exec.host.state, table, index, values, name);
      created = { table, column: table.columns[position] };
    });
    return new TableColumnProxy(this.context, () => created ?? null, `${this._path}.add`);
  }
}

interface RowTarget {
  table: TableModel;
  index: number;
}

/** Excel.TableRow: a body row by index (indexes shift when rows above are added or deleted). */
export class TableRowProxy extends ClientObjectProxy<RowTarget> {
  readonly _typeName = "TableRow";
  protected readonly _scalars = ["index", "values"] as const;

  private area(target: RowTarget) {
    const body = bodyRect(target.table);
    if (target.index >= body.rowCount) throw errors.itemNotFound("TableRow");
    return rect(body.row + target.index, body.column, 1, body.columnCount);
  }

  protected _read(property: string, exec: Execution, target: RowTarget): unknown {
    if (property === "index") return target.index;
    if (property === "values") {
      const r = this.area(target);
      exec.response.takeCells(r.columnCount);
      const sheet = exec.host.state.requireSheet(target.table.sheetId);
      return [Array.from({ length: r.columnCount }, (_, j) => sheet.cells.value(r.row, r.column + j))];
    }
    throw errors.invalidArgument("TableRow.load", `The property '${property}' is not available.`);
  }

  get index(): number {
    return this._get("index");
  }
  get values(): unknown[][] {
    return this._get("values");
  }
  set values(value: GridInput) {
    this._set("values", value, (exec, target) =>
      exec.host.state.write(
        exec.host.state.requireSheet(target.table.sheetId),
        this.area(target),
        "values",
        value,
        "TableRow.values",
      ),
    );
  }

  getRange(): RangeProxy {
    return new RangeProxy(
      this.context,
      (exec) => {
        const target = this._resolve(exec);
        return target
          ? { sheet: exec.host.state.requireSheet(target.table.sheetId), rect: this.area(target) }
          : null;
      },
      `${this._path}.getRange()`,
    );
  }

  delete(): void {
    this._enqueue("delete", [], (exec, target) =>
      deleteTableRows(exec.host.state, target.table, target.index, 1),
    );
  }
}

/**
 * Excel.TableRowCollection. `add` inserts whole rows, which in Excel blocks co-authors' edits to the table
 * while it runs; writing below the table (auto-expansion) is the co-authoring-friendly way to append.
 */
export class TableRowCollectionProxy extends CollectionProxy<TableModel, TableRowProxy> {
  readonly _typeName = "TableRowCollection";

  constructor(context: HostContext, table: TableResolver, path: string) {
    super(context, table, path);
  }

  protected _members(_exec: Execution, table: TableModel): TableRowProxy[] {
    const count = bodyRect(table).rowCount;
    return Array.from(
      { length: count },
      (_, index) => new TableRowProxy(this.context, () => ({ table, index }), `${this._path}.items`),
    );
  }

  protected override _read(property: string, exec: Execution, table: TableModel): unknown {
    if (property === "count") return bodyRect(table).rowCount;
    return super._read(property, exec, table);
  }

  override getCount() {
    return super.getCount();
  }

  getItemAt(index: number): TableRowProxy {
    return new TableRowProxy(
      this.context,
      (exec) => {
        const table = this._resolve(exec);
        if (!table) return null;
        if (index < 0 || index >= bodyRect(table).rowCount)
          throw errors.itemNotFound(`TableRowCollection.getItemAt(${index})`);
        return { table, index };
      },
      `${this._path}.getItemAt(${index})`,
    );
  }

  add(index?: number | null, values?: GridInput, _alwaysInsert?: boolean): TableRowProxy {
    let created: RowTarget | undefined;
    this._enqueue("add", [index ?? null, values ?? null], (exec, table) => {
      created = { table, index: addTableRows(exec.host.state, table, index, values) };
    });
    return new TableRowProxy(this.context, () => created ?? null, `${this._path}.add`);
  }

  deleteRowsAt(index: number, count = 1): void {
    this._enqueue("deleteRowsAt", [index, count], (exec, table) =>
      deleteTableRows(exec.host.state, table, index, count),
    );
  }
}
