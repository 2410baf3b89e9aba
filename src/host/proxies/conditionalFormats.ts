import type { Execution, HostContext } from "../context";
import { errors } from "../errors";
import type { ConditionalFormatRecord } from "../rangeAttributes";
import { checkProtection } from "../protection";
import { ClientObjectProxy, ClientResult } from "./base";
import type { RangeTarget } from "./range";

/**
 * Excel.ConditionalFormatCollection / ConditionalFormat, enough to add text-comparison, custom and
 * cell-value rules with fill and font. Rules and formats are stored on the sheet's RangeAttributes
 * (`conditionalFormats`), where tests can inspect them.
 */

let nextId = 1;

/** format.fill / format.font and the rule of one conditional format, written straight into its record. */
class RecordView {
  constructor(
    private readonly owner: ConditionalFormatProxy,
    private readonly ruleKey: string,
  ) {}

  get format() {
    const owner = this.owner;
    const setFormat = (patch: ConditionalFormatRecord["format"]) =>
      owner._patch((record) => Object.assign(record.format, patch));
    return {
      fill: {
        set color(value: string) {
          setFormat({ fillColor: value });
        },
        clear() {
          setFormat({ fillColor: undefined });
        },
      },
      font: {
        set color(value: string) {
          setFormat({ fontColor: value });
        },
        set bold(value: boolean) {
          setFormat({ fontBold: value });
        },
        set italic(value: boolean) {
          setFormat({ fontItalic: value });
        },
      },
    };
  }

  set rule(value: unknown) {
    this.owner._patch((record) => {
      record.rule = { [this.ruleKey]: value };
    });
  }
}

export class ConditionalFormatProxy extends ClientObjectProxy<ConditionalFormatRecord> {
  readonly _typeName = "ConditionalFormat";
  protected readonly _scalars = ["id", "type", "priority", "stopIfTrue"] as const;

  constructor(
    context: HostContext,
    resolver: (exec: Execution) => ConditionalFormatRecord | null,
    path: string,
  ) {
    super(context, resolver, path);
  }

  /** Changes the record at sync. */
  _patch(change: (record: ConditionalFormatRecord) => void): void {
    this._enqueue("patch", [], (exec, record) => {
      change(record);
      exec.host.state.dirty = true;
    });
  }

  protected _read(property: string, _exec: Execution, record: ConditionalFormatRecord): unknown {
    switch (property) {
      case "id":
        return record.id;
      case "type":
        return record.type;
      case "priority":
        return record.priority;
      case "stopIfTrue":
        return record.stopIfTrue ?? false;
      default:
        throw errors.invalidArgument(
          "ConditionalFormat.load",
          `The property '${property}' is not available.`,
        );
    }
  }

  get id(): string {
    return this._get("id");
  }
  get type(): string {
    return this._get("type");
  }
  get priority(): number {
    return this._get("priority");
  }
  set priority(value: number) {
    this._patch((record) => (record.priority = value));
  }
  get stopIfTrue(): boolean {
    return this._get("stopIfTrue");
  }
  set stopIfTrue(value: boolean) {
    this._patch((record) => (record.stopIfTrue = value));
  }

  get textComparison(): RecordView {
    return new RecordView(this, "textComparison");
  }
  get custom(): RecordView {
    return new RecordView(this, "custom");
  }
  get cellValue(): RecordView {
    return new RecordView(this, "cellValue");
  }
  get containsText(): RecordView {
    return new RecordView(this, "textComparison");
  }

  delete(): void {
    this._enqueue("delete", [], (exec, record) => {
      for (const sheet of exec.host.state.sheets) {
        const list = sheet.attributes.conditionalFormats;
        const at = list.indexOf(record);
        if (at >= 0) list.splice(at, 1);
      }
      exec.host.state.dirty = true;
    });
  }
}

export class ConditionalFormatCollectionProxy extends ClientObjectProxy<RangeTarget> {
  readonly _typeName = "ConditionalFormatCollection";
  protected readonly _scalars = ["count"] as const;

  constructor(context: HostContext, resolver: (exec: Execution) => RangeTarget | null, path: string) {
    super(context, resolver, path);
  }

  protected _read(property: string, _exec: Execution, target: RangeTarget): unknown {
    if (property === "count") return target.sheet.attributes.conditionalFormatsIn(target.rect).length;
    if (property === "items")
      return target.sheet.attributes
        .conditionalFormatsIn(target.rect)
        .map((record) => new ConditionalFormatProxy(this.context, () => record, `${this._path}.items`));
    throw errors.invalidArgument(
      "ConditionalFormatCollection.load",
      `The property '${property}' is not available.`,
    );
  }

  get count(): number {
    return this._get("count");
  }
  get items(): ConditionalFormatProxy[] {
    return this._get("items");
  }

  /** Adds a format of the given type ("ContainsText", "Custom", "CellValue", ...) over the whole range. */
  add(type: Excel.ConditionalFormatType | string): ConditionalFormatProxy {
    let created: ConditionalFormatRecord | undefined;
    const id = `cf${nextId++}`;
    this._enqueue("add", [type], (exec, target) => {
      checkProtection(target.sheet, "structure", target.rect, "ConditionalFormatCollection.add");
      const list = target.sheet.attributes.conditionalFormats;
      for (const record of list) record.priority++;
      created = { id, rect: target.rect, type, format: {}, priority: 0 };
      list.unshift(created);
      exec.host.state.dirty = true;
    });
    return new ConditionalFormatProxy(this.context, () => created ?? null, `${this._path}.add`);
  }

  getCount(): ClientResult<number> {
    const result = new ClientResult<number>();
    this._enqueue("getCount", [], (exec, target) =>
      result._fill(target.sheet.attributes.conditionalFormatsIn(target.rect).length, exec),
    );
    return result;
  }

  clearAll(): void {
    this._enqueue("clearAll", [], (exec, target) => {
      checkProtection(target.sheet, "structure", target.rect, "ConditionalFormatCollection.clearAll");
      target.sheet.attributes.clearConditionalFormats(target.rect);
      exec.host.state.dirty = true;
    });
  }
}
