import type { Execution, HostContext } from "../context";
import { errors } from "../errors";
import { checkProtection } from "../protection";
import { ClientObjectProxy } from "./base";
import type { RangeTarget } from "./range";

const TYPES: Record<string, string> = {
  list: "List",
  wholeNumber: "WholeNumber",
  decimal: "Decimal",
  date: "Date",
  time: "Time",
  textLength: "TextLength",
  custom: "Custom",
};

/** Excel.DataValidation: rule, error alert, prompt, ignoreBlanks; stored per rectangle on the sheet. */
export class DataValidationProxy extends ClientObjectProxy<RangeTarget> {
  readonly _typeName = "DataValidation";
  protected readonly _scalars = ["rule", "errorAlert", "prompt", "ignoreBlanks", "type", "valid"] as const;

  constructor(context: HostContext, resolver: (exec: Execution) => RangeTarget | null, path: string) {
    super(context, resolver, path);
  }

  protected _read(property: string, _exec: Execution, target: RangeTarget): unknown {
    const settings = target.sheet.attributes.validationAt(target.rect);
    switch (property) {
      case "rule":
        return settings?.rule ?? {};
      case "errorAlert":
        return settings?.errorAlert ?? { message: "", showAlert: true, style: "Stop", title: "" };
      case "prompt":
        return settings?.prompt ?? { message: "", showPrompt: false, title: "" };
      case "ignoreBlanks":
        return settings?.ignoreBlanks ?? true;
      case "type": {
        const key = Object.keys(settings?.rule ?? {})[0];
        return key ? (TYPES[key] ?? "Inconsistent") : "None";
      }
      case "valid":
        return true;
      default:
        throw errors.invalidArgument("DataValidation.load", `The property '${property}' is not available.`);
    }
  }

  private patch<K extends "rule" | "errorAlert" | "prompt" | "ignoreBlanks">(
    key: K,
    value: unknown,
    create: boolean,
  ): void {
    this._set(key, value, (exec, target) => {
      checkProtection(target.sheet, "structure", target.rect, `DataValidation.${key}`);
      target.sheet.attributes.patchValidation(target.rect, { [key]: value }, create);
      exec.host.state.dirty = true;
    });
  }

  get rule(): Excel.DataValidationRule {
    return this._get("rule");
  }
  set rule(value: Excel.DataValidationRule) {
    this.patch("rule", value, true);
  }
  get errorAlert(): Excel.DataValidationErrorAlert {
    return this._get("errorAlert");
  }
  set errorAlert(value: Excel.DataValidationErrorAlert) {
    this.patch("errorAlert", value, true);
  }
  get prompt(): Excel.DataValidationPrompt {
    return this._get("prompt");
  }
  set prompt(value: Excel.DataValidationPrompt) {
    this.patch("prompt", value, true);
  }
  get ignoreBlanks(): boolean {
    return this._get("ignoreBlanks");
  }
  set ignoreBlanks(value: boolean) {
    this.patch("ignoreBlanks", value, true);
  }
  get type(): string {
    return this._get("type");
  }
  get valid(): boolean {
    return this._get("valid");
  }

  clear(): void {
    this._enqueue("clear", [], (exec, target) => {
      checkProtection(target.sheet, "structure", target.rect, "DataValidation.clear");
      target.sheet.attributes.clearValidation(target.rect);
      exec.host.state.dirty = true;
    });
  }
}
