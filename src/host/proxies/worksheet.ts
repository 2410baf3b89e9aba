import { MAX_COLUMNS, MAX_ROWS, parseAddress, rect } from "../addresses";
import type { Execution, HostContext } from "../context";
import { errors } from "../errors";
import type { ChartRecord } from "../rangeAttributes";
import type { SheetModel } from "../model";
import { checkProtection } from "../protection";
import { ClientObjectProxy, EventSource } from "./base";
import { CollectionProxy } from "./collection";
import { RangeProxy } from "./range";
import { TableCollectionProxy } from "./table";

type SheetResolver = (exec: Execution) => SheetModel | null;

/** A sheet found by name or id; a deleted sheet is not found. */
export function findSheet(exec: Execution, key: string): SheetModel | undefined {
  return exec.host.state.sheetByName(key) ?? exec.host.state.sheetById(key);
}

function liveSheet(exec: Execution, sheet: SheetModel | null): SheetModel | null {
  if (sheet && !exec.host.state.sheets.includes(sheet)) throw errors.itemNotFound("Worksheet");
  return sheet;
}

/** Excel.Worksheet. */
export class WorksheetProxy extends ClientObjectProxy<SheetModel> {
  readonly _typeName = "Worksheet";
  protected readonly _scalars = [
    "id",
    "name",
    "position",
    "visibility",
    "tabColor",
    "showGridlines",
  ] as const;
  private _tables?: TableCollectionProxy;
  private _freezePanes?: FreezePanesProxy;
  private _protection?: WorksheetProtectionProxy;
  private _charts?: ChartCollectionProxy;

  constructor(context: HostContext, resolver: SheetResolver, path: string) {
    super(context, (exec) => liveSheet(exec, resolver(exec)), path);
  }

  protected _read(property: string, exec: Execution, sheet: SheetModel): unknown {
    switch (property) {
      case "id":
        return sheet.id;
      case "name":
        return sheet.name;
      case "position":
        return exec.host.state.sheets.indexOf(sheet);
      case "visibility":
        return sheet.visibility;
      case "tabColor":
        return "";
      case "showGridlines":
        return true;
      default:
        throw errors.invalidArgument("Worksheet.load", `The property '${property}' is not available.`);
    }
  }

  protected override _navigation(name: string): ClientObjectProxy<unknown> | undefined {
    if (name === "tables") return this.tables as ClientObjectProxy<unknown>;
    if (name === "protection") return this.protection as ClientObjectProxy<unknown>;
    return undefined;
  }

  get id(): string {
    return this._get("id");
  }
  get name(): string {
    return this._get("name");
  }
  set name(value: string) {
    this._set("name", value, (exec, sheet) => exec.host.state.renameSheet(sheet, value));
  }
  get position(): number {
    return this._get("position");
  }
  get visibility(): string {
    return this._get("visibility");
  }
  set visibility(value: "Visible" | "Hidden" | "VeryHidden") {
    this._set("visibility", value, (exec, sheet) => {
      sheet.visibility = value;
      exec.host.state.dirty = true;
    });
  }

  private sheetRange(
    name: string,
    make: (sheet: SheetModel) => ReturnType<typeof rect> | null,
    nullable = false,
  ): RangeProxy {
    const range = new RangeProxy(
      this.context,
      (exec) => {
        const sheet = this._resolve(exec);
        if (!sheet) return null;
        const r = make(sheet);
        return r ? { sheet, rect: r } : null;
      },
      `${this._path}.${name}`,
    );
    if (nullable) range._resolveAtSync();
    return range;
  }

  /** The whole sheet without an address; "A1", "A1:B2", "A:A", "1:3" (a sheet prefix must name this sheet). */
  getRange(address?: string): RangeProxy {
    return this.sheetRange(`getRange(${JSON.stringify(address ?? "")})`, (sheet) => {
      if (address === undefined || address === "") return rect(0, 0, MAX_ROWS, MAX_COLUMNS);
      const parsed = parseAddress(address);
      if (!parsed) throw errors.invalidArgument("Worksheet.getRange", `"${address}" is not a valid address.`);
      if (parsed.sheet !== undefined && parsed.sheet.toLowerCase() !== sheet.name.toLowerCase())
        throw errors.invalidArgument("Worksheet.getRange", "The address refers to another worksheet.");
      return parsed.rect;
    });
  }

  getRangeByIndexes(
    startRow: number,
    startColumn: number,
    rowCount: number,
    columnCount: number,
  ): RangeProxy {
    return this.sheetRange(`getRangeByIndexes(${startRow},${startColumn},${rowCount},${columnCount})`, () => {
      if (startRow < 0 || startColumn < 0 || rowCount < 1 || columnCount < 1)
        throw errors.invalidArgument("Worksheet.getRangeByIndexes");
      return rect(startRow, startColumn, rowCount, columnCount);
    });
  }

  getCell(row: number, column: number): RangeProxy {
    return this.sheetRange(`getCell(${row},${column})`, () => rect(row, column));
  }

  /** The used range; an empty sheet gives A1, as in Excel. */
  getUsedRange(valuesOnly = false): RangeProxy {
    return this.sheetRange(
      `getUsedRange(${valuesOnly})`,
      (sheet) => sheet.cells.usedRect(valuesOnly) ?? rect(0, 0),
    );
  }

  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    return this.sheetRange(
      `getUsedRangeOrNullObject(${valuesOnly})`,
      (sheet) => sheet.cells.usedRect(valuesOnly) ?? null,
      true,
    );
  }

  get tables(): TableCollectionProxy {
    this._tables ??= new TableCollectionProxy(
      this.context,
      (exec) => this._resolve(exec),
      `${this._path}.tables`,
    );
    return this._tables;
  }

  get freezePanes(): FreezePanesProxy {
    this._freezePanes ??= new FreezePanesProxy(
      this.context,
      (exec) => this._resolve(exec),
      `${this._path}.freezePanes`,
    );
    return this._freezePanes;
  }

  get protection(): WorksheetProtectionProxy {
    this._protection ??= new WorksheetProtectionProxy(
      this.context,
      (exec) => this._resolve(exec),
      `${this._path}.protection`,
    );
    return this._protection;
  }

  get charts(): ChartCollectionProxy {
    this._charts ??= new ChartCollectionProxy(
      this.context,
      (exec) => this._resolve(exec),
      `${this._path}.charts`,
    );
    return this._charts;
  }

  get onChanged(): EventSource<Excel.WorksheetChangedEventArgs> {
    return new EventSource(this.context, "WorksheetChanged", (exec) => this._resolve(exec)?.id ?? "(null)");
  }

  /** Number formats, styles, widths (ExcelApi 1.9). The host raises it with onChanged for the same change. */
  get onFormatChanged(): EventSource<Excel.WorksheetFormatChangedEventArgs> {
    return new EventSource(
      this.context,
      "WorksheetFormatChanged",
      (exec) => this._resolve(exec)?.id ?? "(null)",
    );
  }

  /** Rows a sort moved (ExcelApi 1.10): the address lists only those rows, one area per run of them. */
  get onRowSorted(): EventSource<Excel.WorksheetRowSortedEventArgs> {
    return new EventSource(this.context, "WorksheetRowSorted", (exec) => this._resolve(exec)?.id ?? "(null)");
  }

  get onSelectionChanged(): EventSource<Excel.WorksheetSelectionChangedEventArgs> {
    return new EventSource(
      this.context,
      "WorksheetSelectionChanged",
      (exec) => this._resolve(exec)?.id ?? "(null)",
    );
  }

  activate(): void {
    this._enqueue("activate", [], (exec, sheet) => {
      exec.session.activeSheetId = sheet.id;
    });
  }

  delete(): void {
    this._enqueue("delete", [], (exec, sheet) => exec.host.state.deleteSheet(sheet));
  }

  calculate(_markAllDirty?: boolean): void {
    this._enqueue("calculate", [], (exec) => exec.host.state.recalculate());
  }
}

/** Excel.WorksheetCollection. */
export class WorksheetCollectionProxy extends CollectionProxy<true, WorksheetProxy> {
  readonly _typeName = "WorksheetCollection";

  constructor(context: HostContext) {
    super(context, () => true, "workbook.worksheets");
  }

  protected _members(exec: Execution): WorksheetProxy[] {
    return exec.host.state.sheets.map(
      (sheet) => new WorksheetProxy(this.context, () => sheet, `${this._path}.items`),
    );
  }

  getItem(key: string): WorksheetProxy {
    return new WorksheetProxy(
      this.context,
      (exec) => {
        const sheet = findSheet(exec, key);
        if (!sheet) throw errors.itemNotFound(`WorksheetCollection.getItem(${key})`);
        return sheet;
      },
      `${this._path}.getItem(${JSON.stringify(key)})`,
    );
  }

  getItemOrNullObject(key: string): WorksheetProxy {
    const sheet = new WorksheetProxy(
      this.context,
      (exec) => findSheet(exec, key) ?? null,
      `${this._path}.getItemOrNullObject(${JSON.stringify(key)})`,
    );
    sheet._resolveAtSync();
    return sheet;
  }

  add(name?: string): WorksheetProxy {
    let added: SheetModel | undefined;
    this.context.enqueue({
      wire: ["add", this._id, name ?? null],
      run: (exec) => void (added = exec.host.state.addSheet(name)),
    });
    return new WorksheetProxy(this.context, () => added ?? null, `${this._path}.add`);
  }

  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(
      this.context,
      (exec) => {
        const id = exec.host.activeSheetId(exec.session);
        return (id && exec.host.state.sheetById(id)) || null;
      },
      `${this._path}.getActiveWorksheet()`,
    );
  }

  getFirst(): WorksheetProxy {
    return new WorksheetProxy(
      this.context,
      (exec) => exec.host.state.sheets[0] ?? null,
      `${this._path}.getFirst()`,
    );
  }
}

/** Excel.WorksheetFreezePanes: frozen rows and columns are recorded on the sheet. */
export class FreezePanesProxy extends ClientObjectProxy<SheetModel> {
  readonly _typeName = "WorksheetFreezePanes";
  protected readonly _scalars = [] as const;

  constructor(context: HostContext, resolver: SheetResolver, path: string) {
    super(context, resolver, path);
  }

  protected _read(property: string): unknown {
    throw errors.invalidArgument("WorksheetFreezePanes.load", `The property '${property}' is not available.`);
  }

  private freeze(rows: number, columns: number): void {
    this._enqueue("freeze", [rows, columns], (exec, sheet) => {
      sheet.attributes.frozen = { rows, columns };
      exec.host.state.dirty = true;
    });
  }

  freezeRows(count = 1): void {
    this.freeze(count, 0);
  }
  freezeColumns(count = 1): void {
    this.freeze(0, count);
  }
  freezeAt(frozenRange: Excel.Range | string): void {
    const parsed = typeof frozenRange === "string" ? parseAddress(frozenRange) : undefined;
    if (parsed)
      this.freeze(parsed.rect.row + parsed.rect.rowCount, parsed.rect.column + parsed.rect.columnCount);
  }
  unfreeze(): void {
    this.freeze(0, 0);
  }

  getLocationOrNullObject(): RangeProxy {
    const range = new RangeProxy(
      this.context,
      (exec) => {
        const sheet = this._resolve(exec);
        if (!sheet) return null;
        const { rows, columns } = sheet.attributes.frozen;
        if (rows === 0 && columns === 0) return null;
        return { sheet, rect: rect(0, 0, rows || MAX_ROWS, columns || MAX_COLUMNS) };
      },
      `${this._path}.getLocationOrNullObject()`,
    );
    range._resolveAtSync();
    return range;
  }
}

/** Excel.WorksheetProtection: protect / unprotect, recorded (cells are not actually locked against the API). */
export class WorksheetProtectionProxy extends ClientObjectProxy<SheetModel> {
  readonly _typeName = "WorksheetProtection";
  protected readonly _scalars = ["protected", "options"] as const;

  constructor(context: HostContext, resolver: SheetResolver, path: string) {
    super(context, resolver, path);
  }

  protected _read(property: string, _exec: Execution, sheet: SheetModel): unknown {
    if (property === "protected") return sheet.attributes.protection.protected;
    if (property === "options") return sheet.attributes.protection.options ?? {};
    throw errors.invalidArgument("WorksheetProtection.load", `The property '${property}' is not available.`);
  }

  get protected(): boolean {
    return this._get("protected");
  }
  get options(): Excel.WorksheetProtectionOptions {
    return this._get("options");
  }

  protect(options?: Excel.WorksheetProtectionOptions, _password?: string): void {
    this._enqueue("protect", [options ?? null], (exec, sheet) => {
      // "Protects a worksheet. Fails if the worksheet has already been protected." (Excel.WorksheetProtection)
      if (sheet.attributes.protection.protected)
        throw errors.accessDenied(`WorksheetProtection.protect (${sheet.name} is already protected)`);
      sheet.attributes.protection = { protected: true, options };
      exec.host.state.dirty = true;
    });
  }

  unprotect(_password?: string): void {
    this._enqueue("unprotect", [], (exec, sheet) => {
      sheet.attributes.protection = { protected: false };
      exec.host.state.dirty = true;
    });
  }
}

let nextChart = 1;

/** A minimal chart: type, source, title and position are recorded on the sheet. */
export class ChartProxy extends ClientObjectProxy<ChartRecord> {
  readonly _typeName = "Chart";
  protected readonly _scalars = ["id", "name", "chartType"] as const;

  protected _read(property: string, _exec: Execution, chart: ChartRecord): unknown {
    if (property === "id") return chart.id;
    if (property === "name") return chart.name;
    if (property === "chartType") return chart.type;
    throw errors.invalidArgument("Chart.load", `The property '${property}' is not available.`);
  }

  get id(): string {
    return this._get("id");
  }
  get name(): string {
    return this._get("name");
  }
  set name(value: string) {
    this._set("name", value, (_exec, chart) => (chart.name = value));
  }
  get title(): { text: string } {
    const enqueue = (text: string) => this._enqueue("title", [text], (_exec, chart) => (chart.title = text));
    return {
      set text(value: string) {
        enqueue(value);
      },
      get text(): string {
        throw errors.propertyNotLoaded("text", "ChartTitle");
      },
    };
  }

  setPosition(startCell: Excel.Range | string, endCell?: Excel.Range | string): void {
    const text = (cell: Excel.Range | string | undefined) =>
      typeof cell === "string" ? cell : cell ? "(range)" : undefined;
    this._enqueue("setPosition", [text(startCell), text(endCell) ?? null], (_exec, chart) => {
      chart.position = { startCell: text(startCell) ?? "", endCell: text(endCell) };
    });
  }

  /** Resets the source data (ExcelApi 1.1): the chart now plots that range. */
  setData(sourceData: Excel.Range, seriesBy: string = "Auto"): void {
    this._enqueue("setData", [seriesBy], (exec, chart) => {
      const source = (sourceData as unknown as RangeProxy)._resolve(exec);
      if (!source) throw errors.invalidArgument("Chart.setData");
      chart.source = source.rect;
      chart.seriesBy = seriesBy;
      exec.host.state.dirty = true;
    });
  }

  delete(): void {
    this._enqueue("delete", [], (exec, chart) => {
      for (const sheet of exec.host.state.sheets)
        sheet.attributes.charts = sheet.attributes.charts.filter((c) => c !== chart);
    });
  }
}

export class ChartCollectionProxy extends CollectionProxy<SheetModel, ChartProxy> {
  readonly _typeName = "ChartCollection";

  constructor(context: HostContext, resolver: SheetResolver, path: string) {
    super(context, resolver, path);
  }

  protected _members(_exec: Execution, sheet: SheetModel): ChartProxy[] {
    return sheet.attributes.charts.map(
      (chart) => new ChartProxy(this.context, () => chart, `${this._path}.items`),
    );
  }

  /** The first chart with that name (ExcelApi 1.1); ItemNotFound when there is none. */
  getItem(name: string): ChartProxy {
    return new ChartProxy(
      this.context,
      (exec) => {
        const chart = this.named(exec, name);
        if (!chart) throw errors.itemNotFound(`ChartCollection.getItem(${name})`);
        return chart;
      },
      `${this._path}.getItem(${JSON.stringify(name)})`,
    );
  }

  /** The first chart with that name, or a null object (ExcelApi 1.4). */
  getItemOrNullObject(name: string): ChartProxy {
    const chart = new ChartProxy(
      this.context,
      (exec) => this.named(exec, name) ?? null,
      `${this._path}.getItemOrNullObject(${JSON.stringify(name)})`,
    );
    chart._resolveAtSync();
    return chart;
  }

  private named(exec: Execution, name: string): ChartRecord | undefined {
    const sheet = this._resolve(exec);
    return sheet?.attributes.charts.find((chart) => chart.name === name);
  }

  add(type: string, sourceData: Excel.Range, seriesBy: string = "Auto"): ChartProxy {
    let created: ChartRecord | undefined;
    this._enqueue("add", [type, seriesBy], (exec, sheet) => {
      checkProtection(sheet, "objects", undefined, "ChartCollection.add");
      const source = (sourceData as unknown as RangeProxy)._resolve(exec);
      if (!source) throw errors.invalidArgument("ChartCollection.add");
      const n = nextChart++;
      created = { id: `chart${n}`, name: `Chart ${n}`, type, source: source.rect, seriesBy };
      sheet.attributes.charts.push(created);
      exec.host.state.dirty = true;
    });
    return new ChartProxy(this.context, () => created ?? null, `${this._path}.add`);
  }
}
