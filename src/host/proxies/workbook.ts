import { rect } from "../addresses";
import type { Execution, HostContext } from "../context";
import { errors } from "../errors";
import { ClientObjectProxy, EventSource } from "./base";
import { RangeProxy } from "./range";
import { TableCollectionProxy } from "./table";
import { WorksheetCollectionProxy } from "./worksheet";

/** Excel.Application: calculation controls (calculation is immediate in the host, so suspending is a no-op). */
export class ApplicationProxy extends ClientObjectProxy<true> {
  readonly _typeName = "Application";
  protected readonly _scalars = ["calculationMode"] as const;

  constructor(context: HostContext) {
    super(context, () => true, "workbook.application");
  }

  protected _read(property: string): unknown {
    if (property === "calculationMode") return "Automatic";
    throw errors.invalidArgument("Application.load", `The property '${property}' is not available.`);
  }

  get calculationMode(): string {
    return this._get("calculationMode");
  }

  suspendApiCalculationUntilNextSync(): void {
    this._enqueue("suspendApiCalculationUntilNextSync", [], () => undefined);
  }

  suspendScreenUpdatingUntilNextSync(): void {
    this._enqueue("suspendScreenUpdatingUntilNextSync", [], () => undefined);
  }

  calculate(_calculationType?: string): void {
    this._enqueue("calculate", [], (exec) => exec.host.state.recalculate());
  }
}

/** Excel.Workbook. */
export class WorkbookProxy extends ClientObjectProxy<true> {
  readonly _typeName = "Workbook";
  protected readonly _scalars = ["name"] as const;
  readonly worksheets: WorksheetCollectionProxy;
  readonly tables: TableCollectionProxy;
  readonly application: ApplicationProxy;

  constructor(context: HostContext) {
    super(context, () => true, "workbook");
    this.worksheets = new WorksheetCollectionProxy(context);
    this.tables = new TableCollectionProxy(context, () => true, "workbook.tables");
    this.application = new ApplicationProxy(context);
  }

  protected _read(property: string): unknown {
    if (property === "name") return "Book1.xlsx";
    throw errors.invalidArgument("Workbook.load", `The property '${property}' is not available.`);
  }

  protected override _navigation(name: string): ClientObjectProxy<unknown> | undefined {
    if (name === "worksheets") return this.worksheets as ClientObjectProxy<unknown>;
    if (name === "tables") return this.tables as ClientObjectProxy<unknown>;
    return undefined;
  }

  get name(): string {
    return this._get("name");
  }

  /** This session's selection (A1 of the active sheet until something is selected). */
  getSelectedRange(): RangeProxy {
    return new RangeProxy(this.context, (exec) => selection(exec), "workbook.getSelectedRange()");
  }

  getActiveCell(): RangeProxy {
    return new RangeProxy(
      this.context,
      (exec) => {
        const selected = selection(exec);
        return selected && { sheet: selected.sheet, rect: rect(selected.rect.row, selected.rect.column) };
      },
      "workbook.getActiveCell()",
    );
  }

  get onSelectionChanged(): EventSource<Excel.SelectionChangedEventArgs> {
    return new EventSource(this.context, "WorkbookSelectionChanged", () => undefined);
  }
}

function selection(exec: Execution) {
  const state = exec.host.state;
  const chosen = exec.session.selection;
  const chosenSheet = chosen && state.sheetById(chosen.sheetId);
  if (chosen && chosenSheet) return { sheet: chosenSheet, rect: chosen.rect };
  const active = state.sheetById(exec.host.activeSheetId(exec.session) ?? "");
  if (!active) throw errors.itemNotFound("Workbook.getSelectedRange");
  return { sheet: active, rect: rect(0, 0) };
}
