import { lastColumn, lastRow } from "../addresses";
import type { Execution, HostContext } from "../context";
import { displayText } from "../displayText";
import { errors } from "../errors";
import { checkProtection } from "../protection";
import type { CellStyle } from "../rangeAttributes";
import { ClientObjectProxy } from "./base";
import type { RangeTarget } from "./range";

/** Excel's default column width and row height, in points. */
export const DEFAULT_COLUMN_WIDTH = 48;
export const DEFAULT_ROW_HEIGHT = 15;

type Resolver = (exec: Execution) => RangeTarget | null;

/** A style-backed proxy: each property maps to one CellStyle key. */
abstract class StyleProxy extends ClientObjectProxy<RangeTarget> {
  protected abstract readonly _keys: Record<string, keyof CellStyle>;
  protected get _scalars(): readonly string[] {
    return Object.keys(this._keys);
  }

  constructor(context: HostContext, resolver: Resolver, path: string) {
    super(context, resolver, path);
  }

  protected _read(property: string, _exec: Execution, target: RangeTarget): unknown {
    const key = this._keys[property];
    if (!key)
      throw errors.invalidArgument(`${this._typeName}.load`, `The property '${property}' is not available.`);
    return target.sheet.attributes.styleAt(target.rect)[key] ?? this._default(property);
  }

  protected _default(_property: string): unknown {
    return null;
  }

  protected _style(property: string, value: unknown): void {
    const key = this._keys[property];
    this._set(property, value, (exec, target) => {
      // Locking cells is how a sheet is prepared for protection; it is refused only once it is protected.
      checkProtection(target.sheet, "formatCells", target.rect, `${this._typeName}.${property}`);
      target.sheet.attributes.setStyle(target.rect, { [key]: value });
      exec.host.state.recordFormat(target.sheet, target.rect);
    });
  }
}

export class RangeFillProxy extends StyleProxy {
  readonly _typeName = "RangeFill";
  protected readonly _keys = { color: "fillColor" } as const;
  get color(): string {
    return this._get("color");
  }
  set color(value: string) {
    this._style("color", value);
  }
  protected override _default(): unknown {
    return "#FFFFFF";
  }
  clear(): void {
    this._enqueue("clear", [], (exec, target) => {
      target.sheet.attributes.setStyle(target.rect, { fillColor: undefined });
      exec.host.state.dirty = true;
    });
  }
}

export class RangeFontProxy extends StyleProxy {
  readonly _typeName = "RangeFont";
  protected readonly _keys = {
    bold: "fontBold",
    italic: "fontItalic",
    color: "fontColor",
    name: "fontName",
    size: "fontSize",
  } as const;
  protected override _default(property: string): unknown {
    return { bold: false, italic: false, color: "#000000", name: "Calibri", size: 11 }[property] ?? null;
  }
  get bold(): boolean {
    return this._get("bold");
  }
  set bold(value: boolean) {
    this._style("bold", value);
  }
  get italic(): boolean {
    return this._get("italic");
  }
  set italic(value: boolean) {
    this._style("italic", value);
  }
  get color(): string {
    return this._get("color");
  }
  set color(value: string) {
    this._style("color", value);
  }
  get name(): string {
    return this._get("name");
  }
  set name(value: string) {
    this._style("name", value);
  }
  get size(): number {
    return this._get("size");
  }
  set size(value: number) {
    this._style("size", value);
  }
}

export class FormatProtectionProxy extends StyleProxy {
  readonly _typeName = "FormatProtection";
  protected readonly _keys = { locked: "locked" } as const;
  protected override _default(): unknown {
    return true;
  }
  get locked(): boolean {
    return this._get("locked");
  }
  set locked(value: boolean) {
    this._style("locked", value);
  }
}

/** Excel.RangeFormat: alignment, wrap, widths and heights, fill, font and cell protection. */
export class RangeFormatProxy extends StyleProxy {
  readonly _typeName = "RangeFormat";
  protected readonly _keys = {
    horizontalAlignment: "horizontalAlignment",
    verticalAlignment: "verticalAlignment",
    wrapText: "wrapText",
  } as const;
  protected override get _scalars(): readonly string[] {
    return [...Object.keys(this._keys), "columnWidth", "rowHeight"];
  }
  private readonly resolver: Resolver;
  private _fill?: RangeFillProxy;
  private _font?: RangeFontProxy;
  private _protection?: FormatProtectionProxy;

  constructor(context: HostContext, resolver: Resolver, path: string) {
    super(context, resolver, path);
    this.resolver = resolver;
  }

  protected override _read(property: string, exec: Execution, target: RangeTarget): unknown {
    const { attributes } = target.sheet;
    if (property === "columnWidth")
      return attributes.columnWidths.get(target.rect.column) ?? DEFAULT_COLUMN_WIDTH;
    if (property === "rowHeight") return attributes.rowHeights.get(target.rect.row) ?? DEFAULT_ROW_HEIGHT;
    return super._read(property, exec, target);
  }

  protected override _default(property: string): unknown {
    return { horizontalAlignment: "General", verticalAlignment: "Bottom", wrapText: false }[property] ?? null;
  }

  protected override _navigation(name: string): ClientObjectProxy<unknown> | undefined {
    if (name === "fill") return this.fill as ClientObjectProxy<unknown>;
    if (name === "font") return this.font as ClientObjectProxy<unknown>;
    if (name === "protection") return this.protection as ClientObjectProxy<unknown>;
    return undefined;
  }

  get fill(): RangeFillProxy {
    this._fill ??= new RangeFillProxy(this.context, this.resolver, `${this._path}.fill`);
    return this._fill;
  }
  get font(): RangeFontProxy {
    this._font ??= new RangeFontProxy(this.context, this.resolver, `${this._path}.font`);
    return this._font;
  }
  get protection(): FormatProtectionProxy {
    this._protection ??= new FormatProtectionProxy(this.context, this.resolver, `${this._path}.protection`);
    return this._protection;
  }

  get horizontalAlignment(): string {
    return this._get("horizontalAlignment");
  }
  set horizontalAlignment(value: string) {
    this._style("horizontalAlignment", value);
  }
  get verticalAlignment(): string {
    return this._get("verticalAlignment");
  }
  set verticalAlignment(value: string) {
    this._style("verticalAlignment", value);
  }
  get wrapText(): boolean {
    return this._get("wrapText");
  }
  set wrapText(value: boolean) {
    this._style("wrapText", value);
  }

  get columnWidth(): number {
    return this._get("columnWidth");
  }
  set columnWidth(value: number) {
    this._set("columnWidth", value, (exec, target) => {
      checkProtection(target.sheet, "formatColumns", target.rect, "RangeFormat.columnWidth");
      for (let c = target.rect.column; c <= lastColumn(target.rect); c++)
        target.sheet.attributes.columnWidths.set(c, value);
      exec.host.state.dirty = true;
    });
  }
  get rowHeight(): number {
    return this._get("rowHeight");
  }
  set rowHeight(value: number) {
    this._set("rowHeight", value, (exec, target) => {
      checkProtection(target.sheet, "formatRows", target.rect, "RangeFormat.rowHeight");
      for (let r = target.rect.row; r <= Math.min(lastRow(target.rect), target.rect.row + 100_000); r++)
        target.sheet.attributes.rowHeights.set(r, value);
      exec.host.state.dirty = true;
    });
  }

  /** Widths from the longest displayed text in each column (about 5.5 points a character, plus padding). */
  autofitColumns(): void {
    this._enqueue("autofitColumns", [], (exec, target) => {
      checkProtection(target.sheet, "formatColumns", target.rect, "RangeFormat.autofitColumns");
      const { cells, attributes } = target.sheet;
      const last = Math.min(lastRow(target.rect), cells.lastRowIndex());
      for (
        let c = target.rect.column;
        c <= Math.min(lastColumn(target.rect), target.rect.column + 500);
        c++
      ) {
        let longest = 0;
        for (let r = target.rect.row; r <= last; r++)
          longest = Math.max(longest, displayText(cells.value(r, c), cells.format(r, c)).length);
        attributes.columnWidths.set(c, Math.max(DEFAULT_COLUMN_WIDTH / 2, Math.round(longest * 5.5 + 8)));
      }
      exec.host.state.dirty = true;
    });
  }

  autofitRows(): void {
    this._enqueue("autofitRows", [], () => undefined);
  }
}
