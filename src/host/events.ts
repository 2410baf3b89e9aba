import { type Rect, formatRect, union } from "./addresses";
import type { CellChangeDetail, ChangeRecord } from "./workbookState";

/**
 * Event registrations and delivery. Handlers are registered per session; a change made through session A
 * reaches A's handlers with source "Local" and every other session's with "Remote". Handlers run after the
 * sync that caused the change (setTimeout 0), once per sync per table / worksheet, with the bounding
 * address of everything that changed.
 */

export type EventKind =
  | "TableChanged"
  | "WorksheetChanged"
  | "WorksheetFormatChanged"
  | "WorksheetRowSorted"
  | "TablesChanged"
  | "WorksheetSelectionChanged"
  | "TableSelectionChanged"
  | "WorkbookSelectionChanged";

export type Handler = (args: never) => unknown;

export interface Registration {
  sessionId: string;
  kind: EventKind;
  /** Table or worksheet id; undefined for workbook-wide events. */
  targetId?: string;
  handler: Handler;
}

export interface ChangeSummary {
  sheetId: string;
  tableId?: string;
  rect: Rect;
  changeType: ChangeRecord["changeType"];
  /** Only when the summary is one single-cell value change. */
  details?: CellChangeDetail;
}

/** When one sync makes several kinds of change to one table, the event reports the most structural one. */
const PRIORITY: ChangeRecord["changeType"][] = [
  "RowDeleted",
  "ColumnDeleted",
  "CellDeleted",
  "RowInserted",
  "ColumnInserted",
  "CellInserted",
  "RangeEdited",
];

/** Rows a sort moved on one worksheet: each run of them is one area of onRowSorted's address. */
export interface SortSummary {
  sheetId: string;
  areas: Rect[];
}

/**
 * Groups a sync's changes: one summary per table and one per worksheet (tables' changes included), one per
 * worksheet of its format-only changes (for onFormatChanged), and one per worksheet of the rows sorts moved
 * (for onRowSorted; a sort raises no onChanged).
 */
export function summarise(changes: ChangeRecord[]): {
  tables: ChangeSummary[];
  sheets: ChangeSummary[];
  formats: ChangeSummary[];
  sorts: SortSummary[];
} {
  const sorts = new Map<string, SortSummary>();
  const tables = new Map<string, ChangeSummary>();
  const sheets = new Map<string, ChangeSummary>();
  const formats = new Map<string, ChangeSummary>();
  const merge = (map: Map<string, ChangeSummary>, key: string, change: ChangeRecord, tableId?: string) => {
    const seen = map.get(key);
    if (!seen) {
      map.set(key, {
        sheetId: change.sheetId,
        tableId,
        rect: change.rect,
        changeType: change.changeType,
        ...(change.details ? { details: change.details } : {}),
      });
      return;
    }
    delete seen.details;
    seen.rect = union(seen.rect, change.rect);
    if (PRIORITY.indexOf(change.changeType) < PRIORITY.indexOf(seen.changeType))
      seen.changeType = change.changeType;
  };
  for (const change of changes) {
    if (change.sorted) {
      const seen = sorts.get(change.sheetId);
      if (seen) seen.areas.push(change.rect);
      else sorts.set(change.sheetId, { sheetId: change.sheetId, areas: [change.rect] });
      continue;
    }
    if (change.tableId !== undefined) merge(tables, change.tableId, change, change.tableId);
    else if (change.formatOnly) merge(formats, change.sheetId, change);
    merge(sheets, change.sheetId, change);
  }
  return {
    tables: [...tables.values()],
    sheets: [...sheets.values()],
    formats: [...formats.values()],
    sorts: [...sorts.values()],
  };
}

export class EventHub {
  private registrations: Registration[] = [];

  add(registration: Registration): void {
    this.registrations.push(registration);
  }

  remove(handler: Handler, sessionId: string): void {
    this.registrations = this.registrations.filter(
      (r) => !(r.handler === handler && r.sessionId === sessionId),
    );
  }

  /** Every handler a session registered: its add-in's runtime has closed. */
  removeSession(sessionId: string): void {
    this.registrations = this.registrations.filter((r) => r.sessionId !== sessionId);
  }

  count(): number {
    return this.registrations.length;
  }

  /** Delivers asynchronously to every matching registration. */
  emit(
    kind: EventKind,
    targetId: string | undefined,
    makeArgs: (registration: Registration) => object,
    onlySession?: string,
  ): void {
    for (const registration of this.registrations) {
      if (registration.kind !== kind) continue;
      if (registration.targetId !== undefined && registration.targetId !== targetId) continue;
      if (onlySession !== undefined && registration.sessionId !== onlySession) continue;
      const args = makeArgs(registration);
      setTimeout(() => {
        Promise.resolve()
          .then(() => (registration.handler as (a: object) => unknown)(args))
          .catch((error: unknown) => console.error(`Excel event handler for ${kind} failed`, error));
      }, 0);
    }
  }
}

export const localAddress = formatRect;
